import { and, gt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { memberColumns, members, type MemberRow } from '../schema';
import { visibleTo, type Audience } from './members';

/**
 * Who a search may return: what the searcher's audience may see (organizers search as staff do:
 * the issue offers staff and organizers the same people), never a member without capacity, never
 * the searcher. `is distinct from` keeps imported members who have no Slack user yet.
 */
function searchableBy(audience: Audience, searcherSlackUserId: string): SQL {
  return and(
    visibleTo(audience === 'organizer' ? 'staff' : audience),
    gt(members.monthlyCapacity, 0),
    sql`${members.slackUserId} is distinct from ${searcherSlackUserId}`,
  )!;
}
/** How many candidates a search ranks with `ts_rank` (at least offset + limit). */
const CANDIDATE_WINDOW = 200;

export interface SearchPage {
  audience: Audience;
  searcherSlackUserId: string;
  /** A tsquery literal built by src/services/search-text.ts (parsed as is, whatever the locale). */
  tsquery: string;
  /** Taxonomy topics the query names: a member who chose one ranks above a mention in free text. */
  topicKeys: string[];
  limit: number;
  offset: number;
}

export function createSearchRepository({ db }: { db: Db }) {
  return {
    /**
     * One page of the members matching the query, most relevant first, in two stages. First the
     * candidates: the members the GIN index on the document finds, visible to the searcher, ordered
     * by cheap keys only (topic chosen, then recently confirmed) and cut to a bounded window, so no
     * document is read (they are TOASTed) beyond the window. Then `ts_rank` on those candidates only.
     * A member who chose a named topic still ranks above one who only mentions it (the bonus of 1
     * exceeds any `ts_rank`); within a tier larger than the window, the window holds its most
     * recently confirmed members.
     */
    async searchMembers(page: SearchPage): Promise<Array<{ member: MemberRow; score: number }>> {
      const query = sql`${page.tsquery}::tsquery`;
      const onTopic = sql`${members.topics} && ${sql.param(page.topicKeys)}::text[]`;
      const topicBonus = sql`case when ${onTopic} then 1 else 0 end`;
      const score = sql<number>`(ts_rank(${members.searchDocument}, ${query}) + ${topicBonus})::float8`
        .mapWith(Number)
        .as('score');
      const window = Math.max(CANDIDATE_WINDOW, page.offset + page.limit);
      // `(select …)` makes the tsquery a run-time parameter: its many bigrams otherwise make the
      // planner expect a third of the table and read every document in a sequential scan.
      const candidates = sql`select ${members.id} from ${members}
        where ${searchableBy(page.audience, page.searcherSlackUserId)} and ${members.searchDocument} @@ (select ${query})
        order by ${onTopic} desc, ${members.profileConfirmedAt} desc nulls last, ${members.id}
        limit ${sql.param(window)}`;
      const rows = await db
        .select({ member: memberColumns, score })
        .from(members)
        .where(sql`${members.id} in (${candidates})`)
        .orderBy(
          // By the output column's name, so the rank is computed once per row.
          sql`score desc`,
          // TODO(introductions): "capacity left this month" then "least recently introduced" join
          // here, between relevance and the tie-break, once introductions are recorded.
          sql`${members.profileConfirmedAt} desc nulls last`,
          members.id,
        )
        .limit(page.limit)
        .offset(page.offset);
      return rows;
    },
  };
}
