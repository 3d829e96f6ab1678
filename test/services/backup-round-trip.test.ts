import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { takeBackup, copyOfRunningPglite, type BackupSource } from '../../src/services/backup';
import { BackupError, openPostgresUrl, pgliteConnection, pgliteOf, type RawConnection } from '../../src/services/backup-connection';
import { parseBackup } from '../../src/services/backup-file';
import { restoreBackup } from '../../src/services/backup-restore';
import type { ServiceDeps } from '../../src/services/deps';
import { searchExperts } from '../../src/services/search';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { NOW, seedNetwork, tableSummaries, withEmptyTarget, type Seeded } from './backup-fixtures';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let deps: ServiceDeps;
let seeded: Seeded;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: () => NOW, staffEmailDomains: ['meti.go.jp'] };
});
afterAll(async () => database.close());
beforeEach(async () => {
  await resetDatabase(database);
  seeded = await seedNetwork(deps);
});

/** The test database's own connection for comparing (PGlite's instance, or a Postgres one). */
async function sourceRaw(): Promise<RawConnection> {
  const pg = pgliteOf(database);
  return pg ? pgliteConnection(pg, async () => undefined) : openPostgresUrl(database.url!);
}

async function backupOfTestDatabase(): Promise<string> {
  const pg = pgliteOf(database);
  if (!pg) return (await takeBackup({ postgresUrl: database.url! }, NOW)).text;
  const copy = await copyOfRunningPglite(pg);
  try {
    return (await takeBackup({ pglite: copy } as BackupSource, NOW)).text;
  } finally {
    await copy.close();
  }
}

/** What a staff member finds for a query, as /find-expert would answer. */
async function staffFinds(on: ServiceDeps, query: string): Promise<string[]> {
  const { matches } = await searchExperts(on, {
    viewer: { audience: 'staff', isOrganizer: false, member: undefined },
    viewerSlackUserId: 'U0STAFF',
    query,
    limit: 20,
    offset: 0,
  });
  return matches.map((match) => match.member.id).sort();
}

async function expectSameData(target: RawConnection) {
  const source = await sourceRaw();
  try {
    const before = await tableSummaries(source);
    expect(Object.keys(before).length).toBeGreaterThan(10);
    expect(before.members!.rows).toBe(2);
    expect(await tableSummaries(target)).toEqual(before);
  } finally {
    if (source !== target && !pgliteOf(database)) await source.close();
  }
}

describe('a backup restores every table identically, on the database it was taken from', { timeout: 90_000 }, () => {
  it('backup → restore into an empty database: every table has the same rows and checksum, and search finds the same people', async () => {
    const text = await backupOfTestDatabase();
    const found = await staffFinds(deps, 'Semiconductor');
    expect(found).toEqual([seeded.kenji.id]);
    await withEmptyTarget(database, deps, async (raw, servicesOn) => {
      const result = await restoreBackup({ text, target: raw, replace: false });
      expect(result).toMatchObject({ replaced: false, migratedAfter: 0, tables: expect.any(Number) });
      await expectSameData(raw);
      expect(await staffFinds(await servicesOn(), 'Semiconductor')).toEqual(found);
    });
  });

  it('refuses a database holding rows unless told to replace it, and then replaces it', async () => {
    const text = await backupOfTestDatabase();
    await withEmptyTarget(database, deps, async (raw, servicesOn) => {
      await restoreBackup({ text, target: raw, replace: false });
      await raw.exec(`insert into organizers (slack_user_id, active) values ('U0LATER', true)`);
      await expect(restoreBackup({ text, target: raw, replace: false })).rejects.toThrow(
        /not empty \(\d+ tables hold rows: .*\); nothing was changed.*--replace/,
      );
      expect((await tableSummaries(raw)).organizers!.rows).toBe(2);

      const result = await restoreBackup({ text, target: raw, replace: true });
      expect(result.replaced).toBe(true);
      await expectSameData(raw);
      expect(await staffFinds(await servicesOn(), 'Semiconductor')).toEqual([seeded.kenji.id]);
    });
  });

  it('a damaged file is refused and the database is left as it was', async () => {
    const text = await backupOfTestDatabase();
    const damaged = text.replace('Semiconductor supply chains', 'Semiconductor supply chain');
    await withEmptyTarget(database, deps, async (raw) => {
      await expect(restoreBackup({ text: damaged, target: raw, replace: false })).rejects.toThrow(/did not restore identically/);
      expect(await tableSummaries(raw)).toEqual({});
      await expect(restoreBackup({ text: 'select 1;', target: raw, replace: false })).rejects.toBeInstanceOf(BackupError);
    });
  });

  it('the file names the migration level and each table; the schema is not in it', async () => {
    const { header, data } = parseBackup(await backupOfTestDatabase());
    expect(header.migrations.count).toBeGreaterThan(15);
    expect(header.tables.members).toMatchObject({ rows: 2 });
    expect(data).toContain('INSERT INTO public.members');
    expect(data).not.toMatch(/CREATE TABLE|\\restrict|transaction_timeout/);
  });
});
