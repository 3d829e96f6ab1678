import { createRepositories } from '../db/repositories';
import type { MemberRow } from '../db/schema';
import { networkToday } from './calendar';
import type { ServiceDeps } from './deps';

/**
 * The day a member said, when declining a request, they are unavailable until, while it still
 * hides them from search and requests (today or later in Japan, as search counts it); otherwise
 * undefined: a date gone by is not shown.
 */
export function activeUnavailability(member: Pick<MemberRow, 'unavailableUntil'> | undefined, now: Date): string | undefined {
  const until = member?.unavailableUntil;
  return until && until >= networkToday(now) ? until : undefined;
}

export type ClearUnavailabilityResult =
  | { kind: 'no_profile' }
  | { kind: 'not_set'; member: MemberRow }
  | { kind: 'cleared'; member: MemberRow; previous: string };

/**
 * "Available again": clears the Slack user's own "unavailable until", so search and requests find
 * them at once (nothing else holds it: search reads the column). Whose date is cleared comes from
 * the Slack user only. A second click, or a date already cleared, changes nothing and is audited once.
 */
export async function clearOwnUnavailability(deps: ServiceDeps, slackUserId: string): Promise<ClearUnavailabilityResult> {
  const now = deps.clock();
  return deps.db.transaction(async (tx): Promise<ClearUnavailabilityResult> => {
    const repos = createRepositories(tx);
    const member = await repos.members.findBySlackUserId(slackUserId);
    if (!member) return { kind: 'no_profile' };
    const previous = member.unavailableUntil;
    // Undefined too when a click at the same moment cleared it first.
    const cleared = previous ? await repos.members.clearUnavailableUntil(member.id, now) : undefined;
    if (!previous || !cleared) return { kind: 'not_set', member: { ...member, unavailableUntil: null } };
    await repos.audit.record({
      actor: slackUserId,
      action: 'member.available_again',
      subjectMemberId: member.id,
      details: { unavailableUntil: previous },
      occurredAt: now,
    });
    return { kind: 'cleared', member: cleared, previous };
  });
}
