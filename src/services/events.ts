import { createRepositories } from '../db/repositories';
import { createEventsRepository } from '../db/repositories/events';
import type { EventRow, EventRsvpRow, MemberRow } from '../db/schema';
import { DELIVERIES } from './deliveries';
import type { ServiceDeps } from './deps';
import { AppError } from './errors';
import { fillFreedPlaces, withdrawShutOutAnswers } from './event-answers';
import { requireOrganizer } from './event-lists';
import { DEFAULT_ETHICS_SETTINGS, type EthicsSettings } from './ethics';
import { beginChange, followReminder, tellMember } from './event-outbox';
import { remindOfMeals } from './meal-notices';
import { changesBetween, validateEvent, type EventFieldError, type EventInput } from './event-rules';
import { mayAttend, type EventChange } from './event-types';
import { isUuid } from './uuid';

// The events feature's one entry point for listeners and tests: organizers' changes here, answers,
// rules and lists in the modules beside it.
export { answerRsvp, withdrawAllAnswersOf, type RsvpResult, type WithdrawnAnswers } from './event-answers';
export { ATTENDEE_COLUMNS, exportAttendees, findEvent, listOrganizedEvents, listUpcomingEvents, loadEventView } from './event-lists';
export { reminderTime, REMINDER_BEFORE_MS, validateEvent, type EventErrorCode, type EventField, type EventFieldError, type EventInput } from './event-rules';

export type CreateEventResult =
  | { kind: 'invalid'; errors: EventFieldError[] }
  /** The announcement is recorded with it, to be posted by the delivery worker. */
  | { kind: 'created'; event: EventRow; deliveryIds: string[] }
  /** The same submission again (a retry, a second instance): the first made the event. */
  | { kind: 'already_created'; event: EventRow };

/**
 * Announces an event (organizers only): the event and its announcement are recorded in one
 * transaction. `submissionKey` (the form's `view.id`) makes the same submission, however often
 * Slack or the instances repeat it, one event with one announcement.
 */
export async function createEvent(
  deps: ServiceDeps,
  input: { organizerSlackUserId: string; form: EventInput; submissionKey?: string },
): Promise<CreateEventResult> {
  await requireOrganizer(deps, input.organizerSlackUserId);
  const now = deps.clock();
  const checked = validateEvent(input.form, { now });
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  return deps.db.transaction(async (tx): Promise<CreateEventResult> => {
    const repos = createRepositories(tx);
    const events = createEventsRepository({ db: tx });
    const event = await events.insertOnce({
      ...checked.value,
      organizerSlackUserId: input.organizerSlackUserId,
      submissionKey: input.submissionKey ?? null,
      createdAt: now,
      updatedAt: now,
    });
    if (!event) return { kind: 'already_created', event: (await events.findBySubmissionKey(input.submissionKey!))! };
    await repos.audit.record({
      actor: input.organizerSlackUserId,
      action: 'event.created',
      details: { eventId: event.id, title: event.title },
      occurredAt: now,
    });
    const deliveryIds = await repos.deliveries.enqueue([DELIVERIES.eventAnnouncement(event.id)], now);
    return { kind: 'created', event, deliveryIds };
  });
}

export type UpdateEventResult =
  | { kind: 'invalid'; errors: EventFieldError[] }
  | { kind: 'updated'; event: EventRow; changes: EventChange[]; promoted: EventRsvpRow[]; deliveryIds: string[] }
  /** The same edit submitted again: saved, and told, the first time. */
  | { kind: 'already_saved'; event: EventRow };

/**
 * Edits an event (organizers only). In the same transaction: members who may no longer attend lose
 * their answer (see withdrawShutOutAnswers); more places move the first on the waitlist up (fewer
 * never drop anyone going); and what Slack must show is recorded: the announcement redrawn where
 * it was posted, what changed to members going or waitlisted, reminders moved with the start.
 */
export async function updateEvent(
  deps: ServiceDeps,
  input: {
    organizerSlackUserId: string;
    eventId: string;
    form: EventInput;
    submissionKey?: string;
    /** The settings (deps.config.ethics): an edit may make a meal one staff going must notify. */
    ethics?: Pick<EthicsSettings, 'mealNoticeYen'>;
  },
): Promise<UpdateEventResult> {
  await requireOrganizer(deps, input.organizerSlackUserId);
  const now = deps.clock();
  return deps.db.transaction(async (tx): Promise<UpdateEventResult> => {
    const repos = createRepositories(tx);
    const events = createEventsRepository({ db: tx });
    const before = isUuid(input.eventId) ? await events.lockById(input.eventId) : undefined;
    if (!before) throw new AppError('not_found');
    if (before.status === 'cancelled') throw new AppError('already_decided');
    if (input.submissionKey && before.editSubmissionKey === input.submissionKey) return { kind: 'already_saved', event: before };
    const checked = validateEvent({ ...input.form, channelId: before.channelId }, { now, previousStart: before.startsAt, previous: before });
    if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
    const { channelId: _unchanged, ...values } = checked.value;
    const event = await events.update(before.id, { ...values, editSubmissionKey: input.submissionKey ?? null, updatedAt: now });
    const changes = changesBetween(before, event);
    const change = await beginChange(events, event.id);
    await withdrawShutOutAnswers(repos, events, change, { event, now });
    const promoted = await fillFreedPlaces(events, event);
    for (const rsvp of promoted) tellMember(change, rsvp.memberId, 'promoted');
    for (const { rsvp, member } of await events.listRsvps(event.id)) {
      if (changes.length > 0 && rsvp.answer === 'going' && mayAttend(member, event)) tellMember(change, member.id, 'changed', changes);
      await followReminder(events, change, { event, rsvp, member, now });
    }
    await remindOfMeals(events, change, { event, settings: input.ethics ?? deps.ethics ?? DEFAULT_ETHICS_SETTINGS, staffEmailDomains: deps.staffEmailDomains });
    await repos.audit.record({
      actor: input.organizerSlackUserId,
      action: 'event.updated',
      details: { eventId: event.id, changes },
      occurredAt: now,
    });
    return { kind: 'updated', event, changes, promoted, deliveryIds: await repos.deliveries.enqueue(change.deliveries, now) };
  });
}

/** Who a cancellation tells, by answer; `total` is the number of DMs. */
export interface CancellationAudience {
  going: number;
  maybe: number;
  notGoing: number;
  waitlisted: number;
  total: number;
}

/**
 * Whether a member who answered hears of the cancellation: the rule the delivery handler applies
 * when the DM goes (linked to Slack, and still one who may attend), whatever they answered.
 */
function toldOfCancellation(member: MemberRow, event: EventRow): boolean {
  return member.slackUserId !== null && mayAttend(member, event);
}

/** The event an organizer is asked to cancel, and who cancelling it would tell (the prompt says so). */
export async function previewCancellation(
  deps: ServiceDeps,
  input: { organizerSlackUserId: string; eventId: string },
): Promise<{ event: EventRow; told: CancellationAudience }> {
  await requireOrganizer(deps, input.organizerSlackUserId);
  const events = createEventsRepository({ db: deps.db });
  const event = isUuid(input.eventId) ? await events.findById(input.eventId) : undefined;
  if (!event) throw new AppError('not_found');
  const told: CancellationAudience = { going: 0, maybe: 0, notGoing: 0, waitlisted: 0, total: 0 };
  for (const { rsvp, member } of await events.listRsvps(event.id)) {
    if (!toldOfCancellation(member, event)) continue;
    if (rsvp.answer === 'going') told[rsvp.waitlisted ? 'waitlisted' : 'going'] += 1;
    else told[rsvp.answer === 'maybe' ? 'maybe' : 'notGoing'] += 1;
    told.total += 1;
  }
  return { event, told };
}

/**
 * Cancels an event (organizers only), once. In the same transaction it records what follows: the
 * announcement shown cancelled, a DM to everyone who answered and may attend (what the prompt
 * counted: previewCancellation), every reminder deleted.
 */
export async function cancelEvent(
  deps: ServiceDeps,
  input: { organizerSlackUserId: string; eventId: string },
): Promise<{ event: EventRow; deliveryIds: string[] }> {
  await requireOrganizer(deps, input.organizerSlackUserId);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const events = createEventsRepository({ db: tx });
    const before = isUuid(input.eventId) ? await events.lockById(input.eventId) : undefined;
    if (!before) throw new AppError('not_found');
    if (before.status === 'cancelled') throw new AppError('already_decided');
    const event = await events.update(before.id, { status: 'cancelled', cancelledAt: now, updatedAt: now });
    const change = await beginChange(events, event.id);
    for (const { rsvp, member } of await events.listRsvps(event.id)) {
      if (toldOfCancellation(member, event)) tellMember(change, member.id, 'cancelled');
      await followReminder(events, change, { event, rsvp, member, now });
    }
    await repos.audit.record({
      actor: input.organizerSlackUserId,
      action: 'event.cancelled',
      details: { eventId: event.id },
      occurredAt: now,
    });
    return { event, deliveryIds: await repos.deliveries.enqueue(change.deliveries, now) };
  });
}
