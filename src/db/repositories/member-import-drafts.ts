import { and, eq, gt, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../client';
import { memberImportDrafts, type MemberImportDraftRow, type NewMemberImportDraftRow } from '../schema';

/** The member CSVs organizers uploaded in the bot's DM, waiting for Confirm (see member-import-draft.ts). */
export function createMemberImportDraftsRepository({ db }: { db: Db }) {
  return {
    /** Stores a draft; undefined when one for the same Slack file exists already (a repeated event). */
    async insertIfNew(values: NewMemberImportDraftRow): Promise<MemberImportDraftRow | undefined> {
      const [row] = await db.insert(memberImportDrafts).values(values).onConflictDoNothing({ target: memberImportDrafts.fileId }).returning();
      return row;
    },

    async find(id: string): Promise<MemberImportDraftRow | undefined> {
      const [row] = await db.select().from(memberImportDrafts).where(eq(memberImportDrafts.id, id));
      return row;
    },

    /**
     * Takes the draft for one outcome, once, forgetting its rows: of two clicks or two instances,
     * only the first gets the row back (the second waits on the row lock, then finds it consumed).
     */
    async claim(input: { id: string; organizerSlackUserId: string; outcome: 'imported' | 'cancelled'; now: Date }) {
      const [row] = await db
        .update(memberImportDrafts)
        .set({ consumedAt: input.now, outcome: input.outcome, rows: null, problem: null })
        .where(
          and(
            eq(memberImportDrafts.id, input.id),
            eq(memberImportDrafts.organizerSlackUserId, input.organizerSlackUserId),
            isNull(memberImportDrafts.consumedAt),
            gt(memberImportDrafts.expiresAt, input.now),
          ),
        )
        .returning();
      return row;
    },

    /** Keeps what an import did, for a second Confirm (the claim forgot the rows: personal data no longer needed). */
    async recordSummary(id: string, summary: Record<string, number>): Promise<void> {
      await db.update(memberImportDrafts).set({ summary }).where(eq(memberImportDrafts.id, id));
    },

    /** Forgets a draft nobody could see (its preview could not be posted). */
    async delete(id: string): Promise<void> {
      await db.delete(memberImportDrafts).where(eq(memberImportDrafts.id, id));
    },

    /**
     * Clears the rows and problem of drafts nobody can confirm any more (expired, or consumed by
     * Confirm or Cancel): personal data is not kept past its use. Idempotent; returns how many
     * drafts were cleared now.
     */
    async clearSpent(now: Date): Promise<number> {
      const cleared = await db
        .update(memberImportDrafts)
        .set({ rows: null, problem: null })
        .where(
          and(
            or(isNotNull(memberImportDrafts.rows), isNotNull(memberImportDrafts.problem)),
            or(lte(memberImportDrafts.expiresAt, now), isNotNull(memberImportDrafts.consumedAt)),
          ),
        )
        .returning({ id: memberImportDrafts.id });
      return cleared.length;
    },
  };
}

export type MemberImportDraftsRepository = ReturnType<typeof createMemberImportDraftsRepository>;
