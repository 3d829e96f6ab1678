import type { MemberRow } from '../db/schema';
import { createRepositories } from '../db/repositories';
import type { ServiceDeps } from './deps';

export const STALE_AFTER_MONTHS = 6;

export function staleCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - STALE_AFTER_MONTHS);
  return cutoff;
}

/**
 * Sends each due "is this still right?" reminder once. Members are claimed in Postgres before the
 * DM goes out, so several instances sweeping at once never double-send; a failed DM is released
 * and retried by a later sweep, so a restart loses nothing.
 */
export async function sendStaleProfileReminders(
  deps: ServiceDeps,
  send: (member: MemberRow) => Promise<void>,
  options: { batchSize?: number; onError?: (error: unknown, member: MemberRow) => void } = {},
): Promise<{ sent: number; failed: number }> {
  const repos = createRepositories(deps.db);
  const now = deps.clock();
  const claimed = await repos.members.claimStaleReminders(staleCutoff(now), now, options.batchSize ?? 50);
  let sent = 0;
  let failed = 0;
  for (const member of claimed) {
    try {
      await send(member);
      sent++;
    } catch (error) {
      failed++;
      options.onError?.(error, member);
      await repos.members.releaseStaleReminder(member.id);
    }
  }
  return { sent, failed };
}

/** "Keep": the member confirms their profile as it is. */
export async function confirmProfile(deps: ServiceDeps, slackUserId: string): Promise<boolean> {
  const repos = createRepositories(deps.db);
  const member = await repos.members.findBySlackUserId(slackUserId);
  if (!member) return false;
  await repos.members.update(member.id, { profileConfirmedAt: deps.clock() });
  return true;
}
