import { eq, sql } from 'drizzle-orm';
import { builtOnce } from '../built-once';
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
      const query = builtOnce(db, 'searchAllowances.take', () => {
        const at = sql`${sql.placeholder('at')}::timestamptz`;
        const since = sql`${sql.placeholder('since')}::timestamptz`;
        return db
          .insert(searchAllowances)
          .values({ slackUserId: sql.placeholder('slackUserId'), recentSearches: sql`array[${at}]` })
          .onConflictDoUpdate({
            target: searchAllowances.slackUserId,
            set: {
              recentSearches: sql`array(select t from unnest(${searchAllowances.recentSearches}) t where t > ${since} order by t) || ${at}`,
            },
            setWhere: sql`(select count(*) from unnest(${searchAllowances.recentSearches}) t where t > ${since}) < ${sql.placeholder('limit')}`,
          })
          .returning({ slackUserId: searchAllowances.slackUserId })
          .prepare('take_search_allowance');
      });
      const rows = await query.execute({ slackUserId, at: input.at.toISOString(), since: input.since.toISOString(), limit: input.limit });
      return rows.length > 0;
    },

    /** Erasure: no trace of when the person searched. */
    async forget(slackUserId: string): Promise<void> {
      await db.delete(searchAllowances).where(eq(searchAllowances.slackUserId, slackUserId));
    },
  };
}
