import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { deliveries, events, type EventRow, type MemberRow } from '../../src/db/schema';
import type { ServiceDeps } from '../../src/services/deps';
import { answerRsvp, createEvent, updateEvent, validateEvent, type EventInput } from '../../src/services/events';
import type { RsvpAnswer } from '../../src/services/event-types';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { memberRow } from '../helpers/factories';
import { eventInput } from '../helpers/event-form';

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

const form = (overrides: Partial<EventInput> = {}): EventInput => eventInput({ feePerPerson: 12_000, feePayer: 'each_attendee', format: 'seated', ...overrides });

async function givenEvent(overrides: Partial<EventInput> = {}): Promise<EventRow> {
  // An event made before the costs were asked has none: made as today's, then emptied as it was stored then.
  const old = overrides.feePerPerson === null && overrides.feePayer === null && overrides.format === null;
  const result = await createEvent(deps, { organizerSlackUserId: ORGANIZER, form: form(old ? {} : overrides) });
  if (result.kind !== 'created') throw new Error(`event not created: ${JSON.stringify(result)}`);
  if (!old) return result.event;
  const [emptied] = await database.db
    .update(events)
    .set({ feePerPerson: null, feePayer: null, format: null })
    .where(eq(events.id, result.event.id))
    .returning();
  return emptied!;
}

const members = () => createRepositories(database.db).members;

/** A staff member whose post handles subsidies for the energy sector, in 省エネルギー課. */
const givenStaff = (overrides: Partial<MemberRow> = {}) =>
  members().insert(
    memberRow({
      memberType: 'staff',
      email: `staff${Math.random().toString(36).slice(2)}@meti.go.jp`,
      organisation: null,
      currentDivision: '資源エネルギー庁 省エネルギー課',
      officialDuties: ['subsidies'],
      dutySectors: ['energy'],
      ethicsSupervisorSlackUserId: 'U0SUPER',
      ...overrides,
    }),
  );

/** An alumna whose employer receives subsidies from 省エネルギー課: an interested party of the staff member above. */
const givenInterestedParty = (overrides: Partial<MemberRow> = {}) =>
  members().insert(memberRow({ memberType: 'alumni', sector: 'energy', coiRelations: ['subsidy'], coiDivisions: '省エネルギー課', ...overrides }));

/** An alumna with no relation to the ministry declared. */
const givenUnrelatedAlumna = () => members().insert(memberRow({ memberType: 'alumni', sector: 'consulting', coiRelations: [] }));

const answer = (member: MemberRow, event: EventRow, given: RsvpAnswer = 'going') =>
  answerRsvp(deps, { actor: { slackUserId: member.slackUserId!, standing: 'member', email: member.email, realName: member.name }, eventId: event.id, answer: given, ethics: ETHICS });

const mealNotices = async () =>
  (await database.db.select().from(deliveries)).filter((row) => row.payload.notice === 'meal_notice').map((row) => row.payload.memberId);
/** Which notice each staff member was given. */
const mealNoticeKinds = async () =>
  (await database.db.select().from(deliveries)).filter((row) => row.payload.notice === 'meal_notice').map((row) => [row.payload.memberId, row.payload.meal]);

describe('the fee, who pays and the format of an event', () => {
  const errorsOf = (input: EventInput, context: Parameters<typeof validateEvent>[1] = { now: NOW }) => {
    const checked = validateEvent(input, context);
    return checked.ok ? [] : checked.errors.map((error) => [error.field, error.code]);
  };

  it('are stored with a new event', async () => {
    const event = await givenEvent({ feePerPerson: 3_000, feePayer: 'organizers', format: 'standing' });
    const [stored] = await database.db.select().from(events).where(eq(events.id, event.id));
    expect([stored!.feePerPerson, stored!.feePayer, stored!.format]).toEqual([3_000, 'organizers', 'standing']);
  });

  it('must be whole yen, known choices, and a free event has no fee', () => {
    expect(errorsOf(form({ feePerPerson: Number.NaN }))).toEqual([['feePerPerson', 'feeWholeYen']]);
    expect(errorsOf(form({ feePerPerson: -1 }))).toEqual([['feePerPerson', 'feeWholeYen']]);
    expect(errorsOf(form({ feePerPerson: 2.5 }))).toEqual([['feePerPerson', 'feeWholeYen']]);
    expect(errorsOf(form({ feePayer: 'a_company', format: 'banquet' }))).toEqual([
      ['feePayer', 'unknownChoice'],
      ['format', 'unknownChoice'],
    ]);
    expect(errorsOf(form({ feePerPerson: 5_000, feePayer: 'free' }))).toEqual([['feePerPerson', 'freeWithFee']]);
    const free = validateEvent(form({ feePerPerson: null, feePayer: 'free' }), { now: NOW });
    expect(free.ok && free.value.feePerPerson).toBe(0);
  });

  it('an event made before they were asked still saves without them; one that has them cannot lose them', async () => {
    const old = await givenEvent({ feePerPerson: null, feePayer: null, format: null });
    expect([old.feePerPerson, old.feePayer, old.format]).toEqual([null, null, null]);
    const edit = await updateEvent(deps, { organizerSlackUserId: ORGANIZER, eventId: old.id, form: form({ place: 'Online', feePerPerson: null, feePayer: null, format: null }) });
    expect(edit).toMatchObject({ kind: 'updated', changes: ['place'] });
    expect(errorsOf(form({ feePerPerson: null, feePayer: null, format: null }), { now: NOW, previous: { feePerPerson: 3_000, feePayer: 'each_attendee', format: 'seated' } })).toEqual([
      ['feePayer', 'required'],
      ['format', 'required'],
      ['feePerPerson', 'required'],
    ]);
  });

  it('a new event needs them all (a forged form without them is refused), but no fee when it is free of charge', () => {
    expect(errorsOf(form({ feePerPerson: null, feePayer: null, format: null }), { now: NOW })).toEqual([
      ['feePayer', 'required'],
      ['format', 'required'],
      ['feePerPerson', 'required'],
    ]);
    expect(errorsOf(form({ feePerPerson: null, feePayer: 'free', format: 'standing' }), { now: NOW })).toEqual([]);
  });

  it('an edit of the cost or the format is told to members going, as other changes are', async () => {
    const event = await givenEvent();
    const alumna = await givenUnrelatedAlumna();
    await answer(alumna, event);
    const result = await updateEvent(deps, { organizerSlackUserId: ORGANIZER, eventId: event.id, form: form({ feePerPerson: 8_000, format: 'standing' }) });
    expect(result).toMatchObject({ kind: 'updated', changes: ['cost', 'format'] });
    const notices = (await database.db.select().from(deliveries)).filter((row) => row.payload.notice === 'changed');
    expect(notices.map((row) => [row.payload.memberId, row.payload.changes])).toEqual([[alumna.id, ['cost', 'format']]]);
  });
});

describe('the ethics reminder to staff going to a meal with an interested party', () => {
  it('reminds staff who answer Going to a seated event over the threshold that an interested party attends', async () => {
    const event = await givenEvent();
    const [staff, alumna] = [await givenStaff(), await givenInterestedParty()];
    await answer(alumna, event);
    expect(await mealNotices()).toEqual([]);
    await answer(staff, event);
    expect(await mealNoticeKinds()).toEqual([[staff.id, 'advance_notice']]);
  });

  it('reminds staff already going when an interested party answers Going later, and no one else', async () => {
    const event = await givenEvent();
    const [staff, otherStaff, alumna] = [await givenStaff(), await givenStaff({ officialDuties: [], dutySectors: [] }), await givenInterestedParty()];
    await answer(staff, event);
    await answer(otherStaff, event);
    expect(await mealNotices()).toEqual([]);
    await answer(alumna, event);
    expect(await mealNotices()).toEqual([staff.id]);
  });

  it('reminds once per event and staff member, however often they and others answer', async () => {
    const event = await givenEvent();
    const [staff, alumna, second] = [await givenStaff(), await givenInterestedParty(), await givenInterestedParty()];
    await answer(alumna, event);
    await answer(staff, event);
    await answer(second, event);
    await answer(staff, event, 'maybe');
    await answer(staff, event, 'going');
    // One waiting: the later changes record none more.
    expect(await mealNotices()).toEqual([staff.id]);
  });

  it('knows staff as RSVP does: a returnee, or a staff account whatever member type they registered with', async () => {
    const event = await givenEvent();
    const returnee = await givenStaff({ memberType: 'returnee' });
    const onStaffAccount = await givenStaff({ memberType: 'alumni' });
    const onOtherDomain = await givenStaff({ memberType: 'alumni', email: 'someone@example.com' });
    await answer(await givenInterestedParty(), event);
    for (const member of [returnee, onStaffAccount, onOtherDomain]) await answer(member, event);
    expect((await mealNotices()).sort()).toEqual([returnee.id, onStaffAccount.id].sort());
  });

  it('raises no false alarm: nothing when no one attending is an interested party', async () => {
    const event = await givenEvent();
    await answer(await givenUnrelatedAlumna(), event);
    // An employer with a subsidy but from another sector and division, and one in the sector with no relation declared.
    await answer(await givenInterestedParty({ sector: 'finance', coiDivisions: '金融庁 監督局' }), event);
    await answer(await givenInterestedParty({ coiRelations: [] }), event);
    await answer(await givenStaff(), event);
    expect(await mealNotices()).toEqual([]);
  });

  it.each([
    ['a stand-up party', { format: 'standing' }],
    ['a fee at the threshold', { feePerPerson: 10_000 }],
    ['a free stand-up party', { feePerPerson: 0, feePayer: 'free', format: 'standing' }],
    ['a stand-up party the organizers pay for', { feePayer: 'organizers', format: 'standing' }],
    ['an event made before the cost was asked', { feePerPerson: null, feePayer: null, format: null }],
  ] as const)('nothing for %s', async (_name, overrides) => {
    const event = await givenEvent(overrides);
    await answer(await givenInterestedParty(), event);
    await answer(await givenStaff(), event);
    expect(await mealNotices()).toEqual([]);
  });

  it.each([
    ['the organizers pay for', { feePayer: 'organizers' }],
    ['is free of charge', { feePerPerson: 0, feePayer: 'free' }],
    ['the organizers pay for, under the threshold', { feePerPerson: 3_000, feePayer: 'organizers' }],
  ] as const)('tells staff going to a seated meal %s with an interested party that hospitality is not allowed: pay their own share', async (_name, overrides) => {
    const event = await givenEvent(overrides);
    const staff = await givenStaff();
    await answer(await givenInterestedParty(), event);
    await answer(staff, event);
    expect(await mealNoticeKinds()).toEqual([[staff.id, 'hospitality']]);
  });

  it('tells nothing at a seated meal the organizers pay for when no interested party attends', async () => {
    const event = await givenEvent({ feePayer: 'organizers' });
    await answer(await givenUnrelatedAlumna(), event);
    await answer(await givenStaff(), event);
    expect(await mealNotices()).toEqual([]);
  });

  it('nothing while the interested party or the staff member is only on the waitlist, or answered Maybe', async () => {
    const event = await givenEvent({ capacity: 1 });
    const [first, staff, alumna] = [await givenUnrelatedAlumna(), await givenStaff(), await givenInterestedParty()];
    await answer(first, event);
    await answer(alumna, event, 'maybe');
    const waitlisted = await answer(staff, event);
    expect(waitlisted).toMatchObject({ waitlistPosition: 1 });
    expect(await mealNotices()).toEqual([]);
  });

  it('an edit that makes the event a seated meal over the threshold reminds staff already going with an interested party', async () => {
    const event = await givenEvent({ format: 'standing' });
    const staff = await givenStaff();
    await answer(await givenInterestedParty(), event);
    await answer(staff, event);
    expect(await mealNotices()).toEqual([]);
    await updateEvent(deps, { organizerSlackUserId: ORGANIZER, eventId: event.id, form: form({ format: 'seated' }), ethics: ETHICS });
    expect(await mealNotices()).toEqual([staff.id]);
  });

  it('follows the threshold set (deps.config.ethics)', async () => {
    const event = await givenEvent({ feePerPerson: 6_000 });
    const staff = await givenStaff();
    await answer(await givenInterestedParty(), event);
    await answerRsvp(deps, {
      actor: { slackUserId: staff.slackUserId!, standing: 'member', email: staff.email, realName: staff.name },
      eventId: event.id,
      answer: 'going',
      ethics: { mealNoticeYen: 5_000 },
    });
    expect(await mealNotices()).toEqual([staff.id]);
  });
});
