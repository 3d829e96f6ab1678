import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { auditEvents, deliveries, type EventRow, type MemberRow } from '../../src/db/schema';
import type { ServiceDeps } from '../../src/services/deps';
import { answerRsvp, cancelEvent, createEvent, updateEvent, withdrawAllAnswersOf, type EventInput } from '../../src/services/events';
import type { RsvpAnswer } from '../../src/services/event-types';
import { checkMealNotice, MEAL_NOTICE_GIVEN, recordMealNoticeGiven } from '../../src/services/meal-notices';
import { eraseOwnData } from '../../src/services/privacy';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { eventInput } from '../helpers/event-form';
import { memberRow } from '../helpers/factories';

const NOW = new Date('2026-11-24T09:00:00Z');
const ORGANIZER = 'U0ORGANIZER';
const ETHICS = { mealNoticeYen: 10_000 };

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

/** A seated dinner at ¥12,000 each (over the threshold) unless stated. */
const form = (overrides: Partial<EventInput> = {}): EventInput => eventInput({ feePerPerson: 12_000, feePayer: 'each_attendee', format: 'seated', ...overrides });

async function givenEvent(overrides: Partial<EventInput> = {}): Promise<EventRow> {
  const result = await createEvent(deps, { organizerSlackUserId: ORGANIZER, form: form(overrides) });
  if (result.kind !== 'created') throw new Error(`event not created: ${JSON.stringify(result)}`);
  return result.event;
}

const members = () => createRepositories(database.db).members;
const givenStaff = () =>
  members().insert(
    memberRow({ memberType: 'staff', email: 'staff@meti.go.jp', organisation: null, currentDivision: '省エネルギー課', officialDuties: ['subsidies'], dutySectors: ['energy'] }),
  );
const givenInterestedParty = () => members().insert(memberRow({ memberType: 'alumni', sector: 'energy', coiRelations: ['subsidy'], coiDivisions: '省エネルギー課' }));
const givenUnrelated = () => members().insert(memberRow({ memberType: 'alumni', sector: 'consulting', coiRelations: [] }));

const answer = (member: MemberRow, event: EventRow, given: RsvpAnswer = 'going') =>
  answerRsvp(deps, { actor: { slackUserId: member.slackUserId!, standing: 'member', email: member.email, realName: member.name }, eventId: event.id, answer: given, ethics: ETHICS });
const edit = (event: EventRow, overrides: Partial<EventInput>) =>
  updateEvent(deps, { organizerSlackUserId: ORGANIZER, eventId: event.id, form: form(overrides), ethics: ETHICS });

const mealDeliveries = async () => (await database.db.select().from(deliveries)).filter((row) => row.payload.notice === 'meal_notice');
const check = (event: EventRow, member: MemberRow, meal = 'advance_notice') => checkMealNotice(deps, { eventId: event.id, memberId: member.id, meal, settings: ETHICS });
/** What the worker does with a notice it skipped: it is done with it (sent), and nothing is recorded as given. */
const settle = async () => database.db.update(deliveries).set({ status: 'sent', sentAt: NOW }).where(eq(deliveries.status, 'queued'));

/** A staff member and an interested party both going to `event`. */
async function givenBothGoing(event: EventRow) {
  const [staff, alumna] = [await givenStaff(), await givenInterestedParty()];
  await answer(alumna, event);
  await answer(staff, event);
  return { staff, alumna };
}

describe('the meal notice, checked again as it is sent', () => {
  it('is due while the staff member and the interested party are still going to the meal as it was', async () => {
    const event = await givenEvent();
    const { staff } = await givenBothGoing(event);
    expect(await check(event, staff)).toMatchObject({ due: true, meal: 'advance_notice', member: { id: staff.id } });
  });

  it('is skipped, with its reason, once no longer due: an edit, the staff member or the interested party withdrew, a cancellation', async () => {
    const event = await givenEvent();
    const { staff, alumna } = await givenBothGoing(event);

    await answer(alumna, event, 'not_going');
    expect(await check(event, staff)).toEqual({ due: false, reason: 'no_longer_due' });
    await answer(alumna, event, 'going');
    await edit(event, { format: 'standing' });
    expect(await check(event, staff)).toEqual({ due: false, reason: 'no_longer_due' });
    await edit(event, { feePayer: 'organizers' });
    // The organizers pay now: the hospitality notice is due instead, recorded by that edit.
    expect(await check(event, staff)).toEqual({ due: false, reason: 'other_notice_due' });
    expect(await check(event, staff, 'hospitality')).toMatchObject({ due: true });
    await answer(staff, event, 'maybe');
    expect(await check(event, staff, 'hospitality')).toEqual({ due: false, reason: 'not_going' });
    await answer(staff, event, 'going');
    await cancelEvent(deps, { organizerSlackUserId: ORGANIZER, eventId: event.id });
    expect(await check(event, staff, 'hospitality')).toEqual({ due: false, reason: 'event_cancelled' });
  });

  it('is not given twice: once recorded as given, the same notice is skipped and no change records it again', async () => {
    const event = await givenEvent();
    const { staff } = await givenBothGoing(event);
    const [waiting] = await mealDeliveries();
    await recordMealNoticeGiven(deps, { eventId: event.id, memberId: staff.id, meal: 'advance_notice', deliveryId: waiting!.id });
    await settle();

    expect(await check(event, staff)).toEqual({ due: false, reason: 'already_given' });
    await answer(staff, event, 'maybe');
    await answer(staff, event, 'going');
    await answer(await givenUnrelated(), event);
    expect(await mealDeliveries()).toHaveLength(1);
    const given = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, MEAL_NOTICE_GIVEN), eq(auditEvents.subjectMemberId, staff.id)));
    expect(given.map((row) => row.details)).toEqual([{ eventId: event.id, meal: 'advance_notice', deliveryId: waiting!.id }]);
  });
});

describe('a meal notice skipped once', () => {
  it('is recorded again, once, by a later change that makes it due again', async () => {
    const event = await givenEvent();
    const { staff, alumna } = await givenBothGoing(event);
    // The interested party withdrew before the worker sent it: skipped.
    await answer(alumna, event, 'not_going');
    await settle();

    await answer(alumna, event, 'going');
    await answer(await givenUnrelated(), event);

    const recorded = await mealDeliveries();
    expect(recorded.map((row) => [row.payload.memberId, row.payload.meal, row.status])).toEqual([
      [staff.id, 'advance_notice', 'sent'],
      [staff.id, 'advance_notice', 'queued'],
    ]);
    expect(new Set(recorded.map((row) => row.key)).size).toBe(2);
  });

  it('a change to other costs records the notice they call for, beside the one waiting', async () => {
    const event = await givenEvent();
    const { staff } = await givenBothGoing(event);
    await edit(event, { feePayer: 'free', feePerPerson: null });
    expect((await mealDeliveries()).map((row) => [row.payload.memberId, row.payload.meal])).toEqual([
      [staff.id, 'advance_notice'],
      [staff.id, 'hospitality'],
    ]);
  });
});

describe('places freed by an erasure', () => {
  it('give the staff member moved up from the waitlist their meal notice, as "Can’t go" would', async () => {
    const event = await givenEvent({ capacity: 2 });
    const [leaving, alumna, staff] = [await givenUnrelated(), await givenInterestedParty(), await givenStaff()];
    await answer(leaving, event);
    await answer(alumna, event);
    expect(await answer(staff, event)).toMatchObject({ waitlistPosition: 1 });
    expect(await mealDeliveries()).toEqual([]);

    const withdrawn = await database.db.transaction((tx) => withdrawAllAnswersOf(tx, leaving.id, NOW, { ethics: ETHICS, staffEmailDomains: deps.staffEmailDomains }));

    expect(withdrawn.events.map(({ promoted }) => promoted.map((rsvp) => rsvp.memberId))).toEqual([[staff.id]]);
    const recorded = await mealDeliveries();
    expect(recorded.map((row) => [row.payload.memberId, row.payload.meal])).toEqual([[staff.id, 'advance_notice']]);
    expect(withdrawn.deliveryIds).toContain(recorded[0]!.id);
  });

  it('follow the configured threshold when a member erases their data (ServiceDeps.ethics), not the default', async () => {
    // ¥8,000 each is under the default ¥10,000 but over a network's own ¥5,000.
    const event = await givenEvent({ capacity: 2, feePerPerson: 8_000 });
    const [leaving, alumna, staff] = [await givenUnrelated(), await givenInterestedParty(), await givenStaff()];
    const lower = { mealNoticeYen: 5_000 };
    const answerWith = (member: MemberRow) =>
      answerRsvp(deps, { actor: { slackUserId: member.slackUserId!, standing: 'member', email: member.email, realName: member.name }, eventId: event.id, answer: 'going', ethics: lower });
    for (const member of [leaving, alumna, staff]) await answerWith(member);
    expect(await mealDeliveries()).toEqual([]);

    await eraseOwnData({ ...deps, ethics: lower }, leaving.slackUserId!);

    const recorded = await mealDeliveries();
    expect(recorded.map((row) => [row.payload.memberId, row.payload.meal])).toEqual([[staff.id, 'advance_notice']]);
  });

  it('record no meal notice when no interested party attends', async () => {
    const event = await givenEvent({ capacity: 2 });
    const [leaving, other, staff] = [await givenUnrelated(), await givenUnrelated(), await givenStaff()];
    for (const member of [leaving, other, staff]) await answer(member, event);
    await database.db.transaction((tx) => withdrawAllAnswersOf(tx, leaving.id, NOW));
    expect(await mealDeliveries()).toEqual([]);
  });
});
