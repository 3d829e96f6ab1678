import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { members } from './members';

/** Append-only record of decisions (approvals, role changes, erasures) for organizers to export. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Slack user ID of whoever acted, replaced by their pseudonym when they erase their data. */
    actor: text(),
    action: text().notNull(),
    subjectMemberId: uuid().references(() => members.id, { onDelete: 'restrict' }),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [
    index('audit_events_occurred_at_idx').on(table.occurredAt),
    index('audit_events_subject_member_id_idx').on(table.subjectMemberId),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
