import { date, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The embedded database's daily backup, one row per day (network time zone): the instance that
 * inserts the day's row takes the backup, so it runs once even across restarts; `failed_at` and
 * `error` tell organizers (App Home) that the last backup did not happen and why.
 */
export const backupRuns = pgTable('backup_runs', {
  day: date({ mode: 'string' }).primaryKey(),
  startedAt: timestamp({ withTimezone: true }).notNull(),
  /** Until when the taker holds the claim: a run whose process died is taken again after it. */
  claimedUntil: timestamp({ withTimezone: true }).notNull(),
  finishedAt: timestamp({ withTimezone: true }),
  /** The file written (its name in BACKUP_DIR). */
  file: text(),
  failedAt: timestamp({ withTimezone: true }),
  /** Why it failed, without secrets (a file system or database message). */
  error: text(),
});

export type BackupRunRow = typeof backupRuns.$inferSelect;
