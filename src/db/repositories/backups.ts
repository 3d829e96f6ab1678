import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { backupRuns, type BackupRunRow } from '../schema';

/** The daily backup's runs: one row per network day, claimed by the instance that takes it. */
export function createBackupRunsRepository({ db }: { db: Db }) {
  return {
    /**
     * Claims the day's backup until `claimedUntil`: inserts the day's row, or takes over a row whose
     * run neither finished nor holds a live claim (its process died, or it failed and may be
     * retried). Undefined when the day is done or another instance holds it.
     */
    async claim(day: string, now: Date, claimedUntil: Date): Promise<BackupRunRow | undefined> {
      const [row] = await db
        .insert(backupRuns)
        .values({ day, startedAt: now, claimedUntil })
        .onConflictDoUpdate({
          target: backupRuns.day,
          set: { startedAt: now, claimedUntil },
          setWhere: and(isNull(backupRuns.finishedAt), lt(backupRuns.claimedUntil, now)),
        })
        .returning();
      return row;
    },

    async finish(day: string, input: { file: string; finishedAt: Date }): Promise<void> {
      await db
        .update(backupRuns)
        .set({ finishedAt: input.finishedAt, file: input.file, failedAt: null, error: null })
        .where(eq(backupRuns.day, day));
    },

    /** A failed run keeps its row (organizers see it) and may be retried once `retryAfter` passes. */
    async fail(day: string, input: { failedAt: Date; error: string; retryAfter: Date }): Promise<void> {
      await db
        .update(backupRuns)
        .set({ failedAt: input.failedAt, error: input.error, claimedUntil: input.retryAfter })
        .where(eq(backupRuns.day, day));
    },

    /** The latest run that failed and has not succeeded since, for the organizers' Home. */
    async latestUnresolvedFailure(): Promise<BackupRunRow | undefined> {
      const [latest] = await db
        .select()
        .from(backupRuns)
        .where(or(sql`${backupRuns.finishedAt} is not null`, sql`${backupRuns.failedAt} is not null`))
        .orderBy(desc(backupRuns.day))
        .limit(1);
      return latest && latest.finishedAt === null && latest.failedAt !== null ? latest : undefined;
    },
  };
}

export type BackupRunsRepository = ReturnType<typeof createBackupRunsRepository>;

/**
 * One connection's plain SQL, for what Drizzle cannot do: a dump's many statements in one call, and
 * the same queries on the bot's PGlite, a copy of it, or a Postgres connection holding a snapshot.
 */
export interface RawSql {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements in one call (the simple query protocol). */
  exec(text: string): Promise<void>;
}

export interface TableSummary {
  rows: number;
  /** md5 of the rows' text, sorted byte-wise, in UTC: the same on Postgres and PGlite. */
  checksum: string;
}

export interface MigrationLevel {
  /** How many of drizzle/'s migrations the database has applied. */
  count: number;
  /** The last one's `when` (drizzle's `created_at`), which names it in the journal. */
  lastCreatedAt: number;
  lastHash: string;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The queries backups and restores run through a `RawSql` connection. */
export function backupQueries(raw: RawSql) {
  return {
    /** Text output the same on either database, whatever the server's defaults. */
    async pinSessionFormats(local = false): Promise<void> {
      const set = local ? 'set local' : 'set';
      await raw.exec(`${set} time zone 'UTC'; ${set} datestyle = 'ISO, MDY'; ${set} intervalstyle = 'postgres'; ${set} extra_float_digits = 1`);
    },

    async tables(): Promise<string[]> {
      const rows = await raw.query<{ name: string }>(
        `select tablename as name from pg_catalog.pg_tables where schemaname = 'public' order by tablename`,
      );
      return rows.map((row) => row.name);
    },

    async summaries(tables: string[]): Promise<Record<string, TableSummary>> {
      const result: Record<string, TableSummary> = {};
      for (const table of tables) {
        const [row] = await raw.query<{ rows: number; checksum: string }>(
          `select count(*)::int as rows, coalesce(md5(string_agg(t::text, E'\\n' order by t::text collate "C")), '') as checksum from public.${quoteIdent(table)} t`,
        );
        result[table] = { rows: Number(row?.rows ?? 0), checksum: row?.checksum ?? '' };
      }
      return result;
    },

    /** Undefined for a database drizzle has never migrated. */
    async migrationLevel(): Promise<MigrationLevel | undefined> {
      const [exists] = await raw.query<{ present: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
      if (!exists?.present) return undefined;
      const rows = await raw.query<{ count: number; hash: string | null; created_at: string | null }>(
        `select (select count(*)::int from drizzle.__drizzle_migrations) as count, hash, created_at::text as created_at
           from drizzle.__drizzle_migrations order by created_at desc limit 1`,
      );
      const last = rows[0];
      if (!last) return undefined;
      return { count: Number(last.count), lastCreatedAt: Number(last.created_at), lastHash: last.hash ?? '' };
    },

    /** Tables of ours holding rows: a database with none is empty (freshly migrated or never). */
    async tablesWithRows(): Promise<string[]> {
      const withRows: string[] = [];
      for (const table of await this.tables()) {
        const [row] = await raw.query<{ any: boolean }>(`select exists (select 1 from public.${quoteIdent(table)}) as any`);
        if (row?.any) withRows.push(table);
      }
      return withRows;
    },

    /** Erased members' IDs and when: the tombstones a database keeps (no personal data). */
    async tombstones(): Promise<{ memberId: string; erasedAt: string }[]> {
      const [present] = await raw.query<{ present: boolean }>(`select to_regclass('public.members') is not null as present`);
      if (!present?.present) return [];
      const rows = await raw.query<{ id: string; erased_at: Date | string | null }>(
        `select id::text as id, erased_at from public.members where status = 'erased' order by id`,
      );
      return rows.map((row) => ({ memberId: row.id, erasedAt: new Date(row.erased_at ?? 0).toISOString() }));
    },

    /** Everything of ours, gone: our tables and drizzle's journal. */
    async dropEverything(): Promise<void> {
      await raw.exec('drop schema if exists public cascade; create schema public; drop schema if exists drizzle cascade');
    },

    /** Drizzle's journal table, as its migrator makes it (drizzle-orm/pg-core/dialect.js). */
    async ensureMigrationsTable(): Promise<void> {
      await raw.exec(
        'create schema if not exists "drizzle"; create table if not exists "drizzle"."__drizzle_migrations" (id serial primary key, hash text not null, created_at bigint)',
      );
    },

    async recordMigration(hash: string, createdAt: number): Promise<void> {
      await raw.query('insert into "drizzle"."__drizzle_migrations" ("hash", "created_at") values ($1, $2)', [hash, createdAt]);
    },
  };
}
