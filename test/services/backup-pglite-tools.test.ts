import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { takeBackup } from '../../src/services/backup';
import { pgliteOf } from '../../src/services/backup-connection';
import { NOW } from './backup-fixtures';

describe('backing up the embedded database through pglite-tools', { timeout: 60_000 }, () => {
  it('refuses, naming the table, a value with a line starting with \\restrict (pglite-tools would drop that line)', async () => {
    const database = await openDatabase({ databaseUrl: undefined, pgliteDataDir: undefined });
    try {
      const pg = pgliteOf(database)!;
      await pg.query('insert into organizers (slack_user_id, active, changed_by_slack_user_id) values ($1, true, $2)', ['U0ORG', 'first line\n\\restrict second line']);
      await expect(takeBackup({ pglite: pg }, NOW)).rejects.toThrow(/table organizers has a line starting with "\\restrict"/);
      await pg.query('update organizers set changed_by_slack_user_id = $1', ['a \\restrict within a line is kept']);
      const { text } = await takeBackup({ pglite: pg }, NOW);
      expect(text).toContain('a \\restrict within a line is kept');
    } finally {
      await database.close();
    }
  });
});
