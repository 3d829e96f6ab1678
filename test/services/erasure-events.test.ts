import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { createRepositories } from '../../src/db/repositories';
import { createEventsRepository } from '../../src/db/repositories/events';
import { eventRsvps, type EventRow, type MemberRow } from '../../src/db/schema';
import type { ServiceDeps } from '../../src/services/deps';
import { answerRsvp, createEvent } from '../../src/services/events';
import { eraseOwnData } from '../../src/services/privacy';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { eventRow, memberRow } from '../helpers/factories';
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

async function givenEvent(capacity: number | null): Promise<EventRow> {
  const result = await createEvent(deps, {
    organizerSlackUserId: ORGANIZER,
    form: eventInput({ audience: 'alumni', capacity }),
  });
  if (result.kind !== 'created') throw new Error('event not created');
  return result.event;
}

const givenMember = () => createRepositories(database.db).members.insert(memberRow());
type Actor = Parameters<typeof answerRsvp>[1]['actor'];
const actor = (member: MemberRow) => ({ slackUserId: member.slackUserId!, email: member.email, realName: member.name }) as Actor;
const answer = (on: ServiceDeps, member: MemberRow, event: EventRow, choice: 'going' | 'not_going') =>
  answerRsvp(on, { actor: actor(member), eventId: event.id, answer: choice });

/** Three "instances" (connection pools) on the real server; on PGlite, the one database. */
async function withInstances(run: (instances: ServiceDeps[]) => Promise<void>) {
  const handles = database.url
    ? await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: database.url, pgliteDataDir: undefined, migrate: false })))
    : [];
  try {
    await run(handles.length > 0 ? handles.map((handle) => ({ ...deps, db: handle.db })) : [deps]);
  } finally {
    await Promise.all(handles.map((handle) => handle.close()));
  }
}

describe('erasure and answers at the same time', () => {
  it('an erasure racing the member’s own answers and others’ answers leaves no answer of theirs, never overbooks, never deadlocks', async () => {
    for (let round = 0; round < 4; round++) {
      await resetDatabase(database);
      await createRepositories(database.db).organizers.seed([ORGANIZER]);
      const events = [await givenEvent(2), await givenEvent(2), await givenEvent(null)];
      const leaving = await givenMember();
      const others = await Promise.all(Array.from({ length: 6 }, () => givenMember()));
      await answer(deps, leaving, events[0]!, 'going');
      await answer(deps, leaving, events[1]!, 'going');

      await withInstances(async (instances) => {
        const on = (index: number) => instances[index % instances.length]!;
        const results = await Promise.allSettled([
          eraseOwnData(on(0), leaving.slackUserId!),
          answer(on(1), leaving, events[2]!, 'going'),
          answer(on(2), leaving, events[0]!, 'not_going'),
          ...others.map((member, index) => answer(on(index), member, events[index % 2]!, 'going')),
        ]);
        expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
      });

      const rows = await database.db.select().from(eventRsvps);
      expect(rows.filter((row) => row.memberId === leaving.id)).toEqual([]);
      for (const event of events.slice(0, 2)) {
        const going = rows.filter((row) => row.eventId === event.id && row.answer === 'going' && !row.waitlisted);
        expect(going).toHaveLength(2);
      }
    }
  });

  it('two members erased at once who answered the same events both lose their answers, and the waitlist moves up for both', async () => {
    const first = await givenEvent(2);
    const second = await givenEvent(2);
    const [a, b, c, d] = await Promise.all([givenMember(), givenMember(), givenMember(), givenMember()]);
    for (const member of [a!, b!, c!, d!]) {
      await answer(deps, member, first, 'going');
      await answer(deps, member, second, 'going');
    }
    await withInstances(async (instances) => {
      const results = await Promise.all([
        eraseOwnData(instances[0]!, a!.slackUserId!),
        eraseOwnData(instances[instances.length - 1]!, b!.slackUserId!),
      ]);
      const promoted = results.flatMap((result) => result!.withdrawn.events.flatMap((entry) => entry.promoted.map((rsvp) => rsvp.memberId)));
      expect(promoted.sort()).toEqual([c!.id, c!.id, d!.id, d!.id].sort());
    });
    const rows = await database.db.select().from(eventRsvps);
    expect(rows.map((row) => [row.memberId, row.waitlisted]).sort()).toEqual(
      [
        [c!.id, false],
        [c!.id, false],
        [d!.id, false],
        [d!.id, false],
      ].sort(),
    );
  });
});

describe('an erasure and the events that took place', () => {
  /** An event inserted as it stands (started `daysAgo` days before now; negative: ahead). */
  const givenEventOn = (daysAgo: number, overrides: Partial<EventRow> = {}) =>
    createEventsRepository({ db: database.db }).insert(
      eventRow({ startsAt: new Date(NOW.getTime() - daysAgo * DAY), endsAt: new Date(NOW.getTime() - daysAgo * DAY + 2 * 3_600_000), ...overrides }),
    );
  const DAY = 86_400_000;

  it('keeps attendance at events held, under the pseudonymous tombstone, and withdraws every other answer', async () => {
    const leaving = await givenMember();
    const held = await givenEventOn(10);
    const heldMaybe = await givenEventOn(9);
    const heldWaitlisted = await givenEventOn(8);
    const cancelled = await givenEventOn(7, { status: 'cancelled' });
    const ahead = await givenEventOn(-3);
    await database.db.insert(eventRsvps).values([
      { eventId: held.id, memberId: leaving.id, answer: 'going', reminderChannelId: 'D0LEAVING', reminderScheduledMessageId: 'Q0POSTED', reminderPostAt: new Date(NOW.getTime() - 11 * DAY) },
      { eventId: heldMaybe.id, memberId: leaving.id, answer: 'maybe' },
      { eventId: heldWaitlisted.id, memberId: leaving.id, answer: 'going', waitlisted: true, waitlistNumber: 1 },
      { eventId: cancelled.id, memberId: leaving.id, answer: 'going' },
      { eventId: ahead.id, memberId: leaving.id, answer: 'going' },
    ]);

    const erasure = await eraseOwnData(deps, leaving.slackUserId!);

    expect(erasure!.withdrawn.answers.map((rsvp) => rsvp.eventId).sort()).toEqual([heldMaybe.id, heldWaitlisted.id, cancelled.id, ahead.id].sort());
    const kept = await database.db.select().from(eventRsvps);
    // The DM it was reminded in goes: nothing there names the erased member's Slack conversation any more.
    expect(kept).toEqual([expect.objectContaining({ eventId: held.id, memberId: leaving.id, answer: 'going', waitlisted: false, reminderChannelId: null, reminderScheduledMessageId: null })]);
    const tombstone = await createRepositories(database.db).members.findById(leaving.id);
    expect(tombstone).toMatchObject({ status: 'erased', name: null, email: null, slackUserId: null });
  });
});
