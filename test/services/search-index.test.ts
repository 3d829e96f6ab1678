import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import type { MemberRow } from '../../src/db/schema';
import type { ServiceDeps } from '../../src/services/deps';
import { searchExperts } from '../../src/services/search';
import { refreshSearchDocuments } from '../../src/services/search-index';
import { searchDocumentFor, searchDocumentVersion, useThesaurus } from '../../src/services/search-text';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { memberRow } from '../helpers/factories';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let deps: ServiceDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: () => new Date('2026-05-01T09:00:00Z'), staffEmailDomains: ['meti.go.jp'] };
});
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));
afterEach(() => useThesaurus([]));

/** A member whose stored document was made some other way (here: from other text). */
async function givenStale(overrides: Partial<MemberRow>): Promise<MemberRow> {
  const row = memberRow({ topics: [], formerDivisions: null, organisation: null, title: null, ...overrides });
  return createRepositories(database.db).members.insert({ ...row, searchDocument: searchDocumentFor({ helpText: 'stale words' }) });
}

async function storedDocuments(): Promise<Map<string, string>> {
  const rows = await database.db.execute(sql`select id, search_document::text as document from members`);
  const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as { id: string; document: string }[];
  return new Map(list.map((row) => [row.id, row.document]));
}

async function storedVersion(): Promise<string | undefined> {
  const rows = await database.db.execute(sql`select document_version from search_index`);
  const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as { document_version: string }[];
  return list[0]?.document_version;
}

const found = async (query: string) =>
  (
    await searchExperts(deps, {
      viewer: { audience: 'staff', isOrganizer: false, member: undefined },
      viewerSlackUserId: 'U0SEARCHER',
      query,
      limit: 10,
      offset: 0,
    })
  ).matches.map((match) => match.member.name);

describe('remaking search documents when the way they are made changes', () => {
  it('remakes every member’s document once, in batches, and records the version', async () => {
    const members = [];
    for (let i = 0; i < 450; i++) members.push(await givenStale({ name: `m${i}`, helpText: i === 7 ? 'VCs and angels' : '水素' }));
    expect(await found('VC')).toEqual([]);
    expect(await refreshSearchDocuments(deps)).toEqual({ remade: 450 });
    const documents = await storedDocuments();
    const expected = await storedDocumentsOf(members);
    expect(documents).toEqual(expected);
    expect(await storedVersion()).toBe(searchDocumentVersion());
    expect(await found('VC')).toEqual(['m7']);
    // Nothing to do the next time.
    expect(await refreshSearchDocuments(deps)).toBeUndefined();
  });

  it('two instances starting at once: one remakes, the other leaves it to it', async () => {
    for (let i = 0; i < 5; i++) await givenStale({ name: `m${i}`, helpText: '水素' });
    const results = await Promise.all([refreshSearchDocuments(deps), refreshSearchDocuments(deps)]);
    expect(results.filter((result) => result !== undefined)).toEqual([{ remade: 5 }]);
  });

  it('an unfinished remaking (an instance died) is taken over once its claim has lapsed', async () => {
    await givenStale({ name: 'm', helpText: 'VCs' });
    await database.db.execute(sql`insert into search_index (id, document_version, claimed_until) values (1, 'old', '2026-05-01T09:05:00Z')`);
    expect(await refreshSearchDocuments(deps)).toBeUndefined();
    const later = { ...deps, clock: () => new Date('2026-05-01T09:06:00Z') };
    expect(await refreshSearchDocuments(later)).toEqual({ remade: 1 });
    expect(await storedVersion()).toBe(searchDocumentVersion());
  });

  it('organizers’ new concepts reach documents saved before them', async () => {
    const member = await givenStale({ name: 'green', helpText: 'グリーン成長戦略の実装' });
    await refreshSearchDocuments(deps);
    expect(await found('GX')).toEqual([]);
    const before = searchDocumentVersion();
    useThesaurus([{ forms: ['グリーン成長', 'green growth'], broader: ['energy_gx'] }, { forms: ['GX', 'グリーン成長戦略'] }]);
    expect(searchDocumentVersion()).not.toBe(before);
    const remade = (await storedDocumentsOf([member])).get(member.id);
    expect((await storedDocuments()).get(member.id)).not.toBe(remade);
    expect(await refreshSearchDocuments(deps)).toEqual({ remade: 1 });
    expect((await storedDocuments()).get(member.id)).toBe(remade);
    expect(remade).toContain("'gx'");
    expect(await found('GX')).toEqual(['green']);
    expect(await found('green growth')).toEqual(['green']);
  });
});

/** What the documents of these members are, made now (read back through the database's own text form). */
async function storedDocumentsOf(members: MemberRow[]): Promise<Map<string, string>> {
  const made = new Map<string, string>();
  for (const member of members) {
    const rows = await database.db.execute(sql`select ${searchDocumentFor(member)}::tsvector::text as document`);
    const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as { document: string }[];
    made.set(member.id, list[0]!.document);
  }
  return made;
}
