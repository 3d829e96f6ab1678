import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { ACTIONS, COMMANDS, DECLINE_REGISTRATION_FIELDS, PROFILE_FIELDS, SHORTCUTS, VIEWS } from '../../src/slack/ids';
import { ORGANIZERS_CHANNEL } from '../helpers/app';
import { setupListenerTest } from '../helpers/listener-test';
import { expectModalFlow, filledModal, modalNotice } from '../helpers/modal-flow';
import { blockAction, globalShortcut, slashCommand, viewSubmission } from '../helpers/payloads';
import { profileState, type ProfileAnswers } from '../helpers/profile-state';

const ALUMNA = 'U0ALUMNA';
const ORGANIZER = 'U0ORGANIZER';
const STAFF = 'U0STAFF';

const ctx = setupListenerTest({
  users: {
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP', realName: '山田 花子' },
    [ORGANIZER]: { email: 'organizer@example.org', locale: 'en-US', realName: 'Org Anizer' },
    [STAFF]: { email: 'taro@meti.go.jp', locale: 'ja-JP', realName: '経産 太郎' },
  },
  organizers: [ORGANIZER],
});

const repos = () => createRepositories(ctx.database.db);

async function submitProfile(user: string, answers: ProfileAnswers = {}) {
  return ctx.harness.send(viewSubmission({ user, callbackId: VIEWS.profile, values: profileState(answers) }));
}

describe('/alumni-profile opens the profile modal', () => {
  it('given a new member, the modal opens in their language with their Slack name suggested', async () => {
    expectModalFlow(ctx.slack);
    const ack = await ctx.harness.send(slashCommand({ command: COMMANDS.profile, user_id: ALUMNA }));

    expect(ack).toBeUndefined();
    // Opened with the trigger at once (loading), then filled in with the form.
    const [opened] = ctx.slack.bodies('views.open');
    expect(opened?.trigger_id).toMatch(/^trigger\./);
    const body = { view: filledModal(ctx.slack) };
    expect(body?.view.callback_id).toBe(VIEWS.profile);
    expect(body?.view.title.text).toBe(ja.profileModal.title);
    const nameBlock = body?.view.blocks.find((block: any) => block.block_id === PROFILE_FIELDS.name);
    expect(nameBlock.element.initial_value).toBe('山田 花子');
    ctx.slack.assertDone();
  });

  it('given a stored profile, the global shortcut opens the modal filled in with it', async () => {
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    await submitProfile(ALUMNA, { organisation: 'Blue Fund', topics: ['dx'] });

    expectModalFlow(ctx.slack);
    await ctx.harness.send(globalShortcut({ user: ALUMNA, callbackId: SHORTCUTS.editProfile }));
    const body = { view: filledModal(ctx.slack) };
    const block = (id: string) => body?.view.blocks.find((candidate: any) => candidate.block_id === id);
    expect(block(PROFILE_FIELDS.organisation).element.initial_value).toBe('Blue Fund');
    expect(block(PROFILE_FIELDS.topics).element.initial_options.map((o: any) => o.value)).toEqual(['dx']);
    expect(block(PROFILE_FIELDS.consent).element.initial_options.map((o: any) => o.value)).toEqual(['staff']);
    ctx.slack.assertDone();
  });
});

describe('submitting the profile modal', () => {
  it('a new alumni registration is stored pending, sent to organizers with Approve/Decline, and the applicant is told', async () => {
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    const ack = await submitProfile(ALUMNA, { returning: true });

    expect(ack).toBeUndefined();
    const member = await repos().members.findBySlackUserId(ALUMNA);
    expect(member).toMatchObject({
      status: 'pending',
      memberType: 'alumni',
      name: '山田 花子',
      yearJoined: 2005,
      yearLeft: 2018,
      topics: ['energy_gx', 'renewable_energy'],
      shareWithStaff: true,
      shareWithAlumni: false,
      consentTextVersion: 'v1',
      codeOfConductVersion: 'v1',
      interestedInReturning: true,
      email: 'hanako@greencap.example',
    });
    expect(member?.consentRecordedAt).toBeInstanceOf(Date);
    const consents = await repos().members.listConsentEvents(member!.id);
    expect(consents.map((event) => [event.audience, event.granted, event.textVersion])).toEqual([
      ['staff', true, 'v1'],
      ['alumni', false, 'v1'],
    ]);

    const [request, dm] = ctx.slack.bodies('chat.postMessage');
    expect(request?.channel).toBe(ORGANIZERS_CHANNEL);
    const actions = request?.blocks.find((block: any) => block.type === 'actions');
    expect(actions.elements.map((element: any) => [element.action_id, element.value])).toEqual([
      [ACTIONS.approveMember, member!.id],
      [ACTIONS.declineMember, member!.id],
    ]);
    expect(dm?.channel).toBe(ALUMNA);
    expect(dm?.text).toBe([ja.profileCommand.submittedForApproval, ja.saveFeedback.audienceOnceApproved.staff].join('\n'));
    const stored = await repos().members.findById(member!.id);
    expect(stored?.approvalMessageTs).toBeTruthy();
    ctx.slack.assertDone();
  });

  it('staff recognised by their email domain are active at once, with no approval request', async () => {
    ctx.slack.expect('chat.postMessage').expect('views.publish');
    await submitProfile(STAFF, { memberType: 'staff', yearLeft: null });
    expect((await repos().members.findBySlackUserId(STAFF))?.status).toBe('active');
    // Only their own feedback: nothing goes to the organizers' channel.
    expect(ctx.slack.bodies('chat.postMessage')).toEqual([
      expect.objectContaining({ channel: STAFF, text: [ja.saveFeedback.profileSaved, ja.saveFeedback.audience.staffMember].join('\n') }),
    ]);
    ctx.slack.assertDone();
  });

  it.each([
    ['a year joined long ago', { yearJoined: '1890' }, PROFILE_FIELDS.yearJoined, ja.validation.yearRange(1950, 2026)],
    ['a year joined in the future', { yearJoined: '2030' }, PROFILE_FIELDS.yearJoined, ja.validation.yearRange(1950, 2026)],
    ['left before joining', { yearJoined: '2010', yearLeft: '2005' }, PROFILE_FIELDS.yearLeft, ja.validation.leftBeforeJoined],
    ['1,001 characters of help text', { helpText: 'あ'.repeat(1001) }, PROFILE_FIELDS.helpText, ja.validation.tooLong(1000)],
    ['a blank name', { name: '   ' }, PROFILE_FIELDS.name, ja.validation.required],
    ['the code of conduct not accepted', { acceptCode: false }, PROFILE_FIELDS.codeOfConduct, ja.validation.codeRequired],
    ['a conflict of interest without description', { coi: 'yes' as const, coiDescription: '' }, PROFILE_FIELDS.coiDescription, ja.validation.coiDescriptionRequired],
    ['a capacity of 11', { capacity: '11' }, PROFILE_FIELDS.capacity, ja.validation.capacityRange],
    ['staff without a ministry email', { memberType: 'staff', yearLeft: null }, PROFILE_FIELDS.memberType, ja.validation.staffEmailRequired],
    ['a forged topic', { topics: ['bribery'] }, PROFILE_FIELDS.topics, ja.validation.unknownChoice],
  ])('%s is refused on its field and nothing is stored', async (_case, answers, blockId, message) => {
    const ack = await submitProfile(ALUMNA, answers as ProfileAnswers);
    expect(ack.response_action).toBe('errors');
    expect(ack.errors[blockId]).toBe(message);
    expect(await repos().members.findBySlackUserId(ALUMNA)).toBeUndefined();
    ctx.slack.assertDone();
  });

  it('a current staff member cannot have a year of leaving', async () => {
    const ack = await submitProfile(STAFF, { memberType: 'staff', yearLeft: '2019' });
    expect(ack).toEqual({ response_action: 'errors', errors: { [PROFILE_FIELDS.yearLeft]: ja.validation.leftNotForStaff } });
  });

  it('errors come in English for an English-speaking user', async () => {
    const ack = await submitProfile(ORGANIZER, { yearJoined: '2010', yearLeft: '2001' });
    expect(ack.errors[PROFILE_FIELDS.yearLeft]).toBe(en.validation.leftBeforeJoined);
  });

  it('text with mrkdwn and <!channel> is stored as typed and shown escaped to organizers', async () => {
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    const typed = '<!channel> see <https://evil.example|my deck> & *more*';
    await submitProfile(ALUMNA, { helpText: typed, name: 'Hanako <!here>' });

    expect((await repos().members.findBySlackUserId(ALUMNA))?.helpText).toBe(typed);
    const json = JSON.stringify(ctx.slack.bodies('chat.postMessage')[0]?.blocks);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<!here>');
    expect(json).not.toContain('<https://evil');
    expect(json).toContain('&lt;!channel&gt; see &lt;https://evil.example|my deck&gt; &amp; *more*');
  });
});

describe('approving registrations', () => {
  async function pendingAlumna() {
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    await submitProfile(ALUMNA);
    return (await repos().members.findBySlackUserId(ALUMNA))!;
  }

  /** Decline opens the form; sending it declines (card redrawn, applicant's DM, organizer's feedback). */
  async function declineThroughForm(memberId: string, reason?: string) {
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.declineMember, value: memberId }));
    const opened = { view: filledModal(ctx.slack) };
    ctx.slack.expect('chat.update').expect('chat.postMessage').expect('chat.postMessage');
    return ctx.harness.send(
      viewSubmission({
        user: ORGANIZER,
        callbackId: VIEWS.declineRegistration,
        privateMetadata: opened?.view.private_metadata,
        values: { [DECLINE_REGISTRATION_FIELDS.reason]: { [DECLINE_REGISTRATION_FIELDS.reason]: { type: 'plain_text_input', value: reason ?? null } } },
      }),
    );
  }

  it('an organizer approves: the member is active, the request shows who decided, the applicant gets a DM', async () => {
    const member = await pendingAlumna();
    ctx.slack.expect('chat.update').expect('chat.postMessage');
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.approveMember, value: member.id }));

    const approved = await repos().members.findById(member.id);
    expect(approved).toMatchObject({ status: 'active', decidedBySlackUserId: ORGANIZER });
    const [update] = ctx.slack.bodies('chat.update');
    expect(update?.channel).toBe('C_POSTED');
    expect(update?.ts).toBe(member.approvalMessageTs ?? approved?.approvalMessageTs);
    expect(JSON.stringify(update?.blocks)).toContain(ja.approval.approvedBy(`<@${ORGANIZER}>`, '<!date^1795510800^{date_short_pretty} {time}|2026-11-24 18:00 JST>'));
    expect(update?.blocks.some((block: any) => block.type === 'actions')).toBe(false);
    expect(ctx.slack.bodies('chat.postMessage').at(-1)).toMatchObject({ channel: ALUMNA, text: ja.approval.applicantApproved });
    ctx.slack.assertDone();
  });

  it('approving twice does nothing the second time, and says so', async () => {
    const member = await pendingAlumna();
    ctx.slack.expect('chat.update').expect('chat.postMessage');
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.approveMember, value: member.id }));
    const after = await repos().members.findById(member.id);

    // Decline opens its form with the click: the modal says it was decided already.
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.declineMember, value: member.id }));
    expect(await repos().members.findById(member.id)).toEqual(after);
    expect(modalNotice(ctx.slack)).toBe(en.approval.alreadyDecided);
    expect(ctx.slack.bodies('response_url')).toEqual([]);
    expect(ctx.slack.bodies('chat.update')).toHaveLength(1);
    ctx.slack.assertDone();
  });

  it('the same organizer clicking Approve twice approves once, and is told the second time', async () => {
    const member = await pendingAlumna();
    ctx.slack.expect('chat.update').expect('chat.postMessage');
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.approveMember, value: member.id }));
    ctx.slack.expectResponse();
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.approveMember, value: member.id }));
    expect(ctx.slack.bodies('response_url').at(-1)).toMatchObject({ text: en.approval.alreadyDecided });
    expect(ctx.slack.bodies('chat.update')).toHaveLength(1);
    ctx.slack.assertDone();
  });

  it('an organizer declines through the form: the applicant is told politely, and whom to ask', async () => {
    const member = await pendingAlumna();
    await declineThroughForm(member.id);
    expect((await repos().members.findById(member.id))?.status).toBe('declined');
    expect(ctx.slack.bodies('chat.postMessage').at(-2)).toMatchObject({
      channel: ALUMNA,
      text: ja.declineRegistration.applicantDeclined(`<@${ORGANIZER}>`),
    });
    ctx.slack.assertDone();
  });

  it('anyone else clicking Approve is refused and nothing changes', async () => {
    const member = await pendingAlumna();
    ctx.slack.expectResponse();
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.approveMember, value: member.id }));
    expect((await repos().members.findById(member.id))?.status).toBe('pending');
    expect(ctx.slack.bodies('response_url')).toEqual([
      expect.objectContaining({ text: ja.common.notOrganizer, response_type: 'ephemeral' }),
    ]);
    expect(ctx.slack.bodies('chat.update')).toEqual([]);
    ctx.slack.assertDone();
  });

  it('a forged button value is refused and nothing changes', async () => {
    const member = await pendingAlumna();
    ctx.slack.expectResponse().expectResponse();
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.approveMember, value: "'; drop table members; --" }));
    await ctx.harness.send(
      blockAction({ user: ORGANIZER, actionId: ACTIONS.approveMember, value: '00000000-0000-4000-8000-000000000000' }),
    );
    expect((await repos().members.findById(member.id))?.status).toBe('pending');
    expect(ctx.slack.bodies('response_url').map((body) => body.text)).toEqual([en.approval.notFound, en.approval.notFound]);
    ctx.slack.assertDone();
  });

  it('a declined applicant who submits again is pending again and re-posted', async () => {
    const member = await pendingAlumna();
    await declineThroughForm(member.id);
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    await submitProfile(ALUMNA, { organisation: 'New Org' });
    expect(await repos().members.findById(member.id)).toMatchObject({ status: 'pending', organisation: 'New Org' });
    expect(ctx.slack.bodies('chat.postMessage').at(-2)?.channel).toBe(ORGANIZERS_CHANNEL);
    ctx.slack.assertDone();
  });
});
