import { and, asc, count, eq, gte, ilike, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { eventRsvps, events, introductionRequests, members, unansweredSearches, type MemberRow } from '../schema';

/** What organizers may narrow the member list by; every part given must hold. */
export interface MemberListFilter {
  statuses: MemberRow['status'][];
  types: MemberRow['memberType'][];
  unlinked: boolean;
  noConsent: boolean;
  /** Each word must appear in the name or the organisation (case-insensitive). */
  words: string[];
}

/** One line of the organizers' member list. */
export interface MemberListRow {
  id: string;
  name: string | null;
  organisation: string | null;
  status: MemberRow['status'];
  memberType: MemberRow['memberType'];
  shareWithStaff: boolean | null;
  shareWithAlumni: boolean | null;
  profileConfirmedAt: Date | null;
  slackUserId: string | null;
  /** Introduction requests made to them since the start of the month. */
  requestsThisMonth: number;
}

/** LIKE's own characters typed by an organizer are matched literally. */
function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

const asNumber = (value: unknown) => Number(value ?? 0);

/** Counts of a column's values, as a plain record. */
function tally<Key extends string>(rows: { key: Key; n: unknown }[]): Partial<Record<Key, number>> {
  return Object.fromEntries(rows.map((row) => [row.key, asNumber(row.n)])) as Partial<Record<Key, number>>;
}

/** The queries behind `/alumni-admin members` and `/alumni-admin stats` (organizers only). */
export function createAdminOverviewRepository({ db }: { db: Db }) {
  return {
    /** Members matching the filter, by name; erased members only when asked for by status. */
    async listMembers(filter: MemberListFilter, monthStart: Date): Promise<MemberListRow[]> {
      const conditions: SQL[] = [];
      if (filter.statuses.length > 0) conditions.push(inArray(members.status, filter.statuses));
      else conditions.push(ne(members.status, 'erased'));
      if (filter.types.length > 0) conditions.push(inArray(members.memberType, filter.types));
      if (filter.unlinked) conditions.push(isNull(members.slackUserId));
      if (filter.noConsent) {
        conditions.push(sql`${members.shareWithStaff} is not true and ${members.shareWithAlumni} is not true`);
      }
      for (const word of filter.words) {
        conditions.push(or(ilike(members.name, likePattern(word)), ilike(members.organisation, likePattern(word)))!);
      }
      const requests = db
        .select({ memberId: introductionRequests.alumnusMemberId, n: count().as('n') })
        .from(introductionRequests)
        .where(gte(introductionRequests.createdAt, monthStart))
        .groupBy(introductionRequests.alumnusMemberId)
        .as('requests');
      const rows = await db
        .select({
          id: members.id,
          name: members.name,
          organisation: members.organisation,
          status: members.status,
          memberType: members.memberType,
          shareWithStaff: members.shareWithStaff,
          shareWithAlumni: members.shareWithAlumni,
          profileConfirmedAt: members.profileConfirmedAt,
          slackUserId: members.slackUserId,
          requestsThisMonth: requests.n,
        })
        .from(members)
        .leftJoin(requests, eq(requests.memberId, members.id))
        .where(and(...conditions))
        // Code-point order, the same on every server (a database's collation would reorder names).
        .orderBy(sql`lower(${members.name}) collate "C" asc nulls last`, asc(members.pseudonym));
      return rows.map((row) => ({ ...row, requestsThisMonth: asNumber(row.requestsThisMonth) }));
    },

    /** Members by status, and (erased left out) by type and new since `monthStart`. */
    async memberCounts(monthStart: Date) {
      const byStatus = await db.select({ key: members.status, n: count() }).from(members).groupBy(members.status);
      const notErased = ne(members.status, 'erased');
      const byType = await db.select({ key: members.memberType, n: count() }).from(members).where(notErased).groupBy(members.memberType);
      const [fresh] = await db
        .select({ n: count() })
        .from(members)
        .where(and(notErased, gte(members.createdAt, monthStart)));
      return { byStatus: tally(byStatus), byType: tally(byType), newThisMonth: asNumber(fresh?.n) };
    },

    /**
     * Introduction requests since `since` (all time when null): made (created since), and accepted,
     * declined, expired (answered since: expiry sets the answer time), with the median time from
     * request to answer of those accepted or declined, in seconds (null: none).
     */
    async introductionCounts(since: Date | null) {
      const r = introductionRequests;
      const answeredSince = since ? gte(r.answeredAt, since) : undefined;
      const [made] = await db
        .select({ n: count() })
        .from(r)
        .where(since ? gte(r.createdAt, since) : undefined);
      const outcomes = await db
        .select({ key: r.status, n: count() })
        .from(r)
        .where(and(inArray(r.status, ['accepted', 'declined', 'expired']), answeredSince))
        .groupBy(r.status);
      const [median] = await db
        .select({
          seconds: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from ${r.answeredAt} - ${r.createdAt}))`,
        })
        .from(r)
        .where(and(inArray(r.status, ['accepted', 'declined']), sql`${r.answeredAt} is not null`, answeredSince));
      const byStatus = tally(outcomes);
      return {
        made: asNumber(made?.n),
        accepted: byStatus.accepted ?? 0,
        declined: byStatus.declined ?? 0,
        expired: byStatus.expired ?? 0,
        medianAnswerSeconds: median?.seconds === null || median?.seconds === undefined ? null : Number(median.seconds),
      };
    },

    /** Events not cancelled that began in [since, until), and how many had a place ("going", not waitlisted). */
    async eventsHeld(since: Date | null, until: Date) {
      const held = and(eq(events.status, 'scheduled'), lt(events.startsAt, until), since ? gte(events.startsAt, since) : undefined);
      const [row] = await db
        .select({
          events: sql<number>`count(distinct ${events.id})`,
          attendees: sql<number>`count(${eventRsvps.memberId}) filter (where ${eventRsvps.answer} = 'going' and not ${eventRsvps.waitlisted})`,
        })
        .from(events)
        .leftJoin(eventRsvps, eq(eventRsvps.eventId, events.id))
        .where(held);
      return { events: asNumber(row?.events), attendees: asNumber(row?.attendees) };
    },

    /** Searches that found nobody, by topic: since the month began and in all, most asked first. */
    async unansweredByTopic(monthStart: Date) {
      const rows = await db
        .select({
          topicKey: unansweredSearches.topicKey,
          thisMonth: sql<number>`count(*) filter (where ${unansweredSearches.searchedAt} >= ${monthStart.toISOString()}::timestamptz)`,
          allTime: count(),
        })
        .from(unansweredSearches)
        .groupBy(unansweredSearches.topicKey)
        .orderBy(sql`count(*) desc`, asc(unansweredSearches.topicKey));
      const [searches] = await db
        .select({
          thisMonth: sql<number>`count(distinct ${unansweredSearches.searchId}) filter (where ${unansweredSearches.searchedAt} >= ${monthStart.toISOString()}::timestamptz)`,
          allTime: sql<number>`count(distinct ${unansweredSearches.searchId})`,
        })
        .from(unansweredSearches);
      return {
        searchesThisMonth: asNumber(searches?.thisMonth),
        searchesAllTime: asNumber(searches?.allTime),
        topics: rows.map((row) => ({ topicKey: row.topicKey, thisMonth: asNumber(row.thisMonth), allTime: asNumber(row.allTime) })),
      };
    },

    /** One search that found nobody, under each of its topics. */
    async recordUnanswered(input: { searchId: string; topicKeys: string[]; at: Date }): Promise<void> {
      if (input.topicKeys.length === 0) return;
      await db
        .insert(unansweredSearches)
        .values(input.topicKeys.map((topicKey) => ({ searchId: input.searchId, topicKey, searchedAt: input.at })));
    },
  };
}

export type AdminOverviewRepository = ReturnType<typeof createAdminOverviewRepository>;
