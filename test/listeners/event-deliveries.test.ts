import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { auditEvents, deliveries, eventRsvps, events } from '../../src/db/schema';
import { ja } from '../../src/i18n/ja';
import { en } from '../../src/i18n/en';
import { ACTIONS, EVENT_FIELDS, VIEWS } from '../../src/slack/ids';
import { ANNOUNCEMENTS_CHANNEL, createTestApp } from '../helpers/app';
import { memberRow } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { blockAction, viewSubmission } from '../helpers/payloads';
import { eventCostValues } from '../helpers/event-form';

const ORGANIZER = 'U0ORGANIZER';
const ALUMNA = 'U0ALUMNA';
const ALUMNUS = 'U0ALUMNUS';

const ctx = setupListenerTest({
  users: {
    [ORGANIZER]: { email: 'org@example.org', locale: 'ja-JP' },
    [ALUMNA]: { email: 'alumna@example.org', locale: 'en-US' },
    [ALUMNUS]: { email: 'alumnus@example.org', locale: 'ja-JP' },
  },
  organizers: [ORGANIZER],
});

// Now is 2026-11-24T09:00Z; the event is on 2026-12-05 18:00–20:00 JST; one place.
const START = Date.parse('2026-12-05T09:00:00Z') / 1000;
const CHANNEL = `<#${ANNOUNCEMENTS_CHANNEL}>`;
const later = (minutes: number) => new Date(Date.parse('2026-11-24T09:00:00Z') + minutes * 60_000);

function form(viewId = 'V0NEWEVENT', startsAt = START, privateMetadata = '') {
  const f = EVENT_FIELDS;
  const values = {
    [f.title]: { [f.title]: { type: 'plain_text_input', value: '年末交流会' } },
    [f.startsAt]: { [f.startsAt]: { type: 'datetimepicker', selected_date_time: startsAt } },
    [f.endsAt]: { [f.endsAt]: { type: 'datetimepicker', selected_date_time: startsAt + 7200 } },
    [f.place]: { [f.place]: { type: 'plain_text_input', value: '霞が関ビル 3F' } },
    [f.description]: { [f.description]: { type: 'plain_text_input', value: null } },
    [f.audience]: { [f.audience]: { type: 'radio_buttons', selected_option: { value: 'alumni' } } },
    [f.capacity]: { [f.capacity]: { type: 'number_input', value: '1' } },
    [f.rsvpDeadline]: { [f.rsvpDeadline]: { type: 'datetimepicker', selected_date_time: null } },
    [f.channel]: { [f.channel]: { type: 'conversations_select', selected_conversation: ANNOUNCEMENTS_CHANNEL } },
    ...eventCostValues(),
  };
  return viewSubmission({ user: ORGANIZER, callbackId: VIEWS.event, values, privateMetadata, viewId });
}

const storedEvents = () => ctx.database.db.select().from(events);
const outbox = (kind: string) => ctx.database.db.select().from(deliveries).where(eq(deliveries.kind, kind));
const rsvp = (user: string, actionId: string, eventId: string, harness = ctx.harness) => harness.send(blockAction({ user, actionId, value: eventId }));

async function givenMembers() {
  const members = createRepositories(ctx.database.db).members;
  await members.insert(memberRow({ slackUserId: ALUMNA, memberType: 'alumni', locale: 'en', name: 'Hanako' }));
  await members.insert(memberRow({ slackUserId: ALUMNUS, memberType: 'alumni', locale: 'ja', name: '次郎' }));
}

/** The organizer announces the one-place event, Slack answering at once; returns it. */
async function announced() {
  await givenMembers();
  ctx.slack.expect('chat.postMessage', { channel: ANNOUNCEMENTS_CHANNEL, ts: '1800000000.000100' }).expect('chat.postMessage');
  expect(await ctx.harness.send(form())).toBeUndefined();
  ctx.slack.assertDone();
  return (await storedEvents())[0]!;
}

describe('the announcement, delivered through the outbox', () => {
  it('the same event form submitted twice to two instances makes one event and one announcement', async () => {
    const second = createTestApp(ctx.database);
    ctx.slack.expect('chat.postMessage', { channel: ANNOUNCEMENTS_CHANNEL, ts: '1800000000.000100', delayMs: 300 }).expect('chat.postMessage');
    const acks = await Promise.all([ctx.harness.send(form()), second.send(form())]);
    expect(acks).toEqual([undefined, undefined]);
    ctx.slack.assertDone();
    expect(await storedEvents()).toMatchObject([{ submissionKey: 'V0NEWEVENT', messageTs: '1800000000.000100' }]);
    expect(ctx.slack.bodies('chat.postMessage').map((body) => body.channel)).toEqual([ANNOUNCEMENTS_CHANNEL, ORGANIZER]);
    expect(ctx.slack.bodies('chat.postMessage')[1]).toMatchObject({ text: ja.events.posted(CHANNEL) });

    // Slack delivers it once more, later: nothing new.
    expect(await second.send(form())).toBeUndefined();
    ctx.slack.assertDone();
    expect(await outbox('event.announce')).toHaveLength(1);
  });

  it('an announcement Slack answered 500 to is posted by the worker later, and the organizer was told "saved, posting"', async () => {
    ctx.slack.expect('chat.postMessage', { httpStatus: 500 }).expect('chat.postMessage');
    expect(await ctx.harness.send(form())).toBeUndefined();
    expect(ctx.slack.bodies('chat.postMessage').at(-1)).toMatchObject({ channel: ORGANIZER, text: ja.events.savedPosting(CHANNEL) });
    expect(await storedEvents()).toMatchObject([{ messageTs: null, postingToldAt: expect.any(Date) }]);
    ctx.slack.assertDone();

    // The process dies; another instance's worker finds the announcement still to post.
    const restarted = createTestApp(ctx.database, { now: later(1) });
    ctx.slack.expect('chat.postMessage', { channel: ANNOUNCEMENTS_CHANNEL, ts: '1800000000.000200' });
    expect([...(await restarted.deps.deliveries.runDue()).values()]).toEqual(['sent']);
    expect(ctx.slack.bodies('chat.postMessage').at(-1)).toMatchObject({ channel: ANNOUNCEMENTS_CHANNEL });
    expect(await storedEvents()).toMatchObject([{ messageTs: '1800000000.000200' }]);
    ctx.slack.assertDone();
  });

  it('when Slack is slow to post, the form still closes within Slack’s 3 seconds, the organizer hears "saved, posting", and the post goes out once', async () => {
    ctx.slack.expect('chat.postMessage', { channel: ANNOUNCEMENTS_CHANNEL, ts: '1800000000.000100', delayMs: 2_600 }).expect('chat.postMessage');
    const started = Date.now();
    let ackedAfter = Number.POSITIVE_INFINITY;
    let acked: unknown = 'not acked';
    await ctx.harness.app.processEvent({
      body: form(),
      ack: async (response?: unknown) => {
        ackedAfter = Date.now() - started;
        acked = response;
      },
    });
    expect(acked).toBeUndefined();
    expect(ackedAfter).toBeLessThan(2_600);
    expect(ctx.slack.bodies('chat.postMessage').filter((body) => body.channel === ORGANIZER)).toEqual([
      expect.objectContaining({ text: ja.events.savedPosting(CHANNEL) }),
    ]);
    expect(await storedEvents()).toMatchObject([{ messageTs: '1800000000.000100' }]);
    ctx.slack.assertDone();
  });

  it('an announcement Slack refuses after the form closed withdraws the event, and the organizer hears why', async () => {
    ctx.slack.expect('chat.postMessage', { httpStatus: 503 }).expect('chat.postMessage');
    await ctx.harness.send(form());
    ctx.slack.assertDone();

    ctx.harness.setNow(later(1));
    ctx.slack.expect('chat.postMessage', { ok: false, error: 'not_in_channel' });
    expect([...(await ctx.harness.deps.deliveries.runDue()).values()]).toEqual(['failed']);
    ctx.slack.expect('chat.postMessage');
    await ctx.harness.deps.deliveries.runDue();
    ctx.slack.assertDone();
    expect(ctx.slack.bodies('chat.postMessage').at(-1)).toMatchObject({
      channel: ORGANIZER,
      text: ja.events.notPosted('年末交流会', CHANNEL, 'not_in_channel'),
    });
    expect(await storedEvents()).toEqual([]);
    const withdrawn = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'event.withdrawn'));
    expect(withdrawn).toHaveLength(1);
    // The same form, submitted again once the bot is in the channel, announces it anew.
    ctx.slack.expect('chat.postMessage', { channel: ANNOUNCEMENTS_CHANNEL, ts: '1800000000.000300' }).expect('chat.postMessage');
    expect(await ctx.harness.send(form())).toBeUndefined();
    expect(await storedEvents()).toMatchObject([{ messageTs: '1800000000.000300' }]);
    ctx.slack.assertDone();
  });

  it('a channel the bot is not in is told on the form only: the worker, tidying up later, tells nobody again', async () => {
    ctx.slack.expect('chat.postMessage', { ok: false, error: 'not_in_channel' });
    expect(await ctx.harness.send(form())).toEqual({ response_action: 'errors', errors: { [EVENT_FIELDS.channel]: ja.events.errors.notInChannel } });
    expect(await storedEvents()).toEqual([]);
    ctx.harness.setNow(later(1));
    expect([...(await ctx.harness.deps.deliveries.runDue()).values()]).toEqual(['sent']);
    ctx.slack.assertDone();
    expect(await outbox('event.not_posted')).toMatchObject([{ status: 'sent' }]);
  });

  it('a post Slack refuses for another reason is told on the form with Slack’s reason, and nothing is kept', async () => {
    ctx.slack.expect('chat.postMessage', { ok: false, error: 'invalid_blocks' });
    expect(await ctx.harness.send(form())).toEqual({ response_action: 'errors', errors: { [EVENT_FIELDS.channel]: ja.events.postRefused('invalid_blocks') } });
    expect(await storedEvents()).toEqual([]);
    ctx.slack.assertDone();
  });

  it('an edit submitted twice to two instances is saved, and told to members, once', async () => {
    const event = await announced();
    ctx.slack.expectResponse().expect('chat.update').expect('conversations.open', { channel: { id: 'D0ALUMNA' } }).expect('chat.scheduleMessage', { scheduled_message_id: 'Q0ALUMNA' });
    await rsvp(ALUMNA, ACTIONS.rsvpGoing, event.id);
    ctx.slack.assertDone();

    const second = createTestApp(ctx.database);
    const edit = form('V0EDIT', START + 3600, event.id);
    ctx.slack
      .expect('chat.update', { delayMs: 300 })
      .expect('chat.postMessage') // what changed, to the alumna
      .expect('chat.deleteScheduledMessage')
      .expect('conversations.open', { channel: { id: 'D0ALUMNA' } })
      .expect('chat.scheduleMessage', { scheduled_message_id: 'Q0MOVED' })
      .expect('chat.postMessage'); // "saved", to the organizer
    expect(await Promise.all([ctx.harness.send(edit), second.send(edit)])).toEqual([undefined, undefined]);
    ctx.slack.assertDone();
    expect(ctx.slack.bodies('chat.postMessage').filter((body) => body.channel === ALUMNA)).toHaveLength(1);
    expect(ctx.slack.bodies('chat.postMessage').at(-1)).toMatchObject({
      channel: ORGANIZER,
      text: `${ja.events.updated}\n${ja.saveFeedback.eventChanged(ja.events.changes.time)}`,
    });
    expect(await ctx.database.db.select().from(eventRsvps)).toMatchObject([{ reminderScheduledMessageId: 'Q0MOVED' }]);
  });
});

describe('answers and their follow-ups, delivered through the outbox', () => {
  it('a double "Going" click from two instances leaves one answer, one reminder and one refresh', async () => {
    const event = await announced();
    const second = createTestApp(ctx.database);
    ctx.slack
      .expectResponse()
      .expectResponse()
      .expect('chat.update', { delayMs: 300 })
      .expect('conversations.open', { channel: { id: 'D0ALUMNA' } })
      .expect('chat.scheduleMessage', { scheduled_message_id: 'Q0ALUMNA' });
    await Promise.all([rsvp(ALUMNA, ACTIONS.rsvpGoing, event.id), rsvp(ALUMNA, ACTIONS.rsvpGoing, event.id, second)]);
    ctx.slack.assertDone();
    expect(ctx.slack.bodies('response_url').map((body) => body.text).sort()).toEqual([en.events.rsvpGoing, en.events.rsvpUnchanged].sort());
    expect(await ctx.database.db.select().from(eventRsvps)).toMatchObject([{ answer: 'going', reminderScheduledMessageId: 'Q0ALUMNA' }]);
    expect(await outbox('event.refresh')).toHaveLength(1);
    expect(await outbox('event.reminder')).toHaveLength(1);
  });

  it('a redraw Slack put off is skipped once a later change has drawn the current counts: the message never goes back in time', async () => {
    const event = await announced();
    ctx.slack.expectResponse().expect('chat.update', { httpStatus: 503 });
    await rsvp(ALUMNA, ACTIONS.rsvpMaybe, event.id);
    ctx.slack.expectResponse().expect('chat.update');
    await rsvp(ALUMNUS, ACTIONS.rsvpMaybe, event.id);
    ctx.slack.assertDone();
    expect(JSON.stringify(ctx.slack.bodies('chat.update').at(-1)!.blocks)).toContain(ja.events.counts(0, 2, 0));

    ctx.harness.setNow(later(1));
    expect([...(await ctx.harness.deps.deliveries.runDue()).values()]).toEqual(['sent']);
    ctx.slack.assertDone();
  });

  it('a promotion DM rate-limited by Slack (429 Retry-After) goes out after the wait, once', async () => {
    const event = await announced();
    ctx.slack.expectResponse().expect('chat.update').expect('conversations.open', { channel: { id: 'D0ALUMNA' } }).expect('chat.scheduleMessage', { scheduled_message_id: 'Q0ALUMNA' });
    await rsvp(ALUMNA, ACTIONS.rsvpGoing, event.id);
    ctx.slack.expectResponse().expect('chat.update');
    await rsvp(ALUMNUS, ACTIONS.rsvpGoing, event.id);
    ctx.slack.assertDone();

    // She can't go: he moves up, but Slack says "not for 7 seconds" to his DM.
    ctx.slack
      .expectResponse()
      .expect('chat.update')
      .expect('chat.deleteScheduledMessage')
      .expect('chat.postMessage', { httpStatus: 429, headers: { 'retry-after': '7' } })
      .expect('conversations.open', { channel: { id: 'D0ALUMNUS' } })
      .expect('chat.scheduleMessage', { scheduled_message_id: 'Q0ALUMNUS' });
    await rsvp(ALUMNA, ACTIONS.rsvpNotGoing, event.id);
    ctx.slack.assertDone();
    const [notice] = await outbox('event.notice');
    expect(notice).toMatchObject({ status: 'queued', lastError: 'ratelimited', attempts: 0 });
    expect(notice!.nextAttemptAt).toEqual(new Date(Date.parse('2026-11-24T09:00:07Z')));

    ctx.harness.setNow(new Date('2026-11-24T09:00:05Z'));
    expect((await ctx.harness.deps.deliveries.runDue()).size).toBe(0);
    ctx.harness.setNow(new Date('2026-11-24T09:00:07Z'));
    ctx.slack.expect('chat.postMessage');
    expect([...(await ctx.harness.deps.deliveries.runDue()).values()]).toEqual(['sent']);
    expect((await ctx.harness.deps.deliveries.runDue()).size).toBe(0);
    ctx.slack.assertDone();
    const toHim = ctx.slack.bodies('chat.postMessage').filter((body) => body.channel === ALUMNUS);
    // One refused with 429, one delivered: he reads it once.
    expect(toHim.map((body) => body.text)).toEqual([ja.events.promotionText('年末交流会'), ja.events.promotionText('年末交流会')]);
    expect(await outbox('event.notice')).toMatchObject([{ status: 'sent', attempts: 1 }]);
  });

  it('"Can’t go" records the reminder’s deletion with the answer: Slack failing then cannot leave the reminder', async () => {
    const event = await announced();
    ctx.slack.expectResponse().expect('chat.update').expect('conversations.open', { channel: { id: 'D0ALUMNA' } }).expect('chat.scheduleMessage', { scheduled_message_id: 'Q0ALUMNA' });
    await rsvp(ALUMNA, ACTIONS.rsvpGoing, event.id);
    ctx.slack.expectResponse().expect('chat.update').expect('chat.deleteScheduledMessage', { httpStatus: 500 });
    await rsvp(ALUMNA, ACTIONS.rsvpNotGoing, event.id);
    ctx.slack.assertDone();
    expect(await ctx.database.db.select().from(eventRsvps)).toMatchObject([{ answer: 'not_going', reminderScheduledMessageId: null }]);

    const restarted = createTestApp(ctx.database, { now: later(1) });
    ctx.slack.expect('chat.deleteScheduledMessage');
    await restarted.deps.deliveries.runDue();
    ctx.slack.assertDone();
    expect(ctx.slack.bodies('chat.deleteScheduledMessage')).toEqual([
      expect.objectContaining({ channel: 'D0ALUMNA', scheduled_message_id: 'Q0ALUMNA' }),
      expect.objectContaining({ channel: 'D0ALUMNA', scheduled_message_id: 'Q0ALUMNA' }),
    ]);
  });

  it('a "Can’t go" pressed while Slack is still scheduling the reminder deletes the reminder it then gets', async () => {
    const event = await announced();
    const second = createTestApp(ctx.database);
    ctx.slack
      .expectResponse()
      .expect('chat.update')
      .expect('conversations.open', { channel: { id: 'D0ALUMNA' } })
      .expect('chat.scheduleMessage', { scheduled_message_id: 'Q0LATE', delayMs: 400 })
      .expectResponse()
      .expect('chat.update')
      .expect('chat.deleteScheduledMessage');
    const going = rsvp(ALUMNA, ACTIONS.rsvpGoing, event.id);
    while (ctx.slack.bodies('chat.scheduleMessage').length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await rsvp(ALUMNA, ACTIONS.rsvpNotGoing, event.id, second);
    await going;
    ctx.slack.assertDone();
    expect(ctx.slack.bodies('chat.deleteScheduledMessage')).toEqual([expect.objectContaining({ channel: 'D0ALUMNA', scheduled_message_id: 'Q0LATE' })]);
    expect(await ctx.database.db.select().from(eventRsvps)).toMatchObject([{ answer: 'not_going', reminderScheduledMessageId: null }]);
  });

  it('a cancellation whose DMs failed is retried after a restart', async () => {
    const event = await announced();
    ctx.slack.expectResponse().expect('chat.update').expect('conversations.open', { channel: { id: 'D0ALUMNA' } }).expect('chat.scheduleMessage', { scheduled_message_id: 'Q0ALUMNA' });
    await rsvp(ALUMNA, ACTIONS.rsvpGoing, event.id);
    ctx.slack.expectResponse().expect('chat.update');
    await rsvp(ALUMNUS, ACTIONS.rsvpMaybe, event.id);

    ctx.slack
      .expect('chat.update')
      .expect('chat.deleteScheduledMessage')
      .expect('chat.postMessage', { httpStatus: 500 })
      .expect('chat.postMessage', { httpStatus: 500 })
      .expectResponse();
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.confirmCancelEvent, value: event.id }));
    ctx.slack.assertDone();
    expect(ctx.slack.bodies('response_url').at(-1)).toMatchObject({ text: ja.events.cancelledDelivering });
    expect(await storedEvents()).toMatchObject([{ status: 'cancelled' }]);

    // The instance is replaced; the next one's worker sends both notices, once each.
    const restarted = createTestApp(ctx.database, { now: later(5) });
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage');
    expect([...(await restarted.deps.deliveries.runDue()).values()]).toEqual(['sent', 'sent']);
    expect((await restarted.deps.deliveries.runDue()).size).toBe(0);
    ctx.slack.assertDone();
    const notices = ctx.slack.bodies('chat.postMessage').slice(-2);
    expect(notices.map((body) => body.channel).sort()).toEqual([ALUMNA, ALUMNUS].sort());
    expect(notices.find((body) => body.channel === ALUMNA)!.text).toContain('年末交流会');
  });
});
