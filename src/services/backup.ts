import { spawn } from 'node:child_process';
import type { PGlite } from '@electric-sql/pglite';
import { backupQueries, type RawSql } from '../db/repositories/backups';
import { BackupError, openPostgresUrl, pgliteConnection } from './backup-connection';
import { composeBackup, dataOfDump, BACKUP_FORMAT, type BackupHeader } from './backup-file';
import type { ErasureEntry } from './backup-ledger';

/** What pg_dump writes for us, from PGlite (pglite-tools adds `--inserts`) or Postgres alike. */
const DUMP_ARGS = ['--data-only', '--schema=public', '--no-owner', '--no-privileges'];

export interface TakenBackup {
  text: string;
  header: BackupHeader;
  /** The erased members in the backed-up data, for the erasure ledger. */
  tombstones: ErasureEntry[];
}

/** Where a backup is taken from: a PGlite nobody else uses while it runs, or a Postgres URL. */
export type BackupSource = { pglite: PGlite } | { postgresUrl: string };

export async function takeBackup(source: BackupSource, now: Date): Promise<TakenBackup> {
  return 'pglite' in source ? fromPglite(source.pglite, now) : fromPostgres(source.postgresUrl, now);
}

/**
 * A copy of the bot's own PGlite, taken between transactions: PGlite runs one session, so pg_dump
 * cannot run beside the bot's queries (they would land inside its transaction); the copy is an
 * image of the files as a crash would leave them, which Postgres recovers to the last commit.
 */
export async function copyOfRunningPglite(pg: PGlite): Promise<PGlite> {
  // `_runExclusiveTransaction` waits for the transaction in progress (Drizzle's go through it).
  return pg._runExclusiveTransaction(() => pg.clone()) as Promise<PGlite>;
}

async function describe(raw: RawSql, source: BackupHeader['source'], now: Date, dumpedBy = 'pg_dump') {
  const queries = backupQueries(raw);
  const migrations = await queries.migrationLevel();
  if (!migrations) throw new BackupError('The database has never been migrated: there is nothing to back up');
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    takenAt: now.toISOString(),
    source,
    dumpedBy,
    migrations,
    tables: await queries.summaries(await queries.tables()),
  };
  return { header, tombstones: await queries.tombstones() };
}

async function fromPglite(pg: PGlite, now: Date): Promise<TakenBackup> {
  const { pgDump } = await import('@electric-sql/pglite-tools/pg_dump');
  const raw = pgliteConnection(pg, async () => undefined);
  await backupQueries(raw).pinSessionFormats();
  const described = await describe(raw, 'pglite', now);
  // pglite-tools deletes every output line starting with \restrict or \unrestrict (the psql
  // commands newer pg_dump writes), even inside a quoted value, and any member can type such a
  // line. With standard_conforming_strings off, pg_dump doubles every backslash in a value, so no
  // value's line can start with a lone backslash: nothing a member types can be cut from the file.
  await raw.exec('set standard_conforming_strings = off');
  let dump: string;
  try {
    dump = await (await pgDump({ pg, args: DUMP_ARGS })).text();
  } finally {
    await raw.exec('reset standard_conforming_strings');
  }
  const { data, dumpedBy, standardStrings } = dataOfDump(dump);
  const header = { ...described.header, dumpedBy, standardStrings };
  return { text: composeBackup(header, data), header, tombstones: described.tombstones };
}

/** pg_dump in the snapshot the checksums were computed in: the header describes exactly the data. */
async function fromPostgres(url: string, now: Date): Promise<TakenBackup> {
  const connection = await openPostgresUrl(url);
  try {
    return await connection.transaction(
      async (tx) => {
        await backupQueries(tx).pinSessionFormats(true);
        const [exported] = await tx.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot');
        const described = await describe(tx, 'postgres', now);
        const { data, dumpedBy, standardStrings } = dataOfDump(await runPgDump(url, exported!.snapshot));
        const header = { ...described.header, dumpedBy, standardStrings };
        return { text: composeBackup(header, data), header, tombstones: described.tombstones };
      },
      { snapshot: true },
    );
  } finally {
    await connection.close();
  }
}

function runPgDump(url: string, snapshot: string): Promise<string> {
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = '';
  return new Promise((resolve, reject) => {
    // The password goes in the child's environment, not its arguments (which `ps` shows).
    const child = spawn('pg_dump', [...DUMP_ARGS, '--inserts', `--snapshot=${snapshot}`, '--dbname', target.toString()], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          error.code === 'ENOENT'
            ? 'pg_dump is not installed: install the PostgreSQL client tools of the server\'s major version or newer (Debian: postgresql-client)'
            : `pg_dump could not start: ${error.message}`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out).toString('utf8'))
        : reject(new BackupError(`pg_dump failed: ${err.trim().split('\n')[0] ?? `exit code ${code}`}`)),
    );
  });
}
