import type { PGlite } from '@electric-sql/pglite';
import { createRepositories } from '../db/repositories';
import { copyOfRunningPglite, takeBackup } from './backup';
import { backupFileName } from './backup-file';
import { saveBackup } from './backup-store';
import { networkToday } from './calendar';
import type { ServiceDeps } from './deps';

/** How long a claim holds: a backup of a small network takes seconds; a dead process's claim lapses. */
const CLAIM_MS = 30 * 60_000;
/** A failed day is tried again after this (the job looks every hour). */
const RETRY_AFTER_MS = 60 * 60_000;

export type DailyBackupOutcome =
  | { kind: 'not_due' }
  | { kind: 'done'; file: string; removed: string[] }
  | { kind: 'failed'; error: string };

/**
 * Takes today's backup of the bot's embedded database if no instance has (the day's row in
 * backup_runs is the claim, so restarts and a second instance do not take it twice), keeps the
 * newest `keep` files, and records a failure for organizers to see on App Home.
 */
export async function runDailyBackup(
  deps: ServiceDeps,
  input: { pglite: PGlite; dir: string; keep: number },
): Promise<DailyBackupOutcome> {
  const runs = createRepositories(deps.db).backupRuns;
  const now = deps.clock();
  const day = networkToday(now);
  if (!(await runs.claim(day, now, new Date(now.getTime() + CLAIM_MS)))) return { kind: 'not_due' };
  try {
    const backup = await backupOfRunningPglite(input.pglite, now);
    const saved = await saveBackup({ dir: input.dir, name: backupFileName({ day }), backup, keep: input.keep });
    await runs.finish(day, { file: backupFileName({ day }), finishedAt: deps.clock() });
    return { kind: 'done', file: saved.file, removed: saved.removed };
  } catch (error) {
    const message = describeFailure(error);
    const failedAt = deps.clock();
    await runs.fail(day, { failedAt, error: message, retryAfter: new Date(failedAt.getTime() + RETRY_AFTER_MS) });
    return { kind: 'failed', error: message };
  }
}

/** A backup of the bot's own PGlite, taken on a copy so the bot's queries go on meanwhile. */
export async function backupOfRunningPglite(pglite: PGlite, now: Date) {
  const copy = await copyOfRunningPglite(pglite);
  try {
    return await takeBackup({ pglite: copy }, now);
  } finally {
    await copy.close();
  }
}

/** One line for organizers: a file system or database message, never a stack. */
function describeFailure(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const text = cause instanceof Error ? cause.message : String(cause);
  return (text.split('\n')[0] ?? '').slice(0, 300);
}

/** The last daily backup failed and none succeeded since: organizers see it on App Home. */
export async function lastBackupFailure(deps: ServiceDeps): Promise<{ day: string; error: string } | undefined> {
  const failed = await createRepositories(deps.db).backupRuns.latestUnresolvedFailure();
  return failed ? { day: failed.day, error: failed.error ?? '' } : undefined;
}
