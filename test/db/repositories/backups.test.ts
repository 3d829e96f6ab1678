import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../../src/db/repositories';
import { openDatabase } from '../../../src/db/client';
import { createTestDatabase, resetDatabase } from '../../helpers/database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

const at = (iso: string) => new Date(iso);
const plus30 = (date: Date) => new Date(date.getTime() + 30 * 60_000);

describe('the daily backup\'s claim (backup_runs)', () => {
  it('two instances claiming the same day at once: exactly one gets it', async () => {
    const now = at('2026-12-02T01:00:00Z');
    const other = database.url ? await openDatabase({ databaseUrl: database.url, pgliteDataDir: undefined, migrate: false }) : undefined;
    try {
      const claims = await Promise.all(
        [database.db, other?.db ?? database.db, database.db].map((db) => createRepositories(db).backupRuns.claim('2026-12-02', now, plus30(now))),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    } finally {
      await other?.close();
    }
  });

  it('a finished day is never claimed again; an unfinished one only after its claim lapses', async () => {
    const runs = createRepositories(database.db).backupRuns;
    const start = at('2026-12-02T01:00:00Z');
    expect(await runs.claim('2026-12-02', start, plus30(start))).toMatchObject({ day: '2026-12-02', startedAt: start });
    expect(await runs.claim('2026-12-02', at('2026-12-02T01:29:00Z'), plus30(start))).toBeUndefined();
    const retaken = await runs.claim('2026-12-02', at('2026-12-02T01:31:00Z'), at('2026-12-02T02:01:00Z'));
    expect(retaken).toMatchObject({ startedAt: at('2026-12-02T01:31:00Z') });
    await runs.finish('2026-12-02', { file: 'kakehashi-2026-12-02.sql', finishedAt: at('2026-12-02T01:32:00Z') });
    expect(await runs.claim('2026-12-02', at('2026-12-03T00:00:00Z'), at('2026-12-03T00:30:00Z'))).toBeUndefined();
  });

  it('the organizers are told of the latest failure until a later day succeeds', async () => {
    const runs = createRepositories(database.db).backupRuns;
    await runs.claim('2026-12-01', at('2026-11-30T16:00:00Z'), at('2026-11-30T16:30:00Z'));
    await runs.finish('2026-12-01', { file: 'kakehashi-2026-12-01.sql', finishedAt: at('2026-11-30T16:01:00Z') });
    expect(await runs.latestUnresolvedFailure()).toBeUndefined();
    await runs.claim('2026-12-02', at('2026-12-01T16:00:00Z'), at('2026-12-01T16:30:00Z'));
    await runs.fail('2026-12-02', { failedAt: at('2026-12-01T16:01:00Z'), error: 'ENOSPC', retryAfter: at('2026-12-01T17:01:00Z') });
    expect(await runs.latestUnresolvedFailure()).toMatchObject({ day: '2026-12-02', error: 'ENOSPC' });
    // A claim in progress the next day does not hide it; a success does.
    await runs.claim('2026-12-03', at('2026-12-02T16:00:00Z'), at('2026-12-02T16:30:00Z'));
    expect(await runs.latestUnresolvedFailure()).toMatchObject({ day: '2026-12-02' });
    await runs.finish('2026-12-03', { file: 'kakehashi-2026-12-03.sql', finishedAt: at('2026-12-02T16:01:00Z') });
    expect(await runs.latestUnresolvedFailure()).toBeUndefined();
  });
});
