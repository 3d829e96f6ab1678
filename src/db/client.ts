import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
import { behindBreaker, createReachability } from './reachability';
import { noteRequestCommit } from './request-scope';
import * as schema from './schema';

export type Schema = typeof schema;
/** Either driver's database, or a transaction on it: repositories accept all of them. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  /** Answers within a few seconds whether the database is reachable (for /healthz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  driver: 'postgres' | 'pglite';
}

/** The generated migrations, found upwards from this module (src/db in development, dist/ when built). */
export const migrationsFolder = findMigrations(dirname(fileURLToPath(import.meta.url)));

function findMigrations(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'drizzle', 'meta', '_journal.json'))) return join(dir, 'drizzle');
    if (dirname(dir) === dir) throw new Error(`Cannot find the drizzle/ migrations above ${from}`);
  }
}

// One lock number for every instance, so that concurrent start-ups migrate one at a time.
const MIGRATION_LOCK_KEY = 7_261_530_114;

/** Someone waits on Slack ('interactive': the bot), or nobody does ('batch': the CLI). */
export type DatabaseWork = 'interactive' | 'batch';

/**
 * Slack gives up after 3 s, so a user must read "temporarily unavailable, nothing was saved" within
 * about 2.5 s whatever the database does. Connecting (TCP and start-up, in postgres.js) and each
 * statement get 2 s; waiting for a lock 1 s (a row held by a stuck transaction fails fast, not at
 * the statement's limit); a transaction left idle 5 s (its client vanished) is ended by the server,
 * so it releases its locks. Statement and lock timeouts roll the transaction back.
 */
const CONNECT_TIMEOUT_S = 2;
const SESSION_TIMEOUTS = {
  statement_timeout: 2_000,
  lock_timeout: 1_000,
  idle_in_transaction_session_timeout: 5_000,
};

/**
 * How long a pooled connection waits before reconnecting after its connection closed. postgres.js
 * grows this with every failure, across the pool, up to 20 s: after a burst of terminated
 * backends (a failover), queries waited that long for a connection. Capped at half a second.
 */
function reconnectDelaySeconds(failures: number): number {
  return (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** failures, 0.5);
}

async function openPostgres(url: string, migrate: boolean, work: DatabaseWork): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  if (migrate) {
    const { migrate: runMigrations } = await import('drizzle-orm/postgres-js/migrator');
    // A single connection holds the advisory lock for the whole migration. No session timeouts:
    // a migration may take long, and waiting for another instance's lock is the point.
    const lockClient = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
    try {
      await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      await runMigrations(drizzle(lockClient, { schema, casing: 'snake_case' }), { migrationsFolder });
      await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    } finally {
      await lockClient.end({ timeout: 5 });
    }
  }
  const client = postgres(url, {
    max: 10,
    connect_timeout: CONNECT_TIMEOUT_S,
    idle_timeout: 60,
    onnotice: () => {},
    backoff: reconnectDelaySeconds,
    // Sent at start-up, so every pooled connection has them (a `?statement_timeout=` in the URL wins).
    ...(work === 'interactive' ? { connection: SESSION_TIMEOUTS } : {}),
  });
  const gated = behindBreaker(preparedStatements(client), createReachability());
  const db = notingCommits(drizzle(gated, { schema, casing: 'snake_case' }) as unknown as Db);
  return {
    db,
    driver: 'postgres',
    ping: () => pingWith(db),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Every parameterised query as a named prepared statement, in transactions too. Drizzle asks
 * postgres.js for an unnamed statement unless a query is `.prepare()`d by name, and postgres.js then
 * takes two round trips per query (parse and describe, then bind and execute); prepared, it takes
 * one after a connection's first use. A search's four queries cost half the CPU (loopback writes
 * dominated its profile). Drizzle's SQL text holds only placeholders, so the statements a
 * connection keeps are bounded by the code's query shapes; postgres.js re-prepares one the server
 * has dropped or re-planned after a migration.
 */
export function preparedStatements(client: Sql): Sql {
  const unsafe = (query: string, params?: unknown[], options?: object) =>
    client.unsafe(query, params as never, { ...options, prepare: true });
  const begin = (...args: unknown[]) => {
    const run = args.pop() as (transaction: Sql) => unknown;
    return (client.begin as (...a: unknown[]) => Promise<unknown>)(...args, (transaction: Sql) => run(preparedStatements(transaction)));
  };
  return new Proxy(client, {
    get: (target, key, receiver) => (key === 'unsafe' ? unsafe : key === 'begin' ? begin : Reflect.get(target, key, receiver)),
  });
}

async function openPglite(dataDir: string | undefined, migrate: boolean): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // No SESSION_TIMEOUTS here: PGlite accepts them but never fires them (its single-threaded WASM
  // backend has no timer signal: pg_sleep(1) under a 300 ms statement_timeout completes), and with
  // one connection there is no other session to wait for a lock on.
  const client = dataDir ? new PGlite({ dataDir }) : new PGlite();
  const pglite = drizzle(client, { schema, casing: 'snake_case' });
  if (migrate) {
    const { migrate: runMigrations } = await import('drizzle-orm/pglite/migrator');
    await runMigrations(pglite, { migrationsFolder });
  }
  const db = notingCommits(pglite as unknown as Db);
  return {
    db,
    driver: 'pglite',
    ping: () => pingWith(db),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

/**
 * The database with each committed transaction noted on the Slack request that made it, so a
 * failure after it is not told as "nothing was saved" (src/db/request-scope.ts).
 */
function notingCommits(db: Db): Db {
  const transaction = db.transaction.bind(db);
  return Object.assign(Object.create(db) as Db, {
    transaction: (async (...args: Parameters<Db['transaction']>) => {
      const result = await transaction(...args);
      noteRequestCommit();
      return result;
    }) as Db['transaction'],
  });
}

async function pingWith(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), 2000);
  });
  try {
    return await Promise.race([db.execute(sql`select 1`).then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Opens Postgres when a URL is given, else the embedded PGlite (in `pgliteDataDir`, or in memory
 * when that is undefined). Migrations are applied unless `migrate` is false.
 */
export async function openDatabase(options: {
  databaseUrl: string | undefined;
  pgliteDataDir: string | undefined;
  migrate?: boolean;
  /** 'batch' (the CLI: imports, exports) runs without the statement and lock timeouts. */
  work?: DatabaseWork;
}): Promise<Database> {
  const migrate = options.migrate ?? true;
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, migrate, options.work ?? 'interactive')
    : openPglite(options.pgliteDataDir, migrate);
}
