import { asc, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { memberColumns, members, type MemberRow } from '../schema';

/** Queries for the organizers' CSV import and export (many members at once). */
export function createMemberImportRepository({ db }: { db: Db }) {
  return {
    /** Members holding any of these (lowercase) emails; erased members hold none. */
    async findByEmails(emails: readonly string[]): Promise<MemberRow[]> {
      if (emails.length === 0) return [];
      return db.select(memberColumns).from(members).where(inArray(members.email, [...emails]));
    },

    /** Which of these Slack user IDs already belong to a member. */
    async findHeldSlackUserIds(slackUserIds: readonly string[]): Promise<Set<string>> {
      if (slackUserIds.length === 0) return new Set();
      const rows = await db
        .select({ slackUserId: members.slackUserId })
        .from(members)
        .where(inArray(members.slackUserId, [...slackUserIds]));
      return new Set(rows.map((row) => row.slackUserId!));
    },

    /** Every non-erased member, by email byte order: an export depends neither on insertion order nor on the collation. */
    async listForExport(): Promise<MemberRow[]> {
      return db
        .select(memberColumns)
        .from(members)
        .where(ne(members.status, 'erased'))
        .orderBy(sql`${members.email} collate "C" asc nulls last`, asc(members.createdAt));
    },
  };
}

export type MemberImportRepository = ReturnType<typeof createMemberImportRepository>;
