import { and, asc, gt, lt, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { members, searchIndex } from '../schema';

/** What a search document is made from, per member. */
export interface IndexedProfile {
  id: string;
  topics: string[];
  helpText: string | null;
  title: string | null;
  organisation: string | null;
  formerDivisions: string | null;
}

export function createSearchIndexRepository({ db }: { db: Db }) {
  return {
    /**
     * Claims the remaking of documents for `version` until `until`: true when the stored documents
     * were made otherwise and nobody else holds an unexpired claim (one statement, so two
     * instances starting at once cannot both win).
     */
    async claim(version: string, input: { now: Date; until: Date }): Promise<boolean> {
      const rows = await db
        .insert(searchIndex)
        .values({ id: 1, documentVersion: '', claimedUntil: input.until })
        .onConflictDoUpdate({
          target: searchIndex.id,
          set: { claimedUntil: input.until },
          setWhere: and(
            ne(searchIndex.documentVersion, version),
            or(isNull(searchIndex.claimedUntil), lt(searchIndex.claimedUntil, input.now)),
          ),
        })
        .returning({ id: searchIndex.id });
      return rows.length > 0;
    },

    /** The next members by id, locked until the transaction ends so no save slips in between. */
    async profilesAfter(afterId: string | undefined, limit: number): Promise<IndexedProfile[]> {
      return db
        .select({
          id: members.id,
          topics: members.topics,
          helpText: members.helpText,
          title: members.title,
          organisation: members.organisation,
          formerDivisions: members.formerDivisions,
        })
        .from(members)
        .where(afterId === undefined ? undefined : gt(members.id, afterId))
        .orderBy(asc(members.id))
        .limit(limit)
        .for('update');
    },

    async setDocuments(documents: { id: string; document: string }[]): Promise<void> {
      if (documents.length === 0) return;
      const ids = documents.map((row) => row.id);
      const texts = documents.map((row) => row.document);
      await db.execute(sql`update ${members} set search_document = made.document::tsvector
        from unnest(${sql.param(ids)}::uuid[], ${sql.param(texts)}::text[]) as made(id, document)
        where ${members.id} = made.id`);
    },

    /** The documents are all made for `version` now. */
    async finish(version: string): Promise<void> {
      await db.update(searchIndex).set({ documentVersion: version, claimedUntil: null });
    },
  };
}
