import { and, asc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { members, roundPairMembers, roundPairs, rounds, type MemberRow, type RoundAnswer, type RoundPairRow, type RoundRow } from '../schema';

/** A person of a pair as the records show them: enough to apply the pseudonym rule and tell staff from alumni. */
export interface RoundRecordPerson {
  pseudonym: string;
  id: string;
  name: string | null;
  slackUserId: string | null;
  status: MemberRow['status'];
  memberType: MemberRow['memberType'];
  organisation: string | null;
  currentDivision: string | null;
  slackStanding: MemberRow['slackStanding'];
  email: string | null;
}

/** One pair (or trio) of a round, with each person and what they answered. */
export interface RoundRecordPair {
  pair: Pick<RoundPairRow, 'id' | 'sharedTopics' | 'ethicsMatch'>;
  round: Pick<RoundRow, 'id' | 'number' | 'startsAt' | 'endsAt'>;
  people: { person: RoundRecordPerson; answer: RoundAnswer; answeredAt: Date | null }[];
}

/** The pairs of rounds as the introduction record and the contact log list them. */
export function createRoundRecordRepository({ db }: { db: Db }) {
  return {
    /** Pairs of the rounds that started in [from, to) (either bound optional), oldest round first; one query. */
    async listPairs(range: { from?: Date; to?: Date }): Promise<RoundRecordPair[]> {
      const conditions: SQL[] = [];
      if (range.from) conditions.push(gte(rounds.startsAt, range.from));
      if (range.to) conditions.push(lt(rounds.startsAt, range.to));
      const rows = await db
        .select({
          pair: { id: roundPairs.id, sharedTopics: roundPairs.sharedTopics, ethicsMatch: roundPairs.ethicsMatch },
          round: { id: rounds.id, number: rounds.number, startsAt: rounds.startsAt, endsAt: rounds.endsAt },
          person: {
            pseudonym: members.pseudonym,
            id: members.id,
            name: members.name,
            slackUserId: members.slackUserId,
            status: members.status,
            memberType: members.memberType,
            organisation: members.organisation,
            currentDivision: members.currentDivision,
            slackStanding: members.slackStanding,
            email: members.email,
          },
          answer: roundPairMembers.answer,
          answeredAt: roundPairMembers.answeredAt,
        })
        .from(roundPairs)
        .innerJoin(rounds, eq(rounds.id, roundPairs.roundId))
        .innerJoin(roundPairMembers, eq(roundPairMembers.pairId, roundPairs.id))
        .innerJoin(members, eq(members.id, roundPairMembers.memberId))
        .where(and(...conditions))
        .orderBy(asc(rounds.startsAt), asc(roundPairs.createdAt), asc(roundPairs.id), asc(members.name), asc(members.pseudonym));
      const pairs: RoundRecordPair[] = [];
      for (const row of rows) {
        const last = pairs.at(-1);
        const entry = { person: row.person, answer: row.answer, answeredAt: row.answeredAt };
        if (last?.pair.id === row.pair.id) last.people.push(entry);
        else pairs.push({ pair: row.pair, round: row.round, people: [entry] });
      }
      return pairs;
    },
  };
}
