import { and, asc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { deliveries, eventRsvps, events, introductionRequests, members, type EventRow, type IntroductionRow, type MemberRow } from '../schema';

/** The parts of a person the contact log shows: enough to apply the pseudonym rule. */
export interface ContactPerson {
  pseudonym: string;
  /** The member's ID (never shown): what they were given is recorded by it. */
  id: string;
  name: string | null;
  status: MemberRow['status'];
  memberType: MemberRow['memberType'];
  organisation: string | null;
  currentDivision: string | null;
  /** Slack's record, which says (with the member type) whether they hold a post at the ministry: isCurrentOfficial. */
  slackStanding: MemberRow['slackStanding'];
  email: string | null;
}

/** An accepted introduction asked by staff, with the two people it put in touch. */
export interface ContactIntroduction {
  request: Pick<
    IntroductionRow,
    | 'id'
    | 'answeredAt'
    | 'requesterSlackUserId'
    | 'requesterName'
    | 'requesterDivision'
    | 'topic'
    | 'format'
    | 'ethicsNotices'
    | 'ethicsMatch'
    | 'ethicsAcknowledgedAt'
    | 'ethicsSupervisorSlackUserId'
    | 'ethicsSupervisorNotifiedAt'
  >;
  /** null when the requester had no profile. */
  requester: ContactPerson | null;
  alumnus: ContactPerson | null;
  /** The DM to the ethics supervisor failed for good (the outbox gave up). */
  supervisorDeliveryFailed: boolean;
}

/** An event held, with everyone who had a place (the service tells staff from alumni: isCurrentOfficial). */
export interface ContactEventAttendance {
  event: Pick<EventRow, 'id' | 'title' | 'startsAt' | 'format' | 'feePayer' | 'feePerPerson'>;
  /** By name (then pseudonym). */
  attendees: ContactPerson[];
}

const requester = alias(members, 'requester');
const alumnus = alias(members, 'alumnus');

/** The columns of a person (the never-null pseudonym first: see below), per alias of `members`. */
const personOf = {
  requester: {
    pseudonym: requester.pseudonym,
    id: requester.id,
    name: requester.name,
    status: requester.status,
    memberType: requester.memberType,
    organisation: requester.organisation,
    currentDivision: requester.currentDivision,
    slackStanding: requester.slackStanding,
    email: requester.email,
  },
  alumnus: {
    pseudonym: alumnus.pseudonym,
    id: alumnus.id,
    name: alumnus.name,
    status: alumnus.status,
    memberType: alumnus.memberType,
    organisation: alumnus.organisation,
    currentDivision: alumnus.currentDivision,
    slackStanding: alumnus.slackStanding,
    email: alumnus.email,
  },
  member: {
    pseudonym: members.pseudonym,
    id: members.id,
    name: members.name,
    status: members.status,
    memberType: members.memberType,
    organisation: members.organisation,
    currentDivision: members.currentDivision,
    slackStanding: members.slackStanding,
    email: members.email,
  },
};

/** A half-open range [from, to) of instants on `column`, either bound optional. */
function within(column: typeof introductionRequests.answeredAt | typeof events.startsAt, range: { from?: Date; to?: Date }): SQL[] {
  return [...(range.from ? [gte(column, range.from)] : []), ...(range.to ? [lt(column, range.to)] : [])];
}

/** The queries behind the contact log the ethics officer is given (organizers export it). */
export function createContactLogRepository({ db }: { db: Db }) {
  return {
    /**
     * Introductions made (accepted) in [from, to) that staff asked for, oldest first. Declined,
     * expired and closed requests put nobody in touch, and alumni asking alumni is no contact with
     * staff: neither is listed. (The service leaves out a requester whose profile holds no post.)
     */
    async listIntroductions(range: { from?: Date; to?: Date }): Promise<ContactIntroduction[]> {
      const rows = await db
        .select({
          request: {
            id: introductionRequests.id,
            answeredAt: introductionRequests.answeredAt,
            requesterSlackUserId: introductionRequests.requesterSlackUserId,
            requesterName: introductionRequests.requesterName,
            requesterDivision: introductionRequests.requesterDivision,
            topic: introductionRequests.topic,
            format: introductionRequests.format,
            ethicsNotices: introductionRequests.ethicsNotices,
            ethicsMatch: introductionRequests.ethicsMatch,
            ethicsAcknowledgedAt: introductionRequests.ethicsAcknowledgedAt,
            ethicsSupervisorSlackUserId: introductionRequests.ethicsSupervisorSlackUserId,
            ethicsSupervisorNotifiedAt: introductionRequests.ethicsSupervisorNotifiedAt,
          },
          // Drizzle makes a left join's object null when its first column is: a never-null one comes first.
          requester: personOf.requester,
          alumnus: personOf.alumnus,
          // The supervisor's DM by its outbox key (DELIVERIES.introductionNotice(id, 'supervisor')).
          supervisorDeliveryFailed: sql<boolean>`exists (
            select 1 from ${deliveries}
            where ${deliveries.key} = 'introduction.notice:' || ${introductionRequests.id}::text || ':supervisor'
              and ${deliveries.status} = 'failed'
          )`,
        })
        .from(introductionRequests)
        .leftJoin(requester, eq(requester.id, introductionRequests.requesterMemberId))
        .leftJoin(alumnus, eq(alumnus.id, introductionRequests.alumnusMemberId))
        .where(
          and(
            eq(introductionRequests.status, 'accepted'),
            eq(introductionRequests.requesterAudience, 'staff'),
            ...within(introductionRequests.answeredAt, range),
          ),
        )
        .orderBy(asc(introductionRequests.answeredAt), asc(introductionRequests.id));
      return rows.map((row) => ({ ...row, supervisorDeliveryFailed: row.supervisorDeliveryFailed === true }));
    },

    /**
     * Events held (not cancelled, started before `now`) that started in [from, to), oldest first,
     * each with the members who had a place ("Going", not waitlisted); events nobody went to are left out.
     */
    async listEventAttendance(range: { from?: Date; to?: Date; now: Date }): Promise<ContactEventAttendance[]> {
      const rows = await db
        .select({
          event: {
            id: events.id,
            title: events.title,
            startsAt: events.startsAt,
            format: events.format,
            feePayer: events.feePayer,
            feePerPerson: events.feePerPerson,
          },
          person: personOf.member,
        })
        .from(events)
        .innerJoin(eventRsvps, eq(eventRsvps.eventId, events.id))
        .innerJoin(members, eq(members.id, eventRsvps.memberId))
        .where(
          and(
            eq(events.status, 'scheduled'),
            lt(events.startsAt, range.now),
            ...within(events.startsAt, range),
            eq(eventRsvps.answer, 'going'),
            eq(eventRsvps.waitlisted, false),
          ),
        )
        .orderBy(asc(events.startsAt), asc(events.id), asc(members.name), asc(members.pseudonym));
      const held: ContactEventAttendance[] = [];
      for (const row of rows) {
        const last = held.at(-1);
        if (last?.event.id === row.event.id) last.attendees.push(row.person);
        else held.push({ event: row.event, attendees: [row.person] });
      }
      return held;
    },
  };
}

export type ContactLogRepository = ReturnType<typeof createContactLogRepository>;
