import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { auditEvents, deliveries } from '../../src/db/schema';
import { answerRsvp, createEvent, updateEvent, type EventInput } from '../../src/services/events';
import { MEAL_NOTICE_GIVEN } from '../../src/services/meal-notices';
import { ACTIONS } from '../../src/slack/ids';
import { ANNOUNCEMENTS_CHANNEL } from '../helpers/app';
import { memberRow } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { blockAction } from '../helpers/payloads';
import { assertValidMessage } from '../helpers/slack-limits';

const ORGANIZER = 'U0ORGANIZER';
const STAFF = 'U0STAFF';
const ALUMNA = 'U0ALUMNA';
const UNRELATED = 'U0UNRELATED';

const ctx = setupListenerTest({
  users: {
    [ORGANIZER]: { email: 'org@example.org', locale: 'ja-JP', realName: '幹事 一郎' },
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'ja-JP', realName: '職員 太郎' },
    [ALUMNA]: { email: 'alumna@example.org', locale: 'en-US', realName: 'Hanako' },
    [UNRELATED]: { email: 'unrelated@example.org', locale: 'en-US', realName: 'Jiro' },
  },
  organizers: [ORGANIZER],
});

const members = () => createRepositories(ctx.database.db).members;

/** A staff member handling subsidies for the energy sector, and an alumna whose employer receives them. */
async function givenPeople(): Promise<void> {
  await members().insert(
    memberRow({
      slackUserId: STAFF,
      email: 'staff@meti.go.jp',
      memberType: 'staff',
      locale: 'ja',
      currentDivision: '資源エネルギー庁 省エネルギー課',
      officialDuties: ['subsidies'],
      dutySectors: ['energy'],
      ethicsSupervisorSlackUserId: 'U0SUPER',
    }),
  );
  await members().insert(
    memberRow({ slackUserId: ALUMNA, email: 'alumna@example.org', locale: 'en', sector: 'energy', coiRelations: ['subsidy'], coiDivisions: '省エネルギー課' }),
  );
  await members().insert(memberRow({ slackUserId: UNRELATED, email: 'unrelated@example.org', locale: 'en', sector: 'consulting' }));
}

/** An event open to staff, already announced (so answers redraw it), a seated dinner at ¥12,000 each unless said otherwise. */
async function givenEvent(overrides: Partial<EventInput> = {}) {
  const created = await createEvent(ctx.harness.deps.services, { organizerSlackUserId: ORGANIZER, form: eventForm(overrides) });
  if (created.kind !== 'created') throw new Error('event not created');
  ctx.slack.expect('chat.postMessage', { channel: ANNOUNCEMENTS_CHANNEL, ts: '1800000000.000100' });
  await ctx.harness.deps.deliveries.deliverNow(created.deliveryIds);
  ctx.slack.assertDone();
  return created.event;
}

function eventForm(overrides: Partial<EventInput> = {}): EventInput {
  return {
    title: '年末懇親会',
    startsAt: new Date('2026-12-05T09:00:00Z'),
    endsAt: new Date('2026-12-05T11:00:00Z'),
    place: '霞が関ビル 3F',
    description: null,
    audience: 'all',
    capacity: null,
    rsvpDeadline: null,
    channelId: ANNOUNCEMENTS_CHANNEL,
    feePerPerson: 12_000,
    feePayer: 'each_attendee',
    format: 'seated',
    ...overrides,
  };
}

const going = (user: string, eventId: string) => ctx.harness.send(blockAction({ user, actionId: ACTIONS.rsvpGoing, value: eventId }));

/** What Slack is asked when someone answers Going: the reply, the redrawn announcement, their reminder. */
function expectGoing(dm: string) {
  return ctx.slack
    .expectResponse()
    .expect('chat.update')
    .expect('conversations.open', { channel: { id: dm } })
    .expect('chat.scheduleMessage', { scheduled_message_id: `Q${dm}` });
}

describe('the ethics reminder on answering Going', () => {
  it('reminds a staff member going to a seated dinner over ¥10,000 with an interested party, in their language, once', async () => {
    await givenPeople();
    const event = await givenEvent();
    expectGoing('D0ALUMNA');
    await going(ALUMNA, event.id);
    ctx.slack.assertDone();

    expectGoing('D0STAFF').expect('chat.postMessage');
    await going(STAFF, event.id);
    ctx.slack.assertDone();
    const [notice] = ctx.slack.bodies('chat.postMessage').filter((body) => body.channel === STAFF);
    assertValidMessage(notice!.blocks, notice!.text);
    expect(notice!.text).toBe(ja.events.costs.mealNoticeText('年末懇親会'));
    const shown = JSON.stringify(notice!.blocks);
    expect(shown).toContain('国家公務員倫理規程');
    expect(shown).toContain('法的助言ではありません');
    expect(shown).toContain(ja.events.costs.mealNoticeSupervisor('<@U0SUPER>'));
    // Who the interested party is, the DM does not say.
    expect(shown).not.toContain('Hanako');
    expect(shown).not.toContain(ALUMNA);

    // Given, and so recorded for the contact log.
    const given = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, MEAL_NOTICE_GIVEN));
    expect(given.map((row) => row.details)).toEqual([expect.objectContaining({ eventId: event.id, meal: 'advance_notice' })]);

    // Maybe, then Going again: no second reminder.
    ctx.slack.expectResponse().expect('chat.update').expect('chat.deleteScheduledMessage');
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.rsvpMaybe, value: event.id }));
    ctx.slack.assertDone();
    expectGoing('D0STAFF');
    await going(STAFF, event.id);
    ctx.slack.assertDone();
  });

  it('reminds staff already going when the interested party answers Going later', async () => {
    await givenPeople();
    const event = await givenEvent();
    expectGoing('D0STAFF');
    await going(STAFF, event.id);
    ctx.slack.assertDone();
    expectGoing('D0ALUMNA').expect('chat.postMessage');
    await going(ALUMNA, event.id);
    ctx.slack.assertDone();
    const dms = ctx.slack.bodies('chat.postMessage').filter((body) => body.channel !== ANNOUNCEMENTS_CHANNEL);
    expect(dms.map((body) => [body.channel, body.text])).toEqual([[STAFF, ja.events.costs.mealNoticeText('年末懇親会')]]);
  });

  it('tells a staff member going to a seated dinner the organizers pay for, with an interested party, to pay their own share', async () => {
    await givenPeople();
    const event = await givenEvent({ feePerPerson: 5_000, feePayer: 'organizers' });
    expectGoing('D0ALUMNA');
    await going(ALUMNA, event.id);
    expectGoing('D0STAFF').expect('chat.postMessage');
    await going(STAFF, event.id);
    ctx.slack.assertDone();
    const [notice] = ctx.slack.bodies('chat.postMessage').filter((body) => body.channel === STAFF);
    assertValidMessage(notice!.blocks, notice!.text);
    expect(notice!.text).toBe(ja.events.costs.hospitalityNoticeText('年末懇親会'));
    const shown = JSON.stringify(notice!.blocks);
    expect(shown).toContain(JSON.stringify(ja.events.costs.hospitalityNotice('年末懇親会')).slice(1, -1));
    expect(shown).toContain('法的助言ではありません');
    expect(shown).not.toContain('Hanako');
  });

  it('sends nothing more when no interested party attends, or the event is a stand-up party', async () => {
    await givenPeople();
    const event = await givenEvent();
    expectGoing('D0UNRELATED');
    await going(UNRELATED, event.id);
    expectGoing('D0STAFF');
    await going(STAFF, event.id);
    ctx.slack.assertDone();

    const party = await givenEvent({ title: 'Standing party', format: 'standing' });
    expectGoing('D0ALUMNA');
    await going(ALUMNA, party.id);
    expectGoing('D0STAFF');
    await going(STAFF, party.id);
    ctx.slack.assertDone();
    expect(ctx.slack.bodies('chat.postMessage').filter((body) => body.channel === STAFF)).toEqual([]);
    expect(ctx.slack.bodies('response_url').map((body) => body.text)).toEqual([en.events.rsvpGoing, ja.events.rsvpGoing, en.events.rsvpGoing, ja.events.rsvpGoing]);
  });
});

describe('the ethics notice, checked again when the worker sends it', () => {
  /** Answers through the service: recorded in the outbox, not yet sent. */
  const answered = (user: string, eventId: string, answer: 'going' | 'not_going') =>
    answerRsvp(ctx.harness.deps.services, { actor: { slackUserId: user, standing: 'member', email: null, realName: null }, eventId, answer, ethics: { mealNoticeYen: 10_000 } });
  const waitingMealNotices = async () =>
    (await ctx.database.db.select().from(deliveries)).filter((row) => row.payload.notice === 'meal_notice' && row.status === 'queued').map((row) => row.id);
  const given = async () => ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, MEAL_NOTICE_GIVEN));

  it('is not sent once the interested party has withdrawn, nor recorded as given', async () => {
    await givenPeople();
    const event = await givenEvent();
    await answered(ALUMNA, event.id, 'going');
    await answered(STAFF, event.id, 'going');
    const waiting = await waitingMealNotices();
    expect(waiting).toHaveLength(1);
    await answered(ALUMNA, event.id, 'not_going');

    await ctx.harness.deps.deliveries.deliverNow(waiting);

    ctx.slack.assertDone();
    expect(ctx.slack.bodies('chat.postMessage').filter((body) => body.channel === STAFF)).toEqual([]);
    expect(await given()).toEqual([]);
  });

  it('is not sent once an edit made the event a stand-up party', async () => {
    await givenPeople();
    const event = await givenEvent();
    await answered(ALUMNA, event.id, 'going');
    await answered(STAFF, event.id, 'going');
    const waiting = await waitingMealNotices();
    await updateEvent(ctx.harness.deps.services, { organizerSlackUserId: ORGANIZER, eventId: event.id, form: eventForm({ format: 'standing' }) });

    await ctx.harness.deps.deliveries.deliverNow(waiting);

    expect(ctx.slack.bodies('chat.postMessage').filter((body) => body.channel === STAFF)).toEqual([]);
    expect(await given()).toEqual([]);
  });
});
