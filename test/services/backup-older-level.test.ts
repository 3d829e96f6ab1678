import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../src/db/client';
import { backupQueries } from '../../src/db/repositories/backups';
import { takeBackup } from '../../src/services/backup';
import { parseBackup } from '../../src/services/backup-file';
import { restoreBackup } from '../../src/services/backup-restore';
import { emptyPglite, NOW } from './backup-fixtures';

describe('a backup made by an older Kakehashi', { timeout: 90_000 }, () => {
  it('restores at its own migration level, then the migrations made since apply to its data', async () => {
    const all = readMigrationFiles({ migrationsFolder });
    const older = all.slice(0, all.length - 2);
    const source = await emptyPglite();
    const target = await emptyPglite();
    try {
      // An installation two migrations behind, as drizzle's migrator left it.
      const queries = backupQueries(source.raw);
      await queries.ensureMigrationsTable();
      for (const migration of older) {
        for (const statement of migration.sql) if (statement.trim()) await source.raw.exec(statement);
        await queries.recordMigration(migration.hash, migration.folderMillis);
      }
      await source.raw.exec(`insert into organizers (slack_user_id, active) values ('U0OLDORGANIZER', true)`);
      const { text } = await takeBackup({ pglite: source.pg }, NOW);
      expect(parseBackup(text).header.migrations.count).toBe(older.length);

      const result = await restoreBackup({ text, target: target.raw, replace: false });
      expect(result.migratedAfter).toBe(2);
      expect(await backupQueries(target.raw).migrationLevel()).toMatchObject({ count: all.length, lastHash: all.at(-1)!.hash });
      expect(await target.raw.query('select slack_user_id from organizers')).toEqual([{ slack_user_id: 'U0OLDORGANIZER' }]);
    } finally {
      await source.pg.close();
      await target.pg.close();
    }
  });

  it('a backup from a newer Kakehashi is refused, and nothing is changed', async () => {
    const source = await emptyPglite();
    const target = await emptyPglite();
    try {
      const text = `-- Kakehashi backup: restore with \`npm run cli -- restore FILE\` (see README)\n-- kakehashi-backup: ${JSON.stringify({
        format: 1,
        takenAt: NOW.toISOString(),
        source: 'pglite',
        dumpedBy: 'pg_dump',
        migrations: { count: 999, lastCreatedAt: 9_999_999_999_999, lastHash: 'x' },
        tables: {},
      })}\n\n`;
      await expect(restoreBackup({ text, target: target.raw, replace: false })).rejects.toThrow(/newer or different Kakehashi/);
      expect(await backupQueries(target.raw).migrationLevel()).toBeUndefined();
    } finally {
      await source.pg.close();
      await target.pg.close();
    }
  });
});
