import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
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

async function openPostgres(url: string, migrate: boolean): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  if (migrate) {
    const { migrate: runMigrations } = await import('drizzle-orm/postgres-js/migrator');
    // A single connection holds the advisory lock for the whole migration.
    const lockClient = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
    try {
      await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      await runMigrations(drizzle(lockClient, { schema, casing: 'snake_case' }), { migrationsFolder });
      await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    } finally {
      await lockClient.end({ timeout: 5 });
    }
  }
  // A short connect timeout: when the server is down, users hear so within Slack's 3 seconds.
  const client = postgres(url, { max: 10, connect_timeout: 2, idle_timeout: 60, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    driver: 'postgres',
    ping: () => pingWith(db),
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string | undefined, migrate: boolean): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? new PGlite({ dataDir }) : new PGlite();
  const pglite = drizzle(client, { schema, casing: 'snake_case' });
  if (migrate) {
    const { migrate: runMigrations } = await import('drizzle-orm/pglite/migrator');
    await runMigrations(pglite, { migrationsFolder });
  }
  const db = pglite as unknown as Db;
  return {
    db,
    driver: 'pglite',
    ping: () => pingWith(db),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
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
}): Promise<Database> {
  const migrate = options.migrate ?? true;
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, migrate)
    : openPglite(options.pgliteDataDir, migrate);
}
