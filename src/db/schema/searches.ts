import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The per-user rate limit that stops anyone from scraping the directory: one row per searcher with
 * the times of their searches in the last hour, so a search is counted in one statement.
 */
export const searchAllowances = pgTable('search_allowances', {
  slackUserId: text().primaryKey(),
  recentSearches: timestamp({ withTimezone: true }).array().notNull(),
});

/**
 * How the stored search documents were made (one row): when the thesaurus or the way documents
 * are made changes, the instance that claims the row makes every document again, in batches, while
 * search goes on with the old ones (src/services/search-index.ts).
 */
export const searchIndex = pgTable(
  'search_index',
  {
    id: integer().primaryKey().default(1),
    documentVersion: text().notNull(),
    /** While an instance remakes the documents: others leave it to it until then. */
    claimedUntil: timestamp({ withTimezone: true }),
  },
  (table) => [check('search_index_single_row', sql`${table.id} = 1`)],
);
