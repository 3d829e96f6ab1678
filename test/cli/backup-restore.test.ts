import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client';
import { startBackupJob } from '../../src/jobs/backup';
import type { ListenerDeps } from '../../src/listeners';
import { pgliteConnection, pgliteOf } from '../../src/services/backup-connection';
import { backupSocketPath } from '../../src/services/backup-socket';
import { searchExperts } from '../../src/services/search';
import { runReapplyErasures } from '../../src/cli/commands/restore';
import { parseConfig } from '../../src/config';
import { NOW, seedNetwork, tableSummaries, throwawayPostgres, tracesOf, type Seeded } from '../services/backup-fixtures';
import { CLI_TEST_TIMEOUT_MS, runCli } from './run-cli';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kakehashi-backup-cli-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const env = () => ({ BACKUP_DIR: join(dir, 'backups') });

/** The embedded database in `dir`, as the bot keeps it, with a small network in it. */
async function embeddedNetwork(): Promise<{ database: Database; seeded: Seeded }> {
  const database = await openDatabase({ databaseUrl: undefined, pgliteDataDir: join(dir, 'db') });
  const seeded = await seedNetwork({ db: database.db, clock: () => NOW, staffEmailDomains: ['meti.go.jp'] });
  return { database, seeded };
}

async function summariesOfEmbedded(database: Database) {
  return tableSummaries(pgliteConnection(pgliteOf(database)!, async () => undefined));
}

describe('npm run cli -- backup / restore', () => {
  it(
    'moves a network from the embedded database to Postgres in one step: backup, then restore with DATABASE_URL set',
    async () => {
      const { database, seeded } = await embeddedNetwork();
      const before = await summariesOfEmbedded(database);
      await database.close();
      const file = join(dir, 'network.sql');

      const backup = await runCli(dir, ['backup', '--out', file], env());
      expect(backup.stderr).toBe('');
      expect(backup.stdout).toMatch(/^Backup written to .*network\.sql: \d+ tables, \d+ rows \(embedded database, bot not running\)/);

      const target = await throwawayPostgres();
      let moved: Database | undefined;
      try {
        const restore = await runCli(dir, ['restore', file], { ...env(), DATABASE_URL: target.url });
        expect(restore.stderr).toBe('');
        expect(restore.stdout).toContain('into Postgres at DATABASE_URL');
        expect(restore.stdout).toContain('No erasure was missing from the backup.');
        expect(await tableSummaries(target.raw)).toEqual(before);
        moved = await openDatabase({ databaseUrl: target.url, pgliteDataDir: undefined, migrate: false });
        const { matches } = await searchExperts(
          { db: moved.db, clock: () => NOW, staffEmailDomains: ['meti.go.jp'] },
          { viewer: { audience: 'staff', isOrganizer: false, member: undefined }, viewerSlackUserId: 'U0STAFF', query: 'Semiconductor', limit: 5, offset: 0 },
        );
        expect(matches.map((match) => match.member.id)).toEqual([seeded.kenji.id]);

        const again = await runCli(dir, ['restore', file], { ...env(), DATABASE_URL: target.url });
        expect(again.code).toBe(1);
        expect(again.stderr).toMatch(/not empty .*nothing was changed.*--replace/);
      } finally {
        await moved?.close();
        await target.drop();
      }
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'while the bot has the embedded database open, backup is taken by the bot and restore refuses',
    async () => {
      const { database } = await embeddedNetwork();
      const logged: string[] = [];
      const logger = { info: (line: string) => logged.push(line), warn: (line: string) => logged.push(line), error: (line: string) => logged.push(line) };
      const deps = { services: { db: database.db, clock: () => NOW, staffEmailDomains: [] }, logger } as unknown as ListenerDeps;
      const stop = startBackupJob(deps, { database, dir: join(dir, 'backups'), keep: 3, pgliteDataDir: join(dir, 'db') });
      try {
        await expect.poll(() => existsSync(backupSocketPath(join(dir, 'db'))), { timeout: 10_000 }).toBe(true);
        const file = join(dir, 'while-running.sql');
        const backup = await runCli(dir, ['backup', '--out', file], env());
        expect(backup.stderr).toBe('');
        expect(backup.stdout).toMatch(/^Backup written to .*while-running\.sql: \d+ tables, \d+ rows \(taken by the running bot\)/);
        expect(existsSync(file)).toBe(true);

        const restore = await runCli(dir, ['restore', file, '--replace'], env());
        expect(restore.code).toBe(1);
        expect(restore.stderr).toMatch(/is open \(the bot is running.*stop the bot, then restore, then start it\. Nothing was changed\./);
        // The bot's database went on working throughout.
        expect((await summariesOfEmbedded(database)).members!.rows).toBe(2);
      } finally {
        stop();
        await database.close();
      }
      // Stopped: the same backup restores over the directory.
      const restore = await runCli(dir, ['restore', join(dir, 'while-running.sql'), '--replace'], env());
      expect(restore.stderr).toBe('');
      expect(restore.stdout).toContain('the data that was there was replaced');
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it('reapply-erasures applies the ledger\'s missing erasures to a database restored by other means, once', async () => {
    const { database, seeded } = await embeddedNetwork();
    await database.close();
    const ledger = join(dir, 'other-instance.jsonl');
    await writeFile(ledger, `${JSON.stringify({ memberId: seeded.hanako.id, erasedAt: NOW.toISOString() })}\n`);
    const config = parseConfig({ PGLITE_DATA_DIR: join(dir, 'db'), BACKUP_DIR: join(dir, 'backups') }, 'cli');

    expect(await runReapplyErasures(config, [ledger], () => NOW)).toMatch(/^1 of 1 erasures in the ledgers were missing and were applied again/);
    expect(await runReapplyErasures(config, [ledger], () => NOW)).toBe('All 1 erasures in the ledgers are in the database.');
    const reopened = await openDatabase({ databaseUrl: undefined, pgliteDataDir: join(dir, 'db'), migrate: false });
    try {
      expect(await tracesOf(reopened.db, seeded.hanako)).toEqual([]);
    } finally {
      await reopened.close();
    }
  }, 60_000);
});

