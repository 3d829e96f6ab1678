import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { searchAllowances } from '../schema';

export function createSearchAllowancesRepository({ db }: { db: Db }) {
  return {
    /**
     * Counts a search at `at` unless `limit` searches already happened after `since`; false (and
     * nothing recorded) then. One statement: the upsert locks the user's row, so searches running
     * at once on several instances are counted one after another and cannot slip past the limit.
     */
    async take(slackUserId: string, input: { at: Date; since: Date; limit: number }): Promise<boolean> {
      const at = sql`${input.at.toISOString()}::timestamptz`;
      const since = sql`${input.since.toISOString()}::timestamptz`;
      const rows = await db
        .insert(searchAllowances)
        .values({ slackUserId, recentSearches: sql`array[${at}]` })
        .onConflictDoUpdate({
          target: searchAllowances.slackUserId,
          set: {
            recentSearches: sql`array(select t from unnest(${searchAllowances.recentSearches}) t where t > ${since} order by t) || ${at}`,
          },
          setWhere: sql`(select count(*) from unnest(${searchAllowances.recentSearches}) t where t > ${since}) < ${input.limit}`,
        })
        .returning({ slackUserId: searchAllowances.slackUserId });
      return rows.length > 0;
    },

    /** Erasure: no trace of when the person searched. */
    async forget(slackUserId: string): Promise<void> {
      await db.delete(searchAllowances).where(eq(searchAllowances.slackUserId, slackUserId));
    },
  };
}
