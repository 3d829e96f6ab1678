import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import type { Database } from '../db/client';
import type { RawSql } from '../db/repositories/backups';

/** One plain connection for a backup or a restore (not the bot's pool: a dump needs one session). */
export interface RawConnection extends RawSql {
  driver: 'pglite' | 'postgres';
  /** Runs `work` in one transaction; `snapshot` makes it a read-only repeatable-read one. */
  transaction<T>(work: (tx: RawSql) => Promise<T>, options?: { snapshot?: boolean }): Promise<T>;
  close(): Promise<void>;
}

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export function pgliteConnection(pg: PGlite, close: () => Promise<void> = () => pg.close()): RawConnection {
  const on = (target: Pick<PGlite, 'query' | 'exec'>): RawSql => ({
    query: async <T>(text: string, params?: unknown[]) => (await target.query<T>(text, params)).rows,
    exec: async (text: string) => {
      await target.exec(text);
    },
  });
  return {
    driver: 'pglite',
    ...on(pg),
    transaction: (work) => pg.transaction((tx) => work(on(tx))),
    close,
  };
}

export async function openPglite(dataDir: string): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = new PGlite({ dataDir });
  await pg.waitReady;
  return pg;
}

export async function openPostgresUrl(url: string): Promise<RawConnection> {
  const { default: postgres } = await import('postgres');
  const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  const on = (target: Sql): RawSql => ({
    query: async <T>(text: string, params?: unknown[]) => (await target.unsafe(text, params as never[])) as unknown as T[],
    exec: async (text: string) => {
      await target.unsafe(text).simple();
    },
  });
  return {
    driver: 'postgres',
    ...on(client),
    transaction: (work, options) =>
      client.begin(options?.snapshot ? 'isolation level repeatable read read only' : '', (tx) => work(on(tx as unknown as Sql))) as Promise<never>,
    close: () => client.end({ timeout: 5 }),
  };
}

/** The PGlite instance under the bot's database, when it runs on the embedded one. */
export function pgliteOf(database: Database): PGlite | undefined {
  if (database.driver !== 'pglite') return undefined;
  // Drizzle keeps the client it was made with as `$client` (its documented way to reach it).
  return (database.db as unknown as { $client: PGlite }).$client;
}

/**
 * PGlite has no lock of its own: a second process opening a data directory in use loses writes
 * (tried on a copy: the second process's inserts were gone once the first closed). PGlite writes
 * postmaster.pid while a directory is open and removes it when closed cleanly.
 */
export function pgliteDirectoryInUse(dataDir: string): boolean {
  return existsSync(join(dataDir, 'postmaster.pid'));
}
