import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The per-user rate limit that stops anyone from scraping the directory: one row per searcher with
 * the times of their searches in the last hour, so a search is counted in one statement.
 */
export const searchAllowances = pgTable('search_allowances', {
  slackUserId: text().primaryKey(),
  recentSearches: timestamp({ withTimezone: true }).array().notNull(),
});
