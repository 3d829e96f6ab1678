import { eq } from 'drizzle-orm';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { auditEvents, eventRsvps, events } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { ACTIONS, COMMANDS, EVENT_FIELDS, EVENT_MENU, SHORTCUTS, VIEWS } from '../../src/slack/ids';
import { ANNOUNCEMENTS_CHANNEL } from '../helpers/app';
import { memberRow } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { expectModalFlow, filledModal, modalNotice } from '../helpers/modal-flow';
import { blockAction, globalShortcut, slashCommand, viewSubmission } from '../helpers/payloads';
import { assertValidMessage, assertValidModal } from '../helpers/slack-limits';
import { mrkdwnTexts } from '../blocks/inspect';

const ORGANIZER = 'U0ORGANIZER';
const ALUMNA = 'U0ALUMNA';
const ALUMNUS = 'U0ALUMNUS';
const THIRD = 'U0THIRD';
const STAFF = 'U0STAFF';
const STRANGER = 'U0STRANGER';

const ctx = setupListenerTest({
  users: {
    [ORGANIZER]: { email: 'org@example.org', locale: 'ja-JP', realName: '幹事 一郎' },
    [ALUMNA]: { email: 'alumna@example.org', locale: 'en-US', realName: 'Hanako' },
    [ALUMNUS]: { email: 'alumnus@example.org', locale: 'ja-JP', realName: '次郎' },
    [THIRD]: { email: 'third@example.org', locale: 'ja-JP', realName: '三郎' },
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'ja-JP', realName: '職員' },
    [STRANGER]: { email: 'stranger@gmail.example', locale: 'en-US' },
  },
  organizers: [ORGANIZER],
});

// Now is 2026-11-24T09:00Z; the event is on 2026-12-05 18:00–20:00 JST.
const START = Date.parse('2026-12-05T09:00:00Z') / 1000;
const END = Date.parse('2026-12-05T11:00:00Z') / 1000;

function eventValues(overrides: Partial<Record<keyof typeof EVENT_FIELDS, unknown>> = {}) {
  const f = EVENT_FIELDS;
  const value = <T>(key: keyof typeof EVENT_FIELDS, fallback: T) => (key in overrides ? overrides[key] : fallback);
  return {
    [f.title]: { [f.title]: { type: 'plain_text_input', value: value('title', '年末交流会 <!channel>') } },
    [f.startsAt]: { [f.startsAt]: { type: 'datetimepicker', selected_date_time: value('startsAt', START) } },
    [f.endsAt]: { [f.endsAt]: { type: 'datetimepicker', selected_date_time: value('endsAt', END) } },
    [f.place]: { [f.place]: { type: 'plain_text_input', value: value('place', '霞が関ビル 3F') } },
    [f.description]: { [f.description]: { type: 'plain_text_input', value: value('description', null) } },
    [f.audience]: { [f.audience]: { type: 'radio_buttons', selected_option: { value: value('audience', 'alumni') } } },
    [f.capacity]: { [f.capacity]: { type: 'number_input', value: value('capacity', '2') } },
    [f.rsvpDeadline]: { [f.rsvpDeadline]: { type: 'datetimepicker', selected_date_time: value('rsvpDeadline', null) } },
    [f.channel]: { [f.channel]: { type: 'conversations_select', selected_conversation: value('channel', ANNOUNCEMENTS_CHANNEL) } },
    [f.feePerPerson]: { [f.feePerPerson]: { type: 'number_input', value: value('feePerPerson', '3000') } },
    [f.feePayer]: { [f.feePayer]: { type: 'radio_buttons', selected_option: { value: value('feePayer', 'each_attendee') } } },
    [f.format]: { [f.format]: { type: 'radio_buttons', selected_option: { value: value('format', 'standing') } } },
  };
}

const submitEvent = (values = eventValues(), privateMetadata = '', user = ORGANIZER) =>
  ctx.harness.send(viewSubmission({ user, callbackId: VIEWS.event, values, privateMetadata }));

async function givenMembers() {
  const repos = createRepositories(ctx.database.db);
  for (const [slackUserId, memberType, locale] of [
    [ALUMNA, 'alumni', 'en'],
    [ALUMNUS, 'alumni', 'ja'],
    [THIRD, 'returnee', 'ja'],
    [STAFF, 'staff', 'ja'],
  ] as const) {
    await repos.members.insert(memberRow({ slackUserId, memberType, locale, name: `Name ${slackUserId}` }));
  }
}

/** The organizer announces the default event (capacity 2); returns the stored event. */
async function announce(values = eventValues()) {
  ctx.slack.expect('chat.postMessage', { channel: ANNOUNCEMENTS_CHANNEL, ts: '1800000000.000100' }).expect('chat.postMessage');
  expect(await submitEvent(values)).toBeUndefined();
  const [event] = await ctx.database.db.select().from(events);
  return event!;
}

function buttons(blocks: any[]): any[] {
  return blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements);
}

const rsvp = (user: string, actionId: string, eventId: string) => ctx.harness.send(blockAction({ user, actionId, value: eventId }));

describe('announcing an event', () => {
  it('opens the form for organizers, with the announcements channel preselected, and refuses anyone else', async () => {
    expectModalFlow(ctx.slack);
    expect(await ctx.harness.send(slashCommand({ command: COMMANDS.event, user_id: ORGANIZER }))).toBeUndefined();
    const view = filledModal(ctx.slack);
    assertValidModal(view);
    expect(view.callback_id).toBe(VIEWS.event);
    const channel = view.blocks.find((block: any) => block.block_id === EVENT_FIELDS.channel);
    expect(channel.element.initial_conversation).toBe(ANNOUNCEMENTS_CHANNEL);

    // Anyone else: the modal that opened with the trigger says why, in their language; no message.
    expectModalFlow(ctx.slack);
    expect(await ctx.harness.send(slashCommand({ command: COMMANDS.event, user_id: ALUMNA }))).toBeUndefined();
    expect(modalNotice(ctx.slack)).toBe(en.common.notOrganizer);
    expectModalFlow(ctx.slack);
    await ctx.harness.send(globalShortcut({ user: STRANGER, callbackId: SHORTCUTS.announceEvent }));
    expect(modalNotice(ctx.slack)).toBe(en.common.notOrganizer);
    expect(ctx.slack.bodies('chat.postMessage')).toEqual([]);
    ctx.slack.assertDone();
  });

  it('reports each problem on its field and stores nothing', async () => {
    const ack = await submitEvent(
      eventValues({ startsAt: Date.parse('2026-11-20T09:00:00Z') / 1000, endsAt: Date.parse('2026-11-20T08:00:00Z') / 1000, capacity: '0', title: '' }),
    );
    expect(ack).toEqual({
      response_action: 'errors',
      errors: {
        [EVENT_FIELDS.title]: ja.events.errors.required,
        [EVENT_FIELDS.startsAt]: ja.events.errors.startInPast,
        [EVENT_FIELDS.endsAt]: ja.events.errors.endBeforeStart,
        [EVENT_FIELDS.capacity]: ja.events.errors.capacityPositive,
      },
    });
    const late = await submitEvent(eventValues({ rsvpDeadline: START + 60 }));
    expect(late.errors).toEqual({ [EVENT_FIELDS.rsvpDeadline]: ja.events.errors.deadlineAfterStart });
    expect(await ctx.database.db.select().from(events)).toEqual([]);
  });

  it('stores the fee (full-width digits too), who pays and the format; a fee on a free event is refused on its field', async () => {
    const refused = await submitEvent(eventValues({ feePerPerson: '500', feePayer: 'free' }));
    expect(refused).toEqual({ response_action: 'errors', errors: { [EVENT_FIELDS.feePerPerson]: ja.events.errors.freeWithFee } });
    const typo = await submitEvent(eventValues({ feePerPerson: '3,000円' }));
    expect(typo.errors).toEqual({ [EVENT_FIELDS.feePerPerson]: ja.events.errors.feeWholeYen });
    expect(await ctx.database.db.select().from(events)).toEqual([]);
    const event = await announce(eventValues({ feePerPerson: '１２０００', feePayer: 'each_attendee', format: 'seated' }));
    expect([event.feePerPerson, event.feePayer, event.format]).toEqual([12_000, 'each_attendee', 'seated']);
    const json = JSON.stringify(ctx.slack.bodies('chat.postMessage')[0]!.blocks);
    expect(json).toContain(`${ja.events.costs.yen('12,000')} (${ja.events.costs.payers.each_attendee} / ${en.events.costs.payers.each_attendee})`);
    expect(json).toContain(`${ja.events.costs.formats.seated} / ${en.events.costs.formats.seated}`);
  });

  it('refuses a forged submission from a non-organizer', async () => {
    const ack = await submitEvent(eventValues(), '', ALUMNA);
    expect(ack).toEqual({ response_action: 'errors', errors: { [EVENT_FIELDS.title]: en.common.notOrganizer } });
    expect(await ctx.database.db.select().from(events)).toEqual([]);
  });

  it('posts the announcement with the time in each reader’s zone, RSVP buttons, counts and a calendar link', async () => {
    const event = await announce();
    const [post, confirmation] = ctx.slack.bodies('chat.postMessage');
    expect(post!.channel).toBe(ANNOUNCEMENTS_CHANNEL);
    assertValidMessage(post!.blocks);
    const json = JSON.stringify(post!.blocks);
    expect(json).toContain(`<!date^${START}^`);
    expect(json).toContain('2026-12-05 18:00');
    // Plain text (the header) is never parsed for mentions; mrkdwn is, so it is escaped there.
    expect(mrkdwnTexts(post!.blocks).join('\n')).not.toContain('<!channel>');
    // The channel is shared by readers of both languages: the post carries both, the network's (ja) first.
    expect(json).toContain(JSON.stringify(`${ja.events.counts(0, 0, 0)} · ${ja.events.placesLeft(2, 2)}\n${en.events.counts(0, 0, 0)}`).slice(1, -1));
    expect(json).toContain(`*${ja.events.labels.where} / ${en.events.labels.where}:*`);
    expect(post!.text).toMatch(new RegExp(`^${ja.events.labels.event} / ${en.events.labels.event}: `));
    expect(buttons(post!.blocks).filter((b) => b.type === 'button').map((b) => [b.action_id, b.value ?? b.url?.slice(0, 30)])).toEqual([
      [ACTIONS.rsvpGoing, event.id],
      [ACTIONS.rsvpMaybe, event.id],
      [ACTIONS.rsvpNotGoing, event.id],
      [ACTIONS.addToCalendar, 'https://calendar.google.com/ca'],
    ]);
    expect(buttons(post!.blocks).filter((b) => b.type === 'button').map((b) => b.text.text)).toEqual(
      (['going', 'maybe', 'not_going'] as const).map((key) => `${ja.events.answers[key]} / ${en.events.answers[key]}`).concat(
        `${ja.events.addToCalendar} / ${en.events.addToCalendar}`,
      ),
    );
    expect(confirmation).toMatchObject({ channel: ORGANIZER, text: ja.events.posted(`<#${ANNOUNCEMENTS_CHANNEL}>`) });
    expect(event).toMatchObject({ title: '年末交流会 <!channel>', capacity: 2, audience: 'alumni', messageTs: '1800000000.000100' });
    expect(event.startsAt).toEqual(new Date(START * 1000));
    ctx.slack.assertDone();
  });

  it('a channel the bot is not in is reported on the channel field, and nothing is kept', async () => {
    ctx.slack.expect('chat.postMessage', { ok: false, error: 'not_in_channel' });
    expect(await submitEvent()).toEqual({
      response_action: 'errors',
      errors: { [EVENT_FIELDS.channel]: ja.events.errors.notInChannel },
    });
    expect(await ctx.database.db.select().from(events)).toEqual([]);
    ctx.slack.assertDone();
  });
});

describe('answering', () => {
  it('counts answers live, waitlists when full, promotes with a DM, and keeps reminders in step', async () => {
    await givenMembers();
    const event = await announce();

    // Alumna: going → a reminder scheduled 24 hours before, in her DM.
    ctx.slack
      .expectResponse()
      .expect('chat.update')
      .expect('conversations.open', { channel: { id: 'D0ALUMNA' } })
      .expect('chat.scheduleMessage', { scheduled_message_id: 'Q0ALUMNA' });
    await rsvp(ALUMNA, ACTIONS.rsvpGoing, event.id);
    expect(ctx.slack.bodies('response_url')[0]).toMatchObject({ text: en.events.rsvpGoing });
    expect(ctx.slack.bodies('chat.scheduleMessage')[0]).toMatchObject({ channel: 'D0ALUMNA', post_at: String(START - 86_400) });
    expect(JSON.stringify(ctx.slack.bodies('chat.update')[0]!.blocks)).toContain(ja.events.counts(1, 0, 0));

    // Alumnus going takes the last place; the returnee is waitlisted (no reminder); staff refused (alumni only).
    ctx.slack
      .expectResponse()
      .expect('chat.update')
      .expect('conversations.open', { channel: { id: 'D0ALUMNUS' } })
      .expect('chat.scheduleMessage', { scheduled_message_id: 'Q0ALUMNUS' })
      .expectResponse()
      .expect('chat.update')
      .expectResponse();
    await rsvp(ALUMNUS, ACTIONS.rsvpGoing, event.id);
    await rsvp(THIRD, ACTIONS.rsvpGoing, event.id);
    await rsvp(STAFF, ACTIONS.rsvpGoing, event.id);
    expect(ctx.slack.bodies('response_url').slice(1).map((body) => body.text)).toEqual([
      ja.events.rsvpGoing,
      ja.events.rsvpWaitlisted(1),
      ja.events.rsvpNotForStaff,
    ]);
    const full = JSON.stringify(ctx.slack.bodies('chat.update').at(-1)!.blocks);
    expect(full).toContain(ja.events.counts(2, 0, 0));
    expect(full).toContain(ja.events.waitlist(1));
    ctx.slack.assertDone();

    // Pressing Going again changes nothing.
    ctx.slack.expectResponse();
    await rsvp(ALUMNA, ACTIONS.rsvpGoing, event.id);
    expect(ctx.slack.bodies('response_url').at(-1)).toMatchObject({ text: en.events.rsvpUnchanged });
    ctx.slack.assertDone();

    // The alumna can't go after all: her reminder is deleted; the returnee moves up with a DM and a reminder.
    ctx.slack
      .expectResponse()
      .expect('chat.update')
      .expect('chat.deleteScheduledMessage')
      .expect('chat.postMessage')
      .expect('conversations.open', { channel: { id: 'D0THIRD' } })
      .expect('chat.scheduleMessage', { scheduled_message_id: 'Q0THIRD' });
    await rsvp(ALUMNA, ACTIONS.rsvpNotGoing, event.id);
    expect(ctx.slack.bodies('chat.deleteScheduledMessage')).toMatchObject([{ channel: 'D0ALUMNA', scheduled_message_id: 'Q0ALUMNA' }]);
    const promotion = ctx.slack.bodies('chat.postMessage').at(-1)!;
    expect(promotion.channel).toBe(THIRD);
    expect(JSON.stringify(promotion.blocks)).toContain('年末交流会 &lt;!channel&gt;');
    expect(JSON.stringify(ctx.slack.bodies('chat.update').at(-1)!.blocks)).toContain(ja.events.counts(2, 0, 1));
    ctx.slack.assertDone();

    const stored = await ctx.database.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, event.id));
    expect(stored.map((row) => [row.answer, row.waitlisted, row.reminderScheduledMessageId]).sort()).toEqual([
      ['going', false, 'Q0ALUMNUS'],
      ['going', false, 'Q0THIRD'],
      ['not_going', false, null],
    ]);
  });

  it('refuses answers after the deadline, and from people who are not active members', async () => {
    await givenMembers();
    const event = await announce(eventValues({ rsvpDeadline: Date.parse('2026-12-01T09:00:00Z') / 1000 }));
    ctx.slack.expectResponse();
    await rsvp(STRANGER, ACTIONS.rsvpMaybe, event.id);
    expect(ctx.slack.bodies('response_url')[0]).toMatchObject({ text: en.events.rsvpNeedsProfile });
    ctx.harness.setNow(new Date('2026-12-02T00:00:00Z'));
    ctx.slack.expectResponse();
    await rsvp(ALUMNA, ACTIONS.rsvpGoing, event.id);
    expect(ctx.slack.bodies('response_url')[1]).toMatchObject({ text: en.events.rsvpDeadlinePassed });
    expect(await ctx.database.db.select().from(eventRsvps)).toEqual([]);
    ctx.slack.assertDone();
  });

  it('`/alumni-event list` shows upcoming events with my answer', async () => {
    await givenMembers();
    const event = await announce();
    ctx.slack.expectResponse().expect('chat.update').expect('conversations.open', { channel: { id: 'D0A' } }).expect('chat.scheduleMessage', { scheduled_message_id: 'Q' });
    await rsvp(ALUMNA, ACTIONS.rsvpGoing, event.id);
    const list = await ctx.harness.send(slashCommand({ command: COMMANDS.event, user_id: ALUMNA, text: 'list' }));
    expect(list.response_type).toBe('ephemeral');
    const text = JSON.stringify(list.blocks);
    expect(text).toContain('年末交流会 &lt;!channel&gt;');
    expect(text).toContain(en.events.myAnswer(en.events.answers.going));
    // Staff do not see an alumni-only event.
    const staffList = await ctx.harness.send(slashCommand({ command: COMMANDS.event, user_id: STAFF, text: 'list' }));
    expect(JSON.stringify(staffList.blocks)).not.toContain('年末交流会');
    ctx.slack.assertDone();
  });
});

describe('the App Home', () => {
  it('lists upcoming events with my answer, and for organizers the events they run with counts', async () => {
    await givenMembers();
    const event = await announce();
    ctx.slack.expectResponse().expect('chat.update').expect('conversations.open', { channel: { id: 'D0A' } }).expect('chat.scheduleMessage', { scheduled_message_id: 'Q' });
    await rsvp(ALUMNA, ACTIONS.rsvpGoing, event.id);
    ctx.slack.expect('views.publish').expect('views.publish');
    for (const user of [ALUMNA, ORGANIZER]) {
      await ctx.harness.send({
        type: 'event_callback',
        team_id: 'T0KAKEHASH',
        api_app_id: 'A0KAKEHASH',
        event_id: `Ev${user}`,
        event_time: 1,
        event: { type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: '1.1' },
      });
    }
    const [alumnaHome, organizerHome] = ctx.slack.bodies('views.publish').map((body) => mrkdwnTexts(body.view.blocks).join('\n'));
    expect(alumnaHome).toContain(en.events.myAnswer(en.events.answers.going));
    expect(organizerHome).toContain(ja.events.counts(1, 0, 0));
    ctx.slack.assertDone();
  });
});

describe('organizer tools', () => {
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

  async function withAnswers() {
    await givenMembers();
    const event = await announce();
    ctx.slack.expectResponse().expect('chat.update').expect('conversations.open', { channel: { id: 'D0ALUMNA' } }).expect('chat.scheduleMessage', { scheduled_message_id: 'Q0ALUMNA' });
    await rsvp(ALUMNA, ACTIONS.rsvpGoing, event.id);
    ctx.slack.expectResponse().expect('chat.update');
    await rsvp(ALUMNUS, ACTIONS.rsvpMaybe, event.id);
    ctx.slack.assertDone();
    return event;
  }

  it('Edit opens the form prefilled; a new time updates the message, tells those going and moves their reminder', async () => {
    const event = await withAnswers();
    expectModalFlow(ctx.slack);
    await menu(ORGANIZER, EVENT_MENU.edit, event.id);
    const view = filledModal(ctx.slack);
    assertValidModal(view);
    expect(view.private_metadata).toBe(event.id);
    expect(view.blocks.find((block: any) => block.block_id === EVENT_FIELDS.title).element.initial_value).toBe('年末交流会 <!channel>');

    const { [EVENT_FIELDS.channel]: _channel, ...values } = eventValues({ startsAt: START + 3600, endsAt: END + 3600 });
    ctx.slack
      .expect('chat.update')
      .expect('chat.postMessage')
      .expect('chat.deleteScheduledMessage')
      .expect('conversations.open', { channel: { id: 'D0ALUMNA' } })
      .expect('chat.scheduleMessage', { scheduled_message_id: 'Q0MOVED' })
      .expect('chat.postMessage');
    expect(await submitEvent(values as any, event.id)).toBeUndefined();
    const [notice, done] = ctx.slack.bodies('chat.postMessage').slice(-2);
    expect(notice!.channel).toBe(ALUMNA);
    expect(JSON.stringify(notice!.blocks)).toContain(en.events.changes.time);
    // The organizer hears it was saved, and what they changed.
    expect(done).toMatchObject({ channel: ORGANIZER, text: `${ja.events.updated}\n${ja.saveFeedback.eventChanged(ja.events.changes.time)}` });
    expect(ctx.slack.bodies('chat.scheduleMessage').at(-1)).toMatchObject({ post_at: String(START + 3600 - 86_400) });
    ctx.slack.assertDone();
  });

  it('Cancel asks first; confirming updates the message, tells everyone who answered and deletes reminders', async () => {
    const event = await withAnswers();
    ctx.slack.expectResponse();
    await menu(ORGANIZER, EVENT_MENU.cancel, event.id);
    const question = ctx.slack.bodies('response_url').at(-1)!;
    const [confirm] = buttons(question.blocks);
    expect(confirm).toMatchObject({ action_id: ACTIONS.confirmCancelEvent, value: event.id });

    ctx.slack
      .expectResponse()
      .expect('chat.update')
      .expect('chat.deleteScheduledMessage')
      .expect('chat.postMessage')
      .expect('chat.postMessage');
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.confirmCancelEvent, value: event.id }));
    const update = ctx.slack.bodies('chat.update').at(-1)!;
    expect(buttons(update.blocks)).toEqual([]);
    expect(update.blocks.some((block: any) => block.accessory?.type === 'overflow')).toBe(false);
    expect(ctx.slack.bodies('chat.postMessage').slice(-2).map((body) => body.channel).sort()).toEqual([ALUMNA, ALUMNUS].sort());
    const [stored] = await ctx.database.db.select().from(events);
    expect(stored).toMatchObject({ status: 'cancelled' });
    ctx.slack.assertDone();

    // Answers are closed now, and the event can no longer be edited.
    ctx.slack.expectResponse();
    await rsvp(ALUMNUS, ACTIONS.rsvpGoing, event.id);
    expect(ctx.slack.bodies('response_url').at(-1)).toMatchObject({ text: ja.events.rsvpEventCancelled });
    expectModalFlow(ctx.slack);
    await menu(ORGANIZER, EVENT_MENU.edit, event.id);
    expect(modalNotice(ctx.slack)).toBe(ja.events.alreadyCancelled);
    ctx.slack.assertDone();
  });

  it('a forged cancel or edit from a non-organizer is refused and changes nothing', async () => {
    const event = await withAnswers();
    ctx.slack.expectResponse().expectResponse();
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.confirmCancelEvent, value: event.id }));
    await menu(ALUMNA, EVENT_MENU.edit, event.id);
    await menu(ALUMNA, EVENT_MENU.attendees, event.id);
    expect(ctx.slack.bodies('response_url').slice(-2).map((body) => body.text)).toEqual([en.common.notOrganizer, en.common.notOrganizer]);
    // Edit opens its modal with the click: the refusal is told there, with no form.
    expect(modalNotice(ctx.slack)).toBe(en.common.notOrganizer);
    const forgedEdit = await submitEvent(eventValues({ title: 'Hijacked' }), event.id, ALUMNA);
    expect(forgedEdit).toEqual({ response_action: 'errors', errors: { [EVENT_FIELDS.title]: en.common.notOrganizer } });
    const [stored] = await ctx.database.db.select().from(events);
    expect(stored).toMatchObject({ status: 'scheduled', title: '年末交流会 <!channel>' });
    ctx.slack.assertDone();
  });

  it('the attendee list arrives in the organizer’s DM as CSV with names and answers only, and is audited', async () => {
    const event = await withAnswers();
    let uploaded = '';
    nock('https://files.slack.test')
      .post('/upload/v1/attendees')
      .reply(200, (_uri, body) => {
        uploaded = typeof body === 'string' ? body : Buffer.from(body as never).toString('utf8');
        return 'OK';
      });
    ctx.slack
      .expect('conversations.open', { channel: { id: 'D0ORGANIZER' } })
      .expect('files.getUploadURLExternal', { upload_url: 'https://files.slack.test/upload/v1/attendees', file_id: 'F0CSV' })
      .expect('files.completeUploadExternal', { files: [{ id: 'F0CSV' }] })
      .expectResponse();
    await menu(ORGANIZER, EVENT_MENU.attendees, event.id);
    expect(uploaded).toContain('name,answer,waitlist_position,answered_at');
    expect(uploaded).toContain(`Name ${ALUMNA},going,,`);
    expect(uploaded).toContain(`Name ${ALUMNUS},maybe,,`);
    expect(uploaded).not.toContain('@example');
    expect(ctx.slack.bodies('files.completeUploadExternal')[0]).toMatchObject({ channel_id: 'D0ORGANIZER' });
    expect(ctx.slack.bodies('response_url').at(-1)).toMatchObject({ text: ja.events.attendeesSent(2) });
    const audited = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'event.attendees_exported'));
    expect(audited).toHaveLength(1);
    ctx.slack.assertDone();
  });
});
