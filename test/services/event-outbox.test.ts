import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { createEventsRepository } from '../../src/db/repositories/events';
import { deliveries, eventRsvps, type EventRow, type MemberRow } from '../../src/db/schema';
import type { ServiceDeps } from '../../src/services/deps';
import { recordReminder } from '../../src/services/event-deliveries';
import { answerRsvp, createEvent } from '../../src/services/events';
import { eraseOwnData } from '../../src/services/privacy';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { memberRow } from '../helpers/factories';
import { eventInput } from '../helpers/event-form';

const NOW = new Date('2026-11-24T09:00:00Z');
const ORGANIZER = 'U0ORGANIZER';
const REMINDER_AT = new Date('2026-12-04T09:00:00Z');

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

const submit = (capacity: number | null) =>
  createEvent(deps, {
    organizerSlackUserId: ORGANIZER,
    submissionKey: 'V0FORM',
    form: eventInput({ audience: 'alumni', capacity }),
  });

async function givenEvent(capacity: number | null = 1): Promise<EventRow> {
  const result = await submit(capacity);
  if (result.kind !== 'created') throw new Error('event not created');
  return result.event;
}

const givenMember = () => createRepositories(database.db).members.insert(memberRow());
const answer = (member: MemberRow, event: EventRow, choice: 'going' | 'maybe' | 'not_going') =>
  answerRsvp(deps, { actor: { slackUserId: member.slackUserId!, standing: 'member', email: member.email, realName: member.name }, eventId: event.id, answer: choice });
const outbox = async () => (await database.db.select().from(deliveries)).map((row) => row.key).sort();

/** Records that Slack now holds a reminder for the member's answer, as the reminder delivery does. */
const holdReminder = (event: EventRow, member: MemberRow, id: string) =>
  createEventsRepository({ db: database.db }).setReminder(event.id, member.id, { channelId: `D${id}`, scheduledMessageId: id, postAt: REMINDER_AT });

describe('what an event change records for Slack, in its own transaction', () => {
  it('the same form submitted twice makes one event with one announcement to post', async () => {
    const first = await givenEvent();
    expect(await submit(1)).toEqual({ kind: 'already_created', event: first });
    expect(await outbox()).toEqual([`event.announce:${first.id}`]);
  });

  it('an answer that frees a place records its redraw, the reminder’s deletion, and the promotion with its reminder, keyed by revision', async () => {
    const event = await givenEvent(1);
    const [leaving, waiting] = [await givenMember(), await givenMember()];
    await answer(leaving, event, 'going');
    await holdReminder(event, leaving, 'Q1');
    await answer(waiting, event, 'going');
    const before = await outbox();

    const result = await answer(leaving, event, 'not_going');
    expect(result).toMatchObject({ kind: 'answered', deliveryIds: expect.any(Array) });
    const recorded = (await outbox()).filter((key) => !before.includes(key));
    expect(recorded).toEqual(
      [
        `event.refresh:${event.id}:3`,
        `event.reminder_delete:DQ1:Q1`,
        `event.notice:${event.id}:${waiting.id}:promoted:3`,
        `event.reminder:${event.id}:${waiting.id}:3`,
      ].sort(),
    );
    const [row] = (await database.db.select().from(eventRsvps)).filter((rsvp) => rsvp.memberId === leaving.id);
    expect(row).toMatchObject({ answer: 'not_going', reminderScheduledMessageId: null });
    // The same answer again records nothing.
    expect(await answer(leaving, event, 'not_going')).toMatchObject({ kind: 'unchanged' });
    expect((await outbox()).length).toBe(before.length + recorded.length);
  });

  it('an erasure records, in its own transaction, the deletion of the member’s reminders, the redraws and the promotions', async () => {
    const event = await givenEvent(1);
    const [leaving, waiting] = [await givenMember(), await givenMember()];
    await answer(leaving, event, 'going');
    await holdReminder(event, leaving, 'Q1');
    await answer(waiting, event, 'going');
    const before = await outbox();

    const erased = await eraseOwnData(deps, leaving.slackUserId!);
    // Her registration card is redrawn too (a delivery of its own, not one of the events').
    const recorded = (await outbox()).filter((key) => !before.includes(key) && !key.startsWith('registration.approval_refresh:'));
    expect(erased!.cardDeliveryIds).toHaveLength(1);
    expect(recorded).toEqual(
      [
        `event.refresh:${event.id}:3`,
        `event.reminder_delete:DQ1:Q1`,
        `event.notice:${event.id}:${waiting.id}:promoted:3`,
        `event.reminder:${event.id}:${waiting.id}:3`,
      ].sort(),
    );
    expect(erased!.withdrawn.deliveryIds).toHaveLength(4);
  });

  it('a reminder Slack scheduled after the answer changed is deleted again instead of recorded', async () => {
    const event = await givenEvent(null);
    const member = await givenMember();
    await answer(member, event, 'going');
    await answer(member, event, 'maybe');
    const late = { eventId: event.id, memberId: member.id, channelId: 'D0M', postAt: REMINDER_AT };
    const ids = await recordReminder(deps, { ...late, scheduledMessageId: 'Q0LATE' });
    expect(ids).toHaveLength(1);
    expect(await outbox()).toContain('event.reminder_delete:D0M:Q0LATE');

    // Still going: recorded, and a second one scheduled by another delivery is deleted again.
    await answer(member, event, 'going');
    expect(await recordReminder(deps, { ...late, scheduledMessageId: 'Q0KEPT' })).toEqual([]);
    expect(await recordReminder(deps, { ...late, scheduledMessageId: 'Q0TWICE' })).toHaveLength(1);
    expect(await database.db.select().from(eventRsvps)).toMatchObject([{ reminderScheduledMessageId: 'Q0KEPT' }]);
  });
});
