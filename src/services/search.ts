import { createSearchRepository } from '../db/repositories/search';
import type { MemberRow } from '../db/schema';
import type { ServiceDeps } from './deps';
import type { Viewer } from './identity';
import { fieldTokens, parseQuery, termMatches, termOverlap, toTsquery, topicTokens, type QueryTerm } from './search-text';
import { TOPIC_KEYS } from './taxonomy';

export type MatchedField = 'topics' | 'helpText' | 'organisation' | 'title' | 'formerDivisions';

export interface ExpertMatch {
  member: MemberRow;
  /** Taxonomy topic keys of the member that matched the query (why this person). */
  matchedTopics: string[];
  matchedFields: MatchedField[];
  score: number;
}

const TEXT_FIELDS = ['helpText', 'organisation', 'title', 'formerDivisions'] as const;

/** Why a returned member matched, decided in the app with the same tokens as their document. */
function explain(member: MemberRow, terms: readonly QueryTerm[]): Pick<ExpertMatch, 'matchedTopics' | 'matchedFields'> {
  const matchedTopics = member.topics.filter((topic) => terms.some((term) => termMatches(term, topicTokens(topic))));
  const matchedFields: MatchedField[] = matchedTopics.length > 0 ? ['topics'] : [];
  for (const field of TEXT_FIELDS) {
    const tokens = fieldTokens(member[field]);
    if (terms.some((term) => termMatches(term, tokens))) matchedFields.push(field);
  }
  return { matchedTopics, matchedFields };
}

/** Topics whose labels or synonyms match at least one term of the query. */
function topicsNamedBy(terms: readonly QueryTerm[]): string[] {
  return TOPIC_KEYS.filter((key) => terms.some((term) => termMatches(term, topicTokens(key))));
}

/**
 * One page of the people this viewer may ask about the query, most relevant first. Every term of
 * the query must match (each through any of its synonyms); who may be returned is decided in the
 * query layer (src/db/repositories/search.ts).
 */
export async function searchExperts(
  deps: ServiceDeps,
  input: { viewer: Viewer; viewerSlackUserId: string; query: string; limit: number; offset: number },
): Promise<{ matches: ExpertMatch[]; hasMore: boolean }> {
  const terms = parseQuery(input.query);
  if (terms.length === 0 || input.limit <= 0) return { matches: [], hasMore: false };
  const rows = await createSearchRepository({ db: deps.db }).searchMembers({
    audience: input.viewer.audience,
    searcherSlackUserId: input.viewerSlackUserId,
    tsquery: toTsquery(terms),
    topicKeys: topicsNamedBy(terms),
    limit: input.limit + 1,
    offset: Math.max(0, input.offset),
  });
  const matches = rows.slice(0, input.limit).map(({ member, score }) => ({ member, score, ...explain(member, terms) }));
  return { matches, hasMore: rows.length > input.limit };
}

/**
 * Taxonomy topics related to a query that matched nobody (for the "no match" suggestions): topics
 * a term names, then topics sharing most of a term's characters or words.
 */
export function suggestTopics(query: string, limit = 5): string[] {
  const terms = parseQuery(query);
  if (terms.length === 0) return [];
  const scored = TOPIC_KEYS.map((key, order) => {
    const tokens = topicTokens(key);
    return { key, order, score: Math.max(...terms.map((term) => termOverlap(term, tokens))) };
  });
  return scored
    .filter((topic) => topic.score >= 0.5)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((topic) => topic.key);
}
