import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { WebClient } from '@slack/web-api';
import { ConfigError, loadConfig, type Config } from '../config';
import { openDatabase, type Database } from '../db/client';
import type { ServiceDeps } from '../services/deps';
import { BackupError } from '../services/backup-connection';
import { askable, backupSocketPath } from '../services/backup-socket';
import { isDatabaseUnavailable } from '../services/errors';
import { MemberCsvError, parseMemberCsv, type ParsedMemberRow } from '../services/member-csv';
import { exportMembers, importMembers } from '../services/member-import';
import type { SlackUserRecord } from '../services/slack-accounts';
import { applyThesaurusFile, ThesaurusFileError } from '../services/thesaurus-file';
import { SlackLookupError, slackLookupByEmail } from '../slack/lookup-by-email';
import { parseAuditArgs, runAudit } from './commands/audit';
import { parseBackupArgs, runBackup } from './commands/backup';
import { parseContactsArgs, runContacts } from './commands/contacts';
import { parseRestoreArgs, runReapplyErasures, runRestore } from './commands/restore';
import { parseSearchArgs, runSearch, SEARCH_USAGE } from './commands/search';

const USAGE = `Usage: npm run cli -- <command>

  import FILE.csv   create or update members from the network's spreadsheet (all rows or none)
  export FILE.csv   write every member with an email address in the same format
  migrate           apply database migrations
  search "QUERY" --as staff|alumni|organizer [--limit N] [--json]
                    run /find-expert's search as that audience would (--json: an array of matches)
  audit [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]
                    the introduction record as CSV (Japan-time days, both inclusive), to FILE or
                    standard output; recorded in the audit trail
  contacts [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]
                    the contact log for the ethics officer as CSV: introductions made and events
                    staff attended (Japan-time days, both inclusive), to FILE or standard output;
                    recorded in the audit trail
  backup [--out FILE]
                    a backup of the whole database (plain SQL, restorable on PGlite or Postgres), to FILE
                    or BACKUP_DIR; on the embedded database a running bot takes it
  restore FILE [--replace] [--erasures LEDGER]...
                    load a backup into an empty database (--replace: over one holding data), then
                    apply again the erasures made since (BACKUP_DIR/erasures.jsonl and each LEDGER)
  reapply-erasures [--erasures LEDGER]...
                    apply again the erasures in BACKUP_DIR/erasures.jsonl (and each LEDGER) that the
                    database lacks, after it was restored by other means
  help              show this help

Columns: email,name,member_type,year_joined,year_left,organisation,title,former_divisions,topics,
help_text,help_kinds,capacity,share_with_staff,share_with_alumni,coi,locale (UTF-8).`;

/** An error whose message is all the organizer needs to read. */
class CliError extends Error {}

async function withDatabase<T>(config: Config, use: (deps: ServiceDeps, database: Database) => Promise<T>): Promise<T> {
  // PGlite takes no lock of its own: a second process opening the bot's directory loses what it
  // writes (and may read a stale copy). The running bot answers on its backup socket.
  if (!config.databaseUrl && (await askable(backupSocketPath(config.pgliteDataDir)))) {
    throw new CliError(
      `The bot is running on the embedded database in ${config.pgliteDataDir}, which one process at a time may open. Stop the bot first, or use Slack (/alumni-admin audit | contacts | members, Import CSV on App Home); \`backup\` works while it runs. Nothing was changed.`,
    );
  }
  // Documents the CLI writes (imports) are made with the same thesaurus as the bot's.
  await applyThesaurusFile(config.thesaurusFile);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDataDir: config.pgliteDataDir, work: 'batch' });
  try {
    return await use({ db: database.db, clock: () => new Date(), staffEmailDomains: config.staffEmailDomains, ethics: config.ethics }, database);
  } finally {
    await database.close();
  }
}

/** Slack's lookup by email for an import, when a bot token is set; a failure stops the import. */
function slackLookup(config: Config): ((email: string) => Promise<SlackUserRecord | null>) | undefined {
  if (!config.slack.botToken) return undefined;
  const client = new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    // A few retries (rate limits included), not the default half hour: someone is waiting at the prompt.
    retryConfig: { retries: 5, factor: 2 },
  });
  const lookup = slackLookupByEmail(client);
  return (email) =>
    lookup(email).catch((error: unknown) => {
      if (!(error instanceof SlackLookupError)) throw error;
      throw new CliError(`Slack could not look up ${email} (${error.reason}); nothing was imported`);
    });
}

async function readText(file: string): Promise<string> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${file} is not UTF-8 text; in Excel, save it as "CSV UTF-8"`);
  }
}

function parseRows(file: string, text: string): ParsedMemberRow[] {
  try {
    return parseMemberCsv(text, { currentYear: new Date().getFullYear() });
  } catch (error) {
    if (error instanceof MemberCsvError) throw new CliError(`${file}: ${error.message}. Nothing was imported.`);
    throw error;
  }
}

const members = (n: number) => `${n} member${n === 1 ? '' : 's'}`;

async function runImport(config: Config, file: string): Promise<string> {
  const text = await readText(file);
  const rows = parseRows(file, text);
  const lookupSlackUserByEmail = slackLookup(config);
  const s = await withDatabase(config, (deps) => importMembers(deps, rows, { lookupSlackUserByEmail }));
  const linking = lookupSlackUserByEmail ? `${s.linked} linked to Slack` : 'Slack linking skipped (no SLACK_BOT_TOKEN)';
  return `Imported ${members(rows.length)}: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged; ${linking}.`;
}

async function runExport(config: Config, file: string): Promise<string> {
  const result = await withDatabase(config, (deps) => exportMembers(deps));
  await writeFile(file, result.csv).catch((error: Error) => {
    throw new CliError(`Cannot write ${file}: ${error.message}`);
  });
  const leftOut = result.withoutEmail > 0 ? ` (${result.withoutEmail} without an email address left out)` : '';
  return `Exported ${members(result.exported)} to ${file}${leftOut}.`;
}

async function runMigrate(config: Config): Promise<string> {
  return withDatabase(config, async (_deps, database) =>
    database.driver === 'postgres'
      ? 'Database migrated (Postgres at DATABASE_URL).'
      : `Database migrated (PGlite in ${config.pgliteDataDir}).`,
  );
}

function errorMessage(error: unknown): string {
  if (error instanceof ConfigError || error instanceof CliError || error instanceof ThesaurusFileError || error instanceof BackupError) return error.message;
  if (isDatabaseUnavailable(error)) return 'Cannot reach the database: check DATABASE_URL (or unset it to use PGlite)';
  // Drizzle wraps driver errors in "Failed query: …" with the parameters; the cause is what matters.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return `Unexpected error: ${(cause instanceof Error ? cause.message : String(cause)).split('\n')[0]}`;
}

const COMMANDS: Record<string, { file: boolean; run: (config: Config, file: string) => Promise<string> }> = {
  import: { file: true, run: runImport },
  export: { file: true, run: runExport },
  migrate: { file: false, run: runMigrate },
};

async function main(args: string[]): Promise<number> {
  const [name, file, ...extra] = args;
  if (name === undefined || ['help', '--help', '-h'].includes(name)) {
    console.log(USAGE);
    return 0;
  }
  if (name === 'search') return runSearchCommand([file, ...extra].filter((arg) => arg !== undefined));
  if (name === 'audit') return runAuditCommand(args.slice(1));
  if (name === 'contacts') return runContactsCommand(args.slice(1));
  if (name === 'backup' || name === 'restore') return runBackupCommand(name, args.slice(1));
  if (name === 'reapply-erasures') return runReapplyCommand(args.slice(1));
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}"; run \`npm run cli -- help\` for the list`);
    return 1;
  }
  if ((file === undefined) === command.file || extra.length > 0) {
    console.error(`Usage: npm run cli -- ${name}${command.file ? ' FILE.csv' : ''}`);
    return 1;
  }
  try {
    console.log(await command.run(await loadConfig('cli'), file ?? ''));
    return 0;
  } catch (error) {
    console.error(errorMessage(error));
    return 1;
  }
}

async function runSearchCommand(args: string[]): Promise<number> {
  const command = parseSearchArgs(args);
  if (!command) {
    console.error(SEARCH_USAGE);
    return 1;
  }
  try {
    console.log(await withDatabase(await loadConfig('cli'), (deps) => runSearch(deps, command)));
    return 0;
  } catch (error) {
    console.error(errorMessage(error));
    return 1;
  }
}

async function runAuditCommand(args: string[]): Promise<number> {
  const command = parseAuditArgs(args);
  if ('error' in command) {
    console.error(command.error);
    return 1;
  }
  try {
    const { csv, count } = await withDatabase(await loadConfig('cli'), (deps) => runAudit(deps, command));
    if (command.out === undefined) {
      process.stdout.write(csv);
      return 0;
    }
    await writeFile(command.out, csv).catch((error: Error) => {
      throw new CliError(`Cannot write ${command.out}: ${error.message}`);
    });
    console.log(`Exported ${count} introduction request${count === 1 ? '' : 's'} to ${command.out}.`);
    return 0;
  } catch (error) {
    console.error(errorMessage(error));
    return 1;
  }
}

async function runContactsCommand(args: string[]): Promise<number> {
  const command = parseContactsArgs(args);
  if ('error' in command) {
    console.error(command.error);
    return 1;
  }
  try {
    const { csv, count } = await withDatabase(await loadConfig('cli'), (deps) => runContacts(deps, command));
    if (command.out === undefined) {
      process.stdout.write(csv);
      return 0;
    }
    await writeFile(command.out, csv).catch((error: Error) => {
      throw new CliError(`Cannot write ${command.out}: ${error.message}`);
    });
    console.log(`Exported ${count} contact${count === 1 ? '' : 's'} to ${command.out}.`);
    return 0;
  } catch (error) {
    console.error(errorMessage(error));
    return 1;
  }
}

/** `backup` and `restore`: they open the database themselves (one session, or the running bot's). */
async function runBackupCommand(name: 'backup' | 'restore', args: string[]): Promise<number> {
  const command = name === 'backup' ? parseBackupArgs(args) : parseRestoreArgs(args);
  if ('error' in command) {
    console.error(command.error);
    return 1;
  }
  try {
    const config = await loadConfig('cli');
    const clock = () => new Date();
    console.log(
      'file' in command ? await runRestore(config, command, clock) : await runBackup(config, command, clock()),
    );
    return 0;
  } catch (error) {
    console.error(errorMessage(error));
    return 1;
  }
}

async function runReapplyCommand(args: string[]): Promise<number> {
  let ledgers: string[];
  try {
    ledgers = parseArgs({ args, allowPositionals: false, options: { erasures: { type: 'string', multiple: true, default: [] } } }).values.erasures;
  } catch {
    console.error('Usage: npm run cli -- reapply-erasures [--erasures LEDGER]...');
    return 1;
  }
  try {
    console.log(await runReapplyErasures(await loadConfig('cli'), ledgers, () => new Date()));
    return 0;
  } catch (error) {
    console.error(errorMessage(error));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
