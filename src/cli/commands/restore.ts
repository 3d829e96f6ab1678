import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../../config';
import { openDatabase, type Database } from '../../db/client';
import { BackupError, openPostgresUrl, pgliteConnection, pgliteDirectoryInUse, pgliteOf, type RawConnection } from '../../services/backup-connection';
import { ERASURE_LEDGER_FILE, readErasureLedger, unionOfErasures } from '../../services/backup-ledger';
import { restoreWithErasures, type Recovery } from '../../services/backup-recovery';
import { reapplyErasures } from '../../services/backup-restore';
import { askable, backupSocketPath } from '../../services/backup-socket';
import type { ServiceDeps } from '../../services/deps';

export const RESTORE_USAGE = 'Usage: npm run cli -- restore FILE [--replace] [--erasures LEDGER]...';

export interface RestoreCommand {
  file: string;
  replace: boolean;
  /** More erasure ledgers (other instances' BACKUP_DIR/erasures.jsonl), beside BACKUP_DIR's own. */
  erasures: string[];
}

export function parseRestoreArgs(args: string[]): RestoreCommand | { error: string } {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { replace: { type: 'boolean', default: false }, erasures: { type: 'string', multiple: true, default: [] } },
    });
    if (positionals.length !== 1 || !positionals[0]) return { error: RESTORE_USAGE };
    return { file: positionals[0], replace: values.replace, erasures: values.erasures };
  } catch {
    return { error: RESTORE_USAGE };
  }
}

async function readLedgers(config: Config, extra: string[]) {
  const lists = [await readErasureLedger(join(config.backup.dir, ERASURE_LEDGER_FILE))];
  for (const file of extra) {
    lists.push(
      await readErasureLedger(file).catch((error: Error) => {
        throw new BackupError(`Cannot read the erasure ledger ${file}: ${error.message}`);
      }),
    );
  }
  return unionOfErasures(...lists);
}

/** The embedded database must not be open in the bot while it is replaced under it. */
async function refuseWhileInUse(config: Config): Promise<void> {
  if ((await askable(backupSocketPath(config.pgliteDataDir))) || pgliteDirectoryInUse(config.pgliteDataDir)) {
    throw new BackupError(
      `The embedded database in ${config.pgliteDataDir} is open (the bot is running, or the last process crashed): stop the bot, then restore, then start it. Nothing was changed.`,
    );
  }
}

/** `restore FILE`: the backup into the configured database, erasures re-applied; what was done, in one paragraph. */
export async function runRestore(config: Config, command: RestoreCommand, clock: () => Date): Promise<string> {
  const text = await readFile(command.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(`Cannot read ${command.file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const ledger = await readLedgers(config, command.erasures);
  if (!config.databaseUrl) await refuseWhileInUse(config);
  const opened: Database[] = [];
  const open = async () => {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDataDir: config.pgliteDataDir, migrate: false, work: 'batch' });
    opened.push(database);
    return database;
  };
  let target: RawConnection;
  if (config.databaseUrl) target = await openPostgresUrl(config.databaseUrl);
  else target = pgliteConnection(pgliteOf(await open())!, async () => undefined);
  try {
    const servicesOn = async (): Promise<ServiceDeps> => ({
      // Postgres: a connection opened after the restore (types were made anew); PGlite: the same instance.
      db: (opened[0] ?? (await open())).db,
      clock,
      staffEmailDomains: config.staffEmailDomains,
      ethics: config.ethics,
    });
    const recovery = await restoreWithErasures({ text, target, replace: command.replace, servicesOn, ledger, ledgerDir: config.backup.dir });
    return describeRecovery(command.file, recovery, config);
  } finally {
    await target.close();
    for (const database of opened) await database.close();
  }
}

function describeRecovery(file: string, r: Recovery, config: Config): string {
  const where = config.databaseUrl ? 'Postgres at DATABASE_URL' : `the embedded database in ${config.pgliteDataDir}`;
  const lines = [
    `Restored ${file} (taken ${r.header.takenAt} from ${r.header.source}) into ${where}: ${r.tables} tables, ${r.rows} rows, each checked against the backup${r.replaced ? '; the data that was there was replaced' : ''}.`,
  ];
  if (r.migratedAfter > 0) lines.push(`The backup was made by an older Kakehashi: ${r.migratedAfter} migrations applied after loading it.`);
  lines.push(
    r.reapplied.length > 0
      ? `${r.reapplied.length} erasures made after the backup were applied again (recorded in the audit trail); the bot tells Slack when it next runs (${r.deliveryIds.length} messages).`
      : 'No erasure was missing from the backup.',
  );
  return lines.join('\n');
}

/**
 * `reapply-erasures [--erasures LEDGER]...`: after a restore made by other means (a provider's
 * point-in-time recovery), the erasures in the ledgers that the database lacks, applied again.
 */
export async function runReapplyErasures(config: Config, ledgerFiles: string[], clock: () => Date): Promise<string> {
  const ledger = await readLedgers(config, ledgerFiles);
  if (!config.databaseUrl) await refuseWhileInUse(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDataDir: config.pgliteDataDir, migrate: false, work: 'batch' });
  try {
    const deps = { db: database.db, clock, staffEmailDomains: config.staffEmailDomains, ethics: config.ethics };
    const { reapplied, deliveryIds } = await reapplyErasures(deps, ledger);
    return reapplied.length > 0
      ? `${reapplied.length} of ${ledger.length} erasures in the ledgers were missing and were applied again (recorded in the audit trail); the bot tells Slack when it next runs (${deliveryIds.length} messages).`
      : `All ${ledger.length} erasures in the ledgers are in the database.`;
  } finally {
    await database.close();
  }
}
