import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KAKEHASHI_SURFACE } from '../../src/sandbox/app-surface';
import { signRequest } from '../../src/sandbox/bot-link';
import { shareFile } from '../../src/sandbox/file-share';
import { BOT } from '../../src/sandbox/ids';
import { startStandIn, type StandIn } from '../../src/sandbox/server';

const TOKEN = 'xoxb-sandbox-test';
const SECRET = 'file-share-secret';
const EMILY = 'U0EMILY';
const CSV = 'email,name\nhanako@greenpower.example,山田 花子\n';

/** What the app received: the raw body and its signature headers. */
interface Received {
  body: string;
  timestamp: string;
  signature: string;
}

let standIn: StandIn;
let app: Server;
let received: Received[] = [];
let answer = 200;

beforeAll(async () => {
  standIn = await startStandIn({ botToken: TOKEN, surface: KAKEHASHI_SURFACE });
  standIn.ws.addUser({ id: EMILY, name: 'emily', realName: 'Emily Carter', email: 'emily@example.org', locale: 'en-US', tz: 'Asia/Tokyo' });
  standIn.ws.addConversation({ id: 'C0GENERAL', name: 'general', kind: 'public', members: [BOT.userId, EMILY] });
  // A stand-in for the app: records what Slack sends and acknowledges it.
  app = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        body: Buffer.concat(chunks).toString('utf8'),
        timestamp: String(req.headers['x-slack-request-timestamp']),
        signature: String(req.headers['x-slack-signature']),
      });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  standIn.linkBot({ url: `http://127.0.0.1:${(app.address() as AddressInfo).port}/slack/events`, signingSecret: SECRET });
});

beforeEach(() => {
  received = [];
  answer = 200;
});

afterAll(async () => {
  await standIn.close();
  await new Promise((resolve) => app.close(resolve));
});

const dm = () => standIn.ws.openDm(EMILY);

describe('a person shares a CSV file in their DM with the app', () => {
  it('the file shows in the DM, and the app gets a signed message event of subtype file_share describing it', async () => {
    const result = await shareFile(standIn.ctx, { userId: EMILY, channelId: dm().id, name: 'members.csv', bytes: Buffer.from(CSV, 'utf8') });
    expect(result).toEqual({ ok: true, outcome: 'shared' });

    const message = standIn.ws.messagesIn(dm().id, EMILY).at(-1)!;
    expect(message).toMatchObject({ user: EMILY, files: [expect.stringMatching(/^F/)] });
    const file = standIn.ws.files.get(message.files![0]!)!;
    expect(file).toMatchObject({ name: 'members.csv', mimetype: 'text/csv', length: Buffer.byteLength(CSV), user: EMILY });

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request!.signature).toBe(signRequest(SECRET, request!.body, Number(request!.timestamp))['x-slack-signature']);
    const envelope = JSON.parse(request!.body);
    expect(envelope).toMatchObject({ type: 'event_callback', event_id: expect.stringMatching(/^Ev/) });
    expect(envelope.event).toMatchObject({
      type: 'message',
      subtype: 'file_share',
      channel_type: 'im',
      user: EMILY,
      channel: dm().id,
      ts: message.ts,
      files: [{ id: file.id, name: 'members.csv', filetype: 'csv', mimetype: 'text/csv', size: Buffer.byteLength(CSV), user: EMILY }],
    });
    expect(envelope.event.files[0].url_private_download).toBe(`${standIn.url}/files/${file.id}/members.csv?download=1`);
  });

  it('url_private_download gives the bytes to the bot token only: 401 without it or with another', async () => {
    await shareFile(standIn.ctx, { userId: EMILY, channelId: dm().id, name: 'members.csv', bytes: Buffer.from(CSV, 'utf8') });
    const url = JSON.parse(received[0]!.body).event.files[0].url_private_download as string;

    const download = await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await download.text()).toBe(CSV);

    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ ok: false, error: 'not_authed' });
    expect((await fetch(url, { headers: { Authorization: 'Bearer xoxb-not-the-app' } })).status).toBe(401);
  });

  it('the page attaches a file with POST /sandbox/upload, as base64', async () => {
    const response = await fetch(`${standIn.url}/sandbox/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: EMILY, channel: dm().id, name: 'import.csv', mimetype: 'text/csv', contentBase64: Buffer.from(CSV).toString('base64') }),
    });
    expect(await response.json()).toEqual({ ok: true, outcome: 'shared' });
    const event = JSON.parse(received[0]!.body).event;
    expect(event.files[0]).toMatchObject({ name: 'import.csv', size: Buffer.byteLength(CSV) });
    // The page's own link to it needs no token (the person is signed in to their client).
    expect(await (await fetch(`${standIn.url}/sandbox/files/${event.files[0].id}/import.csv`)).text()).toBe(CSV);
  });

  it('a file is refused outside the person’s DM with the app, or empty, and the app hears nothing', async () => {
    const bytes = Buffer.from(CSV, 'utf8');
    expect(await shareFile(standIn.ctx, { userId: EMILY, channelId: 'C0GENERAL', name: 'members.csv', bytes })).toEqual({ ok: false, error: 'not_in_the_app_dm' });
    expect(await shareFile(standIn.ctx, { userId: EMILY, channelId: dm().id, name: 'members.csv', bytes: Buffer.alloc(0) })).toEqual({ ok: false, error: 'file_empty' });
    expect(await shareFile(standIn.ctx, { userId: BOT.userId, channelId: dm().id, name: 'members.csv', bytes })).toEqual({ ok: false, error: 'user_not_found' });
    expect(received).toEqual([]);
  });

  it('when the app does not acknowledge, the person is told on the page; the file stays in the DM', async () => {
    answer = 500;
    const before = standIn.ws.messagesIn(dm().id, EMILY).length;
    const result = await shareFile(standIn.ctx, { userId: EMILY, channelId: dm().id, name: 'members.csv', bytes: Buffer.from(CSV, 'utf8') });
    expect(result).toEqual({ ok: false, error: 'http_error_500' });
    expect(standIn.ws.messagesIn(dm().id, EMILY)).toHaveLength(before + 1);
    expect(standIn.ws.notices.at(-1)).toMatchObject({ userId: EMILY, level: 'error', text: expect.stringContaining('file_share') });
  });
});
