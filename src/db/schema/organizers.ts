import { boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Organizer role, independent of having a profile. A revoked row is kept (active = false) so that
 * seeding from ORGANIZER_USER_IDS at start-up does not silently re-grant it.
 */
export const organizers = pgTable('organizers', {
  slackUserId: text().primaryKey(),
  active: boolean().notNull(),
  changedBySlackUserId: text(),
  changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type OrganizerRow = typeof organizers.$inferSelect;
