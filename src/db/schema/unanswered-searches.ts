import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * What staff asked /find-expert for that nobody offers: one row per topic of a search that found
 * nobody ("other" when the query named no known topic). Private by design: no query text and no
 * user id, so nothing here can tell who searched for what.
 */
export const unansweredSearches = pgTable(
  'unanswered_searches',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The rows of one search share it, so searches are counted once whatever their topics. */
    searchId: uuid().notNull(),
    topicKey: text().notNull(),
    /** The start of the day (Japan time) of the search: enough for monthly figures, too coarse to tell who. */
    searchedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('unanswered_searches_searched_at_idx').on(table.searchedAt)],
);

export type UnansweredSearchRow = typeof unansweredSearches.$inferSelect;
