import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A member CSV an organizer uploaded in the bot's DM, read and previewed but not imported until
 * they press Confirm. `file_id` is unique so that a repeated Slack event makes one draft (one
 * preview); `consumed_at` is set once, by whoever claims the draft first (Confirm or Cancel).
 */
export const memberImportDrafts = pgTable(
  'member_import_drafts',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizerSlackUserId: text().notNull(),
    /** Slack's file ID: a retried event finds the draft it made already. */
    fileId: text().notNull().unique('member_import_drafts_file_id_unique'),
    fileName: text().notNull(),
    /** The parsed rows (ParsedMemberRow[]); null when the file could not be read. */
    rows: jsonb().$type<unknown[]>(),
    /** Why the file could not be read ({ row, column, detail } or a code); null when it was. */
    problem: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    consumedAt: timestamp({ withTimezone: true }),
    /** 'imported' or 'cancelled', set with consumed_at. */
    outcome: text(),
    /** What the import did (ImportSummary), shown again to a second Confirm. */
    summary: jsonb().$type<Record<string, number>>(),
  },
  // Expired drafts still holding rows: their personal data is cleared (see clearExpired).
  (table) => [index('member_import_drafts_expires_at_idx').on(table.expiresAt).where(sql`${table.rows} is not null`)],
);

export type MemberImportDraftRow = typeof memberImportDrafts.$inferSelect;
export type NewMemberImportDraftRow = typeof memberImportDrafts.$inferInsert;
