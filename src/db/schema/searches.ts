import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One row per search, for the per-user rate limit that stops anyone from scraping the directory. */
export const searchRequests = pgTable(
  'search_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    slackUserId: text().notNull(),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('search_requests_user_time_idx').on(table.slackUserId, table.requestedAt)],
);
