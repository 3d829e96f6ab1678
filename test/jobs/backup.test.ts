import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client';
import { createRepositories } from '../../src/db/repositories';
import { backupRuns } from '../../src/db/schema';
import { pgliteOf } from '../../src/services/backup-connection';
import { lastBackupFailure, runDailyBackup } from '../../src/services/backup-daily';
import { backupFileName, parseBackup } from '../../src/services/backup-file';
import { ERASURE_LEDGER_FILE } from '../../src/services/backup-ledger';
import type { ServiceDeps } from '../../src/services/deps';
import { resetDatabase } from '../helpers/database';
import { memberRow } from '../helpers/factories';
import { seedNetwork } from '../services/backup-fixtures';

// The daily backup is the embedded database's: it always runs on PGlite, whichever database the run uses.
let database: Database;
let dir: string;
beforeAll(async () => {
  database = await openDatabase({ databaseUrl: undefined, pgliteDataDir: undefined });
});
afterAll(async () => database.close());
beforeEach(async () => {
  await resetDatabase(database);
  dir = await mkdtemp(join(tmpdir(), 'kakehashi-daily-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** The services at a moment (the app's one clock), as the job gets them. */
const at = (iso: string): ServiceDeps => ({ db: database.db, clock: () => new Date(iso), staffEmailDomains: [] });
const daily = (iso: string, options: { keep?: number; into?: string } = {}) =>
  runDailyBackup(at(iso), { pglite: pgliteOf(database)!, dir: options.into ?? dir, keep: options.keep ?? 14 });

describe('the daily backup of the embedded database', { timeout: 90_000 }, () => {
  it('runs once a day, even when the bot restarts, and names the file by the network’s day', async () => {
    await seedNetwork(at('2026-12-01T20:00:00Z'));
    // 2026-12-02 05:00 in Japan.
    expect(await daily('2026-12-01T20:00:00Z')).toMatchObject({ kind: 'done', file: join(dir, 'kakehashi-2026-12-02.sql') });
    // Later that day, or after a restart (nothing in memory: the day's row decides).
    expect(await daily('2026-12-02T02:00:00Z')).toEqual({ kind: 'not_due' });
    expect(await daily('2026-12-02T14:59:00Z')).toEqual({ kind: 'not_due' });
    expect(await daily('2026-12-02T15:00:00Z')).toMatchObject({ kind: 'done', file: join(dir, 'kakehashi-2026-12-03.sql') });

    const { header } = parseBackup(await readFile(join(dir, 'kakehashi-2026-12-02.sql'), 'utf8'));
    expect(header.tables.members!.rows).toBe(2);
    expect(existsSync(join(dir, ERASURE_LEDGER_FILE))).toBe(true);
    const [row] = (await database.db.select().from(backupRuns)).filter((run) => run.day === '2026-12-02');
    expect(row).toMatchObject({ file: 'kakehashi-2026-12-02.sql', failedAt: null, finishedAt: new Date('2026-12-01T20:00:00Z') });
  });

  it(`keeps the newest BACKUP_KEEP daily files and removes only those: other files and backups taken on demand stay`, async () => {
    await writeFile(join(dir, 'notes.txt'), 'mine');
    // What `npm run cli -- backup` writes into BACKUP_DIR, older than every daily one.
    const onDemand = backupFileName({ at: new Date('2026-11-30T09:15:00Z') });
    expect(onDemand).toBe('kakehashi-2026-11-30T091500Z.sql');
    await writeFile(join(dir, onDemand), 'a backup taken before an upgrade');
    for (const day of ['2026-12-01', '2026-12-02', '2026-12-03']) await daily(`${day}T03:00:00Z`, { keep: 2 });
    expect((await readdir(dir)).sort()).toEqual([ERASURE_LEDGER_FILE, onDemand, 'kakehashi-2026-12-02.sql', 'kakehashi-2026-12-03.sql', 'notes.txt']);
  });

  it('a claim whose process died is taken again once it lapses', async () => {
    const runs = createRepositories(database.db).backupRuns;
    const start = new Date('2026-12-02T01:00:00Z');
    expect(await runs.claim('2026-12-02', start, new Date(start.getTime() + 30 * 60_000))).toBeDefined();
    // The instance holding it died before finishing: while the claim holds, nobody takes the day.
    expect(await daily('2026-12-02T01:10:00Z')).toEqual({ kind: 'not_due' });
    expect(await daily('2026-12-02T01:31:00Z')).toMatchObject({ kind: 'done' });
  });

  it('a failure is recorded for the organizers’ Home, retried within the hour, and cleared by the next success', async () => {
    const notADirectory = join(dir, 'file');
    await writeFile(notADirectory, '');
    const failed = await daily('2026-12-02T01:00:00Z', { into: join(notADirectory, 'backups') });
    expect(failed).toMatchObject({ kind: 'failed', error: expect.stringMatching(/ENOTDIR|EEXIST|not a directory/i) });
    expect(await lastBackupFailure(at('2026-12-02T01:00:00Z'))).toEqual({ day: '2026-12-02', error: (failed as { error: string }).error });

    expect(await daily('2026-12-02T01:30:00Z')).toEqual({ kind: 'not_due' });
    expect(await daily('2026-12-02T02:01:00Z')).toMatchObject({ kind: 'done' });
    expect(await lastBackupFailure(at('2026-12-02T02:01:00Z'))).toBeUndefined();
  });

  it('the bot keeps reading and writing while a backup is taken (it works on a copy), and the backup is whole', async () => {
    await seedNetwork(at('2026-12-02T01:00:00Z'));
    const backup = daily('2026-12-02T01:00:00Z');
    const repos = createRepositories(database.db);
    const written = await database.db.transaction(async (tx) =>
      createRepositories(tx).members.insert(memberRow({ slackUserId: 'U0DURING', email: 'during@example.org' })),
    );
    expect((await repos.members.listAll()).map((member) => member.id)).toContain(written.id);
    expect(await backup).toMatchObject({ kind: 'done' });
    const { header } = parseBackup(await readFile(join(dir, 'kakehashi-2026-12-02.sql'), 'utf8'));
    expect([2, 3]).toContain(header.tables.members!.rows);
    expect(await repos.members.listAll()).toHaveLength(3);
  });
});
