import { stringify } from 'csv-stringify/sync';
import { createRepositories } from '../db/repositories';
import { createEventsRepository } from '../db/repositories/events';
import type { EventRow } from '../db/schema';
import { escapeFormula } from './csv-formula';
import type { ServiceDeps } from './deps';
import { AppError } from './errors';
import { audiencesOpenTo, EVENT_AUDIENCES, type EventView, type MyEventView, type RsvpCounts } from './event-types';
import type { Actor } from './identity';
import { isOrganizer } from './organizers';
import { isUuid } from './uuid';

/** How many events lists fetch: one more than they show, so they can say there are more. */
const EVENT_FETCH_LIMIT = 50;
const NO_ANSWERS: RsvpCounts = { going: 0, maybe: 0, notGoing: 0, waitlisted: 0 };

export function viewOf(event: EventRow, counts: RsvpCounts): EventView {
  return { event, counts, placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - counts.going) };
}

/** Organizers only (checked on the server for every organizer action). */
export async function requireOrganizer(deps: ServiceDeps, slackUserId: string): Promise<void> {
  if (!(await isOrganizer(deps, slackUserId))) throw new AppError('not_organizer');
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

