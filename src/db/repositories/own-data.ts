import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import {
  allowedGuests,
  eventRsvps,
  events,
  introductionRequests,
  introductionVolunteers,
  members,
  searchAllowances,
  slackUsers,
  type IntroductionRow,
  type SlackUserRow,
} from '../schema';

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
