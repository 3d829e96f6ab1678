import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const BUILD_TIMEOUT_MS = 120_000;

/** A free TCP port on this machine. */
async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the production build (npm run build, npm run start:prod)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kakehashi-build-'));
    await run('npm', ['run', 'build'], { cwd: root });
  }, BUILD_TIMEOUT_MS);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the command line from dist/ without compiling TypeScript', async () => {
    const { stdout } = await run('node', ['dist/cli/main.js', 'help'], { cwd: root });
    expect(stdout).toContain('Usage: npm run cli -- <command>');
  });

  it('starts the bot from dist/ (migrating its database), answers /healthz, and exits cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn('node', ['dist/app.js'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: 'xoxb-build-test',
        SLACK_SIGNING_SECRET: 'build-test-secret',
        ORGANIZERS_CHANNEL_ID: 'C0ORGANIZE',
        PGLITE_DATA_DIR: join(dir, 'pglite'),
        PORT: String(port),
        // Nothing answers here: Slack is unreachable, which the bot survives.
        SLACK_API_URL: 'http://127.0.0.1:1/api/',
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let health: Response | undefined;
    for (let attempt = 0; attempt < 120 && !health; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    }
    expect(health?.status).toBe(200);
    expect(await health!.json()).toEqual({ status: 'ok', database: 'up' });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, BUILD_TIMEOUT_MS);
});
