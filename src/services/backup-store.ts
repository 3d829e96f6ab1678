import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { TakenBackup } from './backup';
import { DAILY_BACKUP_PATTERN } from './backup-file';
import { rewriteErasureLedger } from './backup-ledger';

/** Writes the whole file or nothing: a crash mid-write leaves a `.partial` file, never a short backup. */
export async function writeBackupFile(file: string, backup: TakenBackup): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.partial`, backup.text, { mode: 0o600 });
  await rename(`${file}.partial`, file);
}

/**
 * A backup into BACKUP_DIR: the file, then the erasure ledger rewritten with the backup's
 * tombstones (so the ledger alone can re-apply every erasure up to now), then the oldest daily
 * backups beyond `keep` removed.
 */
export async function saveBackup(input: { dir: string; name: string; backup: TakenBackup; keep: number }): Promise<{ file: string; removed: string[] }> {
  const file = join(input.dir, input.name);
  await writeBackupFile(file, input.backup);
  await rewriteErasureLedger(input.dir, input.backup.tombstones);
  return { file, removed: await pruneBackups(input.dir, input.keep) };
}

/** The daily backups in `dir`, oldest first (their names sort by date). */
export async function listDailyBackups(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names.filter((name) => DAILY_BACKUP_PATTERN.test(name)).sort();
}

/** Keeps the newest `keep` daily backups; nothing else (backups on demand included) is ever removed. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const names = await listDailyBackups(dir);
  const removed = names.slice(0, Math.max(0, names.length - keep));
  for (const name of removed) await rm(join(dir, name), { force: true });
  return removed;
}
