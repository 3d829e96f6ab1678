import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { events } from '../../src/db/schema';
import { ja } from '../../src/i18n/ja';
import { ACTIONS, EVENT_FIELDS, EVENT_MENU, VIEWS } from '../../src/slack/ids';
import { ANNOUNCEMENTS_CHANNEL } from '../helpers/app';
import { memberRow } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { blockAction, viewSubmission } from '../helpers/payloads';
import { assertValidMessage } from '../helpers/slack-limits';
import { visibleText } from '../blocks/inspect';
import { eventCostValues } from '../helpers/event-form';

const ORGANIZER = 'U0ORGANIZER';
const GOING = 'U0GOING';
const WAITING = 'U0WAITING';
const MAYBE = 'U0MAYBE';
const NOT_GOING = 'U0NOTGOING';

const ctx = setupListenerTest({
  users: {
    [ORGANIZER]: { email: 'org@example.org', locale: 'ja-JP', realName: '幹事 一郎' },
    [GOING]: { email: 'going@example.org', locale: 'en-US', realName: 'Going' },
    [WAITING]: { email: 'waiting@example.org', locale: 'ja-JP', realName: '待ち' },
    [MAYBE]: { email: 'maybe@example.org', locale: 'ja-JP', realName: '未定' },
    [NOT_GOING]: { email: 'notgoing@example.org', locale: 'ja-JP', realName: '不参加' },
  },
  organizers: [ORGANIZER],
  now: new Date('2026-11-24T09:00:00Z'),
});

const f = EVENT_FIELDS;
const eventValues = {
  [f.title]: { [f.title]: { type: 'plain_text_input', value: '年末交流会 <!channel>' } },
  [f.startsAt]: { [f.startsAt]: { type: 'datetimepicker', selected_date_time: Date.parse('2026-12-05T09:00:00Z') / 1000 } },
  [f.endsAt]: { [f.endsAt]: { type: 'datetimepicker', selected_date_time: Date.parse('2026-12-05T11:00:00Z') / 1000 } },
  [f.place]: { [f.place]: { type: 'plain_text_input', value: '霞が関ビル 3F' } },
  [f.description]: { [f.description]: { type: 'plain_text_input', value: null } },
  [f.audience]: { [f.audience]: { type: 'radio_buttons', selected_option: { value: 'alumni' } } },
  [f.capacity]: { [f.capacity]: { type: 'number_input', value: '1' } },
  [f.rsvpDeadline]: { [f.rsvpDeadline]: { type: 'datetimepicker', selected_date_time: null } },
  [f.channel]: { [f.channel]: { type: 'conversations_select', selected_conversation: ANNOUNCEMENTS_CHANNEL } },
  ...eventCostValues(),
};

async function announce() {
  const repos = createRepositories(ctx.database.db);
  for (const slackUserId of [GOING, WAITING, MAYBE, NOT_GOING]) {
    await repos.members.insert(memberRow({ slackUserId, memberType: 'alumni', name: `Name ${slackUserId}` }));
  }
  ctx.slack.expect('chat.postMessage', { channel: ANNOUNCEMENTS_CHANNEL, ts: '1800000000.000100' }).expect('chat.postMessage');
  expect(await ctx.harness.send(viewSubmission({ user: ORGANIZER, callbackId: VIEWS.event, values: eventValues }))).toBeUndefined();
  const [event] = await ctx.database.db.select().from(events);
  ctx.slack.assertDone();
  return event!;
}

const rsvp = (user: string, actionId: string, eventId: string) => ctx.harness.send(blockAction({ user, actionId, value: eventId }));
const menu = (user: string, verb: string, eventId: string) =>
  ctx.harness.send({
    ...blockAction({ user, actionId: ACTIONS.eventOrganizerMenu }),
    actions: [
      {
        type: 'overflow',
        action_id: ACTIONS.eventOrganizerMenu,
        block_id: 'b1',
        selected_option: { text: { type: 'plain_text', text: verb }, value: `${verb}:${eventId}` },
        action_ts: '1700000000.000200',
      },
    ],
  });

describe('the cancel prompt', () => {
  it('says how many people will get a DM, by answer, and exactly those people get one when the organizer confirms', async () => {
    const event = await announce();
    // The one place is taken; the second "Going" waits; then a Maybe and a Can't go.
    ctx.slack
      .expectResponse()
      .expect('chat.update')
      .expect('conversations.open', { channel: { id: 'D0GOING' } })
      .expect('chat.scheduleMessage', { scheduled_message_id: 'Q0GOING' })
      .expectResponse()
      .expect('chat.update')
      .expectResponse()
      .expect('chat.update')
      .expectResponse()
      .expect('chat.update');
    await rsvp(GOING, ACTIONS.rsvpGoing, event.id);
    await rsvp(WAITING, ACTIONS.rsvpGoing, event.id);
    await rsvp(MAYBE, ACTIONS.rsvpMaybe, event.id);
    await rsvp(NOT_GOING, ACTIONS.rsvpNotGoing, event.id);
    ctx.slack.assertDone();

    ctx.slack.expectResponse();
    await menu(ORGANIZER, EVENT_MENU.cancel, event.id);
    const question = ctx.slack.bodies('response_url').at(-1)!;
    assertValidMessage(question.blocks);
    const told = ja.events.cancelTold({ going: 1, maybe: 1, notGoing: 1, waitlisted: 1, total: 4 });
    expect(told).toContain('計4人');
    expect(visibleText(question.blocks)).toContain(told);
    expect(question.text).toContain(told);

    ctx.slack
      .expectResponse()
      .expect('chat.update')
      .expect('chat.deleteScheduledMessage')
      .expect('chat.postMessage')
      .expect('chat.postMessage')
      .expect('chat.postMessage')
      .expect('chat.postMessage');
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.confirmCancelEvent, value: event.id }));
    const dms = ctx.slack.bodies('chat.postMessage').slice(-4).map((body) => body.channel);
    expect(dms.sort()).toEqual([GOING, MAYBE, NOT_GOING, WAITING].sort());
    ctx.slack.assertDone();
  });

  it('says nobody gets a DM when nobody has answered', async () => {
    const event = await announce();
    ctx.slack.expectResponse();
    await menu(ORGANIZER, EVENT_MENU.cancel, event.id);
    const question = ctx.slack.bodies('response_url').at(-1)!;
    expect(visibleText(question.blocks)).toContain(ja.events.cancelTold({ going: 0, maybe: 0, notGoing: 0, waitlisted: 0, total: 0 }));
    ctx.slack.assertDone();
  });
});
