import { createRepositories } from '../db/repositories';
import { DELIVERIES } from './deliveries';
import type { ServiceDeps } from './deps';

export const STALE_AFTER_MONTHS = 6;

export function staleCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - STALE_AFTER_MONTHS);
  return cutoff;
}

/**
 * Records each due "is this still right?" reminder once, with its delivery, in one transaction:
 * members are claimed with SKIP LOCKED, so several instances sweeping at once never double it, and
 * the delivery worker sends (and retries) it, so a restart loses nothing. Returns the deliveries.
 */
export async function sendStaleProfileReminders(deps: ServiceDeps, options: { batchSize?: number } = {}): Promise<string[]> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const claimed = await repos.members.claimStaleReminders(staleCutoff(now), now, options.batchSize ?? 50);
    return repos.deliveries.enqueue(claimed.map((member) => DELIVERIES.staleReminder(member.id, now)), now);
  });
}

/** "Keep": the member confirms their profile as it is. */
export async function confirmProfile(deps: ServiceDeps, slackUserId: string): Promise<boolean> {
  const repos = createRepositories(deps.db);
  const member = await repos.members.findBySlackUserId(slackUserId);
  if (!member) return false;
  await repos.members.update(member.id, { profileConfirmedAt: deps.clock() });
  return true;
}
