import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { takeBackup } from '../../src/services/backup';
import { pgliteConnection, pgliteOf, type RawConnection } from '../../src/services/backup-connection';
import { parseBackup } from '../../src/services/backup-file';
import { restoreBackup } from '../../src/services/backup-restore';
import { emptyPglite, NOW, tableSummaries, throwawayPostgres } from './backup-fixtures';

// What any member could type in a free-text field: lines pglite-tools would delete from a dump.
const TYPED = 'first line\n\\restrict second line\n\\unrestrict third\n\\\\restrict two backslashes\nend \\ with one';

/** An empty target of the run's kind: PGlite, or a throwaway Postgres database with TEST_DATABASE_URL. */
async function withEmptyTarget(use: (raw: RawConnection) => Promise<void>) {
  if (!process.env.TEST_DATABASE_URL) {
    const { pg, raw } = await emptyPglite();
    try {
      await use(raw);
    } finally {
      await pg.close();
    }
    return;
  }
  const target = await throwawayPostgres();
  try {
    await use(target.raw);
  } finally {
    await target.drop();
  }
}

describe('backing up the embedded database through pglite-tools', { timeout: 60_000 }, () => {
  it('backs up and restores identically a value with lines starting with \\restrict and \\unrestrict (no member can stop the backup)', async () => {
    const database = await openDatabase({ databaseUrl: undefined, pgliteDataDir: undefined });
    try {
      const pg = pgliteOf(database)!;
      await pg.query('insert into organizers (slack_user_id, active, changed_by_slack_user_id) values ($1, true, $2)', ['U0ORG', TYPED]);
      const { text } = await takeBackup({ pglite: pg }, NOW);
      // Every backslash doubled: no line of the file starts with a lone backslash.
      expect(parseBackup(text).header.standardStrings).toBe('off');
      expect(text.split('\n').filter((line) => /^\\(un)?restrict/.test(line))).toEqual([]);
      // The bot's own session is left as it was.
      expect((await pg.query<{ s: string }>('select current_setting($1) as s', ['standard_conforming_strings'])).rows[0]!.s).toBe('on');
      const before = await tableSummaries(pgliteConnection(pg, async () => undefined));

      await withEmptyTarget(async (raw) => {
        await restoreBackup({ text, target: raw, replace: false });
        const [row] = await raw.query<{ changed: string }>('select changed_by_slack_user_id as changed from organizers');
        expect(row!.changed).toBe(TYPED);
        expect(await tableSummaries(raw)).toEqual(before);
      });
    } finally {
      await database.close();
    }
  });
});
