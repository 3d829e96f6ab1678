import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../client';
import { searchRequests } from '../schema';

export function createSearchRequestsRepository({ db }: { db: Db }) {
  return {
    async countSince(slackUserId: string, since: Date): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(searchRequests)
        .where(and(eq(searchRequests.slackUserId, slackUserId), gt(searchRequests.requestedAt, since)));
      return row?.n ?? 0;
    },

    async record(slackUserId: string, at: Date): Promise<void> {
      await db.insert(searchRequests).values({ slackUserId, requestedAt: at });
    },

    /** Old rows only serve the rate limit; drop them as we go. */
    async deleteBefore(slackUserId: string, before: Date): Promise<void> {
      await db.delete(searchRequests).where(and(eq(searchRequests.slackUserId, slackUserId), lt(searchRequests.requestedAt, before)));
    },
  };
}
