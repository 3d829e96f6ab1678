import { sql } from 'drizzle-orm';
import { createSearchRequestsRepository } from '../db/repositories/search-requests';
import type { ServiceDeps } from './deps';

const HOUR_MS = 60 * 60_000;

/**
 * Counts a search against the user's hourly allowance; false (and nothing recorded) once it is
 * used up. The check and the insert share a transaction holding a per-user advisory lock, so
 * parallel requests on several instances cannot slip past the limit together.
 */
export async function useSearchAllowance(deps: ServiceDeps, slackUserId: string, perHour: number): Promise<boolean> {
  const now = deps.clock();
  const since = new Date(now.getTime() - HOUR_MS);
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`search:${slackUserId}`}))`);
    const requests = createSearchRequestsRepository({ db: tx });
    await requests.deleteBefore(slackUserId, since);
    if ((await requests.countSince(slackUserId, since)) >= perHour) return false;
    await requests.record(slackUserId, now);
    return true;
  });
}
