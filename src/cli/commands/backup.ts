import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../../config';
import { takeBackup } from '../../services/backup';
import { BackupError, openPglite, pgliteDirectoryInUse } from '../../services/backup-connection';
import { backupFileName } from '../../services/backup-file';
import { rewriteErasureLedger } from '../../services/backup-ledger';
import { askForBackup, backupSocketPath } from '../../services/backup-socket';
import { writeBackupFile } from '../../services/backup-store';

export const BACKUP_USAGE = 'Usage: npm run cli -- backup [--out FILE]';

/** `[--out FILE]`: where to write; BACKUP_DIR/kakehashi-<date and time>.sql when absent. */
export function parseBackupArgs(args: string[]): { out?: string } | { error: string } {
  try {
    const { values } = parseArgs({ args, allowPositionals: false, options: { out: { type: 'string' } } });
    if (values.out === '') return { error: BACKUP_USAGE };
    return { out: values.out };
  } catch {
    return { error: BACKUP_USAGE };
  }
}

const summary = (file: string, tables: number, rows: number, how: string) =>
  `Backup written to ${file}: ${tables} tables, ${rows} rows (${how}). Restore it with \`npm run cli -- restore ${file}\`.`;

/**
 * A backup of the configured database. On Postgres, pg_dump reads a snapshot while the bot runs.
 * On the embedded database, a running bot is asked to take it (only one process may open the
 * directory); with no bot running, the CLI opens the directory itself.
 */
export async function runBackup(config: Config, command: { out?: string }, now: Date): Promise<string> {
  const file = resolve(command.out ?? join(config.backup.dir, backupFileName({ at: now })));
  if (config.databaseUrl) {
    const backup = await takeBackup({ postgresUrl: config.databaseUrl }, now);
    await writeBackupFile(file, backup);
    await rewriteErasureLedger(config.backup.dir, backup.tombstones);
    const tables = Object.values(backup.header.tables);
    return summary(file, tables.length, tables.reduce((sum, table) => sum + table.rows, 0), 'Postgres, pg_dump');
  }
  const socket = backupSocketPath(config.pgliteDataDir);
  const answer = await askForBackup(socket, { out: file });
  if (answer) {
    if (!answer.ok) throw new BackupError(`The running bot could not take the backup: ${answer.error}`);
    return summary(answer.file, answer.tables, answer.rows, 'taken by the running bot');
  }
  if (pgliteDirectoryInUse(config.pgliteDataDir)) {
    throw new BackupError(
      `The embedded database in ${config.pgliteDataDir} is open in another process that does not answer on ${socket} ` +
        '(an older bot, the sandbox, or a process that crashed); opening it twice loses data, so nothing was done. ' +
        'Stop that process and retry; if none runs, the last one crashed: start and stop the bot once, then retry. ' +
        `The bot's daily backups are in ${config.backup.dir}.`,
    );
  }
  if (!existsSync(join(config.pgliteDataDir, 'PG_VERSION'))) {
    throw new BackupError(`There is no embedded database in ${config.pgliteDataDir} (PGLITE_DATA_DIR) to back up`);
  }
  const pg = await openPglite(config.pgliteDataDir);
  try {
    const backup = await takeBackup({ pglite: pg }, now);
    await writeBackupFile(file, backup);
    await rewriteErasureLedger(config.backup.dir, backup.tombstones);
    const tables = Object.values(backup.header.tables);
    return summary(file, tables.length, tables.reduce((sum, table) => sum + table.rows, 0), 'embedded database, bot not running');
  } finally {
    await pg.close();
  }
}
