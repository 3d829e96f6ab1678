import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import {
  allowedGuests,
  eventRsvps,
  events,
  introductionRequests,
  introductionVolunteers,
  members,
  roundPairMembers,
  roundPairs,
  roundParticipants,
  rounds,
  searchAllowances,
  slackUsers,
  type IntroductionRow,
  type RoundParticipantRow,
  type SlackUserRow,
} from '../schema';

const partner = alias(roundPairMembers, 'partner');

/** Read-only queries for `/alumni-profile export`: what is stored about one person outside their profile. */
export function createOwnDataRepository({ db }: { db: Db }) {
  return {
    /** What Slack last said about the account, and when organizers let it in as a guest, if they did. */
    async slackAccount(slackUserId: string): Promise<{ user: SlackUserRow | undefined; guestAllowedAt: Date | null }> {
      const [[user], [allowed]] = await Promise.all([
        db.select().from(slackUsers).where(eq(slackUsers.slackUserId, slackUserId)),
        db.select({ allowedAt: allowedGuests.allowedAt }).from(allowedGuests).where(eq(allowedGuests.slackUserId, slackUserId)),
      ]);
      return { user, guestAllowedAt: allowed?.allowedAt ?? null };
    },

    /** The member's event answers, with the event each is for. */
    async eventAnswers(memberId: string) {
      return db
        .select({
          title: events.title,
          startsAt: events.startsAt,
          endsAt: events.endsAt,
          place: events.place,
          eventStatus: events.status,
          answer: eventRsvps.answer,
          waitlisted: eventRsvps.waitlisted,
          waitlistedAt: eventRsvps.waitlistedAt,
          answeredAt: eventRsvps.answeredAt,
        })
        .from(eventRsvps)
        .innerJoin(events, eq(events.id, eventRsvps.eventId))
        .where(eq(eventRsvps.memberId, memberId))
        .orderBy(asc(events.startsAt));
    },

    /** The requests the person made, with the alumnus's name (none once that alumnus erased their data). */
    async requestsMade(slackUserId: string): Promise<{ request: IntroductionRow; alumnusName: string | null }[]> {
      return db
        .select({ request: introductionRequests, alumnusName: members.name })
        .from(introductionRequests)
        .leftJoin(members, eq(members.id, introductionRequests.alumnusMemberId))
        .where(eq(introductionRequests.requesterSlackUserId, slackUserId))
        .orderBy(desc(introductionRequests.createdAt));
    },

    /** The open requests the member offered to help with. */
    async volunteered(memberId: string) {
      return db
        .select({
          topic: introductionRequests.topic,
          purpose: introductionRequests.purpose,
          status: introductionRequests.status,
          dueDate: introductionRequests.dueDate,
          alumnusMemberId: introductionRequests.alumnusMemberId,
          volunteeredAt: introductionVolunteers.volunteeredAt,
        })
        .from(introductionVolunteers)
        .innerJoin(introductionRequests, eq(introductionRequests.id, introductionVolunteers.requestId))
        .where(eq(introductionVolunteers.memberId, memberId))
        .orderBy(asc(introductionVolunteers.volunteeredAt));
    },

    /** Whether the member takes part in rounds, and what they said they are curious about. */
    async roundParticipation(memberId: string): Promise<RoundParticipantRow | undefined> {
      const [row] = await db.select().from(roundParticipants).where(eq(roundParticipants.memberId, memberId));
      return row;
    },

    /** The round pairs the member was in, oldest round first, with their answer and their partners' names (none once a partner erased their data). */
    async roundPairs(memberId: string) {
      const mine = await db
        .select({
          pairId: roundPairs.id,
          round: rounds.number,
          startsAt: rounds.startsAt,
          endsAt: rounds.endsAt,
          sharedTopics: roundPairs.sharedTopics,
          answer: roundPairMembers.answer,
          answeredAt: roundPairMembers.answeredAt,
        })
        .from(roundPairMembers)
        .innerJoin(roundPairs, eq(roundPairs.id, roundPairMembers.pairId))
        .innerJoin(rounds, eq(rounds.id, roundPairs.roundId))
        .where(eq(roundPairMembers.memberId, memberId))
        .orderBy(asc(rounds.startsAt), asc(roundPairs.id));
      if (mine.length === 0) return [];
      const partners = await db
        .select({ pairId: partner.pairId, name: members.name })
        .from(partner)
        .innerJoin(members, eq(members.id, partner.memberId))
        .where(and(inArray(partner.pairId, mine.map((row) => row.pairId)), ne(partner.memberId, memberId)))
        .orderBy(asc(members.name));
      return mine.map(({ pairId, ...row }) => ({ ...row, partners: partners.filter((other) => other.pairId === pairId).map((other) => other.name) }));
    },

    /** When the person searched in the last hour (kept for the rate limit). */
    async recentSearches(slackUserId: string): Promise<Date[]> {
      const [row] = await db
        .select({ recentSearches: searchAllowances.recentSearches })
        .from(searchAllowances)
        .where(eq(searchAllowances.slackUserId, slackUserId));
      return row?.recentSearches ?? [];
    },
  };
}

export type OwnDataRepository = ReturnType<typeof createOwnDataRepository>;
