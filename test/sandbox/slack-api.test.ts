import { WebAPIPlatformError, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KAKEHASHI_SURFACE } from '../../src/sandbox/app-surface';
import { BOT } from '../../src/sandbox/ids';
import { fastForward } from '../../src/sandbox/scheduler';
import { startStandIn, type StandIn } from '../../src/sandbox/server';

const TOKEN = 'xoxb-sandbox-test';
const HANAKO = 'U0HANAKO';
const TARO = 'U0TARO';

let standIn: StandIn;
let client: WebClient;

const silent = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error' as never, setName() {} };

/** The Slack error code a call failed with. */
async function errorOf(call: Promise<unknown>): Promise<{ error: string; messages?: string[] }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof WebAPIPlatformError) return { error: error.data.error, messages: error.data.response_metadata?.messages };
    throw error;
  }
  throw new Error('the call succeeded');
}

beforeAll(async () => {
  standIn = await startStandIn({ botToken: TOKEN, surface: KAKEHASHI_SURFACE });
  const { ws } = standIn;
  ws.addUser({ id: HANAKO, name: 'hanako', realName: '山田 花子', email: 'Hanako@GreenPower.example', locale: 'ja-JP', tz: 'Asia/Tokyo' });
  ws.addUser({ id: TARO, name: 'taro', realName: '経産 太郎', email: 'taro@meti.go.jp', locale: 'en-US', tz: 'Asia/Tokyo' });
  ws.addConversation({ id: 'C0ANNOUNCE', name: 'announcements', kind: 'public', members: [BOT.userId, HANAKO, TARO] });
  ws.addConversation({ id: 'C0GENERAL', name: 'general', kind: 'public', members: [HANAKO, TARO] });
  ws.addConversation({ id: 'C0SECRET', name: 'secret', kind: 'private', members: [HANAKO] });
  client = new WebClient(TOKEN, { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 }, logger: silent });
});

afterAll(async () => standIn.close());

describe('the stand-in Web API, as the web-api client calls it', () => {
  it('auth.test names the bot; a wrong or missing token is invalid_auth or not_authed', async () => {
    expect(await client.auth.test()).toMatchObject({ ok: true, user_id: BOT.userId, bot_id: BOT.botId, team_id: 'T0SANDBOX' });
    const stranger = new WebClient('xoxb-wrong', { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 }, logger: silent });
    expect(await errorOf(stranger.auth.test())).toMatchObject({ error: 'invalid_auth' });
    const anonymous = new WebClient(undefined, { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 }, logger: silent });
    expect(await errorOf(anonymous.auth.test())).toMatchObject({ error: 'not_authed' });
  });

  it('users.info gives the locale only with include_locale, and the email and real name in the profile', async () => {
    const info = await client.users.info({ user: HANAKO, include_locale: true });
    expect(info.user).toMatchObject({ id: HANAKO, locale: 'ja-JP', tz: 'Asia/Tokyo', tz_offset: 32_400, profile: { email: 'Hanako@GreenPower.example', real_name: '山田 花子' } });
    expect((await client.users.info({ user: HANAKO })).user).not.toHaveProperty('locale');
    expect(await errorOf(client.users.info({ user: 'U0NOBODY' }))).toMatchObject({ error: 'user_not_found' });
    expect((await client.users.lookupByEmail({ email: 'hanako@greenpower.example' })).user?.id).toBe(HANAKO);
    expect(await errorOf(client.users.lookupByEmail({ email: 'nobody@example.org' }))).toMatchObject({ error: 'users_not_found' });
  });

  it('chat.postMessage to a user ID posts in the bot’s DM with them; chat.update rewrites it in place', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Hello*' } }];
    const posted = await client.chat.postMessage({ channel: HANAKO, text: 'Hello', blocks });
    expect(posted.channel).toMatch(/^D/);
    expect(posted.ts).toMatch(/^\d+\.\d{6}$/);
    expect(posted.message).toMatchObject({ type: 'message', text: 'Hello', user: BOT.userId, bot_id: BOT.botId, blocks });
    expect((await client.conversations.open({ users: HANAKO })).channel?.id).toBe(posted.channel);

    const updated = await client.chat.update({ channel: posted.channel!, ts: posted.ts!, text: 'Bye', blocks: [] });
    expect(updated).toMatchObject({ ok: true, channel: posted.channel, ts: posted.ts, text: 'Bye' });
    const stored = standIn.ws.findMessage(posted.channel!, posted.ts!);
    expect(stored).toMatchObject({ text: 'Bye', blocks: [], edited: true });
    expect(await errorOf(client.chat.update({ channel: posted.channel!, ts: '1.000001', text: 'x' }))).toMatchObject({ error: 'message_not_found' });
  });

  it('refuses channels the bot cannot post in, and messages without text or with broken blocks', async () => {
    expect(await errorOf(client.chat.postMessage({ channel: 'C0MISSING', text: 'x' }))).toMatchObject({ error: 'channel_not_found' });
    expect(await errorOf(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x' }))).toMatchObject({ error: 'not_in_channel' });
    expect(await errorOf(client.chat.postMessage({ channel: 'C0SECRET', text: 'x' }))).toMatchObject({ error: 'channel_not_found' });
    expect(await errorOf(client.chat.postMessage({ channel: 'C0ANNOUNCE', text: '' }))).toMatchObject({ error: 'no_text' });
    const broken = await errorOf(client.chat.postMessage({ channel: 'C0ANNOUNCE', text: 'x', blocks: [{ text: 'no type' }] as never }));
    expect(broken.error).toBe('invalid_blocks');
    expect(broken.messages?.[0]).toMatch(/^\[ERROR\] .*\[json-pointer:\/blocks\/0\]$/);
    expect(await errorOf(client.apiCall('chat.postMessage', { channel: 'C0ANNOUNCE', text: 'x', blocks: 'not json' }))).toMatchObject({ error: 'invalid_blocks' });
    const tooLong = await errorOf(client.chat.postMessage({ channel: 'C0ANNOUNCE', text: 'x', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] }));
    expect(tooLong).toMatchObject({ error: 'invalid_blocks', messages: ['[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]'] });
  });

  it('chat.postEphemeral shows a message to one member of the channel only', async () => {
    const sent = await client.chat.postEphemeral({ channel: 'C0ANNOUNCE', user: TARO, text: 'Only you' });
    expect(sent.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(standIn.ws.messagesIn('C0ANNOUNCE', TARO).map((m) => m.text)).toContain('Only you');
    expect(standIn.ws.messagesIn('C0ANNOUNCE', HANAKO).map((m) => m.text)).not.toContain('Only you');
  });

  it('conversations.open gives a D… DM for one user and one G… group DM (with the bot) for several', async () => {
    const dm = await client.conversations.open({ users: TARO });
    expect(dm.channel?.id).toMatch(/^D/);
    const group = await client.conversations.open({ users: `${TARO},${HANAKO}` });
    expect(group.channel?.id).toMatch(/^G/);
    expect(standIn.ws.conversations.get(group.channel!.id!)?.members).toEqual([HANAKO, TARO, BOT.userId].sort());
    expect((await client.conversations.open({ users: `${HANAKO},${TARO}` })).channel?.id).toBe(group.channel!.id);
    expect(await errorOf(client.conversations.open({ users: 'U0NOBODY' }))).toMatchObject({ error: 'user_not_found' });
  });

  it('chat.scheduleMessage keeps the message until the sandbox clock reaches it; a delivered one cannot be deleted', async () => {
    const postAt = Math.floor(Date.now() / 1000) + 3600;
    const scheduled = await client.chat.scheduleMessage({ channel: TARO, post_at: postAt, text: 'Reminder: tomorrow' });
    expect(scheduled).toMatchObject({ ok: true, post_at: postAt, scheduled_message_id: expect.stringMatching(/^Q/) });
    const listed = await client.chat.scheduledMessages.list({});
    expect(listed.scheduled_messages?.map((m) => m.id)).toContain(scheduled.scheduled_message_id);

    const kept = await client.chat.scheduleMessage({ channel: TARO, post_at: postAt + 60, text: 'Deleted before' });
    await client.chat.deleteScheduledMessage({ channel: scheduled.channel!, scheduled_message_id: kept.scheduled_message_id! });
    expect(await errorOf(client.chat.deleteScheduledMessage({ channel: scheduled.channel!, scheduled_message_id: kept.scheduled_message_id! }))).toMatchObject({
      error: 'invalid_scheduled_message_id',
    });

    expect(fastForward(standIn.ws, 30 * 60_000)).toEqual([]);
    const delivered = fastForward(standIn.ws, 31 * 60_000);
    expect(delivered.map((m) => m.text)).toEqual(['Reminder: tomorrow']);
    expect(delivered[0]?.channel).toBe(scheduled.channel);
    expect(await errorOf(client.chat.deleteScheduledMessage({ channel: scheduled.channel!, scheduled_message_id: scheduled.scheduled_message_id! }))).toMatchObject({
      error: 'invalid_scheduled_message_id',
    });
    expect(await errorOf(client.chat.scheduleMessage({ channel: TARO, post_at: Math.floor(Date.now() / 1000) - 10, text: 'x' }))).toMatchObject({ error: 'time_in_past' });
    expect(await errorOf(client.chat.scheduleMessage({ channel: TARO, post_at: Math.floor(Date.now() / 1000) + 121 * 86_400, text: 'x' }))).toMatchObject({ error: 'time_too_far' });
  });

  it('views.open needs a trigger the stand-in issued, once; views.push, views.update and views.publish answer with the view', async () => {
    const modal = { type: 'modal' as const, callback_id: 'profile_modal', title: { type: 'plain_text' as const, text: 'Profile' }, blocks: [{ type: 'divider' as const }] };
    expect(await errorOf(client.views.open({ trigger_id: '1.2.nope', view: modal }))).toMatchObject({ error: 'expired_trigger_id' });
    const trigger = standIn.ws.issueTrigger(HANAKO);
    const opened = await client.views.open({ trigger_id: trigger, view: { ...modal, private_metadata: 'meta' } });
    expect(opened.view).toMatchObject({ id: expect.stringMatching(/^V/), type: 'modal', callback_id: 'profile_modal', private_metadata: 'meta', state: { values: {} }, hash: expect.any(String) });
    expect(opened.view?.blocks?.[0]?.block_id).toEqual(expect.any(String));
    expect(await errorOf(client.views.open({ trigger_id: trigger, view: modal }))).toMatchObject({ error: 'exchanged_trigger_id' });

    const pushed = await client.views.push({ trigger_id: standIn.ws.issueTrigger(HANAKO), view: modal });
    expect(pushed.view).toMatchObject({ previous_view_id: opened.view?.id, root_view_id: opened.view?.id });
    expect(standIn.ws.views.stack(HANAKO).map((v) => v.id)).toEqual([opened.view?.id, pushed.view?.id]);

    const updated = await client.views.update({ view_id: opened.view!.id!, view: { ...modal, title: { type: 'plain_text', text: 'Updated' } } });
    expect(updated.view?.hash).not.toBe(opened.view?.hash);
    expect(await errorOf(client.views.update({ view_id: opened.view!.id!, hash: 'stale', view: modal }))).toMatchObject({ error: 'hash_conflict' });
    expect(await errorOf(client.views.update({ view_id: 'V0NONE', view: modal }))).toMatchObject({ error: 'not_found' });

    const needsSubmit = { ...modal, blocks: [{ type: 'input', label: { type: 'plain_text', text: 'Name' }, element: { type: 'plain_text_input', action_id: 'n' } }] };
    const refused = await errorOf(client.views.open({ trigger_id: standIn.ws.issueTrigger(HANAKO), view: needsSubmit as never }));
    expect(refused.error).toBe('invalid_arguments');
    expect(refused.messages?.[0]).toContain('submit is required');

    const home = await client.views.publish({ user_id: TARO, view: { type: 'home', blocks: [{ type: 'divider' }] } });
    expect(home.view).toMatchObject({ type: 'home', id: expect.stringMatching(/^V/) });
    expect(standIn.ws.views.home(TARO)?.id).toBe(home.view?.id);
  });

  it('filesUploadV2 uploads the bytes and shares the file in the DM with a download link', async () => {
    const dm = (await client.conversations.open({ users: TARO })).channel!.id!;
    await client.filesUploadV2({ channel_id: dm, file: Buffer.from('name,answer\n佐藤,going\n', 'utf8'), filename: 'attendees.csv', title: 'Attendees', initial_comment: 'Here it is' });
    const message = standIn.ws.messagesIn(dm, TARO).find((m) => m.files?.length);
    expect(message?.text).toBe('Here it is');
    const file = standIn.ws.files.get(message!.files![0]!);
    expect(file).toMatchObject({ name: 'attendees.csv', title: 'Attendees', mimetype: 'text/csv' });
    const url = `${standIn.url}/files/${file!.id}/attendees.csv?download=1`;
    const download = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(await download.text()).toBe('name,answer\n佐藤,going\n');
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer xoxb-someone-else' } })).status).toBe(401);
    const shown = await fetch(`${standIn.url}/sandbox/files/${file!.id}/attendees.csv`);
    expect(await shown.text()).toBe('name,answer\n佐藤,going\n');
  });

  it('a response_url posts ephemeral or in-channel messages, replaces the original or deletes it', async () => {
    const { ws } = standIn;
    const original = ws.post({ channel: 'C0ANNOUNCE', user: BOT.userId, text: 'Approve?' });
    const id = ws.issueResponseUrl({ kind: 'message', userId: TARO, channelId: 'C0ANNOUNCE', messageTs: original.ts });
    const respond = (body: unknown) => fetch(`${standIn.url}/respond/${id}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    expect((await respond({ text: 'Just for you' })).status).toBe(200);
    expect(ws.messagesIn('C0ANNOUNCE', TARO).at(-1)).toMatchObject({ text: 'Just for you', ephemeralTo: TARO });
    await respond({ response_type: 'in_channel', text: 'For everyone' });
    expect(ws.messagesIn('C0ANNOUNCE', HANAKO).at(-1)).toMatchObject({ text: 'For everyone' });
    await respond({ replace_original: true, text: 'Approved' });
    expect(ws.findMessage('C0ANNOUNCE', original.ts)?.text).toBe('Approved');
    expect((await respond({ blocks: [{ nope: true }] })).status).toBe(400);
    await respond({ delete_original: true });
    expect(ws.findMessage('C0ANNOUNCE', original.ts)).toBeUndefined();
    expect((await respond({ text: 'sixth use' })).status).toBe(404);
    expect((await fetch(`${standIn.url}/respond/unknown`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
