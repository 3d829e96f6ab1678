import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A member CSV an organizer uploaded in the bot's DM, read and previewed but not imported until
 * they press Confirm. `file_id` is unique so that a repeated Slack event makes one draft (one
 * preview); `consumed_at` is set once, by whoever claims the draft first (Confirm or Cancel).
 * What it holds of people (`rows`, `problem`) is cleared when it is claimed, and after `expires_at`
 * by the hourly sweep (clearSpentDrafts); the row itself stays, so that a late click or a repeated
 * event is still answered.
 */
export const memberImportDrafts = pgTable(
  'member_import_drafts',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizerSlackUserId: text().notNull(),
    /** Slack's file ID: a retried event finds the draft it made already. */
    fileId: text().notNull().unique('member_import_drafts_file_id_unique'),
    fileName: text().notNull(),
    /** The parsed rows (ParsedMemberRow[]); null when the file could not be read, or once cleared. */
    rows: jsonb().$type<unknown[]>(),
    /**
     * Why the file could not be read (an UploadProblem: a kind, or { row, column, code, params },
     * whose params may quote a cell); null when it was, or once cleared.
     */
    problem: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    consumedAt: timestamp({ withTimezone: true }),
    /** 'imported' or 'cancelled', set with consumed_at. */
    outcome: text(),
    /** What the import did (ImportSummary), shown again to a second Confirm. */
    summary: jsonb().$type<Record<string, number>>(),
  },
  // Drafts still holding rows, by expiry (the sweep's clearSpent also clears `problem` and consumed drafts).
  (table) => [index('member_import_drafts_expires_at_idx').on(table.expiresAt).where(sql`${table.rows} is not null`)],
);

export type MemberImportDraftRow = typeof memberImportDrafts.$inferSelect;
export type NewMemberImportDraftRow = typeof memberImportDrafts.$inferInsert;
