import { and, eq, gt, max, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { builtOnce } from '../built-once';
import type { Db } from '../client';
import { introductionRequests, memberColumns, members, roundPairMembers, roundPairs, type MemberRow } from '../schema';
import { visibleTo, type Audience } from './members';

/**
 * Who a search may return: what the searcher's audience may see (organizers search as staff do:
 * the issue offers staff and organizers the same people), never a member without capacity or who
 * said they are unavailable until `today` or later, never the searcher. `is distinct from` keeps
 * imported members who have no Slack user yet. The partial search indexes in
 * src/db/schema/members.ts repeat the first two conditions.
 */
function searchableBy(audience: Audience, searcherSlackUserId: Value, today: Value): SQL {
  return and(
    visibleTo(audience === 'organizer' ? 'staff' : audience),
    gt(members.monthlyCapacity, 0),
    sql`(${members.unavailableUntil} is null or ${members.unavailableUntil} < ${today}::date)`,
    sql`${members.slackUserId} is distinct from ${searcherSlackUserId}`,
  )!;
}
/** A value of the query: a placeholder, so that a query built once serves every search. */
type Value = Placeholder | string;

/** The values a search's query is run with (see `searchValues`). */
const value = {
  searcher: sql.placeholder('searcher'),
  today: sql.placeholder('today'),
  tsquery: sql.placeholder('tsquery'),
  topicKeys: sql.placeholder('topicKeys'),
  topicTsquery: sql.placeholder('topicTsquery'),
  excluded: sql.placeholder('excluded'),
  window: sql.placeholder('window'),
  monthStart: sql.placeholder('monthStart'),
  limit: sql.placeholder('limit'),
  offset: sql.placeholder('offset'),
};

/**
 * How many candidates a search ranks (at least offset + limit): 12 pages of 5, and the pool in
 * which "least recently introduced" rotates among equally relevant members. Ranking them, and often
 * finding them, reads each one's document (some 20 µs each at 100,000 members), so it sets the cost
 * of a search on a frequent topic: 60 keeps `npm run bench:search` under its goal.
 */
const CANDIDATE_WINDOW = 60;

export interface SearchPage {
  audience: Audience;
  searcherSlackUserId: string;
  /** A tsquery literal built by src/services/search-text.ts (parsed as is, whatever the locale). */
  tsquery: string;
  /** Taxonomy topics the query names: a member who chose one ranks above a mention in free text. */
  topicKeys: string[];
  /**
   * What a member who chose one of `topicKeys` must match besides (a tsquery literal), or
   * undefined when choosing one is enough: the words that named the topics are in the document of
   * everyone who chose them.
   */
  topicTsquery: string | undefined;
  /** The network's date (YYYY-MM-DD): who is unavailable until this day or later is left out. */
  today: string;
  /** When the network's month began: introductions accepted since then use up monthly capacity. */
  monthStart: Date;
  /** Members never returned, whatever they match (those already asked for the same request). */
  excludeMemberIds: string[];
  /** Only those who chose one of `topicKeys` (a broader topic than the query names), none else. */
  onTopicOnly?: boolean;
  limit: number;
  offset: number;
}

/** Every choice of a page that changes the search's SQL text (its values are placeholders). */
interface SearchShape {
  audience: Audience;
  /** Some members are excluded by id. */
  excludes: boolean;
  onTopicOnly: boolean;
  /** The query names taxonomy topics. */
  namesTopics: boolean;
  /** A member on a named topic must match more of the query (`topicTsquery`). */
  topicMustMatch: boolean;
}

function shapeOf(page: SearchPage): SearchShape {
  return {
    audience: page.audience,
    excludes: page.excludeMemberIds.length > 0,
    onTopicOnly: page.onTopicOnly ?? false,
    namesTopics: page.topicKeys.length > 0,
    topicMustMatch: page.topicTsquery !== undefined,
  };
}

/** The values a page's query runs with, by placeholder (see `value`). */
function searchValues(page: SearchPage): Record<keyof typeof value, unknown> {
  return {
    searcher: page.searcherSlackUserId,
    today: page.today,
    tsquery: page.tsquery,
    topicKeys: page.topicKeys,
    topicTsquery: page.topicTsquery ?? null,
    excluded: page.excludeMemberIds,
    window: Math.max(CANDIDATE_WINDOW, page.offset + page.limit),
    monthStart: page.monthStart.toISOString(),
    limit: page.limit,
    offset: page.offset,
  };
}

export interface SearchHit {
  member: MemberRow;
  score: number;
  /** Introductions the member can still accept this month (never below 0). */
  capacityLeft: number;
}

/**
 * How many of a tier's most recently confirmed members are read to tell whether the words its
 * documents must match are common among them, and how many must match for that: one in five.
 * Reading members in order then takes at most about five documents per place in the window, when
 * the GIN index costs 10 ms or more for words that common (a prefix's posting lists are all read,
 * and every match fetched and sorted), and less than reading in order for rarer words (measured
 * with `npm run bench:search`).
 */
const SAMPLE = { size: 30, commonFrom: 6 };

/** A part of the window: who it holds, in the order of `recentFirst`. */
interface Tier {
  name: string;
  /** Conditions on the row alone (the confirmation index holds what they read). */
  where: SQL;
  /** What the document must match besides (a tsquery literal), if anything. */
  tsquery: Placeholder | undefined;
  /** Whether the tier is read at all: a one-time filter. */
  needed: SQL;
  /**
   * Whether its members may be read in order (see `tierTable`). Not for the other matches after a
   * topic: they are read only when the topic leaves room, then seldom many, and each way of reading
   * is one more scan for the planner to plan.
   */
  mayReadInOrder: boolean;
}

const recentFirst = (limit: Placeholder | number) =>
  sql`order by ${members.profileConfirmedAt} desc nulls last, ${members.id} limit ${typeof limit === 'number' ? sql.param(limit) : limit}`;

/**
 * The ids of the members a search ranks: a bounded window, the members who chose a named topic
 * first, then the other matches if the topic leaves room (not read at all otherwise), each tier
 * most recently confirmed first. Every scan is of a partial index holding only members the audience
 * may find, and reads as few documents as it can: a document is TOASTed, so reading one costs many
 * times reading its row, and the GIN index reads every posting list of a query's tokens (all of a
 * prefix's), so a frequent word costs it tens of milliseconds. See `tierTable`.
 */
function candidateIds(shape: SearchShape): SQL {
  const window = value.window;
  const searchable = and(
    searchableBy(shape.audience, value.searcher, value.today),
    shape.excludes ? sql`${members.id} <> all(${value.excluded}::uuid[])` : undefined,
  )!;
  const onTopic = sql`${members.topics} && ${value.topicKeys}::text[]`;
  const onTopicTier: Tier = {
    name: 'on_topic',
    where: onTopic,
    tsquery: shape.topicMustMatch ? value.topicTsquery : undefined,
    needed: sql`true`,
    mayReadInOrder: true,
  };
  const tiers: Tier[] = shape.onTopicOnly
    ? [onTopicTier]
    : !shape.namesTopics
      ? [{ name: 'matched', where: sql`true`, tsquery: value.tsquery, needed: sql`true`, mayReadInOrder: true }]
      : [
          onTopicTier,
          {
            name: 'off_topic',
            where: sql`not (${onTopic})`,
            tsquery: value.tsquery,
            needed: sql`(select count(*) from on_topic) < ${window}`,
            mayReadInOrder: false,
          },
        ];
  const tables = sql.join(
    tiers.map((tier) => tierTable(tier, searchable, window)),
    sql`, `,
  );
  const rows = sql.join(
    tiers.map((tier, i) => sql`select id, profile_confirmed_at, ${sql.raw(String(i))} as tier from ${sql.identifier(tier.name)}`),
    sql` union all `,
  );
  return sql`with ${tables} select id from (${rows}) candidates
    order by tier, profile_confirmed_at desc nulls last, id limit ${window}`;
}

/**
 * A tier's common table expression: its first `window` members.
 * - With nothing for the document to match (a topic that is all the query asks): in order from
 *   the confirmation index alone, reading no document.
 * - Otherwise, unless the words are rare among the tier's first members (`SAMPLE`): in order,
 *   reading each one's document, until the window is full. If they are rare: through the GIN
 *   index on topics and document.
 * `(select …)` makes a tsquery a run-time parameter: its many bigrams otherwise make the planner
 * expect a third of the table and read every document.
 */
function tierTable({ name, where, tsquery, needed, mayReadInOrder }: Tier, searchable: SQL, window: Placeholder): SQL {
  const table = sql.identifier(name);
  const inTier = sql`${searchable} and ${where} and ${needed}`;
  const found = sql`select ${members.id}, ${members.profileConfirmedAt} from ${members}`;
  if (tsquery === undefined) return sql`${table} as materialized (${found} where ${inTier} ${recentFirst(window)})`;
  const query = sql`(select ${tsquery}::tsquery)`;
  if (!mayReadInOrder) {
    return sql`${table} as materialized (
      ${found} where ${inTier} and ${members.searchDocument} @@ ${query} ${recentFirst(window)}
    )`;
  }
  const sample = sql.identifier(`${name}_sample`);
  const common = sql`(select common from ${sample})`;
  // Members in order from the confirmation index alone, each one's document read (through its row)
  // only when they are next: a lateral subquery, kept apart by `offset 0`.
  const matched = sql`lateral (
      select document.search_document @@ ${query} as hit from ${members} document
      where document.id = ${members.id} offset 0
    ) matched`;
  const inOrder = sql`${found} cross join ${matched} where ${inTier} and hit and ${common} ${recentFirst(window)}`;
  const throughIndex = sql`${found}
    where ${inTier} and ${members.searchDocument} @@ ${query} and not ${common} ${recentFirst(window)}`;
  return sql`${sample} as materialized (
      select count(*) filter (where hit) >= ${sql.param(SAMPLE.commonFrom)} as common from (
        select hit from ${members} cross join ${matched} where ${inTier} ${recentFirst(SAMPLE.size)}
      ) first_members
    ),
    ${table} as materialized ((${inOrder}) union all (${throughIndex}))`;
}

/** How many of the most recently confirmed searchable members `termFrequencies` reads. */
const RARITY_SAMPLE = 100;

export function createSearchRepository({ db }: { db: Db }) {
  return {
    /**
     * How many of the most recently confirmed members this searcher may find match each tsquery,
     * out of `sampled` (at most 100): how rare each term of a query is, at the cost of reading 100
     * documents whatever the network's size.
     */
    async termFrequencies(
      page: Pick<SearchPage, 'audience' | 'searcherSlackUserId' | 'today'>,
      tsqueries: readonly string[],
    ): Promise<{ sampled: number; matching: number[] }> {
      const query = builtOnce(db, `termFrequencies:${page.audience}:${tsqueries.length}`, () => {
        const sample = db
          .select({ document: members.searchDocument })
          .from(members)
          .where(searchableBy(page.audience, value.searcher, value.today))
          .orderBy(sql`${members.profileConfirmedAt} desc nulls last`, members.id)
          .limit(RARITY_SAMPLE)
          .as('sample');
        const counts = Object.fromEntries(
          tsqueries.map((_, i) => [
            `t${i}`,
            sql<number>`count(*) filter (where ${sample.document} @@ (select ${sql.placeholder(`t${i}`)}::tsquery))::int`.mapWith(Number),
          ]),
        );
        return db
          .select({ sampled: sql<number>`count(*)::int`.mapWith(Number), ...counts })
          .from(sample)
          .prepare('term_frequencies');
      });
      const [row] = await query.execute({
        searcher: page.searcherSlackUserId,
        today: page.today,
        ...Object.fromEntries(tsqueries.map((tsquery, i) => [`t${i}`, tsquery])),
      });
      const found = (row ?? {}) as Record<string, number | undefined>;
      return { sampled: found.sampled ?? 0, matching: tsqueries.map((_, i) => found[`t${i}`] ?? 0) };
    },
    /**
     * One page of the members matching the query: the window of candidates (`candidateIds`), then
     * `ts_rank` and each one's accepted introductions for those only. Order: relevance (a member
     * who chose a named topic ranks above one who only mentions it: the bonus of 1 exceeds any
     * `ts_rank`); among equals, capacity left this month, then the least recently introduced
     * (never introduced first), so that the same few are not asked every time; then the most
     * recently confirmed profile.
     */
    async searchMembers(page: SearchPage): Promise<SearchHit[]> {
      const shape = shapeOf(page);
      const key = `searchMembers:${Object.values(shape).join(':')}`;
      return builtOnce(db, key, () => searchMembersQuery(db, shape)).execute(searchValues(page));
    },
  };
}

/** The query of `searchMembers` for pages of one shape. */
function searchMembersQuery(db: Db, shape: SearchShape) {
  const query = sql`${value.tsquery}::tsquery`;
  const topicBonus = sql`case when ${members.topics} && ${value.topicKeys}::text[] then 1 else 0 end`;
  const score = sql<number>`(ts_rank(${members.searchDocument}, ${query}) + ${topicBonus})::float8`.mapWith(Number).as('score');
  // Per candidate, from introduction_requests_accepted_idx: accepted this month, and when last.
  const introduced = db
    .select({
      thisMonth: sql<number>`count(*) filter (where ${introductionRequests.answeredAt} >= ${value.monthStart}::timestamptz)::int`.as(
        'accepted_this_month',
      ),
      lastAt: max(introductionRequests.answeredAt).as('last_introduced_at'),
    })
    .from(introductionRequests)
    .where(and(eq(introductionRequests.alumnusMemberId, members.id), eq(introductionRequests.status, 'accepted')))
    .as('introduced');
  // Rounds use the same monthly capacity: a pair made this month counts as an introduction.
  const paired = db
    .select({ thisMonth: sql<number>`count(*)::int`.as('paired_this_month') })
    .from(roundPairMembers)
    .innerJoin(roundPairs, eq(roundPairs.id, roundPairMembers.pairId))
    .where(and(eq(roundPairMembers.memberId, members.id), sql`${roundPairs.createdAt} >= ${value.monthStart}::timestamptz`))
    .as('paired');
  const usedThisMonth = sql`(${introduced.thisMonth} + ${paired.thisMonth})`;
  const capacityLeft = sql<number>`greatest(${members.monthlyCapacity} - ${usedThisMonth}, 0)`
    .mapWith(Number)
    .as('capacity_left');
  return db
    .select({ member: memberColumns, score, capacityLeft })
    .from(members)
    .leftJoinLateral(introduced, sql`true`)
    .leftJoinLateral(paired, sql`true`)
    .where(sql`${members.id} in (${candidateIds(shape)})`)
    .orderBy(
      // By the output column's name, so the rank is computed once per row.
      sql`score desc`,
      sql`${members.monthlyCapacity} > ${usedThisMonth} desc`,
      sql`${introduced.lastAt} asc nulls first`,
      sql`${members.profileConfirmedAt} desc nulls last`,
      members.id,
    )
    .limit(value.limit)
    .offset(value.offset)
    .prepare('search_members');
}
