import { pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { SLACK_STANDINGS } from '../../services/slack-standing';

export const slackStandingEnum = pgEnum('slack_standing', SLACK_STANDINGS);

/**
 * What Slack last said about a user (users.info, or a user_change / team_join /
 * user_guest_status_changed event), shared by every instance: an event received by one instance
 * takes effect in all at once. `account_standing` is Slack's view, before any guest allowance.
 */
export const slackUsers = pgTable('slack_users', {
  slackUserId: text().primaryKey(),
  accountStanding: slackStandingEnum().notNull(),
  email: text(),
  realName: text(),
  /** Slack's locale (e.g. ja-JP); events carry none, so an event keeps the last one known. */
  slackLocale: text(),
  tz: text(),
  fetchedAt: timestamp({ withTimezone: true }).notNull(),
});

/** Guest accounts organizers let in by name (off unless listed); each change is audited. */
export const allowedGuests = pgTable('allowed_guests', {
  slackUserId: text().primaryKey(),
  allowedBySlackUserId: text().notNull(),
  allowedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type SlackUserRow = typeof slackUsers.$inferSelect;
