import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client';
import { asBookkeeping, requestCommitted, withRequestScope } from '../../src/db/request-scope';
import { isDatabaseUnavailable } from '../../src/services/errors';

// On the PostgreSQL server in both test runs: the scope guards queries that wait for a connection.
const serverUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `kakehashi_scope_${process.pid}_${Date.now()}`;
let admin: postgres.Sql;
let other: postgres.Sql;
let database: Database;

beforeAll(async () => {
  admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  database = await openDatabase({ databaseUrl: url.toString(), pgliteDataDir: undefined, migrate: false });
  other = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await other.unsafe('create table notes (id int primary key, text text)');
  await other.unsafe("insert into notes values (1, 'first')");
});
afterAll(async () => {
  await other.end();
  await database.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

const readNote = () => database.db.execute(sql`select text from notes where id = 1`);
const updateNote = (text: string) =>
  database.db.transaction(async (tx) => {
    await tx.execute(sql`update notes set text = ${text} where id = 1`);
  });

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; error?: unknown }> {
  const started = Date.now();
  try {
    await work();
    return { ms: Date.now() - started };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

describe('a Slack request’s share of the database', () => {
  it('once the database failed the request, its next queries fail at once, as "unavailable"', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = other.begin(async (tx) => {
      await tx`select id from notes where id = 1 for update`;
      locked();
      await released;
    });
    await isLocked;
    const [first, second] = await withRequestScope(async () => [await timed(() => updateNote('locked out')), await timed(readNote)]);
    release();
    await holder;
    expect(isDatabaseUnavailable(first!.error)).toBe(true);
    expect(first!.ms).toBeGreaterThanOrEqual(900);
    expect(isDatabaseUnavailable(second!.error)).toBe(true);
    expect(second!.ms).toBeLessThan(100);
    // Another request, or work outside one, is not affected.
    expect(await withRequestScope(readNote)).toEqual([{ text: 'first' }]);
  });

  it('a request that spent 2 s in the database starts no further query there, unless its change committed', async () => {
    const slow = () => database.db.execute(sql`select pg_sleep(1.05)`);
    const spent = await withRequestScope(async () => {
      await slow();
      await slow();
      return timed(readNote);
    });
    expect(isDatabaseUnavailable(spent.error)).toBe(true);
    expect(spent.ms).toBeLessThan(100);

    const committed = await withRequestScope(async () => {
      await slow();
      await updateNote('saved');
      await slow();
      return readNote();
    });
    expect(committed).toEqual([{ text: 'saved' }]);
  });

  it('notes a committed change of the request, so a later failure is not told as "nothing was saved"', async () => {
    expect(await withRequestScope(async () => [requestCommitted(), await readNote(), requestCommitted()])).toEqual([false, [{ text: 'saved' }], false]);
    expect(await withRequestScope(async () => (await updateNote('first'), requestCommitted()))).toBe(true);
  });

  it('bookkeeping that commits (what Slack said about a user) is not the user’s change', async () => {
    expect(await withRequestScope(async () => (await asBookkeeping(() => updateNote('bookkeeping')), requestCommitted()))).toBe(false);
  });
});
