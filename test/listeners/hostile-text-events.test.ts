import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { events } from '../../src/db/schema';
import { ACTIONS, COMMANDS, EVENT_FIELDS, EVENT_MENU, VIEWS } from '../../src/slack/ids';
import { mrkdwnTexts } from '../blocks/inspect';
import { ANNOUNCEMENTS_CHANNEL } from '../helpers/app';
import { memberRow } from '../helpers/factories';
import { checkEveryMessage, expectEscaped, hostile, HOSTILE } from '../helpers/hostile-text';
import { setupListenerTest } from '../helpers/listener-test';
import { expectModalFlow, filledModal } from '../helpers/modal-flow';
import { appHomeOpened, blockAction, slashCommand, viewSubmission } from '../helpers/payloads';
import { assertValidHome, assertValidMessage } from '../helpers/slack-limits';
import { eventCostValues } from '../helpers/event-form';

// The event's title, place and description (with a disguised link), the members' names and the
// Slack real names are hostile text.
const ORGANIZER = 'U0ORGANIZER';
const ALUMNA = 'U0ALUMNA';
const ALUMNUS = 'U0ALUMNUS';
const STAFF = 'U0STAFF';

const ctx = setupListenerTest({
  users: {
    [ORGANIZER]: { email: 'org@example.org', locale: 'ja-JP', realName: hostile('slack') },
    [ALUMNA]: { email: 'alumna@example.org', locale: 'en-US', realName: hostile('slack') },
    [ALUMNUS]: { email: 'alumnus@example.org', locale: 'ja-JP', realName: hostile('slack') },
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'ja-JP', realName: hostile('slack') },
  },
  organizers: [ORGANIZER],
});
const { send } = checkEveryMessage(ctx);

// Now is 2026-11-24T09:00Z; the event is on 2026-12-05 18:00–20:00 JST.
const START = Date.parse('2026-12-05T09:00:00Z') / 1000;
const END = Date.parse('2026-12-05T11:00:00Z') / 1000;

function eventValues(overrides: { audience?: string; startsAt?: number; endsAt?: number; description?: string } = {}) {
  const f = EVENT_FIELDS;
  return {
    [f.title]: { [f.title]: { type: 'plain_text_input', value: hostile('title') } },
    [f.startsAt]: { [f.startsAt]: { type: 'datetimepicker', selected_date_time: overrides.startsAt ?? START } },
    [f.endsAt]: { [f.endsAt]: { type: 'datetimepicker', selected_date_time: overrides.endsAt ?? END } },
    [f.place]: { [f.place]: { type: 'plain_text_input', value: hostile('place') } },
    [f.description]: { [f.description]: { type: 'plain_text_input', value: overrides.description ?? `${hostile('desc')}\nhttps://example.org/<!here>` } },
    [f.audience]: { [f.audience]: { type: 'radio_buttons', selected_option: { value: overrides.audience ?? 'all' } } },
    [f.capacity]: { [f.capacity]: { type: 'number_input', value: '1' } },
    [f.rsvpDeadline]: { [f.rsvpDeadline]: { type: 'datetimepicker', selected_date_time: null } },
    [f.channel]: { [f.channel]: { type: 'conversations_select', selected_conversation: ANNOUNCEMENTS_CHANNEL } },
    ...eventCostValues(),
  };
}

async function givenMembers() {
  const repos = createRepositories(ctx.database.db);
  for (const [slackUserId, memberType, locale] of [
    [ALUMNA, 'alumni', 'en'],
    [ALUMNUS, 'alumni', 'ja'],
    [STAFF, 'staff', 'ja'],
  ] as const) {
    await repos.members.insert(memberRow({ slackUserId, memberType, locale, name: hostile('name') }));
  }
}

/** The organizer announces the hostile event (one place, open to all); returns it. */
async function announce() {
  await givenMembers();
  ctx.slack.expect('chat.postMessage', { channel: ANNOUNCEMENTS_CHANNEL, ts: '1800000000.000100' }).expect('chat.postMessage');
  expect(await send(viewSubmission({ user: ORGANIZER, callbackId: VIEWS.event, values: eventValues() }))).toBeUndefined();
  const [post] = ctx.slack.bodies('chat.postMessage');
  expectEscaped(post!.text);
  expectEscaped(mrkdwnTexts(post!.blocks).join('\n'));
  expect(mrkdwnTexts(post!.blocks).join('\n')).toContain('desc &lt;!channel&gt;');
  assertValidMessage(post!.blocks, post!.text);
  // The header is plain text: the title as typed.
  expect(post!.blocks[0].text.text).toContain(HOSTILE);
  const [event] = await ctx.database.db.select().from(events);
  return event!;
}

const rsvp = (user: string, actionId: string, eventId: string) => send(blockAction({ user, actionId, value: eventId }));
const menu = (user: string, verb: string, eventId: string) =>
  send({
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

/** "Going" with a reminder scheduled in the member's DM. */
function expectGoing(dm: string) {
  ctx.slack.expectResponse().expect('chat.update').expect('conversations.open', { channel: { id: dm } }).expect('chat.scheduleMessage', { scheduled_message_id: `Q${dm}` });
}

describe('an event with hostile text', () => {
  it('the announcement, reminders, the waitlist promotion, the list, App Homes and the attendee upload escape it', async () => {
    const event = await announce();
    expectGoing('D0ALUMNA');
    await rsvp(ALUMNA, ACTIONS.rsvpGoing, event.id);
    const reminder = ctx.slack.bodies('chat.scheduleMessage')[0]!;
    expectEscaped(reminder.text);
    assertValidMessage(reminder.blocks, reminder.text);
    expectEscaped(ctx.slack.bodies('chat.update')[0]!.text);

    ctx.slack.expectResponse().expect('chat.update');
    await rsvp(STAFF, ACTIONS.rsvpGoing, event.id);
    ctx.slack
      .expectResponse()
      .expect('chat.update')
      .expect('chat.deleteScheduledMessage')
      .expect('chat.postMessage')
      .expect('conversations.open', { channel: { id: 'D0STAFF' } })
      .expect('chat.scheduleMessage', { scheduled_message_id: 'Q0STAFF' });
    await rsvp(ALUMNA, ACTIONS.rsvpNotGoing, event.id);
    const promotion = ctx.slack.bodies('chat.postMessage').at(-1)!;
    expect(promotion.channel).toBe(STAFF);
    expectEscaped(promotion.text);

    const list = await send(slashCommand({ command: COMMANDS.event, user_id: STAFF, text: 'list' }));
    expectEscaped(mrkdwnTexts(list.blocks).join('\n'));

    ctx.slack.expect('views.publish').expect('views.publish');
    await send(appHomeOpened({ user: STAFF }));
    await send(appHomeOpened({ user: ORGANIZER }));
    for (const { view } of ctx.slack.bodies('views.publish')) {
      assertValidHome(view);
      expectEscaped(mrkdwnTexts(view.blocks).join('\n'));
    }

    nock('https://files.slack.test').post('/upload/v1/attendees').reply(200, 'OK');
    ctx.slack
      .expect('conversations.open', { channel: { id: 'D0ORGANIZER' } })
      .expect('files.getUploadURLExternal', { upload_url: 'https://files.slack.test/upload/v1/attendees', file_id: 'F0CSV' })
      .expect('files.completeUploadExternal', { files: [{ id: 'F0CSV' }] })
      .expectResponse();
    await menu(ORGANIZER, EVENT_MENU.attendees, event.id);
    const upload = ctx.slack.bodies('files.completeUploadExternal')[0]!;
    expectEscaped(upload.initial_comment);
    // The file's title is shown as typed.
    expect(upload.files[0].title).toBe(hostile('title'));
  });

  it('an edit that shuts staff out, the change and promotion notices, and the cancellation escape it', async () => {
    const event = await announce();
    expectGoing('D0STAFF');
    await rsvp(STAFF, ACTIONS.rsvpGoing, event.id);
    ctx.slack.expectResponse().expect('chat.update').expectResponse().expect('chat.update');
    await rsvp(ALUMNA, ACTIONS.rsvpGoing, event.id);
    await rsvp(ALUMNUS, ACTIONS.rsvpMaybe, event.id);

    expectModalFlow(ctx.slack);
    await menu(ORGANIZER, EVENT_MENU.edit, event.id);
    const form = filledModal(ctx.slack);
    // Inputs are prefilled as typed.
    expect(form.blocks.find((block: any) => block.block_id === EVENT_FIELDS.title).element.initial_value).toBe(hostile('title'));

    // Alumni only now, an hour later, new details: staff lose their place, the alumna moves up.
    const { [EVENT_FIELDS.channel]: _channel, ...values } = eventValues({
      audience: 'alumni',
      startsAt: START + 3600,
      endsAt: END + 3600,
      description: hostile('desc2'),
    });
    ctx.slack
      .expect('chat.update')
      .expect('chat.deleteScheduledMessage')
      .expect('chat.postMessage')
      .expect('chat.postMessage')
      .expect('conversations.open', { channel: { id: 'D0ALUMNA' } })
      .expect('chat.scheduleMessage', { scheduled_message_id: 'Q0ALUMNA' })
      .expect('chat.postMessage')
      .expect('chat.postMessage');
    expect(await send(viewSubmission({ user: ORGANIZER, callbackId: VIEWS.event, values, privateMetadata: event.id }))).toBeUndefined();
    const dms = ctx.slack.bodies('chat.postMessage').slice(-4);
    expect(dms.map((body) => body.channel).sort()).toEqual([ALUMNA, ALUMNA, ORGANIZER, STAFF].sort());
    for (const dm of dms.filter((body) => body.channel !== ORGANIZER)) {
      expectEscaped(dm.text);
      assertValidMessage(dm.blocks, dm.text);
    }

    ctx.slack.expectResponse();
    await menu(ORGANIZER, EVENT_MENU.cancel, event.id);
    const question = ctx.slack.bodies('response_url').at(-1)!;
    expectEscaped(question.text);
    expectEscaped(mrkdwnTexts(question.blocks).join('\n'));

    ctx.slack.expectResponse().expect('chat.update').expect('chat.deleteScheduledMessage').expect('chat.postMessage').expect('chat.postMessage');
    await send(blockAction({ user: ORGANIZER, actionId: ACTIONS.confirmCancelEvent, value: event.id }));
    expectEscaped(ctx.slack.bodies('chat.update').at(-1)!.text);
    for (const notice of ctx.slack.bodies('chat.postMessage').slice(-2)) expectEscaped(notice.text);
  });

  it('an erasure that frees a place redraws the announcement and tells the next member, escaped', async () => {
    const event = await announce();
    expectGoing('D0ALUMNA');
    await rsvp(ALUMNA, ACTIONS.rsvpGoing, event.id);
    ctx.slack.expectResponse().expect('chat.update');
    await rsvp(ALUMNUS, ACTIONS.rsvpGoing, event.id);

    await send(slashCommand({ command: COMMANDS.profile, user_id: ALUMNA, text: 'delete' }));
    ctx.slack
      .expectResponse()
      .expect('chat.deleteScheduledMessage')
      .expect('chat.update')
      .expect('chat.update') // her registration card, redrawn without her profile
      .expect('chat.postMessage')
      .expect('conversations.open', { channel: { id: 'D0ALUMNUS' } })
      .expect('chat.scheduleMessage', { scheduled_message_id: 'Q0ALUMNUS' })
      .expect('views.publish');
    await send(blockAction({ user: ALUMNA, actionId: ACTIONS.confirmErase }));
    expectEscaped(ctx.slack.bodies('chat.postMessage').at(-1)!.text);
  });
});
