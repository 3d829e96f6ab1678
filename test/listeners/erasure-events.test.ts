import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { createEventsRepository } from '../../src/db/repositories/events';
import { auditEvents, eventRsvps, type EventRow } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { ACTIONS } from '../../src/slack/ids';
import { visibleText } from '../blocks/inspect';
import { eventRow, memberRow } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { blockAction } from '../helpers/payloads';

const NO_CARD = { approvalChannelId: null, approvalMessageTs: null };

const ALUMNA = 'U0ALUMNA';
const ALUMNUS = 'U0ALUMNUS';
const THIRD = 'U0THIRD';

const ctx = setupListenerTest({
  users: {
    [ALUMNA]: { email: 'alumna@example.org', locale: 'en-US' },
    [ALUMNUS]: { email: 'alumnus@example.org', locale: 'ja-JP' },
    [THIRD]: { email: 'third@example.org', locale: 'ja-JP' },
  },
  organizers: ['U0ORGANIZER'],
});

const rsvp = (user: string, actionId: string, event: EventRow) => ctx.harness.send(blockAction({ user, actionId, value: event.id }));

/**
 * The alumna holds the only place of a full meetup (with her reminder scheduled), the alumnus and a
 * third member wait in that order, and she answered Maybe to a second event.
 */
async function givenTheAlumnaHoldsTheLastPlace() {
  const members = createRepositories(ctx.database.db).members;
  // Imported, so no registration card of hers to redraw: only the events' calls are counted here.
  const alumna = await members.insert(memberRow({ slackUserId: ALUMNA, locale: 'en', name: 'Hanako Alumna', ...NO_CARD }));
  const alumnus = await members.insert(memberRow({ slackUserId: ALUMNUS, locale: 'ja', name: '次郎' }));
  const third = await members.insert(memberRow({ slackUserId: THIRD, locale: 'ja', name: '三郎' }));
  const repo = createEventsRepository({ db: ctx.database.db });
  const full = await repo.insert(eventRow({ title: '年末交流会', capacity: 1, channelId: 'C0EVENTS', messageTs: '1800000000.000100' }));
  const other = await repo.insert(eventRow({ title: '新年会', capacity: null, channelId: 'C0EVENTS', messageTs: '1800000000.000200' }));

  ctx.slack.expectResponse().expect('chat.update').expect('conversations.open', { channel: { id: 'D0ALUMNA' } }).expect('chat.scheduleMessage', { scheduled_message_id: 'Q0ALUMNA' });
  await rsvp(ALUMNA, ACTIONS.rsvpGoing, full);
  ctx.slack.expectResponse().expect('chat.update').expectResponse().expect('chat.update').expectResponse().expect('chat.update');
  await rsvp(ALUMNUS, ACTIONS.rsvpGoing, full);
  await rsvp(THIRD, ACTIONS.rsvpGoing, full);
  await rsvp(ALUMNA, ACTIONS.rsvpMaybe, other);
  ctx.slack.assertDone();
  return { alumna, alumnus, third, full, other };
}

/** Erases the alumna; returns the bodies Slack received from then on, by method. */
async function erase(): Promise<(method: string) => Record<string, any>[]> {
  const mark = ctx.slack.calls.length;
  await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.confirmErase }));
  const calls = ctx.slack.calls.slice(mark);
  return (method) => calls.filter((call) => call.method === method).map((call) => call.body);
}

async function answersOf(eventId: string) {
  const rows = await ctx.database.db.select().from(eventRsvps);
  return rows.filter((row) => row.eventId === eventId);
}

describe('erasure and event answers', () => {
  it('deletes the member’s answers; her place goes to the first waitlisted, who is told; the counts and her reminder follow', async () => {
    const { alumna, alumnus, third, full, other } = await givenTheAlumnaHoldsTheLastPlace();
    ctx.slack
      .expectResponse()
      .expect('chat.deleteScheduledMessage')
      .expect('chat.update')
      .expect('chat.update')
      .expect('chat.postMessage')
      .expect('conversations.open', { channel: { id: 'D0ALUMNUS' } })
      .expect('chat.scheduleMessage', { scheduled_message_id: 'Q0ALUMNUS' })
      .expect('views.publish');
    const sent = await erase();
    ctx.slack.assertDone();

    expect(sent('response_url')).toEqual([expect.objectContaining({ text: en.profileCommand.deleted })]);
    expect(sent('chat.deleteScheduledMessage')).toEqual([expect.objectContaining({ channel: 'D0ALUMNA', scheduled_message_id: 'Q0ALUMNA' })]);
    const updates = sent('chat.update');
    expect(updates).toHaveLength(2);
    const fullUpdate = updates.find((body) => body.ts === full.messageTs)!;
    expect(visibleText(fullUpdate.blocks)).toContain(ja.events.counts(1, 0, 0));
    expect(visibleText(fullUpdate.blocks)).toContain(ja.events.waitlist(1));
    expect(visibleText(updates.find((body) => body.ts === other.messageTs)!.blocks)).toContain(ja.events.counts(0, 0, 0));
    expect(sent('chat.postMessage')).toEqual([expect.objectContaining({ channel: ALUMNUS, text: ja.events.promotionText('年末交流会') })]);
    expect(sent('chat.scheduleMessage')).toEqual([expect.objectContaining({ channel: 'D0ALUMNUS' })]);

    const rows = await ctx.database.db.select().from(eventRsvps);
    expect(rows.filter((row) => row.memberId === alumna.id)).toEqual([]);
    expect((await answersOf(full.id)).map((row) => [row.memberId, row.answer, row.waitlisted, row.reminderScheduledMessageId]).sort()).toEqual(
      [
        [alumnus.id, 'going', false, 'Q0ALUMNUS'],
        [third.id, 'going', true, null],
      ].sort(),
    );
    expect(await answersOf(other.id)).toEqual([]);
    const [erased] = (await ctx.database.db.select().from(auditEvents)).filter((row) => row.action === 'member.erased');
    expect(erased).toMatchObject({ subjectMemberId: alumna.id, details: { eventAnswersDeleted: 2 } });
  });

  it('Slack failing after the erasure touches nothing of it: the member is told, the rest goes, and the worker retries what failed', async () => {
    const { alumna, alumnus, full } = await givenTheAlumnaHoldsTheLastPlace();
    ctx.slack
      .expectResponse()
      .expect('chat.deleteScheduledMessage', { ok: false, error: 'internal_error' })
      .expect('chat.update', { httpStatus: 503 })
      .expect('chat.update', { httpStatus: 503 })
      .expect('chat.postMessage')
      .expect('conversations.open', { channel: { id: 'D0ALUMNUS' } })
      .expect('chat.scheduleMessage', { scheduled_message_id: 'Q0ALUMNUS' })
      .expect('views.publish');
    const sent = await erase();
    // Nothing else: no error reply to the member as if the erasure had failed.
    ctx.slack.assertDone();

    expect(sent('response_url')).toEqual([expect.objectContaining({ text: en.profileCommand.deleted })]);
    expect(sent('chat.postMessage')).toEqual([expect.objectContaining({ channel: ALUMNUS })]);
    const repos = createRepositories(ctx.database.db);
    expect(await repos.members.findById(alumna.id)).toMatchObject({ status: 'erased', slackUserId: null });
    expect((await ctx.database.db.select().from(eventRsvps)).filter((row) => row.memberId === alumna.id)).toEqual([]);
    expect((await answersOf(full.id)).find((row) => row.memberId === alumnus.id)).toMatchObject({ answer: 'going', waitlisted: false });

    // A minute later the worker (of any instance) deletes her reminder and redraws both announcements, once.
    ctx.harness.setNow(new Date('2026-11-24T09:01:00Z'));
    ctx.slack.expect('chat.deleteScheduledMessage').expect('chat.update').expect('chat.update');
    await ctx.harness.deps.deliveries.runDue();
    ctx.slack.assertDone();
    expect(ctx.slack.bodies('chat.deleteScheduledMessage').at(-1)).toMatchObject({ channel: 'D0ALUMNA', scheduled_message_id: 'Q0ALUMNA' });
    expect((await ctx.harness.deps.deliveries.runDue()).size).toBe(0);
  });

  it('a member with no answers is erased with no call about events', async () => {
    await createRepositories(ctx.database.db).members.insert(memberRow({ slackUserId: ALUMNA, locale: 'en', ...NO_CARD }));
    ctx.slack.expectResponse().expect('views.publish');
    const sent = await erase();
    ctx.slack.assertDone();
    expect(sent('response_url')).toEqual([expect.objectContaining({ text: en.profileCommand.deleted })]);
  });
});
