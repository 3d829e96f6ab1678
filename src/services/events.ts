import { stringify } from 'csv-stringify/sync';
import type { Db } from '../db/client';
import { createRepositories } from '../db/repositories';
import { createEventsRepository, type RsvpWithMember } from '../db/repositories/events';
import type { EventRow, EventRsvpRow, MemberRow, NewEventRow, RsvpAnswer } from '../db/schema';
import type { ServiceDeps } from './deps';
import { AppError } from './errors';
import {
  attendRefusal,
  audiencesOpenTo,
  EVENT_AUDIENCES,
  EVENT_LIMITS,
  mayAttend,
  type EventChange,
  type EventView,
  type MyEventView,
  type RsvpCounts,
} from './event-types';
import type { Actor } from './identity';
import { isUuid } from './uuid';
import { escapeFormula } from './csv-formula';

/** What an organizer fills in; the service validates it. */
export interface EventInput {
  title: string;
  startsAt: Date | null;
  endsAt: Date | null;
  place: string;
  description: string | null;
  audience: string | null;
  /** null: no limit; NaN: not a number. */
  capacity: number | null;
  rsvpDeadline: Date | null;
  channelId: string | null;
}

export type EventField = keyof EventInput;
export type EventErrorCode =
  | 'required'
  | 'tooLong'
  | 'endBeforeStart'
  | 'startInPast'
  | 'deadlineAfterStart'
  | 'capacityPositive'
  | 'unknownChoice'
  | 'noChannel';

export interface EventFieldError {
  field: EventField;
  code: EventErrorCode;
  max?: number;
}

type ValidEvent = Pick<NewEventRow, 'title' | 'startsAt' | 'endsAt' | 'place' | 'description' | 'audience' | 'capacity' | 'rsvpDeadline' | 'channelId'>;

/**
 * Checks an event. The start must be in the future when an event is announced or moved (an edit
 * that keeps the start of an event under way is allowed).
 */
export function validateEvent(
  input: EventInput,
  context: { now: Date; previousStart?: Date },
): { ok: true; value: ValidEvent } | { ok: false; errors: EventFieldError[] } {
  const errors: EventFieldError[] = [];
  const title = input.title.trim();
  if (!title) errors.push({ field: 'title', code: 'required' });
  else if (title.length > EVENT_LIMITS.title) errors.push({ field: 'title', code: 'tooLong', max: EVENT_LIMITS.title });
  const place = input.place.trim();
  if (!place) errors.push({ field: 'place', code: 'required' });
  else if (place.length > EVENT_LIMITS.place) errors.push({ field: 'place', code: 'tooLong', max: EVENT_LIMITS.place });
  const description = input.description?.trim() || null;
  if (description && description.length > EVENT_LIMITS.description) {
    errors.push({ field: 'description', code: 'tooLong', max: EVENT_LIMITS.description });
  }
  const { startsAt, endsAt, rsvpDeadline } = input;
  if (!startsAt) errors.push({ field: 'startsAt', code: 'required' });
  else if (startsAt <= context.now && startsAt.getTime() !== context.previousStart?.getTime()) {
    errors.push({ field: 'startsAt', code: 'startInPast' });
  }
  if (!endsAt) errors.push({ field: 'endsAt', code: 'required' });
  else if (startsAt && endsAt <= startsAt) errors.push({ field: 'endsAt', code: 'endBeforeStart' });
  if (rsvpDeadline && startsAt && rsvpDeadline >= startsAt) errors.push({ field: 'rsvpDeadline', code: 'deadlineAfterStart' });
  const audience = EVENT_AUDIENCES.find((value) => value === input.audience);
  if (!input.audience) errors.push({ field: 'audience', code: 'required' });
  else if (!audience) errors.push({ field: 'audience', code: 'unknownChoice' });
  const capacity = input.capacity;
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > EVENT_LIMITS.maxCapacity)) {
    errors.push({ field: 'capacity', code: 'capacityPositive' });
  }
  if (!input.channelId || !/^[CGD][A-Z0-9]{2,}$/.test(input.channelId)) errors.push({ field: 'channelId', code: 'noChannel' });
  if (errors.length > 0 || !startsAt || !endsAt || !audience || !input.channelId) return { ok: false, errors };
  return {
    ok: true,
    value: { title, startsAt, endsAt, place, description, audience, capacity, rsvpDeadline, channelId: input.channelId },
  };
}

async function requireOrganizer(deps: ServiceDeps, slackUserId: string): Promise<void> {
  if (!(await createRepositories(deps.db).organizers.isActive(slackUserId))) throw new AppError('not_organizer');
}

export type SaveEventResult =
  | { kind: 'invalid'; errors: EventFieldError[] }
  | { kind: 'created'; event: EventRow }
  | { kind: 'updated'; event: EventRow; changes: EventChange[]; promoted: EventRsvpRow[] };

/** Announces an event (organizers only). */
export async function createEvent(
  deps: ServiceDeps,
  input: { organizerSlackUserId: string; form: EventInput },
): Promise<SaveEventResult> {
  await requireOrganizer(deps, input.organizerSlackUserId);
  const now = deps.clock();
  const checked = validateEvent(input.form, { now });
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const event = await createEventsRepository({ db: tx }).insert({
      ...checked.value,
      organizerSlackUserId: input.organizerSlackUserId,
      createdAt: now,
      updatedAt: now,
    });
    await repos.audit.record({
      actor: input.organizerSlackUserId,
      action: 'event.created',
      details: { eventId: event.id, title: event.title },
      occurredAt: now,
    });
    return { kind: 'created' as const, event };
  });
}

function changesBetween(before: EventRow, after: EventRow): EventChange[] {
  const changes: EventChange[] = [];
  if (before.title !== after.title) changes.push('title');
  if (before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime()) changes.push('time');
  if (before.place !== after.place) changes.push('place');
  if ((before.description ?? '') !== (after.description ?? '')) changes.push('description');
  if (before.capacity !== after.capacity) changes.push('capacity');
  if ((before.rsvpDeadline?.getTime() ?? null) !== (after.rsvpDeadline?.getTime() ?? null)) changes.push('rsvpDeadline');
  if (before.audience !== after.audience) changes.push('audience');
  return changes;
}

/**
 * Edits an event (organizers only). More places move the first on the waitlist up; fewer places
 * never drop anyone already going. The announcement stays where it was posted.
 */
export async function updateEvent(
  deps: ServiceDeps,
  input: { organizerSlackUserId: string; eventId: string; form: EventInput },
): Promise<SaveEventResult> {
  await requireOrganizer(deps, input.organizerSlackUserId);
  const now = deps.clock();
  return deps.db.transaction(async (tx): Promise<SaveEventResult> => {
    const events = createEventsRepository({ db: tx });
    const before = isUuid(input.eventId) ? await events.lockById(input.eventId) : undefined;
    if (!before) throw new AppError('not_found');
    if (before.status === 'cancelled') throw new AppError('already_decided');
    const checked = validateEvent({ ...input.form, channelId: before.channelId }, { now, previousStart: before.startsAt });
    if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
    const { channelId: _unchanged, ...values } = checked.value;
    const event = await events.update(before.id, { ...values, updatedAt: now });
    const promoted = await fillFreedPlaces(events, event);
    const changes = changesBetween(before, event);
    await createRepositories(tx).audit.record({
      actor: input.organizerSlackUserId,
      action: 'event.updated',
      details: { eventId: event.id, changes },
      occurredAt: now,
    });
    return { kind: 'updated', event, changes, promoted };
  });
}

/** Moves waitlisted members up while there are places; returns who moved up. */
async function fillFreedPlaces(events: ReturnType<typeof createEventsRepository>, event: EventRow): Promise<EventRsvpRow[]> {
  const counts = await events.counts(event.id);
  const room = event.capacity === null ? counts.waitlisted : Math.max(0, event.capacity - counts.going);
  const promoted = await events.firstWaitlisted(event.id, room);
  await events.promote(
    event.id,
    promoted.map((rsvp) => rsvp.memberId),
  );
  return promoted.map((rsvp) => ({ ...rsvp, waitlisted: false, waitlistedAt: null, waitlistNumber: null }));
}

/** Cancels an event (organizers only), once; returns everyone who answered, to tell them. */
export async function cancelEvent(
  deps: ServiceDeps,
  input: { organizerSlackUserId: string; eventId: string },
): Promise<{ event: EventRow; answered: RsvpWithMember[] }> {
  await requireOrganizer(deps, input.organizerSlackUserId);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const events = createEventsRepository({ db: tx });
    const before = isUuid(input.eventId) ? await events.lockById(input.eventId) : undefined;
    if (!before) throw new AppError('not_found');
    if (before.status === 'cancelled') throw new AppError('already_decided');
    const event = await events.update(before.id, { status: 'cancelled', cancelledAt: now, updatedAt: now });
    await createRepositories(tx).audit.record({
      actor: input.organizerSlackUserId,
      action: 'event.cancelled',
      details: { eventId: event.id },
      occurredAt: now,
    });
    return { event, answered: await events.listRsvps(event.id) };
  });
}

export async function recordAnnouncement(deps: ServiceDeps, eventId: string, message: { channelId: string; ts: string }) {
  await createEventsRepository({ db: deps.db }).update(eventId, { channelId: message.channelId, messageTs: message.ts });
}

export async function findEvent(deps: ServiceDeps, eventId: string): Promise<EventRow | undefined> {
  return isUuid(eventId) ? createEventsRepository({ db: deps.db }).findById(eventId) : undefined;
}

/** An event with its live counts. */
export async function loadEventView(deps: ServiceDeps, eventId: string): Promise<EventView | undefined> {
  const events = createEventsRepository({ db: deps.db });
  const event = isUuid(eventId) ? await events.findById(eventId) : undefined;
  if (!event) return undefined;
  return viewOf(event, await events.counts(event.id));
}

function viewOf(event: EventRow, counts: RsvpCounts): EventView {
  return { event, counts, placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - counts.going) };
}

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
    };

/**
 * One member's answer. The event row is locked for the transaction, so concurrent answers (from
 * any instance) are taken one at a time and the last place goes to one person; "Going" on a full
 * event joins the waitlist; giving up a place moves the first on the waitlist up.
 */
export async function answerRsvp(
  deps: ServiceDeps,
  input: { actor: Actor; eventId: string; answer: RsvpAnswer },
): Promise<RsvpResult> {
  const now = deps.clock();
  if (!isUuid(input.eventId)) return { kind: 'not_found' };
  return deps.db.transaction(async (tx): Promise<RsvpResult> => {
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
    return {
      kind: 'answered',
      event,
      member,
      rsvp,
      waitlistPosition: waitlisted ? await events.waitlistPosition(event.id, rsvp) : null,
      promoted,
    };
  });
}

/** How many events lists fetch: one more than they show, so they can say there are more. */
const EVENT_FETCH_LIMIT = 50;
const NO_ANSWERS: RsvpCounts = { going: 0, maybe: 0, notGoing: 0, waitlisted: 0 };

/**
 * Upcoming events this person may attend (the rule of answering: audiencesOpenTo), each with their
 * own answer; organizers see every event. Nobody else learns that an event exists from a list.
 */
export async function listUpcomingEvents(deps: ServiceDeps, actor: Pick<Actor, 'slackUserId'>): Promise<MyEventView[]> {
  const repos = createRepositories(deps.db);
  const events = createEventsRepository({ db: deps.db });
  const member = await repos.members.findBySlackUserId(actor.slackUserId);
  const isOrganizer = await repos.organizers.isActive(actor.slackUserId);
  const audiences = isOrganizer ? EVENT_AUDIENCES : audiencesOpenTo(member);
  const rows = await events.listUpcoming(deps.clock(), { audiences, limit: EVENT_FETCH_LIMIT });
  const ids = rows.map((event) => event.id);
  const [mine, counts] = await Promise.all([member ? events.listMyRsvps(member.id, ids) : Promise.resolve([]), events.countsFor(ids)]);
  return Promise.all(
    rows.map(async (event) => {
      const rsvp = mine.find((candidate) => candidate.eventId === event.id);
      return {
        ...viewOf(event, counts.get(event.id) ?? NO_ANSWERS),
        myAnswer: rsvp?.answer ?? null,
        myWaitlistPosition: rsvp?.waitlisted ? await events.waitlistPosition(event.id, rsvp) : null,
      };
    }),
  );
}

/** Upcoming events with counts, for organizers' App Home. */
export async function listOrganizedEvents(deps: ServiceDeps): Promise<EventView[]> {
  const events = createEventsRepository({ db: deps.db });
  const rows = await events.listUpcoming(deps.clock(), { audiences: EVENT_AUDIENCES, limit: EVENT_FETCH_LIMIT });
  const counts = await events.countsFor(rows.map((event) => event.id));
  return rows.map((event) => viewOf(event, counts.get(event.id) ?? NO_ANSWERS));
}

/** Answers withdrawn without their members pressing a button, for the follow-ups in Slack. */
export interface WithdrawnAnswers {
  /** The scheduled events whose counts changed, each with the members moved up from its waitlist. */
  events: Array<{ event: EventRow; promoted: EventRsvpRow[] }>;
  /** The answers as they were, with the reminders Slack still holds for them. */
  answers: EventRsvpRow[];
}

/** Places given up by withdrawn answers go to the waitlist, as for "Can't go", while the event is ahead. */
async function fillPlacesFreedBy(
  events: ReturnType<typeof createEventsRepository>,
  event: EventRow,
  withdrawn: EventRsvpRow[],
  now: Date,
): Promise<EventRsvpRow[]> {
  const freed = withdrawn.some((rsvp) => rsvp.answer === 'going' && !rsvp.waitlisted);
  return freed && event.status === 'scheduled' && event.startsAt > now ? fillFreedPlaces(events, event) : [];
}

/**
 * Withdraws every answer of a member who erases their data, inside the erasure's transaction.
 * Each event's row is locked as for an answer, in ID order (two erasures never deadlock).
 */
export async function withdrawAllAnswersOf(tx: Db, memberId: string, now: Date): Promise<WithdrawnAnswers> {
  const events = createEventsRepository({ db: tx });
  const withdrawn: WithdrawnAnswers = { events: [], answers: [] };
  for (const eventId of await events.listEventIdsAnsweredBy(memberId)) {
    const event = await events.lockById(eventId);
    const removed = await events.deleteRsvps(eventId, [memberId]);
    withdrawn.answers.push(...removed);
    if (event?.status === 'scheduled' && removed.length > 0) {
      withdrawn.events.push({ event, promoted: await fillPlacesFreedBy(events, event, removed, now) });
    }
  }
  return withdrawn;
}

/**
 * Withdraws the answers of members who may no longer attend an event (an edit made it alumni-only
 * after staff had answered): they must get no further detail of it. Their places go to the waitlist.
 */
export async function withdrawIneligibleAnswers(
  deps: ServiceDeps,
  eventId: string,
): Promise<{ withdrawn: RsvpWithMember[]; promoted: EventRsvpRow[] }> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const events = createEventsRepository({ db: tx });
    const event = isUuid(eventId) ? await events.lockById(eventId) : undefined;
    if (!event) return { withdrawn: [], promoted: [] };
    const shutOut = (await events.listRsvps(event.id)).filter(({ member }) => !mayAttend(member, event));
    if (shutOut.length === 0) return { withdrawn: [], promoted: [] };
    const removed = await events.deleteRsvps(event.id, shutOut.map(({ member }) => member.id));
    const audit = createRepositories(tx).audit;
    for (const { member } of shutOut) {
      await audit.record({
        actor: null,
        action: 'event.answer_withdrawn',
        subjectMemberId: member.id,
        details: { eventId: event.id, reason: 'may_not_attend' },
        occurredAt: now,
      });
    }
    return { withdrawn: shutOut, promoted: await fillPlacesFreedBy(events, event, removed, now) };
  });
}

/** Who answered an event, with their member rows (for notices). */
export async function listAnswers(deps: ServiceDeps, eventId: string): Promise<RsvpWithMember[]> {
  return createEventsRepository({ db: deps.db }).listRsvps(eventId);
}

export async function findMemberById(deps: ServiceDeps, memberId: string): Promise<MemberRow | undefined> {
  return createRepositories(deps.db).members.findById(memberId);
}

export const ATTENDEE_COLUMNS = ['name', 'answer', 'waitlist_position', 'answered_at'] as const;

/**
 * The attendee list (names and answers only, no contact details) as CSV, for organizers; every
 * export goes to the audit record.
 */
export async function exportAttendees(
  deps: ServiceDeps,
  input: { organizerSlackUserId: string; eventId: string },
): Promise<{ event: EventRow; csv: string; count: number }> {
  await requireOrganizer(deps, input.organizerSlackUserId);
  const now = deps.clock();
  const events = createEventsRepository({ db: deps.db });
  const event = isUuid(input.eventId) ? await events.findById(input.eventId) : undefined;
  if (!event) throw new AppError('not_found');
  const answers = await events.listRsvps(event.id);
  let position = 0;
  const rows = answers.map(({ rsvp, member }) => [
    escapeFormula(member.name ?? member.pseudonym),
    rsvp.answer,
    rsvp.waitlisted ? String(++position) : '',
    rsvp.answeredAt.toISOString(),
  ]);
  const csv = `\uFEFF${stringify([[...ATTENDEE_COLUMNS], ...rows])}`;
  await createRepositories(deps.db).audit.record({
    actor: input.organizerSlackUserId,
    action: 'event.attendees_exported',
    details: { eventId: event.id, count: rows.length },
    occurredAt: now,
  });
  return { event, csv, count: rows.length };
}

/** Reminders go out this long before the start; events closer than that get none. */
export const REMINDER_BEFORE_MS = 24 * 60 * 60_000;
/** Slack schedules at most 120 days ahead. */
const MAX_SCHEDULE_AHEAD_MS = 120 * 24 * 60 * 60_000;

/**
 * When this answer's reminder should be posted, or null for none: members going (not waitlisted)
 * to a scheduled event that starts more than 24 hours from now.
 */
export function reminderTime(event: EventRow, rsvp: EventRsvpRow, now: Date): Date | null {
  if (event.status !== 'scheduled' || rsvp.answer !== 'going' || rsvp.waitlisted) return null;
  const postAt = new Date(event.startsAt.getTime() - REMINDER_BEFORE_MS);
  if (postAt.getTime() <= now.getTime() + 60_000 || postAt.getTime() > now.getTime() + MAX_SCHEDULE_AHEAD_MS) return null;
  return postAt;
}

export async function recordReminder(
  deps: ServiceDeps,
  rsvp: Pick<EventRsvpRow, 'eventId' | 'memberId'>,
  reminder: { channelId: string; scheduledMessageId: string; postAt: Date },
) {
  await createEventsRepository({ db: deps.db }).setReminder(rsvp.eventId, rsvp.memberId, reminder);
}

export async function forgetReminder(deps: ServiceDeps, rsvp: Pick<EventRsvpRow, 'eventId' | 'memberId'>, scheduledMessageId: string) {
  await createEventsRepository({ db: deps.db }).clearReminder(rsvp.eventId, rsvp.memberId, scheduledMessageId);
}

export async function findRsvp(deps: ServiceDeps, eventId: string, memberId: string) {
  return createEventsRepository({ db: deps.db }).findRsvp(eventId, memberId);
}

/** An event whose announcement could not be posted is withdrawn, so no unseen event lingers. */
export async function deleteUnannouncedEvent(deps: ServiceDeps, eventId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const events = createEventsRepository({ db: tx });
    const event = await events.findById(eventId);
    if (!event || event.messageTs) return;
    await events.delete(event.id);
    await createRepositories(tx).audit.record({
      actor: event.organizerSlackUserId,
      action: 'event.withdrawn',
      details: { eventId: event.id, reason: 'not_posted' },
      occurredAt: deps.clock(),
    });
  });
}
