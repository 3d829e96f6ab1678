import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvFile } from './member-csv-fixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kakehashi-cli-search-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** Runs `npm run cli -- …` on a PGlite database in the temporary directory. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      {
        env: { ...process.env, DATABASE_URL: '', SLACK_BOT_TOKEN: '', SLACK_API_URL: '', PGLITE_DATA_DIR: join(dir, 'db') },
        timeout: 30_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('searching from the command line', () => {
  it('prints the matches as JSON for the audience given, with why each matched', async () => {
    const file = join(dir, 'members.csv');
    await writeFile(
      file,
      csvFile([
        { topics: 'semiconductors', help_text: 'サプライチェーンの話ができます' },
        { email: 'jiro@example.jp', name: 'Jiro', topics: '', help_text: '半導体', share_with_staff: 'no', share_with_alumni: 'yes' },
      ]),
    );
    expect((await cli(['import', file])).code).toBe(0);

    const asStaff = await cli(['search', 'semiconductor supply chain', '--as', 'staff', '--json']);
    expect(asStaff).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(asStaff.stdout)).toEqual([
      {
        email: 'hanako.sato@example.jp',
        name: '佐藤 花子',
        organisation: 'Acme Consulting',
        title: 'Partner',
        matched: { topics: ['semiconductors'], fields: ['topics', 'helpText'] },
        score: expect.any(Number),
        capacity_left: 2,
      },
    ]);
    const asAlumni = await cli(['search', '半導体', '--as', 'alumni', '--json', '--limit', '5']);
    expect(JSON.parse(asAlumni.stdout).map((match: { email: string }) => match.email)).toEqual(['jiro@example.jp']);
  }, 60_000);

  it('explains how to call it when the audience is missing or unknown', async () => {
    const usage = 'Usage: npm run cli -- search "QUERY" --as staff|alumni|organizer [--limit N] [--json]\n';
    expect(await cli(['search', 'DX'])).toEqual({ code: 1, stdout: '', stderr: usage });
    expect(await cli(['search', 'DX', '--as', 'ceo'])).toEqual({ code: 1, stdout: '', stderr: usage });
  }, 60_000);
});
