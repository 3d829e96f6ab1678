import { and, desc, eq, gt, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  memberColumns,
  members,
  roundPairMembers,
  roundPairs,
  roundParticipants,
  rounds,
  roundSettings,
  type MemberRow,
  type RoundAnswer,
  type RoundPairMemberRow,
  type RoundPairRow,
  type RoundRow,
  type RoundSettingsRow,
} from '../schema';

export type RoundSettingsValues = Omit<RoundSettingsRow, 'id' | 'updatedAt' | 'updatedBySlackUserId'>;

/** A pair with its round and people, as a delivery or a button reads it. */
export interface RoundPairWithPeople {
  pair: RoundPairRow;
  round: RoundRow;
  /** Staff first; what each is curious about (none once they left rounds or erased their data). */
  people: { member: MemberRow; answer: RoundAnswer; answeredAt: Date | null; curiousTopics: string[]; curiousText: string | null }[];
}

export interface RoundStatsRow {
  number: number;
  startsAt: Date;
  status: RoundRow['status'];
  pairs: number;
  /** Pairs in which someone answered "we met". */
  met: number;
  people: number;
  unpaired: Record<string, number>;
}

export function createRoundsRepository({ db }: { db: Db }) {
  return {
    async findSettings(): Promise<RoundSettingsRow | undefined> {
      const [row] = await db.select().from(roundSettings).where(eq(roundSettings.id, 1));
      return row;
    },

    /** The settings row, locked for the start of a round (none before organizers set rounds up). */
    async lockSettings(): Promise<RoundSettingsRow | undefined> {
      const [row] = await db.select().from(roundSettings).where(eq(roundSettings.id, 1)).for('update');
      return row;
    },

    async saveSettings(values: RoundSettingsValues, by: string, now: Date): Promise<RoundSettingsRow> {
      const set = { ...values, updatedBySlackUserId: by, updatedAt: now };
      const [row] = await db
        .insert(roundSettings)
        .values({ id: 1, ...set })
        .onConflictDoUpdate({ target: roundSettings.id, set })
        .returning();
      return row!;
    },

    async setNextStart(nextStartAt: Date): Promise<void> {
      await db.update(roundSettings).set({ nextStartAt }).where(eq(roundSettings.id, 1));
    },

    async lastNumber(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`coalesce(max(${rounds.number}), 0)::int`.mapWith(Number) }).from(rounds);
      return row?.n ?? 0;
    },

    /** Records a round; undefined when one starting then exists already (another instance made it). */
    async insertRound(values: Omit<RoundRow, 'id' | 'status'>): Promise<RoundRow | undefined> {
      const [row] = await db.insert(rounds).values(values).onConflictDoNothing().returning();
      return row;
    },

    async updateUnpaired(roundId: string, unpaired: Record<string, number>): Promise<void> {
      await db.update(rounds).set({ unpaired }).where(eq(rounds.id, roundId));
    },

    /** The member-ID groups of the rounds numbered above `afterNumber`: who was paired with whom lately. */
    async groupsSince(afterNumber: number): Promise<string[][]> {
      const rows = await db
        .select({ pairId: roundPairMembers.pairId, memberId: roundPairMembers.memberId })
        .from(roundPairMembers)
        .innerJoin(roundPairs, eq(roundPairs.id, roundPairMembers.pairId))
        .innerJoin(rounds, eq(rounds.id, roundPairs.roundId))
        .where(gt(rounds.number, afterNumber));
      const groups = new Map<string, string[]>();
      for (const row of rows) groups.set(row.pairId, [...(groups.get(row.pairId) ?? []), row.memberId]);
      return [...groups.values()];
    },

    async insertPairs(
      roundId: string,
      groups: { memberIds: string[]; sharedTopics: string[]; ethicsMatch: Record<string, unknown> | null }[],
      now: Date,
    ): Promise<RoundPairRow[]> {
      if (groups.length === 0) return [];
      const pairs = await db
        .insert(roundPairs)
        .values(groups.map((group) => ({ roundId, sharedTopics: group.sharedTopics, ethicsMatch: group.ethicsMatch, createdAt: now })))
        .returning();
      await db.insert(roundPairMembers).values(pairs.flatMap((pair, index) => groups[index]!.memberIds.map((memberId) => ({ pairId: pair.id, memberId }))));
      return pairs;
    },

    async findPair(pairId: string): Promise<RoundPairWithPeople | undefined> {
      const rows = await db
        .select({
          pair: roundPairs,
          round: rounds,
          member: memberColumns,
          answer: roundPairMembers.answer,
          answeredAt: roundPairMembers.answeredAt,
          curiousTopics: roundParticipants.curiousTopics,
          curiousText: roundParticipants.curiousText,
        })
        .from(roundPairs)
        .innerJoin(rounds, eq(rounds.id, roundPairs.roundId))
        .innerJoin(roundPairMembers, eq(roundPairMembers.pairId, roundPairs.id))
        .innerJoin(members, eq(members.id, roundPairMembers.memberId))
        .leftJoin(roundParticipants, eq(roundParticipants.memberId, members.id))
        .where(eq(roundPairs.id, pairId))
        .orderBy(sql`${members.memberType} = 'alumni'`, members.id);
      const first = rows[0];
      if (!first) return undefined;
      return {
        pair: first.pair,
        round: first.round,
        people: rows.map(({ member, answer, answeredAt, curiousTopics, curiousText }) => ({
          member,
          answer,
          answeredAt,
          curiousTopics: curiousTopics ?? [],
          curiousText,
        })),
      };
    },

    async pairIdsOf(roundId: string): Promise<string[]> {
      const rows = await db.select({ id: roundPairs.id }).from(roundPairs).where(eq(roundPairs.roundId, roundId));
      return rows.map((row) => row.id);
    },

    async setGroupChannel(pairId: string, channelId: string): Promise<void> {
      await db.update(roundPairs).set({ groupChannelId: channelId }).where(eq(roundPairs.id, pairId));
    },

    /** Records one person's answer; undefined when they are not in the pair. The last answer stands. */
    async answer(pairId: string, memberId: string, answer: NonNullable<RoundAnswer>, now: Date): Promise<RoundPairMemberRow | undefined> {
      const [row] = await db
        .update(roundPairMembers)
        .set({ answer, answeredAt: now })
        .where(and(eq(roundPairMembers.pairId, pairId), eq(roundPairMembers.memberId, memberId)))
        .returning();
      return row;
    },

    /** Claims the rounds whose check-in is due (SKIP LOCKED: one instance each). */
    async claimCheckIns(now: Date): Promise<RoundRow[]> {
      const due = db
        .select({ id: rounds.id })
        .from(rounds)
        .where(and(eq(rounds.status, 'started'), lte(rounds.checkInAt, now)))
        .for('update', { skipLocked: true });
      return db.update(rounds).set({ status: 'checked_in' }).where(inArray(rounds.id, due)).returning();
    },

    /** Claims the rounds that have ended, to count who answered (SKIP LOCKED: one instance each). */
    async claimEnded(now: Date): Promise<RoundRow[]> {
      const due = db
        .select({ id: rounds.id })
        .from(rounds)
        .where(and(inArray(rounds.status, ['started', 'checked_in']), lte(rounds.endsAt, now)))
        .for('update', { skipLocked: true });
      return db.update(rounds).set({ status: 'finished' }).where(inArray(rounds.id, due)).returning();
    },

    /**
     * Everyone of the rounds' pairs that were introduced (their group DM posted: someone never shown
     * the buttons cannot have ignored them), with their answer.
     */
    async answersOf(roundIds: string[]): Promise<{ pairId: string; memberId: string; answer: RoundAnswer }[]> {
      if (roundIds.length === 0) return [];
      return db
        .select({ pairId: roundPairMembers.pairId, memberId: roundPairMembers.memberId, answer: roundPairMembers.answer })
        .from(roundPairMembers)
        .innerJoin(roundPairs, eq(roundPairs.id, roundPairMembers.pairId))
        .where(and(inArray(roundPairs.roundId, roundIds), isNotNull(roundPairs.groupChannelId)));
    },

    /**
     * What the ethics check found about a member's pairs names what they declared (divisions,
     * organisations): on erasure each finding concerning them keeps only which notices were shown
     * (`{ interestedParty: true }`), as an introduction keeps its notices without what matched.
     */
    async eraseFindingsOf(memberId: string): Promise<void> {
      const pairsOfMember = db.select({ id: roundPairMembers.pairId }).from(roundPairMembers).where(eq(roundPairMembers.memberId, memberId));
      const flagged = await db
        .select({ id: roundPairs.id, ethicsMatch: roundPairs.ethicsMatch })
        .from(roundPairs)
        .where(and(inArray(roundPairs.id, pairsOfMember), isNotNull(roundPairs.ethicsMatch)));
      for (const pair of flagged) {
        const kept = Object.fromEntries(
          Object.entries(pair.ethicsMatch ?? {}).map(([key, finding]) => {
            if (!key.split(':').includes(memberId) || typeof finding !== 'object' || finding === null) return [key, finding];
            const { interestedParty, postRetirement } = finding as Record<string, unknown>;
            return [key, { ...(interestedParty ? { interestedParty: true } : {}), ...(postRetirement ? { postRetirement: true } : {}) }];
          }),
        );
        await db.update(roundPairs).set({ ethicsMatch: kept }).where(eq(roundPairs.id, pair.id));
      }
    },

    /** The end of the latest round not finished, if one runs: the next start may not come before it. */
    async runningUntil(): Promise<Date | undefined> {
      const [row] = await db
        .select({ endsAt: rounds.endsAt })
        .from(rounds)
        .where(inArray(rounds.status, ['started', 'checked_in']))
        .orderBy(desc(rounds.endsAt))
        .limit(1);
      return row?.endsAt;
    },

    /** The latest rounds, newest first: pairs made, pairs that met, people paired. */
    async stats(limit: number): Promise<RoundStatsRow[]> {
      const perPair = db
        .select({
          roundId: roundPairs.roundId,
          people: sql<number>`count(*)::int`.as('people'),
          met: sql<boolean>`bool_or(${roundPairMembers.answer} = 'met')`.as('met'),
        })
        .from(roundPairs)
        .innerJoin(roundPairMembers, eq(roundPairMembers.pairId, roundPairs.id))
        .groupBy(roundPairs.id, roundPairs.roundId)
        .as('per_pair');
      const rows = await db
        .select({
          number: rounds.number,
          startsAt: rounds.startsAt,
          status: rounds.status,
          unpaired: rounds.unpaired,
          pairs: sql<number>`count(${perPair.roundId})::int`.mapWith(Number),
          met: sql<number>`count(*) filter (where ${perPair.met})::int`.mapWith(Number),
          people: sql<number>`coalesce(sum(${perPair.people}), 0)::int`.mapWith(Number),
        })
        .from(rounds)
        .leftJoin(perPair, eq(perPair.roundId, rounds.id))
        .groupBy(rounds.id)
        .orderBy(desc(rounds.number))
        .limit(limit);
      return rows;
    },
  };
}

export type RoundsRepository = ReturnType<typeof createRoundsRepository>;
