import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { deliveries, introductionRequests } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { saveProfile } from '../../src/services/profile';
import type { ProfileInput } from '../../src/services/profile-rules';
import { ACTIONS, COMMANDS, VIEWS } from '../../src/slack/ids';
import { createTestApp, REQUESTS_CHANNEL } from '../helpers/app';
import { profileInput } from '../helpers/factories';
import { introductionFormValues } from '../helpers/introduction-form';
import { setupListenerTest } from '../helpers/listener-test';
import { expectModalFlow, filledModal } from '../helpers/modal-flow';
import { appHomeOpened, blockAction, slashCommand, viewSubmission } from '../helpers/payloads';

const STAFF = 'U0STAFF';
const ALUMNA = 'U0ALUMNA';
const ORGANIZER = 'U0ORGANIZER';

const ctx = setupListenerTest({
  users: {
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'ja-JP', realName: '経産 太郎' },
    [ALUMNA]: { email: 'alumna@fund.example', locale: 'en-US', realName: 'Hanako Sato' },
    [ORGANIZER]: { email: 'organizer@fund.example', locale: 'en-US', realName: 'Emily' },
  },
  organizers: [ORGANIZER],
});

async function addAlumna(profile: Partial<ProfileInput> = {}, slackUserId: string | null = ALUMNA) {
  const { member } = await saveProfile(
    ctx.harness.deps.services,
    { slackUserId: ALUMNA, standing: 'member', email: 'alumna@fund.example', realName: null, locale: 'en' },
    profileInput({ name: 'Hanako Sato', topics: ['renewable_energy'], shareWithStaff: true, ...profile }),
  );
  await createRepositories(ctx.database.db).members.update(member.id, { status: 'active', slackUserId });
  return member;
}

/** Staff finds the alumna and opens the request form; returns the form's private_metadata. */
async function openRequestForm() {
  const results = await ctx.harness.send(slashCommand({ command: COMMANDS.findExpert, user_id: STAFF, text: '再エネ' }));
  const ask = results.blocks.find((block: any) => block.accessory?.action_id === ACTIONS.askIntroduction).accessory;
  expectModalFlow(ctx.slack);
  await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.askIntroduction, value: ask.value }));
  return filledModal(ctx.slack).private_metadata as string;
}

function requestForm(metadata: string) {
  return viewSubmission({ user: STAFF, callbackId: VIEWS.introductionRequest, privateMetadata: metadata, values: introductionFormValues() });
}

const requests = () => ctx.database.db.select().from(introductionRequests);

describe('delivery that survives Slack outages and restarts', () => {
  it('a request saved while Slack answered 500 is delivered after a restart, and the requester was told the truth', async () => {
    await addAlumna();
    const metadata = await openRequestForm();
    ctx.slack.expect('chat.postMessage', { httpStatus: 500 }).expect('chat.postMessage');
    expect(await ctx.harness.send(requestForm(metadata))).toBeUndefined();
    const told = ctx.slack.bodies('chat.postMessage').at(-1)!;
    expect(told).toMatchObject({ channel: STAFF, text: ja.introductions.savedDelivering('Hanako Sato') });
    expect(await requests()).toMatchObject([{ status: 'pending', deliveredChannelId: null }]);
    ctx.slack.assertDone();

    // The process dies; another starts later and its worker finds the request still to deliver.
    const restarted = createTestApp(ctx.database, { now: new Date('2026-11-24T09:05:00Z') });
    ctx.slack.expect('chat.postMessage', { channel: 'D0ALUMNA', ts: '1800000000.000100' });
    await restarted.deps.deliveries.runDue();
    expect(await ctx.database.db.select().from(deliveries).where(eq(deliveries.kind, 'introduction.request'))).toMatchObject([
      { status: 'sent', attempts: 2, lastError: null },
    ]);
    const dm = ctx.slack.bodies('chat.postMessage').at(-1)!;
    expect(dm).toMatchObject({ channel: ALUMNA, text: en.introductions.requestHeader });
    expect(await requests()).toMatchObject([{ status: 'pending', deliveredChannelId: 'D0ALUMNA' }]);
    // Asking again is "already asked": the first request is on its way, not lost.
    ctx.slack.assertDone();
  });

  it('a request to a member Slack cannot reach is closed, the requester told, and organizers see it', async () => {
    await addAlumna({}, 'U0UNLINKED');
    const metadata = await openRequestForm();
    ctx.slack.expect('chat.postMessage', { ok: false, error: 'channel_not_found' }).expect('chat.postMessage');
    await ctx.harness.send(requestForm(metadata));
    const told = ctx.slack.bodies('chat.postMessage').at(-1)!;
    expect(told.channel).toBe(STAFF);
    expect(told.text).toBe(ja.deliveries.failedNotice(ja.deliveries.what['introduction.request'], 'channel_not_found'));
    expect(await requests()).toMatchObject([{ status: 'closed' }]);
    const [failed] = await ctx.database.db.select().from(deliveries).where(eq(deliveries.status, 'failed'));
    expect(failed).toMatchObject({ kind: 'introduction.request', lastError: 'channel_not_found', onBehalfOfSlackUserId: STAFF });
    // Closed, so the requester may ask again.
    expect(await openRequestForm()).toBeTruthy();
    ctx.slack.expect('views.publish');
    await ctx.harness.send(appHomeOpened({ user: ORGANIZER }));
    const home = JSON.stringify(ctx.slack.bodies('views.publish')[0]!.view.blocks);
    expect(home).toContain(en.deliveries.homeTitle);
    expect(home).toContain('channel_not_found');
    ctx.slack.assertDone();
  });
});

describe('every handler is safe twice', () => {
  async function pendingRequest() {
    await addAlumna();
    const metadata = await openRequestForm();
    ctx.slack.expect('chat.postMessage', { channel: 'D0ALUMNA', ts: '1800000000.000100' }).expect('chat.postMessage');
    await ctx.harness.send(requestForm(metadata));
    const [request] = await requests();
    return request!;
  }

  it('a double Accept, delivered to two instances at once while Slack takes 300 ms, opens one group DM and posts once', async () => {
    const request = await pendingRequest();
    const second = createTestApp(ctx.database);
    ctx.slack
      .expect('conversations.open', { channel: { id: 'G0INTRO' }, delayMs: 300 })
      .expect('chat.postMessage', { delayMs: 300 })
      .expect('chat.update')
      .expect('chat.postMessage')
      .expectResponse();
    const accept = blockAction({ user: ALUMNA, actionId: ACTIONS.acceptIntroduction, value: request.id });
    await Promise.all([ctx.harness.send(accept), second.send(accept)]);

    expect(ctx.slack.bodies('conversations.open')).toHaveLength(1);
    expect(ctx.slack.bodies('chat.postMessage').filter((body) => body.channel === 'G0INTRO')).toHaveLength(1);
    expect(ctx.slack.bodies('response_url')).toEqual([expect.objectContaining({ text: en.introductions.alreadyAnswered })]);
    expect(await requests()).toMatchObject([{ status: 'accepted', groupChannelId: 'G0INTRO' }]);
    ctx.slack.assertDone();

    // Slack retries the click later: still nothing new.
    ctx.slack.expectResponse();
    await second.send(accept);
    ctx.slack.assertDone();
  });

  it('the same open-request form delivered to two instances at once posts one request, once', async () => {
    await addAlumna({ topics: ['dx'] });
    const results = await ctx.harness.send(slashCommand({ command: COMMANDS.findExpert, user_id: STAFF, text: '宇宙開発' }));
    const open = results.blocks.flatMap((block: any) => (block.type === 'actions' ? block.elements : [])).find((b: any) => b.action_id === ACTIONS.postOpenRequest);
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.postOpenRequest, value: open.value }));
    const metadata = filledModal(ctx.slack).private_metadata;
    const second = createTestApp(ctx.database);
    const form = viewSubmission({ user: STAFF, callbackId: VIEWS.introductionRequest, privateMetadata: metadata, values: introductionFormValues(), viewId: 'V0OPENFORM' });
    ctx.slack.expect('chat.postMessage', { channel: REQUESTS_CHANNEL, ts: '1800000000.000200', delayMs: 300 }).expect('chat.postMessage').expect('chat.postMessage');
    await Promise.all([ctx.harness.send(form), second.send(form)]);
    expect(await requests()).toHaveLength(1);
    expect(ctx.slack.bodies('chat.postMessage').filter((body) => body.channel === REQUESTS_CHANNEL)).toHaveLength(1);
    ctx.slack.assertDone();
  });

  it('an Accept whose group DM Slack could not open tells the alumna the truth, and the worker finishes it once', async () => {
    const request = await pendingRequest();
    ctx.slack.expect('conversations.open', { httpStatus: 503 }).expectResponse();
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.acceptIntroduction, value: request.id }));
    expect(ctx.slack.bodies('response_url').at(-1)).toMatchObject({ text: en.introductions.acceptedDelivering });
    ctx.slack.assertDone();

    ctx.harness.setNow(new Date('2026-11-24T09:01:00Z'));
    ctx.slack.expect('conversations.open', { channel: { id: 'G0INTRO' } }).expect('chat.postMessage').expect('chat.update').expect('chat.postMessage');
    await ctx.harness.deps.deliveries.runDue();
    expect(ctx.slack.bodies('chat.postMessage').at(-1)).toMatchObject({ channel: STAFF, text: ja.introductions.acceptedNotice('Hanako Sato') });
    ctx.slack.assertDone();
    expect((await ctx.harness.deps.deliveries.runDue()).size).toBe(0);
  });
});

describe('members not yet on Slack', () => {
  async function importAlumna(email: string) {
    const { member } = await saveProfile(
      ctx.harness.deps.services,
      { slackUserId: 'U0PLACEHOLDER', standing: 'member', email, realName: null, locale: 'en' },
      profileInput({ name: 'Imported Alumna', topics: ['renewable_energy'], shareWithStaff: true }),
    );
    // As the spreadsheet import leaves them: active, known by email, no Slack user yet.
    await createRepositories(ctx.database.db).members.update(member.id, { status: 'active', slackUserId: null, slackStanding: null, email });
    return member;
  }
  const search = () => ctx.harness.send(slashCommand({ command: COMMANDS.findExpert, user_id: STAFF, text: '再エネ' }));

  it('are shown as not reachable, with no Ask button, when Slack knows nobody with their email; organizers see them', async () => {
    await importAlumna('nobody-yet@fund.example');
    ctx.slack.expect('users.lookupByEmail', { ok: false, error: 'users_not_found' });
    const results = await search();
    const section = results.blocks.find((block: any) => block.type === 'section' && block.text.text.startsWith('*Imported Alumna*'));
    expect(section.accessory).toBeUndefined();
    expect(JSON.stringify(results.blocks)).toContain(ja.introductions.notOnSlack);

    ctx.slack.expect('views.publish');
    await ctx.harness.send(appHomeOpened({ user: ORGANIZER }));
    const home = JSON.stringify(ctx.slack.bodies('views.publish')[0]!.view.blocks);
    expect(home).toContain(en.home.unlinkedHeader(1));
    expect(home).toContain('nobody-yet@fund.example');
    ctx.slack.assertDone();
  });

  it('are linked by email when someone searches for them, and can then be asked', async () => {
    const member = await importAlumna('alumna@fund.example');
    ctx.slack.expect('users.lookupByEmail', { user: { id: ALUMNA, team_id: 'T0KAKEHASH', profile: { email: 'alumna@fund.example' } } });
    const results = await search();
    const section = results.blocks.find((block: any) => block.type === 'section' && block.text.text.startsWith('*Imported Alumna*'));
    expect(section.accessory.action_id).toBe(ACTIONS.askIntroduction);
    expect(await createRepositories(ctx.database.db).members.findById(member.id)).toMatchObject({ slackUserId: ALUMNA, slackStanding: 'member' });
    ctx.slack.assertDone();
  });
});
