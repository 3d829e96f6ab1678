import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { introductionRequests } from '../../src/db/schema';
import { runIntroductionSweep } from '../../src/jobs/introduction-sweeps';
import { saveProfile } from '../../src/services/profile';
import { ACTIONS, COMMANDS, DECLINE_FIELDS, INTRODUCTION_FIELDS, VIEWS } from '../../src/slack/ids';
import { mrkdwnTexts } from '../blocks/inspect';
import { REQUESTS_CHANNEL } from '../helpers/app';
import { profileInput } from '../helpers/factories';
import { checkEveryMessage, expectEscaped, hostile, HOSTILE } from '../helpers/hostile-text';
import { setupListenerTest } from '../helpers/listener-test';
import { expectModalFlow, filledModal, modalNotice } from '../helpers/modal-flow';
import { appHomeOpened, blockAction, slashCommand, viewSubmission } from '../helpers/payloads';
import { slackUserObject } from '../helpers/slack-api';
import { assertValidMessage, assertValidModal } from '../helpers/slack-limits';

// The requester's Slack real name (stored as the requester's name), the alumni's profiles, the
// topic (the search), the request and the decline reason are all hostile text.
const STAFF = 'U0STAFF';
const ALUMNA = 'U0ALUMNA';
const ALUMNUS = 'U0ALUMNUS';

const ctx = setupListenerTest({
  users: {
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'ja-JP', realName: hostile('slack') },
    [ALUMNA]: { email: 'alumna@fund.example', locale: 'en-US', realName: hostile('slack') },
    [ALUMNUS]: { email: 'alumnus@fund.example', locale: 'ja-JP', realName: hostile('slack') },
  },
});
const { send } = checkEveryMessage(ctx);

/** An active alumnus with hostile text in every field; `label` tells two of them apart. */
async function addExpert(slackUserId: string, label: string, locale = 'en') {
  const { member } = await saveProfile(
    ctx.harness.deps.services,
    { slackUserId, standing: 'member', email: `${slackUserId.toLowerCase()}@fund.example`, realName: null, locale },
    profileInput({
      name: hostile(label),
      formerDivisions: hostile('div'),
      organisation: hostile('org'),
      jobTitle: hostile('title'),
      helpText: hostile('help'),
      coiDeclared: true,
      coiDescription: hostile('coi'),
      topics: ['renewable_energy'],
    }),
  );
  await createRepositories(ctx.database.db).members.update(member.id, { status: 'active' });
  return member;
}

/** The request modal filled in with hostile text. */
function formValues() {
  const f = INTRODUCTION_FIELDS;
  return {
    [f.purpose]: { [f.purpose]: { type: 'static_select', selected_option: { value: 'policy_research' } } },
    [f.details]: { [f.details]: { type: 'plain_text_input', value: hostile('details') } },
    [f.format]: { [f.format]: { type: 'radio_buttons', selected_option: { value: 'call' } } },
    [f.dueDate]: { [f.dueDate]: { type: 'datepicker', selected_date: '2026-12-10' } },
    [f.requesterDivision]: { [f.requesterDivision]: { type: 'plain_text_input', value: hostile('div') } },
    [f.coiAcknowledged]: { [f.coiAcknowledged]: { type: 'checkboxes', selected_options: [{ value: 'acknowledged' }] } },
  };
}

const find = (query: string) => send(slashCommand({ command: COMMANDS.findExpert, user_id: STAFF, text: query }));
const submitRequest = (metadata: string) =>
  send(viewSubmission({ user: STAFF, callbackId: VIEWS.introductionRequest, privateMetadata: metadata, values: formValues() }));
const requests = () => ctx.database.db.select().from(introductionRequests);

/** Staff searches for the hostile text, asks `memberId` and the DM is delivered. */
async function ask(memberId: string, dm: string) {
  const results = await find(HOSTILE);
  const button = results.blocks.map((block: any) => block.accessory).find((accessory: any) => accessory?.value?.includes(memberId));
  expectModalFlow(ctx.slack);
  await send(blockAction({ user: STAFF, actionId: ACTIONS.askIntroduction, value: button.value }));
  const view = filledModal(ctx.slack);
  assertValidModal(view);
  expectEscaped(mrkdwnTexts(view.blocks).join('\n'));
  ctx.slack.expect('chat.postMessage', { channel: dm, ts: '1800000000.000100' }).expect('chat.postMessage');
  expect(await submitRequest(view.private_metadata)).toBeUndefined();
  const request = (await requests()).find((row) => row.alumnusMemberId === memberId)!;
  expect(request.requesterName).toBe(hostile('slack'));
  return request;
}

describe('a direct request', () => {
  it('the DM to the alumna, the confirmation, a second ask, Accept and both App Homes escape every user text', async () => {
    const alumna = await addExpert(ALUMNA, 'alumna');
    const request = await ask(alumna.id, 'D0ALUMNA');
    const [toAlumna, toStaff] = ctx.slack.bodies('chat.postMessage');
    assertValidMessage(toAlumna!.blocks, toAlumna!.text);
    expectEscaped(mrkdwnTexts(toAlumna!.blocks).join('\n'));
    expectEscaped(toStaff!.text);

    // Asking again is refused, naming her.
    const results = await find(HOSTILE);
    const button = results.blocks.map((block: any) => block.accessory).find((accessory: any) => accessory?.value?.includes(alumna.id));
    expectModalFlow(ctx.slack);
    await send(blockAction({ user: STAFF, actionId: ACTIONS.askIntroduction, value: button.value }));
    expectEscaped(modalNotice(ctx.slack));

    ctx.slack
      .expect('conversations.open', { channel: { id: 'G0GROUP' } })
      .expect('chat.postMessage')
      .expect('chat.update')
      .expect('chat.postMessage');
    await send(blockAction({ user: ALUMNA, actionId: ACTIONS.acceptIntroduction, value: request.id }));
    const [, , intro, accepted] = ctx.slack.bodies('chat.postMessage');
    expect(intro!.channel).toBe('G0GROUP');
    expectEscaped(intro!.text);
    assertValidMessage(intro!.blocks, intro!.text);
    expectEscaped(accepted!.text);

    ctx.slack.expect('views.publish').expect('views.publish');
    await send(appHomeOpened({ user: STAFF }));
    await send(appHomeOpened({ user: ALUMNA }));
    for (const { view } of ctx.slack.bodies('views.publish')) expectEscaped(mrkdwnTexts(view.blocks).join('\n'));
  });

  it('Decline with a hostile reason: the form, the update and the notice with the next match escape it all', async () => {
    const alumna = await addExpert(ALUMNA, 'alumna');
    await addExpert(ALUMNUS, 'next', 'ja');
    const request = await ask(alumna.id, 'D0ALUMNA');
    expectModalFlow(ctx.slack);
    await send(blockAction({ user: ALUMNA, actionId: ACTIONS.declineIntroduction, value: request.id }));
    const view = filledModal(ctx.slack);
    expectEscaped(mrkdwnTexts(view.blocks).join('\n'));

    ctx.slack.expect('chat.update').expect('chat.postMessage').expect('chat.postMessage');
    const values = { [DECLINE_FIELDS.reason]: { [DECLINE_FIELDS.reason]: { type: 'plain_text_input', value: hostile('why') } } };
    await send(viewSubmission({ user: ALUMNA, callbackId: VIEWS.declineIntroduction, privateMetadata: request.id, values }));
    const [notice, feedback] = ctx.slack.bodies('chat.postMessage').slice(-2) as [Record<string, any>, Record<string, any>];
    // The alumna's own feedback names the requester, escaped.
    expect(feedback.channel).toBe(ALUMNA);
    expectEscaped(feedback.text);
    expect(notice.channel).toBe(STAFF);
    expectEscaped(notice.text);
    assertValidMessage(notice.blocks, notice.text);
    const shown = mrkdwnTexts(notice.blocks).join('\n');
    expect(shown).toContain('why &lt;!channel&gt;');
    expect(shown).toContain('next &lt;!channel&gt;');
  });

  it('the reminder and the expiry notice escape the requester’s name and the topic', async () => {
    const alumna = await addExpert(ALUMNA, 'alumna');
    await ask(alumna.id, 'D0ALUMNA');
    ctx.harness.setNow(new Date('2026-11-27T09:00:01Z'));
    ctx.slack.expect('chat.postMessage');
    expect((await runIntroductionSweep(ctx.harness.deps)).reminders).toBe(1);
    const reminder = ctx.slack.bodies('chat.postMessage').at(-1)!;
    expectEscaped(reminder.text);
    assertValidMessage(reminder.blocks, reminder.text);

    ctx.harness.setNow(new Date('2026-12-10T15:00:00Z'));
    ctx.slack.expect('chat.update').expect('chat.postMessage');
    expect((await runIntroductionSweep(ctx.harness.deps)).expired).toBe(1);
    const expired = ctx.slack.bodies('chat.postMessage').at(-1)!;
    expectEscaped(expired.text);
  });

  it('a request closed because the alumna’s account was deactivated is told escaped', async () => {
    const alumna = await addExpert(ALUMNA, 'alumna');
    await ask(alumna.id, 'D0ALUMNA');
    ctx.slack.expect('chat.update').expect('chat.postMessage');
    await send({
      token: 'legacy-verification-token',
      team_id: 'T0KAKEHASH',
      api_app_id: 'A0KAKEHASH',
      type: 'event_callback',
      event_id: 'EvGONE',
      event_time: 1_700_000_000,
      event: { type: 'user_change', user: slackUserObject(ALUMNA, { realName: hostile('slack'), slack: { deleted: true } }), event_ts: '1.2' },
    });
    expectEscaped(ctx.slack.bodies('chat.postMessage').at(-1)!.text);
  });
});

describe('an open request', () => {
  it('the no-match reply, the post, the volunteer notice, the pick and the group DM escape every user text', async () => {
    // The expert joins after the search: her hostile profile holds the query's words.
    const reply = await find(`${HOSTILE} 宇宙開発`);
    await addExpert(ALUMNA, 'alumna');
    expectEscaped(reply.text);
    const open = reply.blocks.filter((block: any) => block.type === 'actions').flatMap((block: any) => block.elements)[0];
    expect(open.action_id).toBe(ACTIONS.postOpenRequest);
    expectModalFlow(ctx.slack);
    await send(blockAction({ user: STAFF, actionId: ACTIONS.postOpenRequest, value: open.value }));
    const view = filledModal(ctx.slack);
    expectEscaped(mrkdwnTexts(view.blocks).join('\n'));

    ctx.slack.expect('chat.postMessage', { channel: REQUESTS_CHANNEL, ts: '1800000000.000200' }).expect('chat.postMessage');
    const f = INTRODUCTION_FIELDS;
    const { [f.coiAcknowledged]: _ack, ...values } = formValues();
    expect(await send(viewSubmission({ user: STAFF, callbackId: VIEWS.introductionRequest, privateMetadata: view.private_metadata, values }))).toBeUndefined();
    const [post] = ctx.slack.bodies('chat.postMessage');
    assertValidMessage(post!.blocks, post!.text);
    expectEscaped(mrkdwnTexts(post!.blocks).join('\n'));
    const [request] = await requests();

    ctx.slack.expectResponse().expect('chat.postMessage').expect('chat.update');
    await send(blockAction({ user: ALUMNA, actionId: ACTIONS.offerHelp, value: request!.id }));
    const notice = ctx.slack.bodies('chat.postMessage').at(-1)!;
    expectEscaped(notice.text);
    assertValidMessage(notice.blocks, notice.text);
    const pick = notice.blocks.filter((block: any) => block.type === 'actions').flatMap((block: any) => block.elements)[0];

    ctx.slack
      .expect('conversations.open', { channel: { id: 'G0OPEN' } })
      .expect('chat.postMessage')
      .expect('chat.update')
      .expect('chat.postMessage')
      .expect('chat.postMessage');
    await send(blockAction({ user: STAFF, actionId: ACTIONS.pickVolunteer, value: pick.value }));
    for (const body of ctx.slack.bodies('chat.postMessage').slice(-3)) expectEscaped(body.text);
  });
});
