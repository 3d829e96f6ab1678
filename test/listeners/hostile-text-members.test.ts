import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { createRepositories } from '../../src/db/repositories';
import { runStaleReminderSweep } from '../../src/jobs/stale-reminders';
import { saveProfile } from '../../src/services/profile';
import { ACTIONS, COMMANDS, DECLINE_REGISTRATION_FIELDS, MESSAGE_SHORTCUTS, PROFILE_FIELDS, VIEWS } from '../../src/slack/ids';
import { mrkdwnTexts } from '../blocks/inspect';
import { ORGANIZERS_CHANNEL } from '../helpers/app';
import { introductionRow, memberRow, profileInput } from '../helpers/factories';
import { checkEveryMessage, expectEscaped, hostile, HOSTILE, HOSTILE_ESCAPED } from '../helpers/hostile-text';
import { setupListenerTest } from '../helpers/listener-test';
import { expectModalFlow, filledModal } from '../helpers/modal-flow';
import { appHomeOpened, blockAction, slashCommand, viewSubmission } from '../helpers/payloads';
import { profileState } from '../helpers/profile-state';
import { assertValidHome, assertValidMessage } from '../helpers/slack-limits';

// Every user-controlled field holds text that would ping @channel, @here, a person and a user
// group, and show a disguised link, if it reached mrkdwn raw; the Slack real names too.
const ORGANIZER = 'U0ORGANIZER';
const ALUMNA = 'U0ALUMNA';
const ALUMNUS = 'U0ALUMNUS';
const STAFF = 'U0STAFF';

const ctx = setupListenerTest({
  users: {
    [ORGANIZER]: { email: 'org@example.org', locale: 'en-US', realName: hostile('org') },
    [ALUMNA]: { email: 'alumna@fund.example', locale: 'en-US', realName: hostile('slack') },
    [ALUMNUS]: { email: 'alumnus@fund.example', locale: 'ja-JP', realName: hostile('slack') },
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'ja-JP', realName: hostile('slack') },
  },
  organizers: [ORGANIZER],
});
const { send } = checkEveryMessage(ctx);

/** The profile modal filled with hostile text wherever a member can type. */
const hostileAnswers = {
  name: hostile('name'),
  formerDivisions: hostile('div'),
  organisation: hostile('org'),
  jobTitle: hostile('title'),
  helpText: hostile('help'),
  coi: 'yes' as const,
  coiDescription: hostile('coi'),
  topics: ['renewable_energy'],
};

/** An active alumnus with hostile text in every field, sharing with staff and alumni. */
async function addExpert(slackUserId: string) {
  const { member } = await saveProfile(
    ctx.harness.deps.services,
    { slackUserId, standing: 'member', email: `${slackUserId.toLowerCase()}@fund.example`, realName: hostile('slack'), locale: 'en' },
    profileInput({
      name: hostile('name'),
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

const command = (command: string, user: string, text = '') => send(slashCommand({ command, user_id: user, text }));

describe('registration', () => {
  it('the modal, the approval message, the organizers’ App Home and both decisions escape the applicant’s text', async () => {
    expectModalFlow(ctx.slack);
    await command(COMMANDS.profile, ALUMNA);
    // The Slack name is suggested as typed: an input's value is never parsed.
    const nameInput = filledModal(ctx.slack).blocks.find((block: any) => block.block_id === PROFILE_FIELDS.name);
    expect(nameInput.element.initial_value).toBe(hostile('slack'));

    ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    await send(viewSubmission({ user: ALUMNA, callbackId: VIEWS.profile, values: profileState(hostileAnswers) }));
    const [approval] = ctx.slack.bodies('chat.postMessage');
    expect(approval!.channel).toBe(ORGANIZERS_CHANNEL);
    expectEscaped(approval!.text);
    expectEscaped(mrkdwnTexts(approval!.blocks).join('\n'));
    assertValidMessage(approval!.blocks, approval!.text);

    // A second applicant, declined from the App Home.
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    await send(viewSubmission({ user: ALUMNUS, callbackId: VIEWS.profile, values: profileState(hostileAnswers) }));

    ctx.slack.expect('views.publish');
    await send(appHomeOpened({ user: ORGANIZER }));
    const home = ctx.slack.bodies('views.publish').at(-1)!.view;
    assertValidHome(home);
    expectEscaped(mrkdwnTexts(home.blocks).join('\n'));

    const repos = createRepositories(ctx.database.db);
    const alumna = (await repos.members.findBySlackUserId(ALUMNA))!;
    const alumnus = (await repos.members.findBySlackUserId(ALUMNUS))!;
    ctx.slack.expect('chat.update').expect('chat.postMessage');
    await send(blockAction({ user: ORGANIZER, actionId: ACTIONS.approveMember, value: alumna.id }));
    // Decline opens a form; the reason typed there reaches the applicant escaped.
    expectModalFlow(ctx.slack);
    await send(blockAction({ user: ORGANIZER, actionId: ACTIONS.declineMember, value: alumnus.id, from: 'home' }));
    const declineForm = filledModal(ctx.slack);
    expectEscaped(mrkdwnTexts(declineForm.blocks).join('\n'));
    ctx.slack.expect('chat.update').expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    const reason = DECLINE_REGISTRATION_FIELDS.reason;
    await send(
      viewSubmission({
        user: ORGANIZER,
        callbackId: VIEWS.declineRegistration,
        privateMetadata: declineForm.private_metadata,
        values: { [reason]: { [reason]: { type: 'plain_text_input', value: hostile('reason') } } },
      }),
    );
    for (const update of ctx.slack.bodies('chat.update')) expectEscaped(update.text);
    const [applicantDm, organizerDm] = ctx.slack.bodies('chat.postMessage').slice(-2);
    expect(applicantDm!.channel).toBe(ALUMNUS);
    expectEscaped(applicantDm!.text);
    expectEscaped(organizerDm!.text);
  });
});

describe('/alumni-profile', () => {
  it('a profile card, to an organizer, to staff and to the member, escapes the fallback text and every field', async () => {
    await addExpert(ALUMNA);
    for (const user of [ORGANIZER, STAFF, ALUMNA]) {
      const ack = await command(COMMANDS.profile, user, `<@${ALUMNA}>`);
      expectEscaped(ack.text);
      expectEscaped(mrkdwnTexts(ack.blocks).join('\n'));
      // The header is plain text: shown as typed, never parsed.
      expect(ack.blocks[0].text.text).toContain(HOSTILE);
      assertValidMessage(ack.blocks, ack.text);
    }
  });

  it('the export’s summary escapes every field, and the JSON file keeps the text as typed', async () => {
    await addExpert(ALUMNA);
    ctx.slack
      .expect('conversations.open', { channel: { id: 'D0ALUMNA' } })
      .expect('files.getUploadURLExternal', { upload_url: 'https://files.slack.test/upload/v1/mydata', file_id: 'F0JSON' })
      .expect('files.completeUploadExternal', { files: [{ id: 'F0JSON' }] });
    const host = nock('https://files.slack.test')
      .post('/upload/v1/mydata')
      .reply(200, (_uri, body) => {
        posted = String(body);
        return 'OK - 1';
      });
    let posted = '';

    expect(await command(COMMANDS.profile, ALUMNA, 'export')).toEqual({ response_type: 'ephemeral', text: en.profileCommand.exportSent });

    expect(host.isDone()).toBe(true);
    // JSON escapes no `<` or `&`: the file holds what she typed.
    expect(posted).toContain(JSON.stringify(hostile('help')).slice(1, -1));
    const blocks = ctx.slack.bodies('files.completeUploadExternal')[0]!.blocks;
    const summary = mrkdwnTexts(blocks).join('\n');
    expectEscaped(summary);
    expect(summary).toContain(HOSTILE_ESCAPED.slice(0, 60));
    assertValidMessage(blocks);
  });
});

describe('finding experts', () => {
  it('results, their fallback text and "Show more" escape the query and every profile', async () => {
    for (const id of ['U0EXPERT1', 'U0EXPERT2', 'U0EXPERT3', 'U0EXPERT4', 'U0EXPERT5', 'U0EXPERT6']) await addExpert(id);
    const results = await command(COMMANDS.findExpert, STAFF, HOSTILE);
    expect(results.blocks.filter((block: any) => block.accessory?.action_id === ACTIONS.askIntroduction)).toHaveLength(5);
    expectEscaped(results.text);
    expectEscaped(mrkdwnTexts(results.blocks).join('\n'));
    assertValidMessage(results.blocks, results.text);

    const more = results.blocks.find((block: any) => block.type === 'actions').elements[0];
    ctx.slack.expectResponse();
    await send(blockAction({ user: STAFF, actionId: ACTIONS.showMoreExperts, value: more.value }));
    const page = ctx.slack.bodies('response_url')[0]!;
    expectEscaped(page.text);
    assertValidMessage(page.blocks, page.text);
  });

  it('the no-match reply echoes the query escaped, in its text and its blocks', async () => {
    // Nobody yet: an expert's hostile profile holds the query's words, and some-word matches count.
    const reply = await command(COMMANDS.findExpert, STAFF, `${HOSTILE} 宇宙開発`);
    expect(reply.blocks.some((block: any) => block.accessory?.action_id === ACTIONS.askIntroduction)).toBe(false);
    expectEscaped(reply.text);
    expectEscaped(mrkdwnTexts(reply.blocks).join('\n'));
  });

  it.each([
    ['mentions Slack made of what was typed', `${HOSTILE.replace('&', '&amp;')} 再エネ`],
    ['text typed literally, which Slack sends escaped', `${HOSTILE_ESCAPED} 再エネ`],
  ])('the message shortcut on %s searches and answers without mentions or double escaping', async (_case, text) => {
    await addExpert(ALUMNA);
    ctx.slack.expectResponse();
    await send({
      type: 'message_action',
      callback_id: MESSAGE_SHORTCUTS.findExpertFromMessage,
      trigger_id: 'trigger.msg',
      response_url: 'https://hooks.slack.test/respond',
      team: { id: 'T0KAKEHASH', domain: 'kakehashi' },
      user: { id: STAFF, name: 'staff' },
      channel: { id: 'C0GENERAL', name: 'general' },
      message: { type: 'message', ts: '1700000000.1', user: 'U0SOMEONE', text },
      message_ts: '1700000000.1',
      action_ts: '1700000000.2',
      token: 'legacy',
    });
    expect(ctx.slack.bodies('response_url')[0]!.text).toContain('&amp; done');
  });
});

describe('reminders, the App Home and the audit record', () => {
  it('the stale-profile reminder and "Keep as is" carry no user text raw', async () => {
    await createRepositories(ctx.database.db).members.insert(
      memberRow({ slackUserId: ALUMNA, name: hostile('name'), locale: 'en', profileConfirmedAt: new Date('2026-01-01T00:00:00Z') }),
    );
    ctx.slack.expect('chat.postMessage');
    expect(await runStaleReminderSweep(ctx.harness.deps)).toEqual({ reminders: 1, outcome: 'sent' });
    ctx.slack.expectResponse();
    await send(blockAction({ user: ALUMNA, actionId: ACTIONS.keepProfile }));
  });

  it('a member’s App Home escapes their profile', async () => {
    await addExpert(ALUMNA);
    ctx.slack.expect('views.publish');
    await send(appHomeOpened({ user: ALUMNA }));
    const home = ctx.slack.bodies('views.publish')[0]!.view;
    assertValidHome(home);
    expectEscaped(mrkdwnTexts(home.blocks).join('\n'));
  });

  it('the audit record’s upload message and reply carry no user text raw', async () => {
    const alumna = await addExpert(ALUMNA);
    await createRepositories(ctx.database.db).introductions.insert(
      introductionRow({
        requesterSlackUserId: STAFF,
        requesterName: hostile('slack'),
        requesterDivision: hostile('div'),
        alumnusMemberId: alumna.id,
        topic: hostile('topic'),
        details: hostile('details'),
        createdAt: new Date('2026-11-20T00:00:00Z'),
      }),
    );
    nock('https://files.slack.test').post('/upload/v1/audit').reply(200, 'OK');
    ctx.slack
      .expect('conversations.open', { channel: { id: 'D0ORGANIZER' } })
      .expect('files.getUploadURLExternal', { upload_url: 'https://files.slack.test/upload/v1/audit', file_id: 'F0CSV' })
      .expect('files.completeUploadExternal', { files: [{ id: 'F0CSV' }] });
    expect(await command(COMMANDS.admin, ORGANIZER, 'audit')).toEqual({ response_type: 'ephemeral', text: en.admin.auditSent(1) });
    expect(ctx.slack.bodies('files.completeUploadExternal')[0]!.initial_comment).toBeTypeOf('string');
  });
});
