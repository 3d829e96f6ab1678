import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseConfig, startsSandbox } from '../../src/config';

const bot = {
  SLACK_BOT_TOKEN: 'xoxb-123-secret',
  SLACK_SIGNING_SECRET: 'signing-secret-value',
  ORGANIZERS_CHANNEL_ID: 'C0ORGANIZE',
};
/** A child's environment without the developer's .env or tokens. */
const bare = { PATH: process.env.PATH, DOTENV_CONFIG_PATH: '/nonexistent' };

describe('`npm start` without Slack tokens', () => {
  it('chooses the sandbox only when no bot token is set and not in production', () => {
    expect(startsSandbox(parseConfig({}, 'cli'))).toBe(true);
    expect(startsSandbox(parseConfig({ NODE_ENV: 'development' }, 'cli'))).toBe(true);
    expect(startsSandbox(parseConfig({ NODE_ENV: 'production' }, 'cli'))).toBe(false);
    expect(startsSandbox(parseConfig(bot, 'cli'))).toBe(false);
    expect(startsSandbox(parseConfig({ ...bot, NODE_ENV: 'production' }, 'cli'))).toBe(false);
  });

  it('in production, a missing token is still one line and exit code 1', async () => {
    const run = promisify(execFile);
    const failure = await run(process.execPath, ['--import', 'tsx', 'src/app.ts'], { env: { ...bare, NODE_ENV: 'production' } }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect((failure as { code: number }).code).toBe(1);
    expect((failure as { stderr: string }).stderr.trim()).toBe('Invalid configuration: SLACK_BOT_TOKEN is required: the bot token (xoxb-…)');
  });

  it('otherwise says so in one line and serves the sandbox page', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/app.ts'], { env: { ...bare, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = /open (http:\/\/localhost:\d+\/)/.exec(output);
          if (found) resolve(found[1]!);
        });
        child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
      });
      expect(output.split('\n')[0]).toMatch(/^No Slack tokens configured: starting the local sandbox instead/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Kakehashi sandbox');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }, 90_000);
});
