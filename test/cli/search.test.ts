import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, runCli } from './run-cli';
import { csvFile } from './member-csv-fixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kakehashi-cli-search-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCli(dir, args);

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
  }, CLI_TEST_TIMEOUT_MS);

  it('explains how to call it when the audience is missing or unknown', async () => {
    const usage = 'Usage: npm run cli -- search "QUERY" --as staff|alumni|organizer [--limit N] [--json]\n';
    expect(await cli(['search', 'DX'])).toEqual({ code: 1, stdout: '', stderr: usage });
    expect(await cli(['search', 'DX', '--as', 'ceo'])).toEqual({ code: 1, stdout: '', stderr: usage });
  }, CLI_TEST_TIMEOUT_MS);
});
