import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ja } from '../../src/i18n/ja';
import { PROFILE_OPTION_VALUES } from '../../src/blocks/profile-modal';
import { createRepositories } from '../../src/db/repositories';
import { sendToBot } from '../../src/sandbox/bot-link';
import { BOT, SLACKBOT } from '../../src/sandbox/ids';
import { shareFile } from '../../src/sandbox/file-share';
import { openAppHome, runMessageShortcut, runTyped } from '../../src/sandbox/interactions';
import { SANDBOX_CHANNELS } from '../../src/sandbox/personas';
import { SANDBOX_BOT_TOKEN, startSandbox, type Sandbox } from '../../src/sandbox/sandbox';
import { fastForward } from '../../src/sandbox/scheduler';
import { seedEvent, seedProfiles } from '../../src/sandbox/seed';
import { clickAction, submitView } from '../../src/sandbox/view-actions';
import type { Message } from '../../src/sandbox/workspace';
import { ACTIONS, MESSAGE_SHORTCUTS, PROFILE_FIELDS, VIEWS } from '../../src/slack/ids';
import { createTestDatabase } from '../helpers/database';

const HANAKO = 'U0HANAKO';
const KENJI = 'U0KENJI';
const SHO = 'U0SHO';
const TARO = 'U0TARO';
const EMILY = 'U0EMILY';
const YUKI = 'U0YUKI';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: Sandbox;
const errors: unknown[] = [];
const logger = {
  debug() {},
  info() {},
  warn() {},
  error: (...args: unknown[]) => void errors.push(args),
  setLevel() {},
  getLevel: () => 'error' as never,
  setName() {},
};

const ws = () => sandbox.standIn.ws;
/** url_private answers the bot token only. */
const asBot = { headers: { authorization: `Bearer ${SANDBOX_BOT_TOKEN}` } };
const ctx = () => sandbox.standIn.ctx;
const json = (message: Message | undefined) => JSON.stringify(message ?? null);
const dmOf = (userId: string) => ws().openDm(userId).id;
/** The block holding an action, as it is now (the bot's redraws give blocks new IDs). */
const blockWith = (message: Message, actionId: string) => String(message.blocks!.find((b) => JSON.stringify(b).includes(`"${actionId}"`))!.block_id);

beforeAll(async () => {
  database = await createTestDatabase();
  sandbox = await startSandbox({ database, logger });
  await seedProfiles(sandbox);
});

afterAll(async () => {
  await sandbox?.close();
  await database?.close();
});

describe('the unchanged bot, driven through the stand-in', () => {
  it('a slash command is signed and sent; its answer, by response URL, is an ephemeral only the caller sees', async () => {
    const result = await runTyped(ctx(), { userId: TARO, channelId: SANDBOX_CHANNELS.general, text: '/find-expert 再エネ' });
    expect(result).toEqual({ ok: true, outcome: 'sent' });
    const reply = await ws().waitFor(() => ws().messagesIn(SANDBOX_CHANNELS.general, TARO).find((m) => m.user === BOT.userId));
    expect(reply).toMatchObject({ user: BOT.userId, ephemeralTo: TARO });
    expect(json(reply)).toContain('山田 花子');
    expect(json(reply)).toContain(ACTIONS.askIntroduction);
    expect(ws().messagesIn(SANDBOX_CHANNELS.general, HANAKO)).toEqual([]);
  });

  it('a request signed with another secret is refused by the bot', async () => {
    const bot = ctx().bot()!;
    const reply = await sendToBot({ ...bot, signingSecret: 'not-the-secret' }, { form: { command: '/alumni-profile', text: 'help' } });
    expect(reply.status).toBe(401);
  });

  it('an unknown command gets Slackbot’s answer, and the bot is never asked', async () => {
    const result = await runTyped(ctx(), { userId: TARO, channelId: SANDBOX_CHANNELS.general, text: '/nope' });
    expect(result).toEqual({ ok: false, error: 'unknown_command' });
    expect(ws().messagesIn(SANDBOX_CHANNELS.general, TARO).at(-1)).toMatchObject({ user: SLACKBOT.userId, ephemeralTo: TARO });
  });

  it('/alumni-profile export answers where it was typed, and the data arrives in the member’s DM as a JSON file', async () => {
    await runTyped(ctx(), { userId: HANAKO, channelId: SANDBOX_CHANNELS.general, text: '/alumni-profile export' });
    const reply = await ws().waitFor(() => ws().messagesIn(SANDBOX_CHANNELS.general, HANAKO).find((m) => m.user === BOT.userId));
    expect(reply).toMatchObject({ user: BOT.userId, ephemeralTo: HANAKO });
    const withFile = await ws().waitFor(() => ws().messagesIn(dmOf(HANAKO), HANAKO).find((m) => m.files?.length));
    // The readable summary comes with the file.
    expect(JSON.stringify(withFile.blocks)).toContain('株式会社グリーンパワー総研');
    const file = ws().files.get(withFile.files![0]!)!;
    expect(file.name).toMatch(/^kakehashi-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const download = await fetch(`${sandbox.standIn.url}/files/${file.id}/${encodeURIComponent(file.name)}`, asBot);
    expect(JSON.parse(await download.text()).profile).toMatchObject({ organisation: '株式会社グリーンパワー総研' });
  });

  it('/alumni-admin audit uploads a CSV file into the organizer’s DM, downloadable from its link', async () => {
    await runTyped(ctx(), { userId: EMILY, channelId: SANDBOX_CHANNELS.organizers, text: '/alumni-admin audit' });
    const withFile = await ws().waitFor(() => ws().messagesIn(dmOf(EMILY), EMILY).find((m) => m.files?.length));
    const file = ws().files.get(withFile.files![0]!)!;
    expect(file.name).toMatch(/\.csv$/);
    const download = await fetch(`${sandbox.standIn.url}/files/${file.id}/${encodeURIComponent(file.name)}`, asBot);
    expect(await download.text()).toContain('request_id');
  });

  it('a CSV the organizer attaches in her DM with the app is shown there and acknowledged by the bot; its download link answers the bot token', async () => {
    const csv = 'email,name\nnew.alumna@example.org,新井 さくら\n';
    const result = await shareFile(ctx(), { userId: EMILY, channelId: dmOf(EMILY), name: 'members.csv', bytes: Buffer.from(csv, 'utf8') });
    expect(result).toEqual({ ok: true, outcome: 'shared' });
    const shared = ws().messagesIn(dmOf(EMILY), EMILY).find((m) => m.user === EMILY && m.files?.length)!;
    const file = ws().files.get(shared.files![0]!)!;
    expect(await (await fetch(`${sandbox.standIn.url}/files/${file.id}/members.csv?download=1`, asBot)).text()).toBe(csv);
  });

  it('something typed in the DM with the app reaches the bot (message.im), which says what to use instead', async () => {
    const result = await runTyped(ctx(), { userId: HANAKO, channelId: dmOf(HANAKO), text: '水素に詳しい人はいますか' });
    expect(result).toEqual({ ok: true, outcome: 'posted' });
    const answer = await ws().waitFor(() => ws().messagesIn(dmOf(HANAKO), HANAKO).find((m) => m.user === BOT.userId && m.text.includes('/find-expert')));
    expect(answer.text).toBe(ja.directMessage.typed);
  });

  it('a button click: the organizer approves the pending registration, the message is redrawn in place and the applicant hears it', async () => {
    const request = ws().messagesIn(SANDBOX_CHANNELS.organizers, EMILY).find((m) => json(m).includes(ACTIONS.approveMember))!;
    expect(json(request)).toContain('高橋 翔');
    const clicked = await clickAction(ctx(), {
      userId: EMILY,
      source: { channelId: request.channel, messageTs: request.ts },
      blockId: blockWith(request, ACTIONS.approveMember),
      actionId: ACTIONS.approveMember,
    });
    expect(clicked).toEqual({ ok: true });
    await ws().waitFor(() => request.edited && !json(request).includes(ACTIONS.approveMember));
    await ws().waitFor(() => ws().messagesIn(dmOf(SHO), SHO).length > 0);
    expect((await createRepositories(database.db).members.findBySlackUserId(SHO))?.status).toBe('active');
  });

  it('a modal submission: the client refuses a missing required field, the bot’s field errors come back, a valid one closes', async () => {
    await runTyped(ctx(), { userId: YUKI, channelId: SANDBOX_CHANNELS.general, text: '/alumni-profile' });
    // The modal opens loading, then the bot fills in the form.
    const modal = await ws().waitFor(() => ws().views.top(YUKI)?.definition.callback_id === VIEWS.profile && ws().views.top(YUKI));
    expect(modal.definition.callback_id).toBe(VIEWS.profile);
    const field = (id: string, value: Record<string, unknown>) => ({ [id]: { [id]: value } });
    const answers = {
      ...field(PROFILE_FIELDS.memberType, { selected: 'alumni' }),
      ...field(PROFILE_FIELDS.yearJoined, { value: '2015' }),
      ...field(PROFILE_FIELDS.yearLeft, { value: '2010' }),
      ...field(PROFILE_FIELDS.capacity, { value: '1' }),
      ...field(PROFILE_FIELDS.topics, { selected: ['dx'] }),
      ...field(PROFILE_FIELDS.helpKinds, { selected: ['mentoring'] }),
      ...field(PROFILE_FIELDS.consent, { selected: [PROFILE_OPTION_VALUES.consentStaff] }),
      ...field(PROFILE_FIELDS.coi, { selected: PROFILE_OPTION_VALUES.no }),
      ...field(PROFILE_FIELDS.codeOfConduct, { selected: [PROFILE_OPTION_VALUES.yes] }),
    };

    const missing = await submitView(ctx(), { userId: YUKI, viewId: modal.id, inputs: { ...answers, ...field(PROFILE_FIELDS.name, { value: '' }) } });
    expect(missing).toMatchObject({ ok: true, outcome: 'invalid', errors: { [PROFILE_FIELDS.name]: 'この項目は必須です。' } });

    const refused = await submitView(ctx(), { userId: YUKI, viewId: modal.id, inputs: answers });
    expect(refused).toMatchObject({ ok: true, outcome: 'errors' });
    expect(Object.keys(refused.ok ? refused.errors! : {})).toContain(PROFILE_FIELDS.yearLeft);
    expect(ws().views.byId(modal.id)?.errors[PROFILE_FIELDS.yearLeft]).toEqual(expect.any(String));

    const accepted = await submitView(ctx(), { userId: YUKI, viewId: modal.id, inputs: { ...answers, ...field(PROFILE_FIELDS.yearLeft, { value: '2020' }) } });
    expect(accepted).toEqual({ ok: true, outcome: 'closed' });
    expect(ws().views.top(YUKI)).toBeUndefined();
    await ws().waitFor(() => ws().messagesIn(SANDBOX_CHANNELS.organizers, EMILY).some((m) => json(m).includes('伊藤 由紀')));
  });

  it('opening App Home sends app_home_opened and the bot publishes the member’s home', async () => {
    expect(await openAppHome(ctx(), { userId: HANAKO, tab: 'home' })).toEqual({ ok: true });
    const home = await ws().waitFor(() => ws().views.home(HANAKO));
    expect(JSON.stringify(home.definition)).toContain(ACTIONS.openProfileModal);
  });

  it('the message shortcut searches with the text of the message it is used on', async () => {
    await runTyped(ctx(), { userId: TARO, channelId: SANDBOX_CHANNELS.general, text: 'semiconductor supply chain' });
    const message = ws().messagesIn(SANDBOX_CHANNELS.general, TARO).at(-1)!;
    expect(message).toMatchObject({ user: TARO, text: 'semiconductor supply chain' });
    const result = await runMessageShortcut(ctx(), { userId: TARO, callbackId: MESSAGE_SHORTCUTS.findExpertFromMessage, channelId: message.channel, messageTs: message.ts });
    expect(result).toEqual({ ok: true });
    const reply = await ws().waitFor(() => ws().messagesIn(SANDBOX_CHANNELS.general, TARO).find((m) => m.ephemeralTo === TARO && json(m).includes('Kenji Tanaka')));
    expect(json(reply)).toContain('ministry subsidies');
  });

  it('an event announced through the modal schedules reminders, which arrive when the clock is moved on', async () => {
    await seedEvent(sandbox);
    const reminders = [...ws().scheduled.values()];
    expect(reminders.map((item) => item.channel).sort()).toEqual([dmOf(HANAKO), dmOf(KENJI)].sort());
    expect(fastForward(ws(), 60_000)).toEqual([]);
    const delivered = fastForward(ws(), 3 * 24 * 60 * 60_000);
    expect(delivered.map((m) => m.channel).sort()).toEqual([dmOf(HANAKO), dmOf(KENJI)].sort());
    expect(ws().messagesIn(dmOf(HANAKO), HANAKO).at(-1)?.scheduledId).toEqual(expect.any(String));
    expect(errors).toEqual([]);
  });
});
