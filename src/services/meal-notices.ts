import { createRepositories } from '../db/repositories';
import { createEventsRepository, MEAL_NOTICE_GIVEN, type EventsRepository, type RsvpWithMember } from '../db/repositories/events';
import type { EventRow, MemberRow } from '../db/schema';
import { DELIVERIES } from './deliveries';
import type { ServiceDeps } from './deps';
import { interestedPartyMatch, MEAL_NOTICES, mealNoticeFor, type EthicsSettings, type MealNotice } from './ethics';
import type { EventChangeRecord } from './event-outbox';
import { mayAttend } from './event-types';
import { isCurrentOfficial } from './identity';
import { isUuid } from './uuid';

// The ethics notice to staff going to an event with an interested party (mealNoticeFor): found due
// by a change (an answer, an edit, a promotion), checked again when it is sent, recorded when given.

/** The `event.notice` that tells a staff member the ethics rules on meals with an interested party. */
export const MEAL_NOTICE = 'meal_notice';
export { MEAL_NOTICE_GIVEN };

type Settings = Pick<EthicsSettings, 'mealNoticeYen'>;

/**
 * Which staff members going to the event are due which notice now: those with a place, who hold a
 * post (isCurrentOfficial), with an alumnus with a place whose employer is an interested party of
 * theirs (interestedPartyMatch). Empty when nothing matches.
 */
export function mealNoticesDue(answers: RsvpWithMember[], event: EventRow, settings: Settings, staffEmailDomains: readonly string[]): Map<string, MealNotice> {
  const due = new Map<string, MealNotice>();
  if (event.status !== 'scheduled' || !mealNoticeFor(event, true, settings)) return due;
  const going = answers
    .filter(({ rsvp, member }) => rsvp.answer === 'going' && !rsvp.waitlisted && mayAttend(member, event))
    .map(({ member }) => member);
  const official = (member: MemberRow) => isCurrentOfficial(member, staffEmailDomains);
  const alumni = going.filter((member) => !official(member));
  for (const staff of going.filter(official)) {
    const attends = alumni.some((alumnus) => alumnus.id !== staff.id && interestedPartyMatch(staff, alumnus) !== undefined);
    const meal = mealNoticeFor(event, attends, settings);
    if (meal) due.set(staff.id, meal);
  }
  return due;
}

/**
 * Within a change (an answer, an edit, a promotion): each staff member due a notice is sent it,
 * unless the same notice is waiting or was given already: never twice for the same notice, however
 * often answers and edits come, yet one skipped when sent (no longer due then) follows the change
 * that makes it due again. Keyed by the change's revision.
 */
export async function remindOfMeals(
  events: EventsRepository,
  change: EventChangeRecord,
  input: { event: EventRow; settings: Settings; staffEmailDomains: readonly string[] },
): Promise<void> {
  const { event, settings, staffEmailDomains } = input;
  // Without an interested party no rule applies: answers are only read for events one may.
  if (event.status !== 'scheduled' || !mealNoticeFor(event, true, settings)) return;
  const due = mealNoticesDue(await events.listRsvps(event.id), event, settings, staffEmailDomains);
  if (due.size === 0) return;
  const known = await events.mealNoticesOf(event.id, [...due.keys()]);
  for (const [memberId, meal] of due) {
    if (known.some((notice) => notice.memberId === memberId && notice.meal === meal)) continue;
    change.deliveries.push(DELIVERIES.mealNotice(event.id, memberId, meal, change.revision));
  }
}

export type MealNoticeCheck =
  | { due: true; event: EventRow; member: MemberRow; meal: MealNotice }
  | { due: false; reason: 'unknown' | 'event_gone' | 'event_cancelled' | 'event_started' | 'not_going' | 'no_longer_due' | 'other_notice_due' | 'already_given' };

/**
 * Whether a meal notice recorded by an earlier change is still due as it is sent: the event may
 * have been edited or cancelled since, the staff member may have withdrawn, the interested party
 * left, or another notice (of the new costs) be due instead, recorded by the change that made it.
 */
export async function checkMealNotice(
  deps: ServiceDeps,
  input: { eventId: string; memberId: string; meal: unknown; settings: Settings },
): Promise<MealNoticeCheck> {
  const meal = MEAL_NOTICES.find((known) => known === input.meal);
  if (!meal || !isUuid(input.eventId) || !isUuid(input.memberId)) return { due: false, reason: 'unknown' };
  const events = createEventsRepository({ db: deps.db });
  const event = await events.findById(input.eventId);
  if (!event) return { due: false, reason: 'event_gone' };
  if (event.status !== 'scheduled') return { due: false, reason: 'event_cancelled' };
  if (event.startsAt <= deps.clock()) return { due: false, reason: 'event_started' };
  const answers = await events.listRsvps(event.id);
  const mine = answers.find(({ member }) => member.id === input.memberId);
  if (!mine || mine.rsvp.answer !== 'going' || mine.rsvp.waitlisted || !mine.member.slackUserId) return { due: false, reason: 'not_going' };
  const now = mealNoticesDue(answers, event, input.settings, deps.staffEmailDomains).get(input.memberId);
  if (!now) return { due: false, reason: 'no_longer_due' };
  if (now !== meal) return { due: false, reason: 'other_notice_due' };
  const given = await events.mealNoticesGiven([event.id], [input.memberId]);
  if (given.some((notice) => notice.meal === meal)) return { due: false, reason: 'already_given' };
  return { due: true, event, member: mine.member, meal };
}

/** A meal notice given (sent): in the audit trail, for the contact log and so that it is not given twice. */
export async function recordMealNoticeGiven(deps: ServiceDeps, input: { eventId: string; memberId: string; meal: MealNotice; deliveryId: string }): Promise<void> {
  await createRepositories(deps.db).audit.record({
    actor: null,
    action: MEAL_NOTICE_GIVEN,
    subjectMemberId: input.memberId,
    details: { eventId: input.eventId, meal: input.meal, deliveryId: input.deliveryId },
    occurredAt: deps.clock(),
  });
}
