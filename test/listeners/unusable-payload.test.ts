import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { ja } from '../../src/i18n/ja';
import { COMMANDS } from '../../src/slack/ids';
import { createSlackApp } from '../../src/slack/create-app';
import { SIGNING_SECRET, testConfig } from '../helpers/app';
import { createTestDatabase } from '../helpers/database';
import { slashCommand } from '../helpers/payloads';
import { awaitCommandAnswer, mockSlack, type MockSlack } from '../helpers/slack-api';

const USER = 'U0STAFF';
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** Everything the app logged, by level, to check what a refusal leaves in the logs. */
const logged: { level: string; text: string }[] = [];
const record = (level: string) => (...args: unknown[]) => void logged.push({ level, text: args.map((arg) => JSON.stringify(arg)).join(' ') });
const recordingLogger = {
  debug: () => {},
  info: record('info'),
  warn: record('warn'),
  error: record('error'),
  setLevel: () => {},
  getLevel: () => 'debug' as never,
  setName: () => {},
};

let database: Database;
let server: Server;
let baseUrl: string;
let slack: MockSlack;

beforeAll(async () => {
  database = await createTestDatabase();
  const { app } = createSlackApp({ config: testConfig(), database, logger: recordingLogger, tokenVerificationEnabled: false, retries: 0 });
  server = (await app.start(0)) as Server;
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.close();
});
beforeEach(() => {
  logged.length = 0;
  slack = mockSlack();
  slack.user(USER, { email: 'taro@meti.go.jp', locale: 'ja-JP' });
});
afterEach(() => slack.reset());

/** A POST to the events endpoint as Slack signs it (or with another secret). */
function post(body: string, contentType: string, secret = SIGNING_SECRET) {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
    body,
    // Silence used to be the answer: fail on it instead of waiting for the test's timeout.
    signal: AbortSignal.timeout(2_500),
  });
}

describe('a correctly signed request whose body Bolt parses but nothing can use', () => {
  it.each([
    ['payload=null', FORM, 'null'],
    ['payload=42', FORM, 'a number'],
    [`payload=${encodeURIComponent('{}')}`, FORM, 'an object of no known type'],
    [`payload=${encodeURIComponent('{"event":42}')}`, FORM, 'an object of no known type'],
    ['null', JSON_TYPE, 'null'],
    ['[]', JSON_TYPE, 'an array'],
  ])('%s (%s) is answered 400 with a short JSON reason, and logged as a warning', async (body, contentType, kind) => {
    const response = await post(body, contentType);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(JSON_TYPE);
    expect(await response.json()).toEqual({ ok: false, error: 'unusable_payload' });
    expect(logged).toEqual([{ level: 'warn', text: expect.stringContaining(`its body is ${kind}`) }]);
    slack.assertDone();
  });

  it('the warning says what kind of body it was, never what it held', async () => {
    const body = `payload=${encodeURIComponent(JSON.stringify({ token: 'xoxb-not-for-logs', user: { id: USER }, text: '私の相談内容' }))}`;
    expect((await post(body, FORM)).status).toBe(400);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.text).not.toMatch(/xoxb-not-for-logs|私の相談内容|U0STAFF/);
  });
});

describe('what Bolt answers itself is unchanged', () => {
  it('a badly signed payload=null is refused with 401, before anything looks at its body', async () => {
    const response = await post('payload=null', FORM, 'not-the-secret');
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('');
  });

  it('a signed body that is not JSON is refused with 400 by Bolt', async () => {
    const response = await post('payload=%7Bnot-json', FORM);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('');
  });

  it("Slack's ssl_check and url_verification are answered as before", async () => {
    expect((await post('ssl_check=1&token=legacy', FORM)).status).toBe(200);
    const verification = await post(JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'legacy' }), JSON_TYPE);
    expect(verification.status).toBe(200);
    expect(await verification.json()).toEqual({ challenge: 'abc123' });
  });

  it('after unusable requests, the app keeps serving a valid command', async () => {
    for (const body of ['payload=null', 'payload=42']) expect((await post(body, FORM)).status).toBe(400);
    const payload = slashCommand({ command: COMMANDS.profile, user_id: USER, text: 'help' });
    const response = await post(new URLSearchParams(payload).toString(), FORM);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(await awaitCommandAnswer(payload.response_url)).toEqual({ response_type: 'ephemeral', text: ja.profileCommand.help });
    slack.assertDone();
  });
});
