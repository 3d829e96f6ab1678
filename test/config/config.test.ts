import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config';

const valid = {
  SLACK_BOT_TOKEN: 'xoxb-123-secret',
  SLACK_SIGNING_SECRET: 'signing-secret-value',
  ORGANIZERS_CHANNEL_ID: 'C0ORGANIZE',
  STAFF_EMAIL_DOMAINS: 'meti.go.jp, Example.GO.JP',
  ORGANIZER_USER_IDS: 'U0ONE,U0TWO',
};

describe('configuration', () => {
  it('parses a complete environment with defaults', () => {
    expect(parseConfig(valid)).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      defaultLocale: 'ja',
      logLevel: 'info',
      staffEmailDomains: ['meti.go.jp', 'example.go.jp'],
      organizerUserIds: ['U0ONE', 'U0TWO'],
    });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: undefined }, 'Invalid configuration: SLACK_BOT_TOKEN is required: the bot token (xoxb-…)'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token' }, 'Invalid configuration: SLACK_BOT_TOKEN expected a bot token starting with xoxb-'],
    [{ SLACK_SIGNING_SECRET: '' }, 'Invalid configuration: SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)'],
    [{ PORT: 'eighty' }, 'Invalid configuration: PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'Invalid configuration: DATABASE_URL expected a postgres:// connection URL'],
    [{ DEFAULT_LOCALE: 'fr' }, 'Invalid configuration: DEFAULT_LOCALE expected ja or en'],
    [{ ORGANIZER_USER_IDS: 'alice' }, 'Invalid configuration: ORGANIZER_USER_IDS expected Slack user IDs'],
    [{ ORGANIZERS_CHANNEL_ID: undefined }, 'Invalid configuration: ORGANIZERS_CHANNEL_ID is required'],
    [{ SLACK_API_URL: 'not a url' }, 'Invalid configuration: SLACK_API_URL expected an http(s) URL'],
  ])('%j is refused with one line naming the variable', (override, message) => {
    let error: unknown;
    try {
      parseConfig({ ...valid, ...override });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message.startsWith(message)).toBe(true);
    expect((error as Error).message).not.toContain('\n');
  });

  it('never echoes a secret in its message', () => {
    expect(() => parseConfig({ ...valid, SLACK_BOT_TOKEN: 'xoxp-very-secret-value' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('very-secret') }),
    );
  });

  it('Socket Mode needs no signing secret', () => {
    expect(parseConfig({ ...valid, SLACK_SIGNING_SECRET: undefined, SLACK_APP_TOKEN: 'xapp-1-abc' }).slack.appToken).toBe('xapp-1-abc');
  });

  it('the command line runs without Slack settings', () => {
    expect(parseConfig({}, 'cli').slack.botToken).toBeUndefined();
  });

  it('`npm start` with a bad variable prints one line and exits 1, without a stack trace', async () => {
    const run = promisify(execFile);
    const failure = await run(process.execPath, ['--import', 'tsx', 'src/app.ts'], {
      env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: 'nope', DOTENV_CONFIG_PATH: '/nonexistent' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect((failure as { code: number }).code).toBe(1);
    expect((failure as { stderr: string }).stderr.trim()).toBe(
      'Invalid configuration: SLACK_BOT_TOKEN expected a bot token starting with xoxb-',
    );
  });
});
