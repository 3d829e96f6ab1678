import { sql } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import { openDatabase, type Database, type Db } from '../../src/db/client';
import { createRepositories } from '../../src/db/repositories';
import { backupQueries } from '../../src/db/repositories/backups';
import * as schema from '../../src/db/schema';
import { introductionRequests, type MemberRow } from '../../src/db/schema';
import { openPostgresUrl, pgliteConnection, pgliteOf, type RawConnection } from '../../src/services/backup-connection';
import type { ServiceDeps } from '../../src/services/deps';
import { answerRsvp, createEvent } from '../../src/services/events';
import { searchDocumentFor } from '../../src/services/search-text';
import { eventInput } from '../helpers/event-form';
import { introductionRow, memberRow } from '../helpers/factories';

export const NOW = new Date('2026-11-24T09:00:00Z');
export const ORGANIZER = 'U0ORGANIZER';
/** Text that trips naive dumpers: quotes, backslashes, newlines, tabs, Japanese, an emoji. */
export const AWKWARD_TEXT = "O'Brien \\ \"quoted\"\n二行目\tタブ 😀\n-- not a comment\n;";

export interface Seeded {
  hanako: MemberRow;
  kenji: MemberRow;
  eventId: string;
}

async function member(deps: ServiceDeps, overrides: Partial<MemberRow>): Promise<MemberRow> {
  const row = memberRow(overrides);
  return createRepositories(deps.db).members.insert({ ...row, searchDocument: searchDocumentFor(row) });
}

/** A small network with a row in most tables: members, an event with answers, a request, audit. */
export async function seedNetwork(deps: ServiceDeps): Promise<Seeded> {
  const repos = createRepositories(deps.db);
  await repos.organizers.seed([ORGANIZER]);
  const hanako = await member(deps, { slackUserId: 'U0HANAKO', email: 'hanako@greenpower.example', name: '山田 花子', helpText: AWKWARD_TEXT });
  const kenji = await member(deps, {
    slackUserId: 'U0KENJI',
    email: 'kenji@novasilicon.example',
    name: 'Kenji Tanaka',
    locale: 'en',
    organisation: 'Nova Silicon',
    topics: ['semiconductors'],
    helpText: 'Semiconductor supply chains and export controls.',
  });
  await repos.slackUsers.save(
    { slackUserId: 'U0HANAKO', accountStanding: 'member', email: 'hanako@greenpower.example', realName: '山田 花子', slackLocale: 'ja-JP', tz: 'Asia/Tokyo' },
    NOW,
  );
  const created = await createEvent(deps, { organizerSlackUserId: ORGANIZER, form: eventInput({ audience: 'alumni', capacity: 5 }) });
  if (created.kind !== 'created') throw new Error('event not created');
  for (const who of [hanako, kenji]) {
    await answerRsvp(deps, { actor: { slackUserId: who.slackUserId!, email: who.email, realName: who.name } as never, eventId: created.event.id, answer: 'going' });
  }
  await deps.db.insert(introductionRequests).values(introductionRow({ alumnusMemberId: hanako.id, requesterSlackUserId: 'U0STAFF', details: AWKWARD_TEXT }));
  await repos.audit.record({ actor: ORGANIZER, action: 'member.approved', subjectMemberId: kenji.id, details: { note: AWKWARD_TEXT }, occurredAt: NOW });
  return { hanako, kenji, eventId: created.event.id };
}

/** Rows and checksum of every table of ours: two databases holding the same data agree. */
export async function tableSummaries(raw: RawConnection) {
  const queries = backupQueries(raw);
  await queries.pinSessionFormats();
  return queries.summaries(await queries.tables());
}

/** The Postgres server the tests may always use (CI starts it; TEST_DATABASE_URL names it when set). */
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A throwaway empty database on the server, dropped by `drop()`. */
export async function throwawayPostgres(): Promise<{ url: string; raw: RawConnection; drop: () => Promise<void> }> {
  const name = `kakehashi_restore_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const raw = await openPostgresUrl(url.toString());
  return {
    url: url.toString(),
    raw,
    drop: async () => {
      await raw.close().catch(() => undefined);
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** An empty in-memory PGlite. */
export async function emptyPglite(): Promise<{ pg: PGlite; raw: RawConnection }> {
  const pg = new PGlite();
  await pg.waitReady;
  return { pg, raw: pgliteConnection(pg) };
}

/** Any personal data of the member left anywhere: their name, email or Slack ID in any table's rows. */
export async function tracesOf(db: Db, who: MemberRow): Promise<string[]> {
  const tables = (await db.execute(sql`select tablename from pg_tables where schemaname = 'public'`)) as unknown;
  const names = (Array.isArray(tables) ? tables : (tables as { rows: unknown[] }).rows) as { tablename: string }[];
  const found: string[] = [];
  for (const { tablename } of names) {
    for (const needle of [who.name, who.email, who.slackUserId].filter((value): value is string => !!value)) {
      const result = (await db.execute(
        sql`select count(*)::int as n from ${sql.identifier(tablename)} t where strpos(t::text, ${needle}) > 0`,
      )) as unknown;
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
      if (Number(rows[0]?.n) > 0) found.push(`${tablename}: ${needle}`);
    }
  }
  return found;
}

/**
 * An empty database of the test run's kind (in-memory PGlite beside `source`, or a throwaway one on
 * the server), and the services on it through a connection opened after the restore (as the bot
 * restarted on it).
 */
export async function withEmptyTarget(
  source: Database,
  deps: ServiceDeps,
  use: (raw: RawConnection, servicesOn: () => Promise<ServiceDeps>) => Promise<void>,
): Promise<void> {
  if (pgliteOf(source)) {
    const { pg, raw } = await emptyPglite();
    try {
      await use(raw, async () => ({ ...deps, db: drizzle(pg, { schema, casing: 'snake_case' }) as unknown as ServiceDeps['db'] }));
    } finally {
      await pg.close();
    }
    return;
  }
  const target = await throwawayPostgres();
  const opened: Database[] = [];
  try {
    await use(target.raw, async () => {
      const restored = await openDatabase({ databaseUrl: target.url, pgliteDataDir: undefined, migrate: false });
      opened.push(restored);
      return { ...deps, db: restored.db };
    });
  } finally {
    for (const handle of opened) await handle.close();
    await target.drop();
  }
}
