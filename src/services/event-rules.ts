import type { EventRow, EventRsvpRow, MemberRow, NewEventRow } from '../db/schema';
import { EVENT_FEE_PAYERS, EVENT_FORMATS } from './ethics';
import { EVENT_AUDIENCES, EVENT_LIMITS, mayAttend, type EventChange } from './event-types';

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
  /** Yen per person; null (or absent): not given; NaN: not a number. */
  feePerPerson?: number | null;
  /** EVENT_FEE_PAYERS and EVENT_FORMATS (src/services/ethics.ts). */
  feePayer?: string | null;
  format?: string | null;
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
  | 'noChannel'
  | 'feeWholeYen'
  | 'freeWithFee';

export interface EventFieldError {
  field: EventField;
  code: EventErrorCode;
  max?: number;
}

export type ValidEvent = Pick<
  NewEventRow,
  'title' | 'startsAt' | 'endsAt' | 'place' | 'description' | 'audience' | 'capacity' | 'rsvpDeadline' | 'channelId' | 'feePerPerson' | 'feePayer' | 'format'
>;

type Costs = Pick<EventRow, 'feePerPerson' | 'feePayer' | 'format'>;

/**
 * The fee per person, who pays and the format: each required of a new event (a forged or old form
 * without them is refused, so the ethics reminders always know the cost), except the fee of an
 * event free of charge (0). One given must be valid, and an edit cannot remove one the event has;
 * an event made before they were asked (null) may still be saved without.
 */
function validateCosts(input: EventInput, previous: Costs | undefined, errors: EventFieldError[]): Costs {
  const required = (field: keyof Costs) => previous === undefined || previous[field] !== null;
  const choose = <T extends string>(field: 'feePayer' | 'format', values: readonly T[]): T | null => {
    const value = values.find((known) => known === input[field]) ?? null;
    if (!input[field]) {
      if (required(field)) errors.push({ field, code: 'required' });
    } else if (!value) errors.push({ field, code: 'unknownChoice' });
    return value;
  };
  const feePayer = choose('feePayer', EVENT_FEE_PAYERS);
  const format = choose('format', EVENT_FORMATS);
  const fee = input.feePerPerson ?? null;
  if (fee === null) {
    if (feePayer !== 'free' && required('feePerPerson')) errors.push({ field: 'feePerPerson', code: 'required' });
  } else if (!Number.isInteger(fee) || fee < 0 || fee > EVENT_LIMITS.maxFee) {
    errors.push({ field: 'feePerPerson', code: 'feeWholeYen' });
  }
  if (feePayer === 'free' && fee !== null && fee > 0) errors.push({ field: 'feePerPerson', code: 'freeWithFee' });
  // Free of charge is a fee of 0, whether typed or not.
  return { feePerPerson: feePayer === 'free' ? 0 : fee, feePayer, format };
}

/**
 * Checks an event. The start must be in the future when an event is announced or moved (an edit
 * that keeps the start of an event under way is allowed).
 */
export function validateEvent(
  input: EventInput,
  context: { now: Date; previousStart?: Date; previous?: Costs },
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
  const costs = validateCosts(input, context.previous, errors);
  if (errors.length > 0 || !startsAt || !endsAt || !audience || !input.channelId) return { ok: false, errors };
  return {
    ok: true,
    value: { title, startsAt, endsAt, place, description, audience, capacity, rsvpDeadline, channelId: input.channelId, ...costs },
  };
}

/** What an edit changed, for the notice to members going or waitlisted. */
export function changesBetween(before: EventRow, after: EventRow): EventChange[] {
  const changes: EventChange[] = [];
  if (before.title !== after.title) changes.push('title');
  if (before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime()) changes.push('time');
  if (before.place !== after.place) changes.push('place');
  if ((before.description ?? '') !== (after.description ?? '')) changes.push('description');
  if (before.capacity !== after.capacity) changes.push('capacity');
  if ((before.rsvpDeadline?.getTime() ?? null) !== (after.rsvpDeadline?.getTime() ?? null)) changes.push('rsvpDeadline');
  if (before.audience !== after.audience) changes.push('audience');
  if (before.feePerPerson !== after.feePerPerson || before.feePayer !== after.feePayer) changes.push('cost');
  if (before.format !== after.format) changes.push('format');
  return changes;
}

/** Reminders go out this long before the start; events closer than that get none. */
export const REMINDER_BEFORE_MS = 24 * 60 * 60_000;
/** Slack schedules at most 120 days ahead. */
const MAX_SCHEDULE_AHEAD_MS = 120 * 24 * 60 * 60_000;

type Answer = Pick<EventRsvpRow, 'answer' | 'waitlisted'>;

/**
 * When the reminder of this answer belongs, whether or not Slack can still schedule it: for members
 * going (not waitlisted) who may attend a scheduled event, 24 hours before its start.
 */
export function reminderDue(event: EventRow, rsvp: Answer, member: Pick<MemberRow, 'status' | 'memberType'> | undefined): Date | null {
  if (event.status !== 'scheduled' || rsvp.answer !== 'going' || rsvp.waitlisted || !mayAttend(member, event)) return null;
  return new Date(event.startsAt.getTime() - REMINDER_BEFORE_MS);
}

/**
 * When this answer's reminder should be scheduled now, or null for none: members going (not
 * waitlisted) to a scheduled event that starts more than 24 hours from now (and, Slack's limit,
 * less than 120 days after the reminder).
 */
export function reminderTime(event: EventRow, rsvp: Answer, now: Date): Date | null {
  if (event.status !== 'scheduled' || rsvp.answer !== 'going' || rsvp.waitlisted) return null;
  const postAt = new Date(event.startsAt.getTime() - REMINDER_BEFORE_MS);
  if (postAt.getTime() <= now.getTime() + 60_000 || postAt.getTime() > now.getTime() + MAX_SCHEDULE_AHEAD_MS) return null;
  return postAt;
}
