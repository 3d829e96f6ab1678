import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { auditEvents, introductionRequests, members } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { runIntroductionSweep } from '../../src/jobs/introduction-sweeps';
import { saveProfile } from '../../src/services/profile';
import type { ProfileInput } from '../../src/services/profile-rules';
import { ACTIONS, COMMANDS, DECLINE_FIELDS, INTRODUCTION_FIELDS, VIEWS } from '../../src/slack/ids';
import { createTestApp, REQUESTS_CHANNEL } from '../helpers/app';
import { profileInput } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { assertValidMessage, assertValidModal } from '../helpers/slack-limits';
import { expectModalFlow, filledModal, modalNotice } from '../helpers/modal-flow';
import { blockAction, slashCommand, viewSubmission } from '../helpers/payloads';

const STAFF = 'U0STAFF';
const ALUMNA = 'U0ALUMNA';
const SECOND = 'U0SECOND';
const OTHER_ALUMNUS = 'U0OTHER';
const STRANGER = 'U0STRANGER';

// Staff asks in Japanese; the alumna reads English: each reads their own language.
const ctx = setupListenerTest({
  users: {
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'ja-JP', realName: '経産 太郎' },
    [ALUMNA]: { email: 'alumna@fund.example', locale: 'en-US', realName: 'Hanako Sato' },
    [SECOND]: { email: 'second@fund.example', locale: 'ja-JP', realName: '次点 次郎' },
    [OTHER_ALUMNUS]: { email: 'other@fund.example', locale: 'en-US', realName: 'Other Alumnus' },
    [STRANGER]: { email: 'someone@gmail.example', locale: 'en-US' },
  },
});

/** An approved alumnus registered the way members register; returns their member ID. */
async function addExpert(slackUserId: string, profile: Partial<ProfileInput>, locale = 'en') {
  const { member } = await saveProfile(
    ctx.harness.deps.services,
    { slackUserId, standing: 'member', email: `${slackUserId.toLowerCase()}@example.org`, realName: null, locale },
    profileInput(profile),
  );
  await createRepositories(ctx.database.db).members.update(member.id, { status: 'active' });
  return member.id;
}

const find = (user: string, text: string) => ctx.harness.send(slashCommand({ command: COMMANDS.findExpert, user_id: user, text }));

function askButtonOf(ack: any, name: string): any {
  const section = ack.blocks.find((block: any) => block.type === 'section' && block.text.text.startsWith(`*${name}*`));
  expect(section?.accessory?.action_id, `an ask button for ${name}`).toBe(ACTIONS.askIntroduction);
  return section.accessory;
}

function buttons(blocks: any[]): any[] {
  return blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements);
}

/** The values a person fills into the request modal. */
function formValues(overrides: { purpose?: string; details?: string; format?: string; due?: string | null; division?: string; ack?: boolean } = {}) {
  const f = INTRODUCTION_FIELDS;
  return {
    [f.purpose]: { [f.purpose]: { type: 'static_select', selected_option: { value: overrides.purpose ?? 'policy_research' } } },
    [f.details]: { [f.details]: { type: 'plain_text_input', value: overrides.details ?? 'FIP制度の運用で現場が困っている点を知りたい <!channel>' } },
    [f.format]: { [f.format]: { type: 'radio_buttons', selected_option: { value: overrides.format ?? 'call' } } },
    [f.dueDate]: { [f.dueDate]: { type: 'datepicker', selected_date: overrides.due === undefined ? '2026-12-10' : overrides.due } },
    [f.requesterDivision]: { [f.requesterDivision]: { type: 'plain_text_input', value: overrides.division ?? '資源エネルギー庁 新エネルギー課' } },
    ...(overrides.ack
      ? { [f.coiAcknowledged]: { [f.coiAcknowledged]: { type: 'checkboxes', selected_options: [{ value: 'acknowledged' }] } } }
      : {}),
  };
}

const submitRequest = (user: string, metadata: string, values = formValues()) =>
  ctx.harness.send(viewSubmission({ user, callbackId: VIEWS.introductionRequest, privateMetadata: metadata, values }));

/** Staff searches, clicks "Ask" on `name` and gets the modal; returns its private_metadata. */
async function openAskModal(user: string, query: string, name: string): Promise<any> {
  const results = await find(user, query);
  const ask = askButtonOf(results, name);
  expectModalFlow(ctx.slack);
  await ctx.harness.send(blockAction({ user, actionId: ACTIONS.askIntroduction, value: ask.value }));
  return filledModal(ctx.slack);
}

async function requestRows() {
  return ctx.database.db.select().from(introductionRequests);
}

/** Staff asks the alumna (who disclosed a conflict of interest) and the DM is delivered. */
async function askAlumna() {
  const alumnaId = await addExpert(ALUMNA, {
    name: 'Hanako Sato',
    organisation: 'Green Fund <b>',
    topics: ['renewable_energy'],
    coiDeclared: true,
    coiDescription: 'Our fund invests in FIP projects',
  });
  const view = await openAskModal(STAFF, '再エネ', 'Hanako Sato');
  ctx.slack.expect('chat.postMessage', { channel: 'D0ALUMNA', ts: '1800000000.000100' }).expect('chat.postMessage');
  expect(await submitRequest(STAFF, view.private_metadata, formValues({ ack: true }))).toBeUndefined();
  const [request] = await requestRows();
  return { alumnaId, request: request!, view };
}

describe('asking for an introduction', () => {
  it('opens a modal with the fixed purposes, the no-procurement notice and the disclosure to acknowledge', async () => {
    await addExpert(ALUMNA, { name: 'Hanako Sato', topics: ['renewable_energy'], coiDeclared: true, coiDescription: 'Fund <!here> invests' });
    const view = await openAskModal(STAFF, '再エネ', 'Hanako Sato');
    assertValidModal(view);
    expect(view.callback_id).toBe(VIEWS.introductionRequest);
    const purpose = view.blocks.find((block: any) => block.block_id === INTRODUCTION_FIELDS.purpose);
    expect(purpose.element.options.map((option: any) => option.text.text)).toEqual([
      ja.introductions.purposes.policy_research,
      ja.introductions.purposes.draft_feedback,
      ja.introductions.purposes.talk,
      ja.introductions.purposes.mentoring,
      ja.introductions.purposes.other,
    ]);
    const json = JSON.stringify(view.blocks);
    expect(json).toContain(ja.introductions.notice);
    expect(json).toContain(ja.introductions.coiDisclosure('Fund &lt;!here&gt; invests'));
    expect(view.blocks.some((block: any) => block.block_id === INTRODUCTION_FIELDS.coiAcknowledged)).toBe(true);
    expect(view.blocks.find((block: any) => block.block_id === INTRODUCTION_FIELDS.dueDate).element.initial_date).toBe('2026-12-08');
    ctx.slack.assertDone();
  });

  it('without a disclosure there is nothing to acknowledge', async () => {
    await addExpert(ALUMNA, { name: 'Hanako Sato', topics: ['renewable_energy'], coiDeclared: false });
    const view = await openAskModal(STAFF, '再エネ', 'Hanako Sato');
    expect(view.blocks.some((block: any) => block.block_id === INTRODUCTION_FIELDS.coiAcknowledged)).toBe(false);
  });

  it('refuses to send without the acknowledgement, or with a date in the past, on the fields', async () => {
    await addExpert(ALUMNA, { name: 'Hanako Sato', topics: ['renewable_energy'], coiDeclared: true, coiDescription: 'Fund' });
    const view = await openAskModal(STAFF, '再エネ', 'Hanako Sato');
    const ack = await submitRequest(STAFF, view.private_metadata, formValues({ due: '2026-11-01', details: '  ' }));
    expect(ack).toEqual({
      response_action: 'errors',
      errors: {
        [INTRODUCTION_FIELDS.details]: ja.introductions.errors.required,
        [INTRODUCTION_FIELDS.dueDate]: ja.introductions.errors.dateInPast,
        [INTRODUCTION_FIELDS.coiAcknowledged]: ja.introductions.errors.coiAckRequired,
      },
    });
    const forged = await submitRequest(STAFF, view.private_metadata, formValues({ ack: true, purpose: 'procurement', format: 'dinner' }));
    expect(forged.errors).toEqual({
      [INTRODUCTION_FIELDS.purpose]: ja.introductions.errors.unknownChoice,
      [INTRODUCTION_FIELDS.format]: ja.introductions.errors.unknownChoice,
    });
    expect(await requestRows()).toEqual([]);
    ctx.slack.assertDone();
  });

  it('sends the alumna a DM in her language with who asks, the request, the code of conduct and Accept / Decline', async () => {
    const { alumnaId, request } = await askAlumna();
    const [toAlumna, toStaff] = ctx.slack.bodies('chat.postMessage');
    expect(toAlumna!.channel).toBe(ALUMNA);
    assertValidMessage(toAlumna!.blocks);
    const text = JSON.stringify(toAlumna!.blocks);
    expect(text).toContain(en.introductions.requestText(`経産 太郎 (<@${STAFF}>)`, '資源エネルギー庁 新エネルギー課'));
    expect(text).toContain(en.introductions.purposeLine(en.introductions.purposes.policy_research));
    expect(text).toContain('FIP制度の運用で現場が困っている点を知りたい &lt;!channel&gt;');
    expect(text).toContain(en.introductions.codeReminder);
    expect(text).toContain(en.introductions.coiSeen);
    expect(buttons(toAlumna!.blocks).map((button) => [button.action_id, button.value])).toEqual([
      [ACTIONS.acceptIntroduction, request.id],
      [ACTIONS.declineIntroduction, request.id],
    ]);
    expect(toStaff).toMatchObject({ channel: STAFF, text: ja.introductions.sent('Hanako Sato') });

    expect(request).toMatchObject({
      kind: 'direct',
      status: 'pending',
      requesterSlackUserId: STAFF,
      requesterName: '経産 太郎',
      requesterAudience: 'staff',
      alumnusMemberId: alumnaId,
      topic: '再エネ',
      purpose: 'policy_research',
      format: 'call',
      dueDate: '2026-12-10',
      coiDisclosure: 'Our fund invests in FIP projects',
      deliveredChannelId: 'D0ALUMNA',
      deliveredMessageTs: '1800000000.000100',
    });
    expect(request.coiAcknowledgedAt).toEqual(new Date('2026-11-24T09:00:00Z'));
    const events = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'introduction.requested'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: STAFF, subjectMemberId: alumnaId, details: { requestId: request.id, coiAcknowledged: true } });
    ctx.slack.assertDone();
  });

  it('does not ask the same member twice while a request is open', async () => {
    const { view } = await askAlumna();
    const results = await find(STAFF, '再エネ');
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.askIntroduction, value: askButtonOf(results, 'Hanako Sato').value }));
    // Told in the modal that opened with the click, with only a Close button; no ephemeral.
    expect(modalNotice(ctx.slack)).toBe(ja.introductions.alreadyAsked('Hanako Sato'));
    expect(filledModal(ctx.slack).close.text).toBe(ja.modalNotice.close);
    // A second submission of a modal still open elsewhere sends nothing either.
    expect(await submitRequest(STAFF, view.private_metadata, formValues({ ack: true }))).toEqual({
      response_action: 'errors',
      errors: { [INTRODUCTION_FIELDS.details]: ja.introductions.alreadyAsked('Hanako Sato') },
    });
    expect(await requestRows()).toHaveLength(1);
    ctx.slack.assertDone();
  });

  it('refuses when the alumna withdrew her consent after the results were shown', async () => {
    const alumnaId = await addExpert(ALUMNA, { name: 'Hanako Sato', topics: ['renewable_energy'] });
    const view = await openAskModal(STAFF, '再エネ', 'Hanako Sato');
    await createRepositories(ctx.database.db).members.update(alumnaId, { shareWithStaff: false });
    expect(await submitRequest(STAFF, view.private_metadata)).toEqual({
      response_action: 'errors',
      errors: { [INTRODUCTION_FIELDS.details]: ja.introductions.notAvailable },
    });
    expect(await requestRows()).toEqual([]);
    ctx.slack.assertDone();
  });

  it('a forged ask for a member who shares nothing shows no form, only why, in the modal', async () => {
    const hiddenId = await addExpert(OTHER_ALUMNUS, { name: 'Hidden', topics: ['dx'], shareWithStaff: false, shareWithAlumni: false });
    expectModalFlow(ctx.slack);
    await ctx.harness.send(
      blockAction({ user: STAFF, actionId: ACTIONS.askIntroduction, value: JSON.stringify({ m: hiddenId, q: 'DX' }) }),
    );
    expect(modalNotice(ctx.slack)).toBe(ja.introductions.notAvailable);
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: STRANGER, actionId: ACTIONS.askIntroduction, value: '{"m":"nonsense"' }));
    expect(modalNotice(ctx.slack)).toBe(en.introductions.notAvailable);
    expect(ctx.slack.bodies('response_url')).toEqual([]);
    expect(await requestRows()).toEqual([]);
    ctx.slack.assertDone();
  });
});

describe('answering a request', () => {
  it('Accept opens a group DM with both, posts the introduction in both languages and tells the requester', async () => {
    const { alumnaId, request } = await askAlumna();
    ctx.slack
      .expect('conversations.open', { channel: { id: 'G0GROUP' } })
      .expect('chat.postMessage')
      .expect('chat.update')
      .expect('chat.postMessage');
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.acceptIntroduction, value: request.id }));

    expect(ctx.slack.bodies('conversations.open')).toMatchObject([{ users: `${STAFF},${ALUMNA}` }]);
    const [, , intro, notice] = ctx.slack.bodies('chat.postMessage');
    expect(intro!.channel).toBe('G0GROUP');
    assertValidMessage(intro!.blocks);
    const introText = JSON.stringify(intro!.blocks);
    expect(introText).toContain(ja.introductions.introPost(`経産 太郎 (<@${STAFF}>)`, `Hanako Sato (<@${ALUMNA}>)`));
    expect(introText).toContain(en.introductions.introPost(`経産 太郎 (<@${STAFF}>)`, `Hanako Sato (<@${ALUMNA}>)`));
    expect(notice).toMatchObject({ channel: STAFF, text: ja.introductions.acceptedNotice('Hanako Sato') });
    const [update] = ctx.slack.bodies('chat.update');
    expect(update).toMatchObject({ channel: 'D0ALUMNA', ts: '1800000000.000100' });
    expect(buttons(update!.blocks)).toEqual([]);
    expect(JSON.stringify(update!.blocks)).toContain(en.introductions.acceptedState);

    const [stored] = await requestRows();
    expect(stored).toMatchObject({ status: 'accepted', groupChannelId: 'G0GROUP' });
    expect(stored!.answeredAt).toEqual(new Date('2026-11-24T09:00:00Z'));
    const accepted = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'introduction.accepted'));
    expect(accepted).toMatchObject([{ actor: ALUMNA, subjectMemberId: alumnaId }]);
    ctx.slack.assertDone();

    // A second click does nothing new.
    ctx.slack.expectResponse();
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.acceptIntroduction, value: request.id }));
    expect(ctx.slack.bodies('response_url')[0]).toMatchObject({ text: en.introductions.alreadyAnswered });
    expect(await requestRows()).toMatchObject([{ status: 'accepted', groupChannelId: 'G0GROUP' }]);
    ctx.slack.assertDone();
  });

  it('a forged Accept or Decline for another member’s request is refused and changes nothing', async () => {
    const { request } = await askAlumna();
    await addExpert(OTHER_ALUMNUS, { name: 'Other', topics: ['dx'] });
    ctx.slack.expectResponse().expectResponse();
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: OTHER_ALUMNUS, actionId: ACTIONS.acceptIntroduction, value: request.id }));
    await ctx.harness.send(blockAction({ user: OTHER_ALUMNUS, actionId: ACTIONS.declineIntroduction, value: request.id }));
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.acceptIntroduction, value: request.id }));
    expect(ctx.slack.bodies('response_url').map((body) => body.text)).toEqual([en.introductions.notYours, ja.introductions.notYours]);
    // Decline opens its modal with the click; the refusal is told there.
    expect(modalNotice(ctx.slack)).toBe(en.introductions.notYours);
    const declined = await ctx.harness.send(
      viewSubmission({ user: OTHER_ALUMNUS, callbackId: VIEWS.declineIntroduction, privateMetadata: request.id, values: {} }),
    );
    expect(declined).toEqual({ response_action: 'errors', errors: { [DECLINE_FIELDS.reason]: en.introductions.notYours } });
    expect(await requestRows()).toMatchObject([{ status: 'pending', answeredAt: null }]);
    ctx.slack.assertDone();
  });

  it('Decline with a reason and "unavailable until": the requester is told and offered the next match', async () => {
    const { alumnaId, request } = await askAlumna();
    await addExpert(SECOND, { name: '次点 次郎', topics: ['renewable_energy'] }, 'ja');
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.declineIntroduction, value: request.id }));
    const view = filledModal(ctx.slack);
    assertValidModal(view);
    expect(view).toMatchObject({ callback_id: VIEWS.declineIntroduction, private_metadata: request.id });

    const values = {
      [DECLINE_FIELDS.reason]: { [DECLINE_FIELDS.reason]: { type: 'plain_text_input', value: 'Busy with <fund> closing' } },
      [DECLINE_FIELDS.unavailableUntil]: { [DECLINE_FIELDS.unavailableUntil]: { type: 'datepicker', selected_date: '2026-12-31' } },
    };
    ctx.slack.expect('chat.update').expect('chat.postMessage').expect('chat.postMessage');
    const ack = await ctx.harness.send(
      viewSubmission({ user: ALUMNA, callbackId: VIEWS.declineIntroduction, privateMetadata: request.id, values }),
    );
    expect(ack).toBeUndefined();
    const [notice, feedback] = ctx.slack.bodies('chat.postMessage').slice(-2) as [Record<string, any>, Record<string, any>];
    // The alumna hears what was sent, and until when she is not suggested.
    expect(feedback.channel).toBe(ALUMNA);
    expect(feedback.text).toContain(en.saveFeedback.introductionDeclinedWithNote('経産 太郎'));
    expect(feedback.text).toContain(en.saveFeedback.unavailableUntil('2026-12-31'));
    expect(notice.channel).toBe(STAFF);
    assertValidMessage(notice.blocks);
    const text = JSON.stringify(notice.blocks);
    expect(text).toContain(ja.introductions.declinedNotice('Hanako Sato', '再エネ'));
    expect(text).toContain(ja.introductions.declinedReason('Busy with &lt;fund&gt; closing'));
    expect(text).toContain(ja.introductions.nextMatch);
    expect(text).toContain('*次点 次郎*');
    expect(buttons(notice.blocks)).toEqual([]);
    expect(notice.blocks.find((block: any) => block.accessory?.action_id === ACTIONS.askIntroduction)).toBeDefined();
    expect(JSON.stringify(ctx.slack.bodies('chat.update')[0]!.blocks)).toContain(en.introductions.declinedState);

    expect(await requestRows()).toMatchObject([{ status: 'declined', declineReason: 'Busy with <fund> closing' }]);
    const [alumna] = await ctx.database.db.select().from(members).where(eq(members.id, alumnaId));
    expect(alumna!.unavailableUntil).toBe('2026-12-31');
    ctx.slack.assertDone();

    // Paused: she is not offered until that date has passed.
    const results = await find(STAFF, '再エネ');
    expect(JSON.stringify(results.blocks)).not.toContain('Hanako Sato');
  });

  it('a decline whose reason is only spaces tells the alumna no note was sent', async () => {
    const { request } = await askAlumna();
    const values = { [DECLINE_FIELDS.reason]: { [DECLINE_FIELDS.reason]: { type: 'plain_text_input', value: '   ' } } };
    ctx.slack.expect('chat.update').expect('chat.postMessage').expect('chat.postMessage');
    await ctx.harness.send(viewSubmission({ user: ALUMNA, callbackId: VIEWS.declineIntroduction, privateMetadata: request.id, values }));
    const feedback = ctx.slack.bodies('chat.postMessage').at(-1)!;
    expect(feedback.channel).toBe(ALUMNA);
    expect(feedback.text).toContain(en.saveFeedback.introductionDeclined('経産 太郎'));
    expect(feedback.text).not.toContain(en.saveFeedback.introductionDeclinedWithNote('経産 太郎'));
    expect(await requestRows()).toMatchObject([{ status: 'declined', declineReason: null }]);
  });

  it('a decline with a date in the past is refused on that field', async () => {
    const { request } = await askAlumna();
    const values = {
      [DECLINE_FIELDS.unavailableUntil]: { [DECLINE_FIELDS.unavailableUntil]: { type: 'datepicker', selected_date: '2026-01-01' } },
    };
    const ack = await ctx.harness.send(
      viewSubmission({ user: ALUMNA, callbackId: VIEWS.declineIntroduction, privateMetadata: request.id, values }),
    );
    expect(ack).toEqual({ response_action: 'errors', errors: { [DECLINE_FIELDS.unavailableUntil]: en.introductions.errors.dateInPast } });
    expect(await requestRows()).toMatchObject([{ status: 'pending' }]);
  });
});

describe('reminders and expiry', () => {
  it('reminds the alumna once after 3 days, even with two instances sweeping at once', async () => {
    await askAlumna();
    const second = createTestApp(ctx.database);
    const at = new Date('2026-11-27T09:00:01Z');
    ctx.harness.setNow(at);
    second.setNow(at);
    ctx.slack.expect('chat.postMessage');
    const results = await Promise.all([
      runIntroductionSweep(ctx.harness.deps),
      runIntroductionSweep(second.deps),
    ]);
    expect(results.map((result) => result.reminders).sort()).toEqual([0, 1]);
    const reminder = ctx.slack.bodies('chat.postMessage').at(-1)!;
    expect(reminder).toMatchObject({ channel: ALUMNA, text: en.introductions.reminder('経産 太郎') });
    expect(buttons(reminder.blocks).map((button) => button.action_id)).toEqual([ACTIONS.acceptIntroduction, ACTIONS.declineIntroduction]);
    ctx.slack.assertDone();

    expect((await runIntroductionSweep(ctx.harness.deps)).reminders).toBe(0);
    ctx.slack.assertDone();
  });

  it('does not remind before 3 days', async () => {
    await askAlumna();
    ctx.harness.setNow(new Date('2026-11-27T08:59:00Z'));
    expect((await runIntroductionSweep(ctx.harness.deps)).reminders).toBe(0);
    ctx.slack.assertDone();
  });

  it('expires an unanswered request after its date, once, telling the requester and offering the next match', async () => {
    const { request } = await askAlumna();
    await addExpert(SECOND, { name: '次点 次郎', topics: ['renewable_energy'] }, 'ja');
    await ctx.database.db.update(introductionRequests).set({ reminderSentAt: new Date('2026-11-27T09:00:00Z') });
    // 2026-12-10 is the last day (Japan time); 2026-12-11 00:00 JST is 2026-12-10 15:00 UTC.
    ctx.harness.setNow(new Date('2026-12-10T14:59:00Z'));
    expect((await runIntroductionSweep(ctx.harness.deps)).expired).toBe(0);

    ctx.harness.setNow(new Date('2026-12-10T15:00:00Z'));
    ctx.slack.expect('chat.update').expect('chat.postMessage');
    const first = await runIntroductionSweep(ctx.harness.deps);
    expect(first.expired).toBe(1);
    const notice = ctx.slack.bodies('chat.postMessage').at(-1)!;
    expect(notice.channel).toBe(STAFF);
    expect(JSON.stringify(notice.blocks)).toContain(ja.introductions.expiredNotice('再エネ'));
    expect(JSON.stringify(notice.blocks)).toContain('*次点 次郎*');
    const [update] = ctx.slack.bodies('chat.update');
    expect(update).toMatchObject({ channel: 'D0ALUMNA', ts: '1800000000.000100' });
    expect(buttons(update!.blocks)).toEqual([]);
    ctx.slack.assertDone();

    expect(await runIntroductionSweep(ctx.harness.deps)).toEqual({ reminders: 0, expired: 0 });
    const [stored] = await requestRows();
    expect(stored).toMatchObject({ id: request.id, status: 'expired' });
    const expired = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'introduction.expired'));
    expect(expired).toHaveLength(1);
    ctx.slack.assertDone();

    // Too late to accept now.
    ctx.slack.expectResponse();
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.acceptIntroduction, value: request.id }));
    expect(ctx.slack.bodies('response_url')[0]).toMatchObject({ text: en.introductions.alreadyAnswered });
  });

  it('a notice Slack could not deliver is retried by the delivery worker, and the others still go', async () => {
    await askAlumna();
    await ctx.database.db.update(introductionRequests).set({ reminderSentAt: new Date('2026-11-27T09:00:00Z') });
    ctx.harness.setNow(new Date('2026-12-11T00:00:00Z'));
    ctx.slack.expect('chat.update', { ok: false, error: 'ratelimited' }).expect('chat.postMessage');
    expect(await runIntroductionSweep(ctx.harness.deps)).toEqual({ reminders: 0, expired: 1 });
    ctx.slack.assertDone();
    // Not before its backoff: the worker calls Slack for nothing yet.
    await ctx.harness.deps.deliveries.runDue();
    ctx.slack.assertDone();

    ctx.harness.setNow(new Date('2026-12-11T00:10:00Z'));
    ctx.slack.expect('chat.update');
    await ctx.harness.deps.deliveries.runDue();
    expect(await runIntroductionSweep(ctx.harness.deps)).toEqual({ reminders: 0, expired: 0 });
    ctx.slack.assertDone();
  });
});

describe('open requests', () => {
  async function postOpenRequest() {
    await addExpert(ALUMNA, { name: 'Hanako Sato', topics: ['dx'], shareWithStaff: true });
    const results = await find(STAFF, '宇宙開発');
    const open = buttons(results.blocks).find((button) => button.action_id === ACTIONS.postOpenRequest);
    expect(open, 'the no-match reply offers an open request').toBeDefined();
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.postOpenRequest, value: open.value }));
    const view = filledModal(ctx.slack);
    assertValidModal(view);
    expect(view.blocks.some((block: any) => block.block_id === INTRODUCTION_FIELDS.coiAcknowledged)).toBe(false);
    ctx.slack.expect('chat.postMessage', { channel: REQUESTS_CHANNEL, ts: '1800000000.000200' }).expect('chat.postMessage');
    expect(await submitRequest(STAFF, view.private_metadata)).toBeUndefined();
    const [request] = await requestRows();
    return request!;
  }

  it('posts to the requests channel; alumni volunteer once; the requester picks one, which makes the introduction', async () => {
    const request = await postOpenRequest();
    const [post, confirmation] = ctx.slack.bodies('chat.postMessage');
    expect(post!.channel).toBe(REQUESTS_CHANNEL);
    assertValidMessage(post!.blocks);
    expect(buttons(post!.blocks)).toMatchObject([{ action_id: ACTIONS.offerHelp, value: request.id }]);
    // The channel is shared by readers of both languages: the post carries both, the network's (ja) first.
    expect(buttons(post!.blocks)[0].text.text).toBe(`${ja.introductions.offerHelp} / ${en.introductions.offerHelp}`);
    expect(post!.text).toBe(`${ja.introductions.openHeader} / ${en.introductions.openHeader}`);
    expect(JSON.stringify(post!.blocks)).toContain(`*${ja.introductions.labels.topic} / ${en.introductions.labels.topic}:* 宇宙開発`);
    expect(confirmation).toMatchObject({ channel: STAFF, text: ja.introductions.openPosted });
    expect(request).toMatchObject({ kind: 'open', status: 'open', topic: '宇宙開発', alumnusMemberId: null, deliveredChannelId: REQUESTS_CHANNEL });

    // The alumna volunteers: the requester gets her profile and a "Choose" button; the count updates.
    ctx.slack.expectResponse().expect('chat.postMessage').expect('chat.update');
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.offerHelp, value: request.id }));
    expect(ctx.slack.bodies('response_url')[0]).toMatchObject({ text: en.introductions.volunteered });
    const notice = ctx.slack.bodies('chat.postMessage').at(-1)!;
    expect(notice.channel).toBe(STAFF);
    const pick = buttons(notice.blocks).find((button) => button.action_id === ACTIONS.pickVolunteer);
    expect(pick.text.text).toBe(ja.introductions.pick('Hanako Sato'));
    expect(JSON.stringify(ctx.slack.bodies('chat.update')[0]!.blocks)).toContain(
      JSON.stringify(`${ja.introductions.volunteerCount(1)}\n${en.introductions.volunteerCount(1)}`),
    );
    ctx.slack.assertDone();

    // Volunteering twice sends nothing new; staff cannot volunteer; a forged pick by someone else is refused.
    ctx.slack.expectResponse().expectResponse().expectResponse();
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.offerHelp, value: request.id }));
    await ctx.harness.send(blockAction({ user: STRANGER, actionId: ACTIONS.offerHelp, value: request.id }));
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.pickVolunteer, value: pick.value }));
    expect(ctx.slack.bodies('response_url').slice(1).map((body) => body.text)).toEqual([
      en.introductions.alreadyVolunteered,
      en.introductions.notAllowedToVolunteer,
      en.introductions.notYours,
    ]);
    ctx.slack.assertDone();

    // The requester picks her.
    ctx.slack
      .expect('conversations.open', { channel: { id: 'G0OPEN' } })
      .expect('chat.postMessage')
      .expect('chat.update')
      .expect('chat.postMessage')
      .expect('chat.postMessage');
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.pickVolunteer, value: pick.value }));
    expect(ctx.slack.bodies('conversations.open')).toMatchObject([{ users: `${STAFF},${ALUMNA}` }]);
    const [, , , intro, toStaff, toAlumna] = ctx.slack.bodies('chat.postMessage');
    expect(intro!.channel).toBe('G0OPEN');
    expect(toStaff).toMatchObject({ channel: STAFF, text: ja.introductions.picked('Hanako Sato') });
    expect(toAlumna).toMatchObject({ channel: ALUMNA, text: en.introductions.pickedYou('経産 太郎') });
    const closed = ctx.slack.bodies('chat.update').at(-1)!;
    expect(buttons(closed.blocks)).toEqual([]);
    expect(JSON.stringify(closed.blocks)).toContain(JSON.stringify(`${ja.introductions.openMatched}\n${en.introductions.openMatched}`));
    const [stored] = await requestRows();
    expect(stored).toMatchObject({ status: 'accepted', groupChannelId: 'G0OPEN' });
    ctx.slack.assertDone();

    // Picking again does nothing new.
    ctx.slack.expectResponse();
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.pickVolunteer, value: pick.value }));
    expect(ctx.slack.bodies('response_url').at(-1)).toMatchObject({ text: ja.introductions.alreadyDecided });
    ctx.slack.assertDone();
  });
});

describe('the App Home', () => {
  it('lists requests I made and requests addressed to me, with their state', async () => {
    await askAlumna();
    ctx.slack.expect('views.publish').expect('views.publish');
    await ctx.harness.send({
      type: 'event_callback',
      team_id: 'T0KAKEHASH',
      api_app_id: 'A0KAKEHASH',
      event_id: 'Ev1',
      event_time: 1,
      event: { type: 'app_home_opened', user: STAFF, channel: 'D0HOME', tab: 'home', event_ts: '1.1' },
    });
    await ctx.harness.send({
      type: 'event_callback',
      team_id: 'T0KAKEHASH',
      api_app_id: 'A0KAKEHASH',
      event_id: 'Ev2',
      event_time: 1,
      event: { type: 'app_home_opened', user: ALUMNA, channel: 'D0HOME', tab: 'home', event_ts: '1.2' },
    });
    const texts = ctx.slack.bodies('views.publish').map((body) =>
      body.view.blocks.map((block: any) => block.text?.text ?? block.elements?.[0]?.text ?? ''),
    );
    expect(texts[0]).toEqual(
      expect.arrayContaining([
        ja.introductions.homeMade,
        ja.introductions.homeItem('Hanako Sato', '再エネ', ja.introductions.states.pending, '<!date^1795510800^{date_short_pretty} {time}|2026-11-24 18:00 JST>'),
      ]),
    );
    expect(texts[1]).toEqual(
      expect.arrayContaining([
        en.introductions.homeToMe,
        en.introductions.homeItem('経産 太郎', '再エネ', en.introductions.states.pending, '<!date^1795510800^{date_short_pretty} {time}|2026-11-24 18:00 JST>'),
      ]),
    );
    ctx.slack.assertDone();
  });
});
