import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, introductionRequests, members } from '../../src/db/schema';
import { ja } from '../../src/i18n/ja';
import { saveProfile } from '../../src/services/profile';
import type { ProfileInput } from '../../src/services/profile-rules';
import { ACTIONS, COMMANDS, INTRODUCTION_FIELDS, PROFILE_FIELDS, VIEWS } from '../../src/slack/ids';
import { createRepositories } from '../../src/db/repositories';
import { createTestApp } from '../helpers/app';
import { profileInput } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { expectModalFlow, filledModal, modalNotice } from '../helpers/modal-flow';
import { appHomeOpened, blockAction, slashCommand, userEvent, viewSubmission } from '../helpers/payloads';
import { introductionFormValues } from '../helpers/introduction-form';
import { profileState } from '../helpers/profile-state';
import { slackUserObject, type SlackUserFixture } from '../helpers/slack-api';

const STAFF = 'U0STAFF';
const ALUMNA = 'U0ALUMNA';
const ORGANIZER = 'U0ORGANIZER';
const GUEST = 'U0GUEST';
const SINGLE_CHANNEL_GUEST = 'U0SCGUEST';
const DEACTIVATED = 'U0GONE';
const BOT = 'U0BOTUSER';
const APP_USER = 'U0APPUSER';
const WORKFLOW_BOT = 'U0WORKFLOW';
const INVITED = 'U0INVITED';
const EXTERNAL = 'U0EXTERNAL';

const staffAddress = (name: string): SlackUserFixture => ({ email: `${name}@meti.go.jp`, locale: 'ja-JP' });
const USERS: Record<string, SlackUserFixture> = {
  [STAFF]: { ...staffAddress('staff'), realName: '経産 太郎' },
  [ALUMNA]: { email: 'alumna@fund.example', locale: 'ja-JP', realName: 'Hanako Sato' },
  [ORGANIZER]: { email: 'organizer@fund.example', locale: 'ja-JP', realName: 'Emily Organizer' },
  // Every other kind of account a real workspace has, each on a staff email domain.
  [GUEST]: { ...staffAddress('guest'), slack: { is_restricted: true } },
  [SINGLE_CHANNEL_GUEST]: { ...staffAddress('scg'), slack: { is_restricted: true, is_ultra_restricted: true } },
  [DEACTIVATED]: { ...staffAddress('gone'), slack: { deleted: true } },
  [BOT]: { ...staffAddress('bot'), slack: { is_bot: true } },
  [APP_USER]: { ...staffAddress('app'), slack: { is_app_user: true } },
  [WORKFLOW_BOT]: { ...staffAddress('workflow'), slack: { is_workflow_bot: true } },
  [INVITED]: { ...staffAddress('invited'), slack: { is_invited_user: true } },
  // A Slack Connect user in a shared channel: another team, and Slack says nothing of strangeness.
  [EXTERNAL]: { ...staffAddress('external'), slack: { team_id: 'T0OTHERORG', is_stranger: false, profile: { email: 'external@meti.go.jp', team: 'T0OTHERORG' } } },
};

const ctx = setupListenerTest({ users: USERS, organizers: [ORGANIZER] });

/** An approved alumna registered the way members register. */
async function addExpert(slackUserId: string, profile: Partial<ProfileInput>) {
  const { member } = await saveProfile(
    ctx.harness.deps.services,
    { slackUserId, standing: 'member', email: USERS[slackUserId]!.email ?? null, realName: null, locale: 'ja' },
    profileInput(profile),
  );
  await createRepositories(ctx.database.db).members.update(member.id, { status: 'active' });
  return member.id;
}

const command = (user: string, name: string, text = '') => ctx.harness.send(slashCommand({ command: name, user_id: user, text }));
const find = (user: string, text: string) => command(user, COMMANDS.findExpert, text);
const namesIn = (ack: any): string[] =>
  (ack.blocks ?? []).filter((block: any) => block.type === 'section' && block.text.text.startsWith('*')).map((block: any) => block.text.text.split('*')[1]);
const slackChange = (type: Parameters<typeof userEvent>[0], id: string, slack: Record<string, unknown>) =>
  ctx.harness.send(userEvent(type, slackUserObject(id, { ...USERS[id], slack: { ...USERS[id]!.slack, ...slack } })));

describe('accounts that are not full members of the workspace', () => {
  const refused: [string, string, string][] = [
    ['a multi-channel guest', GUEST, ja.access.guest],
    ['a single-channel guest', SINGLE_CHANNEL_GUEST, ja.access.guest],
    ['a deactivated account', DEACTIVATED, ja.access.inactive],
    ['a bot user', BOT, ja.access.inactive],
    ['an app user', APP_USER, ja.access.inactive],
    ['a workflow bot', WORKFLOW_BOT, ja.access.inactive],
    ['an invited user who has not joined', INVITED, ja.access.inactive],
    ['a user of another workspace in a shared channel', EXTERNAL, ja.access.external],
  ];

  it.each(refused)('%s on a staff email domain sees no profile: /find-expert says why', async (_kind, user, message) => {
    await addExpert(ALUMNA, { name: 'Hanako Sato', topics: ['renewable_energy'], shareWithStaff: true });
    expect(await find(STAFF, '再エネ').then(namesIn)).toEqual(['Hanako Sato']);
    expect(await find(user, '再エネ')).toEqual({ response_type: 'ephemeral', text: message });
    expect(await command(user, COMMANDS.profile, `<@${ALUMNA}|hanako>`)).toEqual({ response_type: 'ephemeral', text: message });
    ctx.slack.assertDone();
  });

  it.each(refused)('%s cannot register: the modal says why instead of the form, and a forged submission stores nothing', async (_kind, user, message) => {
    expectModalFlow(ctx.slack);
    expect(await command(user, COMMANDS.profile)).toBeUndefined();
    expect(modalNotice(ctx.slack)).toBe(message);
    const ack = await ctx.harness.send(
      viewSubmission({ user, callbackId: VIEWS.profile, values: profileState({ memberType: 'staff', shareWithStaff: true }) }),
    );
    expect(ack).toEqual({ response_action: 'errors', errors: { [PROFILE_FIELDS.name]: message } });
    expect(await ctx.database.db.select().from(members)).toEqual([]);
    ctx.slack.assertDone();
  });

  it('a single-channel guest’s introduction request, even with a genuine form, never reaches the alumna', async () => {
    await addExpert(ALUMNA, { name: 'Hanako Sato', topics: ['renewable_energy'], shareWithStaff: true });
    const results = await find(STAFF, '再エネ');
    const ask = results.blocks.find((block: any) => block.accessory?.action_id === ACTIONS.askIntroduction).accessory;
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.askIntroduction, value: ask.value }));
    const metadata = filledModal(ctx.slack).private_metadata;

    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: SINGLE_CHANNEL_GUEST, actionId: ACTIONS.askIntroduction, value: ask.value }));
    expect(modalNotice(ctx.slack)).toBe(ja.access.guest);
    expect(ctx.slack.bodies('response_url')).toEqual([]);
    const f = INTRODUCTION_FIELDS;
    const ack = await ctx.harness.send(
      viewSubmission({
        user: SINGLE_CHANNEL_GUEST,
        callbackId: VIEWS.introductionRequest,
        privateMetadata: metadata,
        values: introductionFormValues({ details: '教えてください', division: '某課' }),
      }),
    );
    expect(ack).toEqual({ response_action: 'errors', errors: { [f.details]: ja.access.guest } });
    expect(await ctx.database.db.select().from(introductionRequests)).toEqual([]);
    expect(ctx.slack.bodies('chat.postMessage')).toEqual([]);
  });

  it('the App Home of a guest says why, and shows nothing of the network', async () => {
    ctx.slack.expect('views.publish');
    await ctx.harness.send(appHomeOpened({ user: GUEST }));
    const [publish] = ctx.slack.bodies('views.publish');
    expect(publish!.user_id).toBe(GUEST);
    expect(publish!.view.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: ja.common.appName, emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: ja.access.guest } },
    ]);
    ctx.slack.assertDone();
  });

  it('a member who became a guest may still see help and erase their own data', async () => {
    await addExpert(ALUMNA, { name: 'Hanako Sato' });
    await slackChange('user_guest_status_changed', ALUMNA, { is_restricted: true });
    expect(await command(ALUMNA, COMMANDS.profile, 'help')).toEqual({ response_type: 'ephemeral', text: ja.profileCommand.help });
    expect(await command(ALUMNA, COMMANDS.profile, 'delete')).toMatchObject({ text: ja.profileCommand.deleteConfirm });
    expectModalFlow(ctx.slack);
    expect(await command(ALUMNA, COMMANDS.profile)).toBeUndefined();
    expect(modalNotice(ctx.slack)).toBe(ja.access.guest);
    ctx.slack.assertDone();
  });
});

describe('a change in Slack takes effect at once', () => {
  /** Staff asks the alumna for an introduction; the DM reaches her. */
  async function staffAsksAlumna() {
    await addExpert(ALUMNA, { name: 'Hanako Sato', topics: ['renewable_energy'], shareWithStaff: true });
    const results = await find(STAFF, '再エネ');
    const ask = results.blocks.find((block: any) => block.accessory?.action_id === ACTIONS.askIntroduction).accessory;
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.askIntroduction, value: ask.value }));
    const metadata = filledModal(ctx.slack).private_metadata;
    ctx.slack.expect('chat.postMessage', { channel: 'D0ALUMNA', ts: '1800000000.000100' }).expect('chat.postMessage');
    await ctx.harness.send(
      viewSubmission({
        user: STAFF,
        callbackId: VIEWS.introductionRequest,
        privateMetadata: metadata,
        values: introductionFormValues(),
      }),
    );
    const [request] = await ctx.database.db.select().from(introductionRequests);
    expect(request).toMatchObject({ status: 'pending', deliveredChannelId: 'D0ALUMNA' });
    return request!;
  }

  it('a member made a guest disappears from results; her waiting request is closed and the requester told; restored, she is found again', async () => {
    const request = await staffAsksAlumna();
    ctx.slack.expect('chat.update').expect('chat.postMessage');
    await slackChange('user_guest_status_changed', ALUMNA, { is_restricted: true });

    const [closed] = await ctx.database.db.select().from(introductionRequests);
    expect(closed).toMatchObject({ id: request.id, status: 'closed' });
    const [update] = ctx.slack.bodies('chat.update');
    expect(update).toMatchObject({ channel: 'D0ALUMNA', ts: '1800000000.000100' });
    expect(JSON.stringify(update!.blocks)).toContain(ja.introductions.closedState);
    expect(JSON.stringify(update!.blocks)).not.toContain(ACTIONS.acceptIntroduction);
    const notice = ctx.slack.bodies('chat.postMessage').at(-1)!;
    expect(notice).toMatchObject({ channel: STAFF, text: ja.introductions.closedNotice('Hanako Sato', '再エネ') });
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'introduction.closed'));
    expect(audit).toHaveLength(1);

    expect(await find(STAFF, '再エネ').then(namesIn)).toEqual([]);
    // A repeated delivery of the same event closes nothing twice and tells nobody again.
    await slackChange('user_guest_status_changed', ALUMNA, { is_restricted: true });

    await slackChange('user_guest_status_changed', ALUMNA, { is_restricted: false });
    expect(await find(STAFF, '再エネ').then(namesIn)).toEqual(['Hanako Sato']);
    ctx.slack.assertDone();
  });

  it('a deactivated member cannot be asked, even with a button from earlier results', async () => {
    await addExpert(ALUMNA, { name: 'Hanako Sato', topics: ['renewable_energy'], shareWithStaff: true });
    const results = await find(STAFF, '再エネ');
    const ask = results.blocks.find((block: any) => block.accessory?.action_id === ACTIONS.askIntroduction).accessory;
    await slackChange('user_change', ALUMNA, { deleted: true });
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.askIntroduction, value: ask.value }));
    expect(modalNotice(ctx.slack)).toBe(ja.introductions.notAvailable);
    expect(ctx.slack.bodies('response_url')).toEqual([]);
    ctx.slack.assertDone();
  });

  it('no instance acts on what Slack has since changed: an organizer deactivated through one instance is refused by another', async () => {
    const other = createTestApp(ctx.database);
    expect(await command(ORGANIZER, COMMANDS.admin, 'organizers')).toEqual({ response_type: 'ephemeral', text: ja.admin.organizers(`<@${ORGANIZER}>`) });
    await other.send(userEvent('user_change', slackUserObject(ORGANIZER, { ...USERS[ORGANIZER], slack: { deleted: true } })));
    expect(await command(ORGANIZER, COMMANDS.admin, 'organizers')).toEqual({ response_type: 'ephemeral', text: ja.access.inactive });
    // A new member joining is known at once too: a guest invited to a channel is a guest from the start.
    await other.send(userEvent('team_join', slackUserObject('U0NEWGUEST', { email: 'new@meti.go.jp', locale: 'ja-JP', slack: { is_restricted: true } })));
    expect(await find('U0NEWGUEST', '再エネ')).toEqual({ response_type: 'ephemeral', text: ja.access.guest });
  });
});

describe('guest accounts organizers let in by name', () => {
  it('are off by default; an organizer lets one in (audited), who may then register, but never counts as staff or organizer', async () => {
    expect(await find(GUEST, '再エネ')).toEqual({ response_type: 'ephemeral', text: ja.access.guest });
    expect(await command(ORGANIZER, COMMANDS.admin, `allow-guest <@${GUEST}|guest>`)).toEqual({
      response_type: 'ephemeral',
      text: ja.admin.guestAllowed(`<@${GUEST}>`),
    });
    expect(await command(ORGANIZER, COMMANDS.admin, `allow-guest <@${GUEST}|guest>`)).toEqual({
      response_type: 'ephemeral',
      text: ja.admin.guestAlreadyAllowed(`<@${GUEST}>`),
    });
    expect(await command(ORGANIZER, COMMANDS.admin, 'guests')).toEqual({ response_type: 'ephemeral', text: ja.admin.guests(`<@${GUEST}>`) });
    const [audit] = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'guest.allowed'));
    expect(audit).toMatchObject({ actor: ORGANIZER, details: { slackUserId: GUEST } });

    // Let in, but a staff email domain makes no guest current staff: nothing to search yet.
    expect(await find(GUEST, '再エネ')).toEqual({ response_type: 'ephemeral', text: ja.findExpert.notAllowed });
    expectModalFlow(ctx.slack);
    await command(GUEST, COMMANDS.profile);
    expect(filledModal(ctx.slack).callback_id).toBe(VIEWS.profile);
    const staffRegistration = await ctx.harness.send(
      viewSubmission({ user: GUEST, callbackId: VIEWS.profile, values: profileState({ memberType: 'staff', yearLeft: null, shareWithStaff: true }) }),
    );
    expect(staffRegistration).toEqual({ response_action: 'errors', errors: { [PROFILE_FIELDS.memberType]: ja.validation.staffEmailRequired } });
    expect(await command(ORGANIZER, COMMANDS.admin, `grant <@${GUEST}|guest>`)).toEqual({
      response_type: 'ephemeral',
      text: ja.admin.grantNeedsMember(`<@${GUEST}>`),
    });

    expect(await command(ORGANIZER, COMMANDS.admin, `disallow-guest <@${GUEST}|guest>`)).toEqual({
      response_type: 'ephemeral',
      text: ja.admin.guestDisallowed(`<@${GUEST}>`),
    });
    expect(await find(GUEST, '再エネ')).toEqual({ response_type: 'ephemeral', text: ja.access.guest });
    expect(await command(ORGANIZER, COMMANDS.admin, 'guests')).toEqual({ response_type: 'ephemeral', text: ja.admin.noGuests });
    ctx.slack.assertDone();
  });

  it('only a guest of this workspace can be let in, and only by an organizer', async () => {
    for (const user of [EXTERNAL, DEACTIVATED, STAFF]) {
      expect(await command(ORGANIZER, COMMANDS.admin, `allow-guest <@${user}|x>`)).toEqual({
        response_type: 'ephemeral',
        text: ja.admin.notAGuest(`<@${user}>`),
      });
    }
    expect(await command(STAFF, COMMANDS.admin, `allow-guest <@${GUEST}|guest>`)).toEqual({ response_type: 'ephemeral', text: ja.common.notOrganizer });
    expect(await find(GUEST, '再エネ')).toEqual({ response_type: 'ephemeral', text: ja.access.guest });
  });

  it('a registered guest member stays findable while let in, and disappears with her requests closed when no longer', async () => {
    await command(ORGANIZER, COMMANDS.admin, `allow-guest <@${GUEST}|guest>`);
    await addExpert(GUEST, { name: 'Guest Alumna', topics: ['renewable_energy'], shareWithStaff: true });
    expect(await find(STAFF, '再エネ').then(namesIn)).toEqual(['Guest Alumna']);
    await command(ORGANIZER, COMMANDS.admin, `disallow-guest <@${GUEST}|guest>`);
    expect(await find(STAFF, '再エネ').then(namesIn)).toEqual([]);
  });
});
