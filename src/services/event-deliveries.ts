import type { Db } from '../db/client';
import { createRepositories } from '../db/repositories';
import { createEventsRepository } from '../db/repositories/events';
import type { EventRow, EventRsvpRow, MemberRow } from '../db/schema';
import { DELIVERIES } from './deliveries';
import type { ServiceDeps } from './deps';
import { reminderDue } from './event-rules';
import { isUuid } from './uuid';

// What the event delivery handlers (src/delivery/events.ts) read and record: each handler loads
// current state by its payload's IDs and records what Slack answered.

/** Where the announcement landed, to redraw it. */
export async function recordAnnouncement(deps: ServiceDeps, eventId: string, message: { channelId: string; ts: string }): Promise<void> {
  await createEventsRepository({ db: deps.db }).update(eventId, { channelId: message.channelId, messageTs: message.ts });
}

async function withdraw(tx: Db, event: EventRow, now: Date): Promise<void> {
  await createEventsRepository({ db: tx }).delete(event.id);
  await createRepositories(tx).audit.record({
    actor: event.organizerSlackUserId,
    action: 'event.withdrawn',
    details: { eventId: event.id, reason: 'not_posted' },
    occurredAt: now,
  });
}

/**
 * An event whose announcement Slack refused is withdrawn, so no unseen event lingers (the same
 * form, submitted again, makes it anew). Returns whether it was (false: posted, or already gone).
 */
export async function withdrawUnpostedEvent(deps: ServiceDeps, eventId: string): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const events = createEventsRepository({ db: tx });
    const event = isUuid(eventId) ? await events.lockById(eventId) : undefined;
    if (!event || event.messageTs) return false;
    await withdraw(tx, event, deps.clock());
    return true;
  });
}

/**
 * The form closed before the announcement was posted: from now on, a refusal must reach the
 * organizer by DM. Says where the announcement stands, so the organizer is told the truth.
 */
export async function awaitAnnouncement(deps: ServiceDeps, eventId: string): Promise<'posted' | 'posting' | 'withdrawn'> {
  return deps.db.transaction(async (tx) => {
    const events = createEventsRepository({ db: tx });
    const event = await events.lockById(eventId);
    if (!event) return 'withdrawn';
    if (event.messageTs) return 'posted';
    await events.update(event.id, { postingToldAt: deps.clock() });
    return 'posting';
  });
}

/**
 * After Slack refused an announcement for good: the event is withdrawn at once if the organizer
 * saw the refusal on the form (or it is gone or posted after all); if they were told "saved,
 * posting", it is returned, with Slack's reason, and kept until they are told (withdrawUnpostedEvent).
 */
export async function settleUnpostedEvent(deps: ServiceDeps, eventId: string): Promise<{ event: EventRow; error: string } | undefined> {
  const now = deps.clock();
  const event = await deps.db.transaction(async (tx) => {
    const events = createEventsRepository({ db: tx });
    const found = isUuid(eventId) ? await events.lockById(eventId) : undefined;
    if (!found || found.messageTs) return undefined;
    if (found.postingToldAt) return found;
    await withdraw(tx, found, now);
    return undefined;
  });
  if (!event) return undefined;
  const post = await createRepositories(deps.db).deliveries.findByKey(DELIVERIES.eventAnnouncement(event.id).key);
  return { event, error: post?.lastError ?? 'unknown' };
}

/** An answer as it stands, for a reminder or a notice: the event, the member and (if they still have one) their answer. */
export interface AnswerState {
  event: EventRow;
  member: MemberRow;
  rsvp: EventRsvpRow | undefined;
}

export async function loadAnswerState(deps: ServiceDeps, eventId: string, memberId: string): Promise<AnswerState | undefined> {
  if (!isUuid(eventId) || !isUuid(memberId)) return undefined;
  const events = createEventsRepository({ db: deps.db });
  const [event, member, rsvp] = await Promise.all([
    events.findById(eventId),
    createRepositories(deps.db).members.findById(memberId),
    events.findRsvp(eventId, memberId),
  ]);
  return event && member ? { event, member, rsvp } : undefined;
}

/**
 * Records the reminder Slack now holds for an answer, under the event's lock. If the answer
 * changed meanwhile (its reminder is no longer due then, or another was recorded first), the one
 * just scheduled is deleted instead: returns that delivery, to run at once.
 */
export async function recordReminder(
  deps: ServiceDeps,
  input: { eventId: string; memberId: string; channelId: string; scheduledMessageId: string; postAt: Date },
): Promise<string[]> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const events = createEventsRepository({ db: tx });
    const event = await events.lockById(input.eventId);
    const rsvp = event ? await events.findRsvp(event.id, input.memberId) : undefined;
    const member = rsvp ? await repos.members.findById(input.memberId) : undefined;
    const due = event && rsvp ? reminderDue(event, rsvp, member) : null;
    if (rsvp && !rsvp.reminderScheduledMessageId && due?.getTime() === input.postAt.getTime()) {
      await events.setReminder(input.eventId, input.memberId, input);
      return [];
    }
    return repos.deliveries.enqueue([DELIVERIES.eventReminderDelete(input.channelId, input.scheduledMessageId)], now);
  });
}
