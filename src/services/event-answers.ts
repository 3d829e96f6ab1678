import type { Db } from '../db/client';
import { createRepositories, type Repositories } from '../db/repositories';
import { createEventsRepository, type EventsRepository } from '../db/repositories/events';
import type { NewDelivery } from '../db/repositories/deliveries';
import type { EventRow, EventRsvpRow, MemberRow, RsvpAnswer } from '../db/schema';
import type { ServiceDeps } from './deps';
import { DEFAULT_ETHICS_SETTINGS, type EthicsSettings } from './ethics';
import { beginChange, dropReminder, followReminder, tellMember, tellPromoted, type EventChangeRecord } from './event-outbox';
import { remindOfMeals } from './meal-notices';
import { attendRefusal, mayAttend } from './event-types';
import type { Actor } from './identity';
import { isUuid } from './uuid';

export type RsvpResult =
  | { kind: 'not_found' }
  | { kind: 'cancelled' }
  | { kind: 'started' }
  | { kind: 'deadline_passed' }
  | { kind: 'needs_profile' }
  | { kind: 'not_for_staff' }
  | { kind: 'unchanged'; rsvp: EventRsvpRow; waitlistPosition: number | null }
  | {
      kind: 'answered';
      event: EventRow;
      member: MemberRow;
      rsvp: EventRsvpRow;
      waitlistPosition: number | null;
      /** Members moved up from the waitlist because this answer freed a place. */
      promoted: EventRsvpRow[];
      /** What Slack is told (the counts, reminders, promotions), recorded with the answer. */
      deliveryIds: string[];
    };

/**
 * One member's answer. The event row is locked for the transaction, so concurrent answers (from
 * any instance) are taken one at a time and the last place goes to one person; "Going" on a full
 * event joins the waitlist; giving up a place moves the first on the waitlist up. The same answer
 * twice is "unchanged" and tells Slack nothing; a new one records the announcement's redraw, the
 * member's reminder (scheduled, or deleted) and the promotions with it, and, when someone joins
 * those going, the ethics reminder to staff going with an interested party (see remindOfMeals;
 * `ethics`: the settings, deps.config.ethics).
 */
export async function answerRsvp(
  deps: ServiceDeps,
  input: { actor: Actor; eventId: string; answer: RsvpAnswer; ethics?: Pick<EthicsSettings, 'mealNoticeYen'> },
): Promise<RsvpResult> {
  const now = deps.clock();
  if (!isUuid(input.eventId)) return { kind: 'not_found' };
  return deps.db.transaction(async (tx): Promise<RsvpResult> => {
    const repos = createRepositories(tx);
    const events = createEventsRepository({ db: tx });
    // The member's row first, then the event's: the order an erasure takes them in too.
    const member = await events.lockAnsweringMember(input.actor.slackUserId);
    const event = await events.lockById(input.eventId);
    if (!event) return { kind: 'not_found' };
    if (event.status === 'cancelled') return { kind: 'cancelled' };
    if (event.startsAt <= now) return { kind: 'started' };
    if (event.rsvpDeadline && event.rsvpDeadline <= now) return { kind: 'deadline_passed' };
    const refusal = attendRefusal(member, event);
    if (refusal || !member) return { kind: refusal ?? 'needs_profile' };

    const existing = await events.findRsvp(event.id, member.id);
    if (existing?.answer === input.answer) {
      return {
        kind: 'unchanged',
        rsvp: existing,
        waitlistPosition: existing.waitlisted ? await events.waitlistPosition(event.id, existing) : null,
      };
    }
    const counts = await events.counts(event.id);
    const full = event.capacity !== null && counts.going >= event.capacity;
    const waitlisted = input.answer === 'going' && full;
    const rsvp = await events.saveRsvp({
      eventId: event.id,
      memberId: member.id,
      answer: input.answer,
      waitlisted,
      waitlistedAt: waitlisted ? now : null,
      answeredAt: now,
    });
    const gaveUpPlace = existing?.answer === 'going' && !existing.waitlisted;
    const promoted = gaveUpPlace ? await fillFreedPlaces(events, event) : [];
    const change = await beginChange(events, event.id);
    await followReminder(events, change, { event, rsvp, member, now });
    await tellPromoted(repos, events, change, { event, promoted, now });
    if ((input.answer === 'going' && !waitlisted) || promoted.length > 0) {
      await remindOfMeals(events, change, { event, settings: input.ethics ?? deps.ethics ?? DEFAULT_ETHICS_SETTINGS, staffEmailDomains: deps.staffEmailDomains });
    }
    return {
      kind: 'answered',
      event,
      member,
      rsvp,
      waitlistPosition: waitlisted ? await events.waitlistPosition(event.id, rsvp) : null,
      promoted,
      deliveryIds: await repos.deliveries.enqueue(change.deliveries, now),
    };
  });
}

/** Moves waitlisted members up while there are places; returns who moved up. */
export async function fillFreedPlaces(events: EventsRepository, event: EventRow): Promise<EventRsvpRow[]> {
  const counts = await events.counts(event.id);
  const room = event.capacity === null ? counts.waitlisted : Math.max(0, event.capacity - counts.going);
  const promoted = await events.firstWaitlisted(event.id, room);
  await events.promote(
    event.id,
    promoted.map((rsvp) => rsvp.memberId),
  );
  return promoted.map((rsvp) => ({ ...rsvp, waitlisted: false, waitlistedAt: null, waitlistNumber: null }));
}

/** Answers withdrawn without their members pressing a button (an erasure), and what Slack is told of it. */
export interface WithdrawnAnswers {
  /** The scheduled events whose counts changed, each with the members moved up from its waitlist. */
  events: Array<{ event: EventRow; promoted: EventRsvpRow[] }>;
  /** The answers withdrawn, as they were (attendance at events held is kept). */
  answers: EventRsvpRow[];
  /** Their reminders deleted, the announcements redrawn, the promotions told: recorded in the same transaction. */
  deliveryIds: string[];
}

/** Places given up by withdrawn answers go to the waitlist, as for "Can't go", while the event is ahead. */
async function fillPlacesFreedBy(events: EventsRepository, event: EventRow, withdrawn: EventRsvpRow[], now: Date): Promise<EventRsvpRow[]> {
  const freed = withdrawn.some((rsvp) => rsvp.answer === 'going' && !rsvp.waitlisted);
  return freed && event.status === 'scheduled' && event.startsAt > now ? fillFreedPlaces(events, event) : [];
}

/**
 * Whether an answer is attendance at an event that took place (held, not cancelled, started): kept
 * through an erasure, under the member's pseudonymous tombstone, as the contact log's record of
 * staff's contacts. Anything else said of an event held (Maybe, Can't go, the waitlist) records
 * no contact, and goes.
 */
function attendedHeldEvent(event: EventRow | undefined, rsvp: EventRsvpRow | undefined, now: Date): boolean {
  return event?.status === 'scheduled' && event.startsAt <= now && rsvp?.answer === 'going' && !rsvp.waitlisted;
}

/**
 * Withdraws the answers of a member who erases their data to events still ahead (and any but
 * attendance to events held: see attendedHeldEvent), inside the erasure's transaction, and records
 * there what Slack must be told, as for "Can't go": members moved up from a waitlist hear of it,
 * and staff among them going with an interested party get their ethics notice (remindOfMeals;
 * `options`: the settings, deps.config.ethics, and the staff email domains, deps.staffEmailDomains).
 * Each event's row is locked as for an answer, in ID order (two erasures never deadlock).
 */
export async function withdrawAllAnswersOf(
  tx: Db,
  memberId: string,
  now: Date,
  options: { ethics?: Pick<EthicsSettings, 'mealNoticeYen'>; staffEmailDomains?: readonly string[] } = {},
): Promise<WithdrawnAnswers> {
  const repos = createRepositories(tx);
  const events = createEventsRepository({ db: tx });
  const withdrawn: Omit<WithdrawnAnswers, 'deliveryIds'> = { events: [], answers: [] };
  const deliveries: NewDelivery[] = [];
  for (const eventId of await events.listEventIdsAnsweredBy(memberId)) {
    const event = await events.lockById(eventId);
    const answer = await events.findRsvp(eventId, memberId);
    if (attendedHeldEvent(event, answer, now)) {
      // Kept; the DM it was reminded in is not (no reminder is held any more for an event begun).
      if (answer!.reminderScheduledMessageId) await events.clearReminder(eventId, memberId, answer!.reminderScheduledMessageId);
      continue;
    }
    const removed = await events.deleteRsvps(eventId, [memberId]);
    withdrawn.answers.push(...removed);
    for (const rsvp of removed) dropReminder(deliveries, rsvp, now);
    if (event?.status === 'scheduled' && removed.length > 0) {
      const change = await beginChange(events, event.id);
      const promoted = await fillPlacesFreedBy(events, event, removed, now);
      await tellPromoted(repos, events, change, { event, promoted, now });
      if (promoted.length > 0) {
        const settings = options.ethics ?? DEFAULT_ETHICS_SETTINGS;
        await remindOfMeals(events, change, { event, settings, staffEmailDomains: options.staffEmailDomains ?? [] });
      }
      deliveries.push(...change.deliveries);
      withdrawn.events.push({ event, promoted });
    }
  }
  return { ...withdrawn, deliveryIds: await repos.deliveries.enqueue(deliveries, now) };
}

/**
 * Within an edit: withdraws the answers of members who may no longer attend (the event was made
 * alumni-only after staff had answered). They must get no further detail of it: they hear only
 * that it is no longer open to them, and their reminder goes. Their places go to the waitlist.
 */
export async function withdrawShutOutAnswers(
  repos: Pick<Repositories, 'audit'>,
  events: EventsRepository,
  change: EventChangeRecord,
  input: { event: EventRow; now: Date },
): Promise<number> {
  const { event, now } = input;
  const shutOut = (await events.listRsvps(event.id)).filter(({ member }) => !mayAttend(member, event));
  if (shutOut.length === 0) return 0;
  const removed = await events.deleteRsvps(
    event.id,
    shutOut.map(({ member }) => member.id),
  );
  for (const rsvp of removed) dropReminder(change.deliveries, rsvp, now);
  for (const { member } of shutOut) {
    tellMember(change, member.id, 'no_longer_open');
    await repos.audit.record({
      actor: null,
      action: 'event.answer_withdrawn',
      subjectMemberId: member.id,
      details: { eventId: event.id, reason: 'may_not_attend' },
      occurredAt: now,
    });
  }
  return removed.length;
}
