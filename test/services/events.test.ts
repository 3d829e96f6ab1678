import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { createRepositories } from '../../src/db/repositories';
import { auditEvents, eventRsvps, type EventRow, type MemberRow } from '../../src/db/schema';
import type { ServiceDeps } from '../../src/services/deps';
import {
  answerRsvp,
  cancelEvent,
  createEvent,
  exportAttendees,
  reminderTime,
  updateEvent,
  validateEvent,
  type EventInput,
} from '../../src/services/events';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { memberRow } from '../helpers/factories';
import { eventInput } from '../helpers/event-form';

const NOW = new Date('2026-11-24T09:00:00Z');
const ORGANIZER = 'U0ORGANIZER';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let deps: ServiceDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: () => NOW, staffEmailDomains: ['meti.go.jp'] };
});
afterAll(async () => database.close());
beforeEach(async () => {
  await resetDatabase(database);
  await createRepositories(database.db).organizers.seed([ORGANIZER]);
});

const form = eventInput;

async function givenEvent(overrides: Partial<EventInput> = {}): Promise<EventRow> {
  const result = await createEvent(deps, { organizerSlackUserId: ORGANIZER, form: form(overrides) });
  if (result.kind !== 'created') throw new Error(`event not created: ${JSON.stringify(result)}`);
  return result.event;
}

async function givenMember(overrides: Partial<MemberRow> = {}): Promise<MemberRow> {
  return createRepositories(database.db).members.insert(memberRow(overrides));
}

const actor = (member: MemberRow) => ({ slackUserId: member.slackUserId!, standing: 'member' as const, email: member.email, realName: member.name });

async function answers(eventId: string) {
  const rows = await database.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, eventId));
  return {
    going: rows.filter((row) => row.answer === 'going' && !row.waitlisted).length,
    waitlisted: rows.filter((row) => row.answer === 'going' && row.waitlisted).length,
  };
}

describe('validating an event', () => {
  it('accepts a complete event and reports each problem on its field', () => {
    expect(validateEvent(form(), { now: NOW }).ok).toBe(true);
    const checked = validateEvent(
      form({
        title: ' ',
        startsAt: new Date('2026-11-20T09:00:00Z'),
        endsAt: new Date('2026-11-20T08:00:00Z'),
        rsvpDeadline: new Date('2026-11-21T00:00:00Z'),
        capacity: 0,
        audience: 'everyone',
        channelId: null,
      }),
      { now: NOW },
    );
    expect(checked.ok ? [] : checked.errors.map((error) => [error.field, error.code])).toEqual([
      ['title', 'required'],
      ['startsAt', 'startInPast'],
      ['endsAt', 'endBeforeStart'],
      ['rsvpDeadline', 'deadlineAfterStart'],
      ['audience', 'unknownChoice'],
      ['capacity', 'capacityPositive'],
      ['channelId', 'noChannel'],
    ]);
    const fractional = validateEvent(form({ capacity: 2.5 }), { now: NOW });
    expect(fractional.ok ? [] : fractional.errors).toEqual([{ field: 'capacity', code: 'capacityPositive' }]);
  });

  it('only organizers announce, edit or cancel; each is audited', async () => {
    await expect(createEvent(deps, { organizerSlackUserId: 'U0SOMEONE', form: form() })).rejects.toMatchObject({ code: 'not_organizer' });
    const event = await givenEvent();
    await expect(updateEvent(deps, { organizerSlackUserId: 'U0SOMEONE', eventId: event.id, form: form() })).rejects.toMatchObject({
      code: 'not_organizer',
    });
    await expect(cancelEvent(deps, { organizerSlackUserId: 'U0SOMEONE', eventId: event.id })).rejects.toMatchObject({ code: 'not_organizer' });
    await cancelEvent(deps, { organizerSlackUserId: ORGANIZER, eventId: event.id });
    await expect(cancelEvent(deps, { organizerSlackUserId: ORGANIZER, eventId: event.id })).rejects.toMatchObject({ code: 'already_decided' });
    const actions = (await database.db.select().from(auditEvents)).map((row) => row.action).sort();
    expect(actions).toEqual(['event.cancelled', 'event.created']);
  });
});

describe('answering', () => {
  it('fills the places, then waitlists in order, and moves the first up when someone gives up a place', async () => {
    const event = await givenEvent({ capacity: 2 });
    const [a, b, c, d] = await Promise.all([givenMember(), givenMember(), givenMember(), givenMember()]);
    expect(await answerRsvp(deps, { actor: actor(a!), eventId: event.id, answer: 'going' })).toMatchObject({ kind: 'answered', waitlistPosition: null });
    expect(await answerRsvp(deps, { actor: actor(b!), eventId: event.id, answer: 'going' })).toMatchObject({ waitlistPosition: null });
    expect(await answerRsvp(deps, { actor: actor(c!), eventId: event.id, answer: 'going' })).toMatchObject({ waitlistPosition: 1 });
    expect(await answerRsvp(deps, { actor: actor(d!), eventId: event.id, answer: 'going' })).toMatchObject({ waitlistPosition: 2 });
    expect(await answerRsvp(deps, { actor: actor(d!), eventId: event.id, answer: 'going' })).toMatchObject({ kind: 'unchanged', waitlistPosition: 2 });

    const cancelled = await answerRsvp(deps, { actor: actor(a!), eventId: event.id, answer: 'not_going' });
    expect(cancelled).toMatchObject({ kind: 'answered', promoted: [{ memberId: c!.id, waitlisted: false }] });
    expect(await answers(event.id)).toEqual({ going: 2, waitlisted: 1 });
    // A waitlisted member who says "maybe" frees no place and promotes nobody.
    expect(await answerRsvp(deps, { actor: actor(d!), eventId: event.id, answer: 'maybe' })).toMatchObject({ promoted: [] });
  });

  it('more places on an edit move waitlisted members up; fewer never drop anyone going', async () => {
    const event = await givenEvent({ capacity: 1 });
    const [a, b, c] = await Promise.all([givenMember(), givenMember(), givenMember()]);
    for (const member of [a!, b!, c!]) await answerRsvp(deps, { actor: actor(member), eventId: event.id, answer: 'going' });
    const more = await updateEvent(deps, { organizerSlackUserId: ORGANIZER, eventId: event.id, form: form({ capacity: 2 }) });
    expect(more).toMatchObject({ kind: 'updated', changes: ['capacity'], promoted: [{ memberId: b!.id }] });
    const fewer = await updateEvent(deps, { organizerSlackUserId: ORGANIZER, eventId: event.id, form: form({ capacity: 1 }) });
    expect(fewer).toMatchObject({ kind: 'updated', promoted: [] });
    expect(await answers(event.id)).toEqual({ going: 2, waitlisted: 1 });
  });

  it('refuses after the deadline, after the start, for cancelled events, non-members, and staff at alumni-only events', async () => {
    const alumna = await givenMember();
    const staff = await givenMember({ memberType: 'staff', yearLeft: null });
    const pending = await givenMember({ status: 'pending' });
    const closed = await givenEvent({ rsvpDeadline: new Date('2026-11-25T00:00:00Z') });
    const alumniOnly = await givenEvent({ audience: 'alumni' });
    const later = new Date('2026-11-25T00:00:00Z');
    expect(await answerRsvp({ ...deps, clock: () => later }, { actor: actor(alumna), eventId: closed.id, answer: 'going' })).toEqual({
      kind: 'deadline_passed',
    });
    const started = new Date('2026-12-05T09:00:00Z');
    expect(await answerRsvp({ ...deps, clock: () => started }, { actor: actor(alumna), eventId: alumniOnly.id, answer: 'going' })).toEqual({
      kind: 'started',
    });
    expect(await answerRsvp(deps, { actor: actor(staff), eventId: alumniOnly.id, answer: 'going' })).toEqual({ kind: 'not_for_staff' });
    expect(await answerRsvp(deps, { actor: actor(staff), eventId: closed.id, answer: 'going' })).toMatchObject({ kind: 'answered' });
    expect(await answerRsvp(deps, { actor: actor(pending), eventId: closed.id, answer: 'going' })).toEqual({ kind: 'needs_profile' });
    expect(
      await answerRsvp(deps, { actor: { slackUserId: 'U0NOBODY', standing: 'member', email: null, realName: null }, eventId: closed.id, answer: 'going' }),
    ).toEqual({ kind: 'needs_profile' });
    expect(await answerRsvp(deps, { actor: actor(alumna), eventId: 'not-a-uuid', answer: 'going' })).toEqual({ kind: 'not_found' });
    await cancelEvent(deps, { organizerSlackUserId: ORGANIZER, eventId: closed.id });
    expect(await answerRsvp(deps, { actor: actor(alumna), eventId: closed.id, answer: 'going' })).toEqual({ kind: 'cancelled' });
  });

  it('never overbooks when many press "Going" for the last place at once, from several instances', async () => {
    const event = await givenEvent({ capacity: 3 });
    const early = await Promise.all([givenMember(), givenMember()]);
    for (const member of early) await answerRsvp(deps, { actor: actor(member), eventId: event.id, answer: 'going' });
    const crowd = await Promise.all(Array.from({ length: 12 }, () => givenMember()));

    // Three "instances": separate connection pools to the same database on the real server.
    const handles = database.url
      ? await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: database.url, pgliteDataDir: undefined, migrate: false })))
      : [];
    try {
      const instances = handles.length > 0 ? handles.map((handle) => ({ ...deps, db: handle.db })) : [deps];
      const results = await Promise.all(
        crowd.map((member, index) => answerRsvp(instances[index % instances.length]!, { actor: actor(member), eventId: event.id, answer: 'going' })),
      );
      expect(results.filter((result) => result.kind === 'answered' && result.waitlistPosition === null)).toHaveLength(1);
      const positions = results.flatMap((result) => (result.kind === 'answered' && result.waitlistPosition ? [result.waitlistPosition] : []));
      expect(positions.sort((x, y) => x - y)).toEqual(Array.from({ length: 11 }, (_, index) => index + 1));
      expect(await answers(event.id)).toEqual({ going: 3, waitlisted: 11 });
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
  });
});

describe('reminders', () => {
  it('are wanted 24 hours before the start, for members going only, and not for events under 24 hours away', async () => {
    const event = await givenEvent();
    const going = { answer: 'going', waitlisted: false } as const;
    const rsvp = (overrides: object) => ({ eventId: event.id, memberId: 'm', waitlistedAt: null, waitlistNumber: null, answeredAt: NOW, reminderChannelId: null, reminderScheduledMessageId: null, reminderPostAt: null, ...going, ...overrides });
    expect(reminderTime(event, rsvp({}), NOW)).toEqual(new Date('2026-12-04T09:00:00Z'));
    expect(reminderTime(event, rsvp({ answer: 'maybe' }), NOW)).toBeNull();
    expect(reminderTime(event, rsvp({ waitlisted: true }), NOW)).toBeNull();
    expect(reminderTime(event, rsvp({}), new Date('2026-12-04T10:00:00Z'))).toBeNull();
    expect(reminderTime({ ...event, status: 'cancelled' }, rsvp({}), NOW)).toBeNull();
  });
});

describe('the attendee list', () => {
  it('holds names and answers only, for organizers, and each export is audited', async () => {
    const event = await givenEvent({ capacity: 1 });
    const first = await givenMember({ name: '佐藤 花子', email: 'hanako@example.org' });
    const second = await givenMember({ name: '=HYPERLINK("x")', email: 'second@example.org' });
    await answerRsvp(deps, { actor: actor(first), eventId: event.id, answer: 'going' });
    await answerRsvp(deps, { actor: actor(second), eventId: event.id, answer: 'going' });
    await expect(exportAttendees(deps, { organizerSlackUserId: 'U0SOMEONE', eventId: event.id })).rejects.toMatchObject({ code: 'not_organizer' });
    const exported = await exportAttendees(deps, { organizerSlackUserId: ORGANIZER, eventId: event.id });
    expect(exported.csv).toBe(
      '\uFEFFname,answer,waitlist_position,answered_at\n' +
        '佐藤 花子,going,,2026-11-24T09:00:00.000Z\n' +
        `"'=HYPERLINK(""x"")",going,1,2026-11-24T09:00:00.000Z\n`,
    );
    expect(exported.csv).not.toContain('@example.org');
    const audited = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'event.attendees_exported'));
    expect(audited).toMatchObject([{ actor: ORGANIZER, details: { eventId: event.id, count: 2 } }]);
  });
});
