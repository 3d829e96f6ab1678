import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { ACTIONS, VIEWS } from '../../src/slack/ids';
import { ORGANIZERS_CHANNEL } from '../helpers/app';
import { setupListenerTest } from '../helpers/listener-test';
import { expectModalFlow, filledModal } from '../helpers/modal-flow';
import { blockAction, viewSubmission } from '../helpers/payloads';
import { profileState, type ProfileAnswers } from '../helpers/profile-state';

const ALUMNA = 'U0ALUMNA';
const ORGANIZER = 'U0ORGANIZER';

const ctx = setupListenerTest({
  users: {
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP', realName: '山田 花子' },
    [ORGANIZER]: { email: 'organizer@example.org', locale: 'en-US', realName: 'Org Anizer' },
  },
  organizers: [ORGANIZER],
});

const repos = () => createRepositories(ctx.database.db);
const submitProfile = (answers: ProfileAnswers = {}) =>
  ctx.harness.send(viewSubmission({ user: ALUMNA, callbackId: VIEWS.profile, values: profileState(answers) }));
const alumna = async () => (await repos().members.findBySlackUserId(ALUMNA))!;
const json = (value: unknown) => JSON.stringify(value);
const hasButtons = (blocks: any[]) => blocks.some((block) => block.type === 'actions');

/** The card is in both languages, the network's (ja in tests) first; the applicant's name shows once. */
const headline = (kind: 'pending' | 'approved' | 'declined', who = `山田 花子 (<@${ALUMNA}>)`) =>
  `*${ja.approval.cardTitles[kind]} / ${en.approval.cardTitles[kind]}: ${who}* (${ja.memberType.alumni} / ${en.memberType.alumni})` +
  (kind === 'pending' ? ` — ${ja.status.pending} / ${en.status.pending}` : '');

/** Decline opens the form; sending it declines (card redrawn, the applicant's DM, the organizer's feedback). */
async function declineThroughForm(memberId: string) {
  expectModalFlow(ctx.slack);
  await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.declineMember, value: memberId }));
  const form = filledModal(ctx.slack);
  ctx.slack.expect('chat.update').expect('chat.postMessage').expect('chat.postMessage');
  await ctx.harness.send(
    viewSubmission({ user: ORGANIZER, callbackId: VIEWS.declineRegistration, privateMetadata: form.private_metadata, values: {} }),
  );
}

async function registerPending(answers: ProfileAnswers = {}) {
  ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
  await submitProfile(answers);
  return alumna();
}

describe('the approval card in the organizers’ channel follows the registration', () => {
  it('is posted in both languages, the network’s first: headline, profile labels, buttons and notification text', async () => {
    await registerPending({ organisation: 'Green Capital' });
    const [card] = ctx.slack.bodies('chat.postMessage');
    expect(card?.channel).toBe(ORGANIZERS_CHANNEL);
    expect(card?.blocks[0].text.text).toBe(headline('pending'));
    expect(card?.text).toBe(headline('pending', '山田 花子').replace(/\*/g, ''));
    expect(json(card?.blocks)).toContain(json(`*${ja.profileCard.organisation} / ${en.profileCard.organisation}*\nGreen Capital`).slice(1, -1));
    expect(json(card?.blocks)).toContain(`${ja.profileCard.organizerOnly} / ${en.profileCard.organizerOnly}`);
    // The applicant's name once, however many languages.
    expect(json(card?.blocks).split('山田 花子')).toHaveLength(2);
    const buttons = card?.blocks.at(-1).elements;
    expect(buttons.map((button: any) => [button.action_id, button.text.text])).toEqual([
      [ACTIONS.approveMember, `${ja.approval.approve} / ${en.approval.approve}`],
      [ACTIONS.declineMember, `${ja.approval.decline} / ${en.approval.decline}`],
    ]);
    ctx.slack.assertDone();
  });

  it('a pending applicant who edits their profile sees the card redrawn with the new content, still waiting', async () => {
    const before = await registerPending({ organisation: 'Old Org' });
    expect(json(ctx.slack.bodies('chat.postMessage')[0]?.blocks)).toContain('Old Org');

    ctx.harness.setNow(new Date('2026-11-25T03:00:00Z'));
    ctx.slack.expect('chat.update').expect('chat.postMessage').expect('views.publish');
    await submitProfile({ organisation: 'New Org' });

    const [update] = ctx.slack.bodies('chat.update');
    expect(update).toMatchObject({ channel: 'C_POSTED', ts: before.approvalMessageTs });
    expect(json(update?.blocks)).toContain('New Org');
    expect(json(update?.blocks)).not.toContain('Old Org');
    expect(update?.blocks[0].text.text).toBe(headline('pending'));
    expect(hasButtons(update?.blocks)).toBe(true);
    // No second "submitted for approval" DM, and no second card: only what the edit changed.
    expect(ctx.slack.bodies('chat.postMessage')).toHaveLength(3);
    expect(ctx.slack.bodies('chat.postMessage')[2]).toMatchObject({
      channel: ALUMNA,
      text: [ja.saveFeedback.profileSaved, ja.saveFeedback.changed(ja.saveFeedback.fields.organisation)].join('\n'),
    });
    ctx.slack.assertDone();
  });

  it('once approved, the card says approved, by whom and when (a date token), with no buttons', async () => {
    const member = await registerPending();
    const decidedAt = new Date('2026-11-25T21:31:00Z');
    ctx.harness.setNow(decidedAt);
    ctx.slack.expect('chat.update').expect('chat.postMessage');
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.approveMember, value: member.id }));

    const [update] = ctx.slack.bodies('chat.update');
    expect(update).toMatchObject({ channel: 'C_POSTED', ts: member.approvalMessageTs });
    expect(update?.blocks[0].text.text).toBe(headline('approved'));
    expect(update?.text).not.toContain(ja.status.pending);
    expect(update?.text).not.toContain('<!date');
    const token = `<!date^${decidedAt.getTime() / 1000}^{date_short_pretty} {time}|2026-11-26 06:31 JST>`;
    expect(json(update?.blocks)).toContain(json(ja.approval.approvedBy(`<@${ORGANIZER}>`, token)).slice(1, -1));
    expect(json(update?.blocks)).toContain(json(en.approval.approvedBy(`<@${ORGANIZER}>`, token)).slice(1, -1));
    expect(update?.text).toBe(headline('approved', '山田 花子').replace(/\*/g, ''));
    expect(json(update?.blocks)).not.toContain('UTC');
    expect(hasButtons(update?.blocks)).toBe(false);
    ctx.slack.assertDone();
  });

  it('once declined, the card says declined', async () => {
    const member = await registerPending();
    await declineThroughForm(member.id);
    const [update] = ctx.slack.bodies('chat.update');
    expect(update?.blocks[0].text.text).toBe(headline('declined'));
    expect(hasButtons(update?.blocks)).toBe(false);
    ctx.slack.assertDone();
  });

  it('an approved member who edits their profile leaves the decided card alone', async () => {
    const member = await registerPending();
    ctx.slack.expect('chat.update').expect('chat.postMessage');
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.approveMember, value: member.id }));
    ctx.slack.expect('chat.postMessage').expect('views.publish');
    await submitProfile({ organisation: 'Later Org' });
    expect(ctx.slack.bodies('chat.update')).toHaveLength(1);
    ctx.slack.assertDone();
  });

  it('after a decline and a new submission, an edit redraws the new card, never the declined one', async () => {
    const member = await registerPending();
    await declineThroughForm(member.id);
    // The new card is not posted yet (Slack answers 500): the declined card must not be taken for it.
    ctx.slack.expect('chat.postMessage', { httpStatus: 500 }).expect('chat.postMessage').expect('views.publish');
    await submitProfile({ organisation: 'Second Try' });
    expect((await alumna()).approvalMessageTs).toBeNull();

    ctx.harness.setNow(new Date('2026-11-24T10:00:00Z'));
    ctx.slack.expect('chat.postMessage').expect('views.publish');
    await submitProfile({ organisation: 'Second Try, edited' });
    expect(ctx.slack.bodies('chat.update')).toHaveLength(1);

    ctx.slack.expect('chat.postMessage');
    await ctx.harness.deps.deliveries.runDue();
    const posted = ctx.slack.bodies('chat.postMessage').at(-1);
    expect(json(posted?.blocks)).toContain('Second Try, edited');
    const resubmitted = await alumna();
    expect(resubmitted.approvalMessageTs).toBeTruthy();
    expect(resubmitted.approvalMessageTs).not.toBe(member.approvalMessageTs);

    ctx.harness.setNow(new Date('2026-11-24T11:00:00Z'));
    ctx.slack.expect('chat.update').expect('chat.postMessage').expect('views.publish');
    await submitProfile({ organisation: 'Third edit' });
    const update = ctx.slack.bodies('chat.update').at(-1);
    expect(update?.ts).toBe(resubmitted.approvalMessageTs);
    expect(json(update?.blocks)).toContain('Third edit');
    ctx.slack.assertDone();
  });

  it('an edit made before the card could be posted (Slack down) is in the card when the worker posts it', async () => {
    ctx.slack.expect('chat.postMessage', { httpStatus: 500 }).expect('chat.postMessage').expect('views.publish');
    await submitProfile({ organisation: 'First Draft' });
    expect((await alumna()).approvalMessageTs).toBeNull();

    // Nothing was posted yet, so the redraw has nothing to update.
    ctx.slack.expect('chat.postMessage').expect('views.publish');
    await submitProfile({ organisation: 'Final Draft' });
    expect(ctx.slack.bodies('chat.update')).toEqual([]);

    ctx.harness.setNow(new Date('2026-11-24T10:00:00Z'));
    ctx.slack.expect('chat.postMessage');
    await ctx.harness.deps.deliveries.runDue();
    const posted = ctx.slack.bodies('chat.postMessage').at(-1);
    expect(posted?.channel).toBe(ORGANIZERS_CHANNEL);
    expect(json(posted?.blocks)).toContain('Final Draft');
    expect((await alumna()).approvalMessageTs).toBeTruthy();
    ctx.slack.assertDone();
  });

  it('an applicant who erases their data: the card keeps nothing of the profile, and says so', async () => {
    const member = await registerPending({ organisation: 'Secret Org' });
    ctx.slack.expectResponse().expect('chat.update').expect('views.publish');
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.confirmErase }));

    const [update] = ctx.slack.bodies('chat.update');
    expect(update).toMatchObject({ channel: 'C_POSTED', ts: member.approvalMessageTs });
    expect(json(update)).not.toContain('Secret Org');
    expect(json(update)).not.toContain('山田 花子');
    expect(json(update)).not.toContain(ALUMNA);
    expect(update?.blocks[0].text.text).toBe(
      `*${ja.approval.cardTitles.closed} / ${en.approval.cardTitles.closed}: ${member.pseudonym}* (${ja.memberType.alumni} / ${en.memberType.alumni}) — ${ja.status.erased} / ${en.status.erased}`,
    );
    expect(hasButtons(update?.blocks)).toBe(false);
    ctx.slack.assertDone();
  });
});
