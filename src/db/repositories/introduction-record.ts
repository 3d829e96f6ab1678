import { and, asc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { deliveries, introductionRequests, introductionVolunteers, members, type IntroductionRow, type MemberRow } from '../schema';

/** The parts of a member the introduction record shows: enough to apply the pseudonym rule. */
export interface RecordMember {
  name: string | null;
  pseudonym: string;
  status: MemberRow['status'];
  organisation: string | null;
}

/** One request of the record, with the people it involves. */
export interface IntroductionRecordItem {
  request: IntroductionRow;
  /** null when the requester had no profile. */
  requester: RecordMember | null;
  /** null for an open request nobody was picked for. */
  alumnus: RecordMember | null;
  /** Who volunteered (open requests), in the order they did: name, or pseudonym once erased. */
  volunteers: string[];
  /** The DM to the ethics supervisor failed for good (the outbox gave up): the record says so. */
  supervisorDeliveryFailed: boolean;
}

const requester = alias(members, 'requester');
const alumnus = alias(members, 'alumnus');
const volunteer = alias(members, 'volunteer');

/** The introduction record organizers export: every request with its people, in one query. */
export function createIntroductionRecordRepository({ db }: { db: Db }) {
  return {
    /** Requests created in [from, to) (either bound optional), oldest first. */
    async listCreatedBetween(range: { from?: Date; to?: Date }): Promise<IntroductionRecordItem[]> {
      // One row per request: a lateral subquery aggregates its volunteers (no query per request).
      const volunteers = db
        .select({
          names: sql<string[] | null>`array_agg(
            case when ${volunteer.status} = 'erased' or ${volunteer.name} is null
              then ${volunteer.pseudonym} else ${volunteer.name} end
            order by ${introductionVolunteers.volunteeredAt}, ${volunteer.pseudonym}
          )`.as('volunteer_names'),
        })
        .from(introductionVolunteers)
        .innerJoin(volunteer, eq(volunteer.id, introductionVolunteers.memberId))
        .where(eq(introductionVolunteers.requestId, introductionRequests.id))
        .as('volunteers');

      const conditions: SQL[] = [];
      if (range.from) conditions.push(gte(introductionRequests.createdAt, range.from));
      if (range.to) conditions.push(lt(introductionRequests.createdAt, range.to));

      const rows = await db
        .select({
          request: introductionRequests,
          // Drizzle makes a left join's object null when its first column is: a never-null one comes first.
          requester: {
            pseudonym: requester.pseudonym,
            name: requester.name,
            status: requester.status,
            organisation: requester.organisation,
          },
          alumnus: { pseudonym: alumnus.pseudonym, name: alumnus.name, status: alumnus.status, organisation: alumnus.organisation },
          volunteers: volunteers.names,
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
        .leftJoinLateral(volunteers, sql`true`)
        .where(and(...conditions))
        .orderBy(asc(introductionRequests.createdAt), asc(introductionRequests.id));

      return rows.map((row) => ({
        request: row.request,
        requester: row.requester,
        alumnus: row.alumnus,
        volunteers: row.volunteers ?? [],
        supervisorDeliveryFailed: row.supervisorDeliveryFailed === true,
      }));
    },
  };
}

export type IntroductionRecordRepository = ReturnType<typeof createIntroductionRecordRepository>;
