import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client';

let counter = 0;

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a copy of the run's
 * template on the real server when TEST_DATABASE_URL is set. `close()` drops it.
 */
export async function createTestDatabase(): Promise<Database & { url: string | undefined }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ databaseUrl: undefined, pgliteDataDir: undefined });
    return { ...database, url: undefined };
  }
  const template = inject('templateDatabase');
  const name = `kakehashi_t${counter++}_${process.ppid}_${process.pid}_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), pgliteDataDir: undefined, migrate: false });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Empties every table between tests (faster than a new database each time). */
export async function resetDatabase(database: Database): Promise<void> {
  await database.db.execute(sql`truncate table round_pair_members, round_pairs, rounds, round_participants, round_settings, backup_runs, member_import_drafts, unanswered_searches, search_index, deliveries, slack_users, allowed_guests, event_rsvps, events, introduction_volunteers, introduction_requests, search_allowances, audit_events, consent_events, organizers, members cascade`);
}
