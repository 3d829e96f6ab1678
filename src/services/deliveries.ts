import { randomUUID } from 'node:crypto';
import { createRepositories, type Repositories } from '../db/repositories';
import type { NewDelivery } from '../db/repositories/deliveries';
import type { DeliveryRow, MemberRow } from '../db/schema';
import type { ServiceDeps } from './deps';
import type { MealNotice } from './ethics';
import { isUuid } from './uuid';

/**
 * What Kakehashi must tell someone on Slack after a change, as recorded in the outbox in the
 * change's own transaction (src/db/schema/deliveries.ts) and carried out by the delivery worker.
 * Each builder names the side effect once: the same change asked twice gives the same key, so it
 * is delivered once.
 */
export type IntroductionNotice = 'accepted' | 'declined' | 'expired' | 'closed' | 'picked' | 'picked_you'
  /** The ethics supervisor the requester chose to tell of a request an ethics notice applied to. */
  | 'supervisor';
/**
 * A DM to a member about an event: moved up from the waitlist, what an edit changed, shut out by an
 * edit, cancelled; or the ethics notice to staff going with an interested party (DELIVERIES.mealNotice).
 */
export type EventNotice = 'promoted' | 'changed' | 'no_longer_open' | 'cancelled' | 'meal_notice';

export const DELIVERY_KINDS = [
  'introduction.request',
  'introduction.reminder',
  'introduction.outcome',
  'introduction.introduce',
  'introduction.notice',
  'introduction.open_post',
  'introduction.open_refresh',
  'introduction.volunteer',
  'introduction.not_chosen',
  'registration.approval_post',
  'registration.approval_refresh',
  'registration.decision_notice',
  'profile.stale_reminder',
  'profile.declarations_reminder',
  'event.announce',
  'event.not_posted',
  'event.refresh',
  'event.reminder',
  'event.reminder_delete',
  'event.notice',
  'delivery.failed',
  'round.introduce',
  'round.check_in',
  'round.paused',
] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

function make(kind: DeliveryKind, id: string, payload: Record<string, unknown>, onBehalfOfSlackUserId?: string): NewDelivery {
  return { kind, key: `${kind}:${id}`, payload, onBehalfOfSlackUserId: onBehalfOfSlackUserId ?? null };
}

export const DELIVERIES = {
  /** The ask, in the alumnus's DM, with Accept / Decline. */
  introductionRequest: (requestId: string, requesterSlackUserId: string): NewDelivery => make('introduction.request', requestId, { requestId }, requesterSlackUserId),
  /** The gentle reminder after three days. */
  introductionReminder: (requestId: string): NewDelivery => make('introduction.reminder', requestId, { requestId }),
  /** The alumnus's copy of the ask shows its outcome (the buttons go). */
  introductionOutcome: (requestId: string, status: string): NewDelivery => make('introduction.outcome', `${requestId}:${status}`, { requestId }),
  /** An accepted introduction: the group DM with both, and the introduction post. */
  introduction: (requestId: string, requesterSlackUserId: string): NewDelivery => make('introduction.introduce', requestId, { requestId }, requesterSlackUserId),
  /** A DM about a request's outcome, to the requester (or, when picked, to the alumnus). */
  introductionNotice: (requestId: string, notice: IntroductionNotice, onBehalfOfSlackUserId?: string): NewDelivery =>
    make('introduction.notice', `${requestId}:${notice}`, { requestId, notice }, onBehalfOfSlackUserId),
  /** An open request, posted to the requests channel. */
  openRequestPost: (requestId: string, requesterSlackUserId: string): NewDelivery => make('introduction.open_post', requestId, { requestId }, requesterSlackUserId),
  /** The open request's post shows its current state (volunteers, matched, expired, closed). */
  openRequestRefresh: (requestId: string, version: string): NewDelivery => make('introduction.open_refresh', `${requestId}:${version}`, { requestId }),
  /** Someone volunteered for an open request: the requester sees them with "Choose". */
  volunteerNotice: (requestId: string, memberId: string): NewDelivery => make('introduction.volunteer', `${requestId}:${memberId}`, { requestId, memberId }),
  /** The requester picked someone else: a volunteer not chosen is thanked (once per volunteer and request). */
  notChosenNotice: (requestId: string, memberId: string): NewDelivery =>
    make('introduction.not_chosen', `${requestId}:${memberId}`, { requestId, memberId }),
  /**
   * A registration waiting for approval, posted to the organizers' channel. Once per submission:
   * the transition to pending happens once per submission, so each gets a key of its own.
   */
  approvalPost: (memberId: string, applicantSlackUserId: string | null): NewDelivery =>
    make('registration.approval_post', `${memberId}:${randomUUID()}`, { memberId }, applicantSlackUserId ?? undefined),
  /** The approval post redrawn as the registration stands: a decision (who, when) or the applicant's edit. */
  approvalRefresh: (memberId: string, status: string, changedAt: Date): NewDelivery =>
    make('registration.approval_refresh', `${memberId}:${status}:${changedAt.toISOString()}`, { memberId }),
  /**
   * The applicant hears the decision. A decline's reason is not carried here: the handler reads it
   * from the member's row when it sends, so erasing the member leaves none in the outbox.
   */
  decisionNotice: (memberId: string, status: string, decidedAt: Date): NewDelivery =>
    make('registration.decision_notice', `${memberId}:${status}:${decidedAt.toISOString()}`, { memberId }),
  /** "Is this still right?" to a member whose profile is stale (once per claim). */
  staleReminder: (memberId: string, claimedAt: Date): NewDelivery =>
    make('profile.stale_reminder', `${memberId}:${claimedAt.toISOString()}`, { memberId }),
  /**
   * Staff asked to confirm their ethics declarations: once per confirmation (the one the reminder
   * follows; `never` before the first), however many sweeps find it due.
   */
  declarationsReminder: (memberId: string, confirmedAt: Date | null): NewDelivery =>
    make('profile.declarations_reminder', `${memberId}:${confirmedAt?.toISOString() ?? 'never'}`, { memberId }),
  /**
   * A new event's announcement in its channel, once per event (an event is made once per form
   * submission). Nobody is named to be told of a final refusal: the form shows it, or, once the form
   * has closed, `event.not_posted` tells the organizer.
   */
  eventAnnouncement: (eventId: string): NewDelivery => make('event.announce', eventId, { eventId }),
  /** An announcement Slack refused for good: the event is withdrawn, and the organizer told if the form had closed. */
  eventNotPosted: (eventId: string): NewDelivery => make('event.not_posted', eventId, { eventId }),
  /** The announcement redrawn after the event's change number `revision` (skipped once a later change exists). */
  eventRefresh: (eventId: string, revision: number): NewDelivery => make('event.refresh', `${eventId}:${revision}`, { eventId, revision }),
  /** A member's reminder, scheduled in Slack as wanted after change `revision` (the handler records its ID). */
  eventReminder: (eventId: string, memberId: string, revision: number): NewDelivery =>
    make('event.reminder', `${eventId}:${memberId}:${revision}`, { eventId, memberId }),
  /**
   * A reminder Slack holds, deleted. Its IDs travel in the payload: the answer that held it may be
   * gone (an erasure) or hold the next one by the time this runs.
   */
  eventReminderDelete: (channelId: string, scheduledMessageId: string): NewDelivery =>
    make('event.reminder_delete', `${channelId}:${scheduledMessageId}`, { channelId, scheduledMessageId }),
  /** A DM to a member about an event, as of change `revision` (an edit's notice names what it changed). */
  eventNotice: (eventId: string, memberId: string, notice: EventNotice, revision: number, changes?: readonly string[]): NewDelivery =>
    make('event.notice', `${eventId}:${memberId}:${notice}:${revision}`, { eventId, memberId, notice, ...(changes ? { changes } : {}) }),
  /**
   * The ethics notice (`meal`: which, see mealNoticeFor) to a staff member going to an event, as
   * found due by change `revision`. The change that records it checks none of the same is waiting
   * or was given (services/meal-notices.ts): one skipped as no longer due may follow a later change.
   */
  mealNotice: (eventId: string, memberId: string, meal: MealNotice, revision: number): NewDelivery =>
    make('event.notice', `${eventId}:${memberId}:meal_notice:${meal}:${revision}`, { eventId, memberId, notice: 'meal_notice', meal }),
  /** A round's pair (or trio): their group DM, with who they are and why they were paired. */
  roundIntroduction: (pairId: string): NewDelivery => make('round.introduce', pairId, { pairId }),
  /** Midway through the round, in the pair's group DM: "did you meet?". */
  roundCheckIn: (pairId: string): NewDelivery => make('round.check_in', pairId, { pairId }),
  /** A participant paused after ignoring rounds in a row is told, and how to rejoin (once per round that paused them). */
  roundPaused: (memberId: string, roundId: string): NewDelivery => make('round.paused', `${memberId}:${roundId}`, { memberId }),
  /** A delivery finally failed: the person it was for hears of it. */
  failureNotice: (deliveryId: string, slackUserId: string): NewDelivery => make('delivery.failed', deliveryId, { deliveryId, slackUserId }),
} as const;

export async function findDelivery(deps: ServiceDeps, id: string): Promise<DeliveryRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await createRepositories(deps.db).deliveries.findByIds([id]);
  return row;
}

/** How many failed deliveries organizers see in App Home. */
export const HOME_FAILED_DELIVERIES_LIMIT = 5;

/** The deliveries that finally failed, newest first, for organizers. */
export async function listFailedDeliveries(deps: ServiceDeps) {
  return createRepositories(deps.db).deliveries.listFailed(HOME_FAILED_DELIVERIES_LIMIT);
}

/**
 * What a final failure changes besides the delivery, in the same transaction: an ask that never
 * reached the alumnus is closed, so the requester may ask again (they are told, see the worker); an
 * announcement Slack refused withdraws its event (`event.not_posted`, which tells the organizer).
 */
export async function recordDeliveryFailure(repos: Repositories, delivery: DeliveryRow, now: Date): Promise<void> {
  const requestId = String(delivery.payload.requestId);
  if (delivery.kind === 'introduction.request' && isUuid(requestId)) await repos.introductions.closeUndelivered(requestId, now);
  const eventId = String(delivery.payload.eventId);
  if (delivery.kind === 'event.announce' && isUuid(eventId)) await repos.deliveries.enqueue([DELIVERIES.eventNotPosted(eventId)], now);
}

/** The member a delivery is about, as stored now. */
export async function findMemberForDelivery(deps: ServiceDeps, memberId: string): Promise<MemberRow | undefined> {
  return isUuid(memberId) ? createRepositories(deps.db).members.findById(memberId) : undefined;
}
