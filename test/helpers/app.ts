import { parseConfig, type Config } from '../../src/config';
import type { Database } from '../../src/db/client';
import { createSlackApp } from '../../src/slack/create-app';
import { SLACK_API_URL, takeCommandAnswers } from './slack-api';

export const SIGNING_SECRET = 'test-signing-secret';
export const ORGANIZERS_CHANNEL = 'C0ORGANIZE';
export const REQUESTS_CHANNEL = 'C0REQUESTS';
export const ANNOUNCEMENTS_CHANNEL = 'C0ANNOUNCE';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL,
    ORGANIZERS_CHANNEL_ID: ORGANIZERS_CHANNEL,
    REQUESTS_CHANNEL_ID: REQUESTS_CHANNEL,
    ANNOUNCEMENTS_CHANNEL_ID: ANNOUNCEMENTS_CHANNEL,
    STAFF_EMAIL_DOMAINS: 'meti.go.jp',
    ORGANIZER_USER_IDS: 'U0ORGANIZER',
    DEFAULT_LOCALE: 'ja',
    LOG_LEVEL: 'error',
    ...overrides,
  });
}

/** Keeps errors for assertions (and prints them with DEBUG_TESTS=1) instead of cluttering output. */
export const loggedErrors: unknown[][] = [];
const silentLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: (...args: unknown[]) => {
    loggedErrors.push(args);
    if (process.env.DEBUG_TESTS) console.error(...args);
  },
  setLevel: () => {},
  getLevel: () => 'error' as never,
  setName: () => {},
};

/**
 * The real Bolt app with every listener, on a test database, talking to the nock-held Slack.
 * `send` drives it as Slack does (app.processEvent) and returns what the listener acknowledged;
 * for a slash command, which acknowledges empty, the one answer its response URL received.
 */
export function createTestApp(database: Database, options: { config?: Config; now?: Date } = {}) {
  const config = options.config ?? testConfig();
  let now = options.now ?? new Date('2026-11-24T09:00:00Z');
  const { app, deps } = createSlackApp({
    config,
    database,
    clock: () => now,
    logger: silentLogger,
    tokenVerificationEnabled: false,
    retries: 0,
  });
  return {
    app,
    deps,
    config,
    setNow(date: Date) {
      now = date;
    },
    /** Delivers a payload as Slack does; `retryNum` as on Slack's retries of an event (X-Slack-Retry-Num). */
    async send(body: Record<string, unknown>, options: { retryNum?: number } = {}): Promise<any> {
      let acked: unknown;
      let ackCount = 0;
      await app.processEvent({
        body,
        ...(options.retryNum ? { retryNum: options.retryNum, retryReason: 'http_timeout' } : {}),
        ack: async (response?: unknown) => {
          ackCount++;
          acked = response;
        },
      });
      if (ackCount !== 1) throw new Error(`expected exactly one ack, got ${ackCount}`);
      if (typeof body.command !== 'string') return acked;
      if (acked !== undefined) throw new Error(`a command acknowledged with content: ${JSON.stringify(acked)}`);
      const answers = takeCommandAnswers(String(body.response_url));
      if (answers.length > 1) throw new Error(`a command answered ${answers.length} times: ${JSON.stringify(answers)}`);
      return answers[0];
    },
  };
}
