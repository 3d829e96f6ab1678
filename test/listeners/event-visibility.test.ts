import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { createEventsRepository } from '../../src/db/repositories/events';
import { eventRsvps, events, type EventRow } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { ACTIONS, COMMANDS, EVENT_FIELDS, VIEWS } from '../../src/slack/ids';
import { visibleText } from '../blocks/inspect';
import { eventRow, memberRow } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { appHomeOpened, blockAction, slashCommand, viewSubmission } from '../helpers/payloads';

const ORGANIZER = 'U0ORGANIZER';
const ALUMNA = 'U0ALUMNA';
const RETURNEE = 'U0RETURNEE';
const STAFF = 'U0STAFF';
const PENDING = 'U0PENDING';
const DECLINED = 'U0DECLINED';
const STRANGER = 'U0STRANGER';
const STAFF_STRANGER = 'U0NEWSTAFF';

const ctx = setupListenerTest({
  users: {
    [ORGANIZER]: { email: 'org@example.org', locale: 'ja-JP' },
    [ALUMNA]: { email: 'alumna@example.org', locale: 'en-US' },
    [RETURNEE]: { email: 'returnee@meti.go.jp', locale: 'ja-JP' },
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'ja-JP' },
    [PENDING]: { email: 'pending@example.org', locale: 'en-US' },
    [DECLINED]: { email: 'declined@example.org', locale: 'en-US' },
    [STRANGER]: { email: 'stranger@gmail.example', locale: 'en-US' },
    [STAFF_STRANGER]: { email: 'newcomer@meti.go.jp', locale: 'ja-JP' },
  },
  organizers: [ORGANIZER],
});

// What an alumni-only event must not give away to anyone who may not attend it.
const SECRET = { title: 'OB・OG 限定 懇親会', place: '赤坂 会員制ラウンジ', description: '会費は当日、合言葉は「架け橋」' };
const OPEN = { title: 'Joint study session', place: 'Room 3F, Kasumigaseki' };

async function givenPeople() {
  const members = createRepositories(ctx.database.db).members;
  for (const [slackUserId, memberType, status] of [
    [ALUMNA, 'alumni', 'active'],
    [RETURNEE, 'returnee', 'active'],
    [STAFF, 'staff', 'active'],
    [PENDING, 'alumni', 'pending'],
    [DECLINED, 'alumni', 'declined'],
  ] as const) {
    await members.insert(memberRow({ slackUserId, memberType, status, locale: null, name: `Name ${slackUserId}` }));
  }
}

async function givenEvents(): Promise<{ secret: EventRow; open: EventRow }> {
  const repo = createEventsRepository({ db: ctx.database.db });
  const secret = await repo.insert(eventRow({ ...SECRET, audience: 'alumni', capacity: 2 }));
  const open = await repo.insert(eventRow({ ...OPEN, description: null, audience: 'all', startsAt: new Date('2026-12-10T09:00:00Z'), endsAt: new Date('2026-12-10T10:00:00Z') }));
  return { secret, open };
}

const list = async (user: string) => visibleText((await ctx.harness.send(slashCommand({ command: COMMANDS.event, user_id: user, text: 'list' }))).blocks);

async function home(user: string): Promise<string> {
  ctx.slack.expect('views.publish');
  await ctx.harness.send(appHomeOpened({ user }));
  return visibleText(ctx.slack.bodies('views.publish').at(-1)!.view.blocks);
}

function expectNothingOf(text: string, event: Record<string, string>) {
  for (const value of Object.values(event)) expect(text).not.toContain(value);
}

describe('who sees an event in `/alumni-event list` and the App Home', () => {
  it('active alumni and returnees see an alumni-only event; organizers see every event', async () => {
    await givenPeople();
    await givenEvents();
    for (const user of [ALUMNA, RETURNEE, ORGANIZER]) {
      for (const text of [await list(user), await home(user)]) {
        expect(text).toContain(SECRET.title);
        expect(text).toContain(SECRET.place);
        expect(text).toContain(OPEN.title);
      }
    }
    ctx.slack.assertDone();
  });

  it('current staff see events open to staff, and nothing of an alumni-only event', async () => {
    await givenPeople();
    await givenEvents();
    for (const text of [await list(STAFF), await home(STAFF)]) {
      expect(text).toContain(OPEN.title);
      expectNothingOf(text, SECRET);
    }
    ctx.slack.assertDone();
  });

  it.each([
    ['a pending applicant', PENDING],
    ['a declined applicant', DECLINED],
    ['someone with no profile', STRANGER],
    ['staff with no profile yet', STAFF_STRANGER],
  ])('%s sees no event at all, as they may answer none', async (_who, user) => {
    await givenPeople();
    await givenEvents();
    const locale = user === STAFF_STRANGER ? ja : en;
    for (const text of [await list(user), await home(user)]) {
      expectNothingOf(text, SECRET);
      expectNothingOf(text, OPEN);
      expect(text).toContain(locale.events.noUpcoming);
    }
    ctx.slack.assertDone();
  });

  it('the rule of answering is the rule of listing: whoever is refused an answer does not see the event', async () => {
    await givenPeople();
    const { secret } = await givenEvents();
    ctx.slack.expectResponse().expectResponse().expectResponse();
    for (const user of [STAFF, PENDING, STRANGER]) await ctx.harness.send(blockAction({ user, actionId: ACTIONS.rsvpGoing, value: secret.id }));
    expect(ctx.slack.bodies('response_url').map((body) => body.text)).toEqual([
      ja.events.rsvpNotForStaff,
      en.events.rsvpNeedsProfile,
      en.events.rsvpNeedsProfile,
    ]);
    expect(await ctx.database.db.select().from(eventRsvps)).toEqual([]);
    ctx.slack.assertDone();
  });
});

describe('an edit that makes an event alumni-only', () => {
  const f = EVENT_FIELDS;
  /** The organizer's edit form for `event` as stored, but for alumni only and in a new, secret place. */
  const narrowed = (event: EventRow) => ({
    [f.title]: { [f.title]: { type: 'plain_text_input', value: event.title } },
    [f.startsAt]: { [f.startsAt]: { type: 'datetimepicker', selected_date_time: event.startsAt.getTime() / 1000 } },
    [f.endsAt]: { [f.endsAt]: { type: 'datetimepicker', selected_date_time: event.endsAt.getTime() / 1000 } },
    [f.place]: { [f.place]: { type: 'plain_text_input', value: SECRET.place } },
    [f.description]: { [f.description]: { type: 'plain_text_input', value: SECRET.description } },
    [f.audience]: { [f.audience]: { type: 'radio_buttons', selected_option: { value: 'alumni' } } },
    [f.capacity]: { [f.capacity]: { type: 'number_input', value: String(event.capacity) } },
    [f.rsvpDeadline]: { [f.rsvpDeadline]: { type: 'datetimepicker', selected_date_time: null } },
    [f.feePerPerson]: { [f.feePerPerson]: { type: 'number_input', value: String(event.feePerPerson) } },
    [f.feePayer]: { [f.feePayer]: { type: 'radio_buttons', selected_option: { value: event.feePayer } } },
    [f.format]: { [f.format]: { type: 'radio_buttons', selected_option: { value: event.format } } },
  });

  it('withdraws staff answers: staff hear only that it is no longer open to them, their reminder goes, the waitlist moves up', async () => {
    await givenPeople();
    const { open } = await givenEvents();
    await ctx.database.db.update(events).set({ capacity: 2 }).where(eq(events.id, open.id));
    const event = { ...open, capacity: 2 };
    const answer = (user: string) => ctx.harness.send(blockAction({ user, actionId: ACTIONS.rsvpGoing, value: event.id }));
    // Staff and the alumna take both places (each with a reminder); the returnee waits.
    for (const [user, dm] of [
      [STAFF, 'D0STAFF'],
      [ALUMNA, 'D0ALUMNA'],
    ] as const) {
      ctx.slack.expectResponse().expect('chat.update').expect('conversations.open', { channel: { id: dm } }).expect('chat.scheduleMessage', { scheduled_message_id: `Q${dm}` });
      await answer(user);
    }
    ctx.slack.expectResponse().expect('chat.update');
    await answer(RETURNEE);
    ctx.slack.assertDone();

    ctx.slack
      .expect('chat.update') // the edited announcement, with the counts without staff (one change, one redraw)
      .expect('chat.deleteScheduledMessage') // staff's reminder
      .expect('chat.postMessage') // staff: no longer open to you
      .expect('chat.postMessage') // the returnee moves up…
      .expect('conversations.open', { channel: { id: 'D0RETURNEE' } })
      .expect('chat.scheduleMessage', { scheduled_message_id: 'QD0RETURNEE' }) // …with a reminder
      .expect('chat.postMessage') // what changed, to the alumna
      .expect('chat.postMessage') // what changed, to the returnee
      .expect('chat.postMessage'); // "saved", to the organizer
    expect(await ctx.harness.send(viewSubmission({ user: ORGANIZER, callbackId: VIEWS.event, values: narrowed(event), privateMetadata: event.id }))).toBeUndefined();
    ctx.slack.assertDone();

    expect(ctx.slack.bodies('chat.deleteScheduledMessage')).toEqual([expect.objectContaining({ channel: 'D0STAFF', scheduled_message_id: 'QD0STAFF' })]);
    const dms = ctx.slack.bodies('chat.postMessage');
    const toStaff = dms.filter((body) => body.channel === STAFF);
    expect(toStaff).toHaveLength(1);
    const staffText = `${toStaff[0]!.text}\n${visibleText(toStaff[0]!.blocks)}`;
    expect(staffText).toContain(ja.events.audiences.alumni);
    expectNothingOf(staffText, { place: SECRET.place, description: SECRET.description, old: OPEN.place });
    expect(dms.filter((body) => body.channel === RETURNEE).map((body) => body.text).sort()).toEqual(
      [ja.events.promotionText(OPEN.title), ja.events.changedText(OPEN.title)].sort(),
    );
    expect(visibleText(dms.find((body) => body.channel === ALUMNA)!.blocks)).toContain(SECRET.place);
    expect(visibleText(ctx.slack.bodies('chat.update').at(-1)!.blocks)).toContain(ja.events.counts(2, 0, 0));

    const rows = await ctx.database.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, event.id));
    const members = createRepositories(ctx.database.db).members;
    const staffMember = (await members.findBySlackUserId(STAFF))!;
    expect(rows.find((row) => row.memberId === staffMember.id)).toBeUndefined();
    expect(rows.map((row) => [row.answer, row.waitlisted, row.reminderScheduledMessageId]).sort()).toEqual([
      ['going', false, 'QD0ALUMNA'],
      ['going', false, 'QD0RETURNEE'],
    ]);

    // And from now on the event is gone from staff's list.
    expectNothingOf(await list(STAFF), SECRET);
  });
});
