import { and, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  introductionRequests,
  memberColumns,
  members,
  reachableAccount,
  roundPairMembers,
  roundPairs,
  roundParticipants,
  type MemberRow,
  type RoundParticipantRow,
} from '../schema';

/** A participant who may be paired now, with their profile. */
export interface RoundCandidateRow {
  member: MemberRow;
  participant: RoundParticipantRow;
  /** Introductions accepted and round pairs made this month (alumni: what their capacity has used). */
  usedThisMonth: number;
}

export function createRoundParticipantsRepository({ db }: { db: Db }) {
  return {
    async find(memberId: string): Promise<RoundParticipantRow | undefined> {
      const [row] = await db.select().from(roundParticipants).where(eq(roundParticipants.memberId, memberId));
      return row;
    },

    /** Joins (or rejoins, or updates what a staff member is curious about): active again, the ignored count reset. */
    async join(input: { memberId: string; curiousTopics: readonly string[]; curiousText: string | null; now: Date }): Promise<RoundParticipantRow> {
      const values = {
        status: 'active' as const,
        pausedReason: null,
        curiousTopics: [...input.curiousTopics],
        curiousText: input.curiousText,
        ignoredInARow: 0,
        updatedAt: input.now,
      };
      const [row] = await db
        .insert(roundParticipants)
        .values({ memberId: input.memberId, joinedAt: input.now, ...values })
        .onConflictDoUpdate({ target: roundParticipants.memberId, set: values })
        .returning();
      return row!;
    },

    /** Pauses or leaves; returns the row as it was before (undefined when they never joined). */
    async setStatus(memberId: string, status: 'paused' | 'left', reason: 'self' | 'ignored', now: Date): Promise<RoundParticipantRow | undefined> {
      const [before] = await db.select().from(roundParticipants).where(eq(roundParticipants.memberId, memberId)).for('update');
      // Someone who left is not paused again (they may rejoin).
      if (!before || (before.status === 'left' && status === 'paused')) return before;
      await db
        .update(roundParticipants)
        .set({ status, pausedReason: status === 'paused' ? reason : null, updatedAt: now })
        .where(eq(roundParticipants.memberId, memberId));
      return before;
    },

    /** Forgets a member's participation (erasure): what they were curious about is theirs. */
    async forget(memberId: string): Promise<void> {
      await db.delete(roundParticipants).where(eq(roundParticipants.memberId, memberId));
    },

    /**
     * Active participants whose profile is active, on Slack and reachable, and not unavailable
     * today, with what their monthly capacity has used: the caller applies the rules of who may be
     * paired (side, consent, capacity, who may join).
     */
    async listCandidates(input: { today: string; monthStart: Date }): Promise<RoundCandidateRow[]> {
      const accepted = db
        .select({ n: sql<number>`count(*)::int`.as('n') })
        .from(introductionRequests)
        .where(
          and(
            eq(introductionRequests.alumnusMemberId, members.id),
            eq(introductionRequests.status, 'accepted'),
            gte(introductionRequests.answeredAt, input.monthStart),
          ),
        );
      const paired = db
        .select({ n: sql<number>`count(*)::int`.as('n') })
        .from(roundPairMembers)
        .innerJoin(roundPairs, eq(roundPairs.id, roundPairMembers.pairId))
        .where(and(eq(roundPairMembers.memberId, members.id), gte(roundPairs.createdAt, input.monthStart)));
      const rows = await db
        .select({
          member: memberColumns,
          participant: roundParticipants,
          usedThisMonth: sql<number>`((${accepted}) + (${paired}))::int`.mapWith(Number),
        })
        .from(roundParticipants)
        .innerJoin(members, eq(members.id, roundParticipants.memberId))
        .where(
          and(
            eq(roundParticipants.status, 'active'),
            eq(members.status, 'active'),
            isNotNull(members.slackUserId),
            reachableAccount(members.slackStanding),
            or(isNull(members.unavailableUntil), lt(members.unavailableUntil, input.today)),
          ),
        );
      return rows;
    },

    /**
     * After a round: those of `memberIds` who answered nothing count one more round ignored, the
     * others start again from 0; returns who reached `pauseAt` (now paused, to be told).
     */
    async countIgnored(input: { answered: string[]; ignored: string[]; pauseAt: number; now: Date }): Promise<string[]> {
      if (input.answered.length > 0) {
        await db
          .update(roundParticipants)
          .set({ ignoredInARow: 0 })
          .where(and(inArray(roundParticipants.memberId, input.answered), eq(roundParticipants.status, 'active')));
      }
      if (input.ignored.length === 0) return [];
      await db
        .update(roundParticipants)
        .set({ ignoredInARow: sql`${roundParticipants.ignoredInARow} + 1` })
        .where(and(inArray(roundParticipants.memberId, input.ignored), eq(roundParticipants.status, 'active')));
      const paused = await db
        .update(roundParticipants)
        .set({ status: 'paused', pausedReason: 'ignored', updatedAt: input.now })
        .where(
          and(
            inArray(roundParticipants.memberId, input.ignored),
            eq(roundParticipants.status, 'active'),
            gte(roundParticipants.ignoredInARow, input.pauseAt),
          ),
        )
        .returning({ memberId: roundParticipants.memberId });
      return paused.map((row) => row.memberId);
    },

    async countByStatus(): Promise<Record<'active' | 'paused' | 'left', number>> {
      const rows = await db
        .select({ status: roundParticipants.status, n: sql<number>`count(*)::int`.mapWith(Number) })
        .from(roundParticipants)
        .groupBy(roundParticipants.status);
      const counts = { active: 0, paused: 0, left: 0 };
      for (const row of rows) counts[row.status] = row.n;
      return counts;
    },
  };
}

export type RoundParticipantsRepository = ReturnType<typeof createRoundParticipantsRepository>;
