import type { Repositories } from '../db/repositories';
import type { NewDelivery } from '../db/repositories/deliveries';
import type { EventsRepository } from '../db/repositories/events';
import type { EventRow, EventRsvpRow, MemberRow } from '../db/schema';
import { DELIVERIES, type EventNotice } from './deliveries';
import { reminderDue, reminderTime } from './event-rules';
import type { EventChange } from './event-types';

/**
 * What one change of an event must tell Slack, collected inside the change's transaction and
 * recorded in the outbox at its end. Each change counts one more revision of the event (under the
 * event's lock), which keys its deliveries: the same change never tells twice, two changes never
 * share a key, and the announcement is redrawn once per change.
 */
export interface EventChangeRecord {
  eventId: string;
  revision: number;
  deliveries: NewDelivery[];
}

/** Starts recording a change of an event whose row the caller holds locked: the announcement will be redrawn. */
export async function beginChange(events: EventsRepository, eventId: string): Promise<EventChangeRecord> {
  const revision = await events.bumpRevision(eventId);
  return { eventId, revision, deliveries: [DELIVERIES.eventRefresh(eventId, revision)] };
}

/** A DM to a member about the change (the handler checks, when it runs, that it is still true and theirs to see). */
export function tellMember(change: EventChangeRecord, memberId: string, notice: EventNotice, changes?: readonly EventChange[]): void {
  change.deliveries.push(DELIVERIES.eventNotice(change.eventId, memberId, notice, change.revision, changes));
}

type HeldReminder = Pick<EventRsvpRow, 'reminderChannelId' | 'reminderScheduledMessageId' | 'reminderPostAt'>;

/**
 * The reminder Slack holds for an answer that is gone or changed, deleted: recorded with the change,
 * so no crash can leave a reminder for someone who said "Can't go". One already posted is left.
 */
export function dropReminder(deliveries: NewDelivery[], rsvp: HeldReminder, now: Date): void {
  const { reminderChannelId: channelId, reminderScheduledMessageId: id, reminderPostAt: postAt } = rsvp;
  if (channelId && id && (!postAt || postAt > now)) deliveries.push(DELIVERIES.eventReminderDelete(channelId, id));
}

/**
 * Makes the reminder of one answer follow the change: a reminder still due at the time it holds is
 * kept; otherwise the one held is deleted (and forgotten here) and, if one is due and Slack can
 * still schedule it, a new one is scheduled (the handler records its ID).
 */
export async function followReminder(
  events: EventsRepository,
  change: EventChangeRecord,
  input: { event: EventRow; rsvp: EventRsvpRow; member: MemberRow | undefined; now: Date },
): Promise<void> {
  const { event, rsvp, member, now } = input;
  const due = reminderDue(event, rsvp, member);
  const held = rsvp.reminderScheduledMessageId;
  if (held && due && rsvp.reminderPostAt?.getTime() === due.getTime()) return;
  if (held) {
    dropReminder(change.deliveries, rsvp, now);
    await events.clearReminder(rsvp.eventId, rsvp.memberId, held);
  }
  if (due && reminderTime(event, rsvp, now)) change.deliveries.push(DELIVERIES.eventReminder(event.id, rsvp.memberId, change.revision));
}

/** Members moved up from the waitlist by the change: a DM each, and their reminder. */
export async function tellPromoted(
  repos: Pick<Repositories, 'members'>,
  events: EventsRepository,
  change: EventChangeRecord,
  input: { event: EventRow; promoted: EventRsvpRow[]; now: Date },
): Promise<void> {
  for (const rsvp of input.promoted) {
    tellMember(change, rsvp.memberId, 'promoted');
    const member = await repos.members.findById(rsvp.memberId);
    await followReminder(events, change, { event: input.event, rsvp, member, now: input.now });
  }
}
