import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { auditEvents, deliveries, members } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { DECLINE_REASON_MAX } from '../../src/services/approvals';
import { DELIVERIES } from '../../src/services/deliveries';
import { ACTIONS, DECLINE_REGISTRATION_FIELDS, VIEWS } from '../../src/slack/ids';
import { setupListenerTest } from '../helpers/listener-test';
import { expectModalFlow, filledModal, modalNotice } from '../helpers/modal-flow';
import { blockAction, viewSubmission } from '../helpers/payloads';
import { profileState } from '../helpers/profile-state';

const ALUMNA = 'U0ALUMNA';
const ORGANIZER = 'U0ORGANIZER';
const OTHER_ORGANIZER = 'U0ORGTWO';
const STAFF = 'U0STAFF';

const ctx = setupListenerTest({
  users: {
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP', realName: '山田 花子' },
    [ORGANIZER]: { email: 'organizer@example.org', locale: 'en-US', realName: 'Org Anizer' },
    [OTHER_ORGANIZER]: { email: 'second@example.org', locale: 'en-US', realName: 'Second Organizer' },
    [STAFF]: { email: 'taro@meti.go.jp', locale: 'ja-JP', realName: '経産 太郎' },
  },
  organizers: [ORGANIZER, OTHER_ORGANIZER],
});

const repos = () => createRepositories(ctx.database.db);
const REASON = DECLINE_REGISTRATION_FIELDS.reason;

async function pendingAlumna() {
  ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
  await ctx.harness.send(viewSubmission({ user: ALUMNA, callbackId: VIEWS.profile, values: profileState({}) }));
  return (await repos().members.findBySlackUserId(ALUMNA))!;
}

/** Clicks Decline and returns the form Slack was asked to open. */
async function openDeclineForm(memberId: string, from: 'message' | 'home' = 'message') {
  expectModalFlow(ctx.slack);
  await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.declineMember, value: memberId, from }));
  return filledModal(ctx.slack);
}

function submitDecline(input: { user?: string; privateMetadata: string; reason?: string | null; viewId?: string }) {
  return ctx.harness.send(
    viewSubmission({
      user: input.user ?? ORGANIZER,
      callbackId: VIEWS.declineRegistration,
      privateMetadata: input.privateMetadata,
      viewId: input.viewId,
      values: { [REASON]: { [REASON]: { type: 'plain_text_input', value: input.reason ?? null } } },
    }),
  );
}

const noticeRows = () => ctx.database.db.select().from(deliveries).where(eq(deliveries.kind, 'registration.decision_notice'));

describe('Decline opens a form to confirm, with an optional reason', () => {
  it('clicking Decline opens the form in the organizer’s language, saying what will happen; nothing is decided yet', async () => {
    const member = await pendingAlumna();
    const view = await openDeclineForm(member.id);

    expect(ctx.slack.bodies('views.open').at(-1)?.trigger_id).toMatch(/^trigger\./);
    expect(view.callback_id).toBe(VIEWS.declineRegistration);
    expect(view.title.text).toBe(en.declineRegistration.title);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain(en.declineRegistration.question('山田 花子'));
    expect(text).toContain(JSON.stringify(en.declineRegistration.whatHappens(`<@${ORGANIZER}>`)).slice(1, -1));
    const input = view.blocks.find((block: any) => block.block_id === REASON);
    expect(input).toMatchObject({ optional: true, element: { type: 'plain_text_input', multiline: true, max_length: DECLINE_REASON_MAX } });
    expect((await repos().members.findById(member.id))?.status).toBe('pending');
    expect(await noticeRows()).toEqual([]);
    ctx.slack.assertDone();
  });

  it('someone who is not an organizer clicking Decline is refused in the modal, in their language, and gets no form', async () => {
    const member = await pendingAlumna();
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.declineMember, value: member.id }));
    expect(modalNotice(ctx.slack)).toBe(ja.common.notOrganizer);
    expect(ctx.slack.bodies('response_url')).toEqual([]);
    expect((await repos().members.findById(member.id))?.status).toBe('pending');
    ctx.slack.assertDone();
  });

  it('Decline on a registration already decided says so in the modal and shows no form', async () => {
    const member = await pendingAlumna();
    ctx.slack.expect('chat.update').expect('chat.postMessage');
    await ctx.harness.send(blockAction({ user: OTHER_ORGANIZER, actionId: ACTIONS.approveMember, value: member.id }));
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.declineMember, value: member.id }));
    expect(modalNotice(ctx.slack)).toBe(en.approval.alreadyDecided);
    expect(ctx.slack.bodies('response_url')).toEqual([]);
    ctx.slack.assertDone();
  });

  it('a forged Decline whose value is no member ID is refused in the modal', async () => {
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.declineMember, value: 'not-a-member' }));
    expect(modalNotice(ctx.slack)).toBe(en.approval.notFound);
    ctx.slack.assertDone();
  });

  it('from the App Home, a Decline already decided meanwhile is refused in the modal and the Home redrawn', async () => {
    const member = await pendingAlumna();
    ctx.slack.expect('chat.update').expect('chat.postMessage');
    await ctx.harness.send(blockAction({ user: OTHER_ORGANIZER, actionId: ACTIONS.approveMember, value: member.id }));
    expectModalFlow(ctx.slack).expect('views.publish');
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.declineMember, value: member.id, from: 'home' }));
    expect(modalNotice(ctx.slack)).toBe(en.approval.alreadyDecided);
    expect(ctx.slack.bodies('views.publish').at(-1)?.user_id).toBe(ORGANIZER);
    ctx.slack.assertDone();
  });
});

describe('sending the decline form', () => {
  it('with a reason: declined, the card redrawn, the applicant told the escaped reason and whom to contact, the reason kept', async () => {
    const member = await pendingAlumna();
    const view = await openDeclineForm(member.id);
    const typed = 'Please register with <!channel> your *work* address & try again\nThanks';
    ctx.slack.expect('chat.update').expect('chat.postMessage').expect('chat.postMessage');
    const ack = await submitDecline({ privateMetadata: view.private_metadata, reason: typed });

    expect(ack).toBeUndefined();
    expect(await repos().members.findById(member.id)).toMatchObject({ status: 'declined', decidedBySlackUserId: ORGANIZER });
    const [update] = ctx.slack.bodies('chat.update');
    expect(update?.blocks.some((block: any) => block.type === 'actions')).toBe(false);

    const [applicantDm, organizerDm] = ctx.slack.bodies('chat.postMessage').slice(-2);
    expect(applicantDm?.channel).toBe(ALUMNA);
    expect(applicantDm?.text).toContain(ja.declineRegistration.applicantDeclined(`<@${ORGANIZER}>`));
    expect(applicantDm?.text).toContain('> Please register with &lt;!channel&gt; your *work* address &amp; try again\n> Thanks');
    expect(applicantDm?.text).not.toContain('<!channel>');
    expect(organizerDm).toMatchObject({ channel: ORGANIZER, text: en.declineRegistration.done('山田 花子') });

    // The reason is kept on the member's row alone: the audit trail notes that one was given, the outbox nothing.
    expect((await repos().members.findById(member.id))?.declineReason).toBe(typed);
    const [row] = await noticeRows();
    expect(row).toMatchObject({ status: 'sent', payload: { memberId: member.id } });
    expect(row?.payload).not.toHaveProperty('reason');
    const audit = (await repos().audit.listForMember(member.id)).filter((entry) => entry.action === 'registration.declined');
    expect(audit).toEqual([expect.objectContaining({ actor: ORGANIZER, details: { reasonGiven: true } })]);
    ctx.slack.assertDone();
  });

  it('without a reason: the applicant is told whom to contact, and no reason is shown or stored', async () => {
    const member = await pendingAlumna();
    const view = await openDeclineForm(member.id);
    ctx.slack.expect('chat.update').expect('chat.postMessage').expect('chat.postMessage');
    await submitDecline({ privateMetadata: view.private_metadata, reason: '   ' });

    const applicantDm = ctx.slack.bodies('chat.postMessage').at(-2);
    expect(applicantDm).toMatchObject({ channel: ALUMNA, text: ja.declineRegistration.applicantDeclined(`<@${ORGANIZER}>`) });
    expect((await noticeRows())[0]?.payload).toEqual({ memberId: member.id });
    expect((await repos().members.findById(member.id))?.declineReason).toBeNull();
    const audit = (await repos().audit.listForMember(member.id)).filter((entry) => entry.action === 'registration.declined');
    expect(audit.map((entry) => entry.details)).toEqual([{ reasonGiven: false }]);
    ctx.slack.assertDone();
  });

  it(`a reason over ${DECLINE_REASON_MAX} characters is refused on its field and nothing changes`, async () => {
    const member = await pendingAlumna();
    const view = await openDeclineForm(member.id);
    const ack = await submitDecline({ privateMetadata: view.private_metadata, reason: 'あ'.repeat(DECLINE_REASON_MAX + 1) });

    expect(ack).toEqual({ response_action: 'errors', errors: { [REASON]: en.declineRegistration.reasonTooLong(DECLINE_REASON_MAX) } });
    expect((await repos().members.findById(member.id))?.status).toBe('pending');
    expect(await noticeRows()).toEqual([]);
    ctx.slack.assertDone();
  });

  it('a forged submission by someone who is not an organizer is refused and nothing changes', async () => {
    const member = await pendingAlumna();
    const ack = await submitDecline({ user: STAFF, privateMetadata: JSON.stringify({ m: member.id }), reason: 'no' });

    expect(ack).toEqual({ response_action: 'errors', errors: { [REASON]: ja.common.notOrganizer } });
    expect((await repos().members.findById(member.id))?.status).toBe('pending');
    expect(await noticeRows()).toEqual([]);
    ctx.slack.assertDone();
  });

  it('a form naming no registration (forged metadata) is refused on its field', async () => {
    await pendingAlumna();
    const ack = await submitDecline({ privateMetadata: '{"m":"not-a-uuid"}' });
    expect(ack).toEqual({ response_action: 'errors', errors: { [REASON]: en.approval.notFound } });
    ctx.slack.assertDone();
  });

  it('a registration another organizer approved while the form was open is not declined, and the form says so', async () => {
    const member = await pendingAlumna();
    const view = await openDeclineForm(member.id);
    ctx.slack.expect('chat.update').expect('chat.postMessage');
    await ctx.harness.send(blockAction({ user: OTHER_ORGANIZER, actionId: ACTIONS.approveMember, value: member.id }));

    const ack = await submitDecline({ privateMetadata: view.private_metadata, reason: 'Too late' });
    expect(ack).toEqual({ response_action: 'errors', errors: { [REASON]: en.approval.alreadyDecided } });
    expect(await repos().members.findById(member.id)).toMatchObject({ status: 'active', decidedBySlackUserId: OTHER_ORGANIZER });
    expect(await noticeRows()).toHaveLength(1);
    ctx.slack.assertDone();
  });

  it('the same form sent twice declines once: the second closes quietly, with no second DM', async () => {
    const member = await pendingAlumna();
    const view = await openDeclineForm(member.id);
    ctx.slack.expect('chat.update').expect('chat.postMessage').expect('chat.postMessage');
    await submitDecline({ privateMetadata: view.private_metadata, reason: 'Once', viewId: 'V0DECLINE' });
    const again = await submitDecline({ privateMetadata: view.private_metadata, reason: 'Once', viewId: 'V0DECLINE' });

    expect(again).toBeUndefined();
    expect(await noticeRows()).toHaveLength(1);
    expect(ctx.slack.bodies('chat.postMessage').filter((body) => body.channel === ALUMNA && body.text.includes('Once'))).toHaveLength(1);
    ctx.slack.assertDone();
  });

  it('declined from the App Home: the organizer’s Home is redrawn after the form is sent', async () => {
    const member = await pendingAlumna();
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.declineMember, value: member.id, from: 'home' }));
    const view = filledModal(ctx.slack);
    ctx.slack.expect('chat.update').expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    await submitDecline({ privateMetadata: view.private_metadata });

    expect(ctx.slack.bodies('views.publish').at(-1)?.user_id).toBe(ORGANIZER);
    ctx.slack.assertDone();
  });
});

describe('a decline’s reason is the applicant’s data: kept on their row alone, gone when they are', () => {
  /** Every place the reason could linger, as stored text. */
  async function storedEverywhere() {
    const db = ctx.database.db;
    return JSON.stringify([await db.select().from(members), await db.select().from(auditEvents), await db.select().from(deliveries)]);
  }

  async function eraseAlumna() {
    ctx.slack.expectResponse().expect('chat.update').expect('views.publish');
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.confirmErase }));
  }

  it('erasing the declined applicant leaves the reason nowhere: not on the row, in the audit trail or in the outbox', async () => {
    const member = await pendingAlumna();
    const view = await openDeclineForm(member.id);
    const typed = 'Ask your former division to vouch for you';
    ctx.slack.expect('chat.update').expect('chat.postMessage').expect('chat.postMessage');
    await submitDecline({ privateMetadata: view.private_metadata, reason: typed });
    expect(await storedEverywhere()).toContain(typed);

    await eraseAlumna();

    expect(await repos().members.findById(member.id)).toMatchObject({ status: 'erased', declineReason: null });
    expect(await storedEverywhere()).not.toContain(typed);
    ctx.slack.assertDone();
  });

  it('an applicant erased before their DM could be sent is sent nothing, and no reason waits in the outbox', async () => {
    const member = await pendingAlumna();
    const view = await openDeclineForm(member.id);
    const typed = 'Not this year';
    // Slack fails the applicant's DM; the organizer's confirmation goes through.
    ctx.slack.expect('chat.update').expect('chat.postMessage', { httpStatus: 500 }).expect('chat.postMessage');
    await submitDecline({ privateMetadata: view.private_metadata, reason: typed });
    expect((await noticeRows())[0]?.status).not.toBe('sent');

    await eraseAlumna();
    expect(await storedEverywhere()).not.toContain(typed);
    const before = ctx.slack.calls.length;
    ctx.harness.setNow(new Date('2026-11-24T10:00:00Z'));
    await ctx.harness.deps.deliveries.runDue();

    expect(ctx.slack.calls.slice(before)).toEqual([]);
    expect((await noticeRows())[0]?.payload).toEqual({ memberId: member.id });
    ctx.slack.assertDone();
  });

  it('a notice queued with the reason in its payload (as before it moved to the row) shows only what the row holds', async () => {
    const member = await pendingAlumna();
    const decidedAt = new Date('2026-11-24T09:00:00Z');
    await repos().members.decidePending(member.id, { status: 'declined', bySlackUserId: ORGANIZER, at: decidedAt });
    const notice = DELIVERIES.decisionNotice(member.id, 'declined', decidedAt);
    await repos().deliveries.enqueue([{ ...notice, payload: { ...notice.payload, reason: 'Words from the old payload' } }], decidedAt);

    ctx.slack.expect('chat.postMessage');
    expect([...(await ctx.harness.deps.deliveries.runDue()).values()]).toEqual(['sent']);

    expect(ctx.slack.bodies('chat.postMessage').at(-1)).toEqual(
      expect.objectContaining({ channel: ALUMNA, text: ja.declineRegistration.applicantDeclined(`<@${ORGANIZER}>`) }),
    );
    ctx.slack.assertDone();
  });
});
