import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, runCli } from './run-cli';
import { openDatabase, type Db } from '../../src/db/client';
import { createRepositories, type Repositories } from '../../src/db/repositories';
import type { NewIntroductionRow } from '../../src/db/schema';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kakehashi-cli-audit-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCli(dir, args);

/** Opens the command line's PGlite database in this process (the command must not be running). */
async function withCliDatabase<T>(use: (repos: Repositories, db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: undefined, pgliteDataDir: join(dir, 'db') });
  try {
    return await use(createRepositories(database.db), database.db);
  } finally {
    await database.close();
  }
}

const request = (overrides: Partial<NewIntroductionRow>): NewIntroductionRow => ({
  id: '0b5e2c1a-3333-4000-8000-000000000001',
  kind: 'open',
  status: 'expired',
  requesterSlackUserId: 'U0STAFF01',
  requesterName: '経産 太郎',
  requesterAudience: 'staff',
  requesterDivision: 'GX推進課',
  topic: '半導体 サプライチェーン',
  purpose: 'talk',
  details: '勉強会の講師をお願いしたい',
  format: 'meeting',
  dueDate: '2026-11-15',
  ...overrides,
});

const HEADER =
  'request_id,requested_at,kind,requester,requester_slack_user_id,requester_division,alumnus,alumnus_organisation,' +
  'topic,details,purpose,format,due_date,coi_disclosed,coi_acknowledged_at,ethics_notices,ethics_match,ethics_acknowledged_at,' +
  'supervisor_notified,status,answered_at,decline_reason,reminder_sent_at,volunteers';
const IN_NOVEMBER =
  '0b5e2c1a-3333-4000-8000-000000000001,2026-11-03T05:00:00.000Z,open,経産 太郎,U0STAFF01,GX推進課,,,' +
  '半導体 サプライチェーン,勉強会の講師をお願いしたい,talk,meeting,2026-11-15,,,,,,no,expired,,,,';

async function givenRequests() {
  await withCliDatabase(async (repos) => {
    await repos.introductions.insert(request({ createdAt: new Date('2026-11-03T05:00:00Z') }));
    await repos.introductions.insert(
      request({ id: '0b5e2c1a-3333-4000-8000-000000000002', topic: 'December', createdAt: new Date('2026-11-30T15:00:00Z') }),
    );
  });
}

describe('the introduction record from the command line', () => {
  it('prints the CSV of the days given to standard output and records the export as by the command line', async () => {
    await givenRequests();

    expect(await cli(['audit', '--from', '2026-11-01', '--to', '2026-11-30'])).toEqual({
      code: 0,
      stdout: `\uFEFF${HEADER}\n${IN_NOVEMBER}\n`,
      stderr: '',
    });
    const events = await withCliDatabase((_repos, db) => db.query.auditEvents.findMany());
    expect(events).toEqual([
      expect.objectContaining({ actor: 'cli', action: 'audit.exported', details: { from: '2026-11-01', to: '2026-11-30', count: 1, roundPairs: 0 } }),
    ]);
  }, CLI_TEST_TIMEOUT_MS);

  it('writes the whole record to the file given with --out and says how many requests it holds', async () => {
    await givenRequests();
    const out = join(dir, 'record.csv');

    expect(await cli(['audit', '--out', out])).toEqual({ code: 0, stdout: `Exported 2 introduction requests to ${out}.\n`, stderr: '' });
    const written = await readFile(out, 'utf8');
    expect(written.startsWith(`\uFEFF${HEADER}\n${IN_NOVEMBER}\n`)).toBe(true);
    expect(written.split('\n').filter(Boolean)).toHaveLength(3);
  }, CLI_TEST_TIMEOUT_MS);

  it('explains a bad date, a start after the end or an unknown option in one line, before opening the database', async () => {
    expect(await cli(['audit', '--from', '2026-13-01'])).toEqual({
      code: 1,
      stdout: '',
      stderr: '--from must be a date written YYYY-MM-DD, e.g. 2026-04-01 (got "2026-13-01")\n',
    });
    expect(await cli(['audit', '--from', '2026-11-01', '--to', '30/11/2026'])).toEqual({
      code: 1,
      stdout: '',
      stderr: '--to must be a date written YYYY-MM-DD, e.g. 2026-04-01 (got "30/11/2026")\n',
    });
    expect(await cli(['audit', '--from', '2026-12-01', '--to', '2026-11-30'])).toEqual({
      code: 1,
      stdout: '',
      stderr: '--from (2026-12-01) is after --to (2026-11-30)\n',
    });
    expect(await cli(['audit', '--since', '2026-11-01'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Usage: npm run cli -- audit [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]\n',
    });
    expect(existsSync(join(dir, 'db'))).toBe(false);
  }, CLI_TEST_TIMEOUT_MS);

  it('is listed in the help', async () => {
    expect((await cli(['help'])).stdout).toContain('audit [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]');
  }, CLI_TEST_TIMEOUT_MS);
});
