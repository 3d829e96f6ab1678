import nock from 'nock';
import { expect } from 'vitest';

export const SLACK_API_URL = 'https://slack.test/api/';
export const RESPONSE_URL_HOST = 'https://hooks.slack.test';
/** Slash commands' response URLs live under this path: their answers are kept per URL. */
export const COMMAND_RESPONSE_PATH = '/commands/';

/** What each slash command's response URL received (commands answer there, after an empty ack). */
const commandAnswers = new Map<string, Record<string, any>[]>();

/** Takes the answers posted to one command's response URL so far. */
export function takeCommandAnswers(responseUrl: string): Record<string, any>[] {
  const answers = commandAnswers.get(new URL(responseUrl).pathname) ?? [];
  commandAnswers.delete(new URL(responseUrl).pathname);
  return answers;
}

/** Waits for the first answer to a command sent over HTTP (the listener runs on after the ack). */
export async function awaitCommandAnswer(responseUrl: string, timeoutMs = 5_000): Promise<Record<string, any>> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    const [answer] = takeCommandAnswers(responseUrl);
    if (answer) return answer;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no answer reached ${responseUrl} within ${timeoutMs} ms`);
}

export interface SlackUserFixture {
  email?: string | null;
  locale?: string;
  realName?: string;
  /**
   * Fields of Slack's user object as users.info sends them, over a full member of the test
   * workspace: `{ is_restricted: true }`, `{ deleted: true }`, `{ team_id: 'T0OTHER' }` …
   */
  slack?: Record<string, unknown>;
  /** users.info answers after this long (a slow or rate-limited Slack). */
  delayMs?: number;
}

/** The workspace the test bot is installed in (its auth.test answer). */
export const TEST_TEAM_ID = 'T0KAKEHASH';

/** An answer at the HTTP level: `{ httpStatus: 500 }`, or 429 with `{ 'retry-after': '7' }`. */
export interface HttpReply {
  httpStatus: number;
  headers?: Record<string, string>;
}

function isHttpReply(reply: unknown): reply is HttpReply {
  return typeof (reply as HttpReply).httpStatus === 'number';
}

/** A user object shaped as Slack sends it (users.info, user_change, team_join …). */
export function slackUserObject(id: string, user: SlackUserFixture = {}): Record<string, any> {
  const realName = user.realName ?? `User ${id}`;
  return {
    id,
    team_id: TEST_TEAM_ID,
    name: realName.toLowerCase().replace(/\s+/g, '.'),
    deleted: false,
    real_name: realName,
    tz: 'Asia/Tokyo',
    tz_label: 'Japan Standard Time',
    tz_offset: 32400,
    is_admin: false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: false,
    is_app_user: false,
    updated: 1_700_000_000,
    locale: user.locale ?? 'en-US',
    profile: { email: user.email ?? undefined, real_name: realName, display_name: realName, team: TEST_TEAM_ID },
    ...user.slack,
  };
}

export interface RecordedCall {
  method: string;
  body: Record<string, any>;
}

/** Decodes a Web API form body; web-api JSON-encodes objects (blocks, view) inside it. */
function decodeForm(raw: string): Record<string, any> {
  const body: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    try {
      body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      body[key] = value;
    }
  }
  return body;
}

/**
 * A nock-held Slack: one interceptor answers every Web API method from a queue of expected calls.
 * Each body is recorded and decoded so tests can assert what Slack would have received; a call
 * nobody expected is answered with an error and fails `assertDone`.
 */
export function mockSlack() {
  nock.cleanAll();
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  const calls: RecordedCall[] = [];
  const unexpected: RecordedCall[] = [];
  const expected = new Map<string, Record<string, unknown>[]>();
  const users = new Map<string, SlackUserFixture>();
  let ts = 1_700_000_000;

  const answer = (method: string, body: Record<string, any>): Record<string, unknown> | HttpReply => {
    if (method === 'auth.test') return { ok: true, user_id: 'U0KAKEHASHI', bot_id: 'B0KAKEHASHI', team_id: TEST_TEAM_ID };
    if (method === 'users.info') {
      const user = users.get(body.user);
      if (!user) return { ok: false, error: 'user_not_found' };
      return { ok: true, user: slackUserObject(body.user, user), ...(user.delayMs ? { delayMs: user.delayMs } : {}) };
    }
    const queue = expected.get(method);
    const reply = queue?.shift();
    if (!reply) {
      unexpected.push({ method, body });
      return { ok: false, error: 'unexpected_call_in_test' };
    }
    calls.push({ method, body });
    if (reply.httpStatus) return reply as unknown as HttpReply;
    return { ok: true, ...(method === 'chat.postMessage' ? { channel: 'C_POSTED', ts: String(++ts) } : {}), ...reply };
  };

  nock('https://slack.test')
    .persist()
    .post(/^\/api\/[\w.]+$/)
    .reply(async (uri, raw) => {
      const reply = answer(uri.replace('/api/', ''), decodeForm(String(raw)));
      // Slack takes its time (conversations.open answers in about 300 ms): `{ delayMs }` in a reply.
      const delayMs = Number((reply as { delayMs?: unknown }).delayMs ?? 0);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (isHttpReply(reply)) return [reply.httpStatus, JSON.stringify({ ok: false }), reply.headers ?? {}];
      return [200, reply];
    });
  commandAnswers.clear();
  nock(RESPONSE_URL_HOST)
    .persist()
    .post((path) => path.startsWith(COMMAND_RESPONSE_PATH))
    .reply(200, (uri, body) => {
      commandAnswers.set(uri, [...(commandAnswers.get(uri) ?? []), body as Record<string, any>]);
      return { ok: true };
    });
  nock(RESPONSE_URL_HOST)
    .persist()
    .post(/.*/)
    .reply(200, (_uri, body) => {
      const reply = expected.get('response_url')?.shift();
      if (!reply) unexpected.push({ method: 'response_url', body: body as Record<string, any> });
      else calls.push({ method: 'response_url', body: body as Record<string, any> });
      return { ok: true };
    });

  return {
    calls,
    /** Slack users that users.info knows. */
    user(id: string, fixture: SlackUserFixture = {}) {
      users.set(id, fixture);
      return this;
    },
    /** Expects one call of `method` and answers it with ok:true plus `reply` (e.g. `{ ok: false, error }`). */
    expect(method: string, reply: Record<string, unknown> = {}) {
      expected.set(method, [...(expected.get(method) ?? []), reply]);
      return this;
    },
    /** Expects one POST to a response_url (respond()). */
    expectResponse() {
      return this.expect('response_url');
    },
    /** The recorded bodies of one method, in order. */
    bodies(method: string) {
      return calls.filter((call) => call.method === method).map((call) => call.body);
    },
    /** Every expected call was made, and nothing else was called. */
    assertDone() {
      const missing = [...expected.entries()].filter(([, queue]) => queue.length > 0).map(([method]) => method);
      expect(missing, 'expected Slack calls that were not made').toEqual([]);
      expect(unexpected.map((call) => call.method), 'Slack calls nobody expected').toEqual([]);
    },
    reset() {
      nock.cleanAll();
    },
  };
}

export type MockSlack = ReturnType<typeof mockSlack>;
