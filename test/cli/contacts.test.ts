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
  dir = await mkdtemp(join(tmpdir(), 'kakehashi-cli-contacts-'));
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

const introduction = (overrides: Partial<NewIntroductionRow>): NewIntroductionRow => ({
  id: '0b5e2c1a-4444-4000-8000-000000000001',
  kind: 'direct',
  status: 'accepted',
  requesterSlackUserId: 'U0STAFF01',
  requesterName: '経産 太郎',
  requesterAudience: 'staff',
  requesterDivision: 'GX推進課',
  topic: '半導体 サプライチェーン',
  purpose: 'talk',
  details: '勉強会の講師をお願いしたい',
  format: 'written',
  dueDate: '2026-11-15',
  ethicsNotices: ['post_retirement'],
  ethicsAcknowledgedAt: new Date('2026-11-02T05:00:00Z'),
  ethicsSupervisorSlackUserId: 'U0SUPERVISOR',
  ethicsSupervisorNotifiedAt: new Date('2026-11-02T05:30:00Z'),
  ...overrides,
});

const HEADER =
  'date,kind,staff,staff_division,alumni,alumni_organisation,subject,format,outcome,interested_party_notice,post_retirement_notice,meal_notice,' +
  'ethics_match,notice_acknowledged_at,supervisor_notified,paid_by,fee_per_person,reference_id';
const IN_NOVEMBER =
  '2026-11-03,introduction,経産 太郎,GX推進課,,,半導体 サプライチェーン,written,accepted,no,yes,,,2026-11-02T05:00:00.000Z,yes,,,' +
  '0b5e2c1a-4444-4000-8000-000000000001';

async function givenIntroductions() {
  await withCliDatabase(async (repos) => {
    await repos.introductions.insert(introduction({ answeredAt: new Date('2026-11-03T05:00:00Z') }));
    await repos.introductions.insert(
      introduction({ id: '0b5e2c1a-4444-4000-8000-000000000002', topic: 'December', answeredAt: new Date('2026-11-30T15:00:00Z') }),
    );
  });
}

describe('the contact log from the command line', () => {
  it('prints the CSV of the days given to standard output and records the export as by the command line', async () => {
    await givenIntroductions();

    expect(await cli(['contacts', '--from', '2026-11-01', '--to', '2026-11-30'])).toEqual({
      code: 0,
      stdout: `\uFEFF${HEADER}\n${IN_NOVEMBER}\n`,
      stderr: '',
    });
    const events = await withCliDatabase((_repos, db) => db.query.auditEvents.findMany());
    expect(events).toEqual([
      expect.objectContaining({
        actor: 'cli',
        action: 'contacts.exported',
        details: { from: '2026-11-01', to: '2026-11-30', count: 1, introductions: 1, eventAttendances: 0, roundPairs: 0 },
      }),
    ]);
  }, CLI_TEST_TIMEOUT_MS);

  it('writes the whole log to the file given with --out and says how many contacts it holds', async () => {
    await givenIntroductions();
    const out = join(dir, 'contacts.csv');

    expect(await cli(['contacts', '--out', out])).toEqual({ code: 0, stdout: `Exported 2 contacts to ${out}.\n`, stderr: '' });
    const written = await readFile(out, 'utf8');
    expect(written.startsWith(`\uFEFF${HEADER}\n${IN_NOVEMBER}\n`)).toBe(true);
    expect(written.split('\n').filter(Boolean)).toHaveLength(3);
  }, CLI_TEST_TIMEOUT_MS);

  it('explains a bad date, a start after the end or an unknown option in one line, before opening the database', async () => {
    expect(await cli(['contacts', '--to', '2026-02-29'])).toEqual({
      code: 1,
      stdout: '',
      stderr: '--to must be a date written YYYY-MM-DD, e.g. 2026-04-01 (got "2026-02-29")\n',
    });
    expect(await cli(['contacts', '--from', '2026-12-01', '--to', '2026-11-30'])).toEqual({
      code: 1,
      stdout: '',
      stderr: '--from (2026-12-01) is after --to (2026-11-30)\n',
    });
    expect(await cli(['contacts', '2026-11-01'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Usage: npm run cli -- contacts [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]\n',
    });
    expect(existsSync(join(dir, 'db'))).toBe(false);
  }, CLI_TEST_TIMEOUT_MS);

  it('is listed in the help', async () => {
    expect((await cli(['help'])).stdout).toContain('contacts [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]');
  }, CLI_TEST_TIMEOUT_MS);
});
