import { createSearchRepository } from '../db/repositories/search';
import type { MemberRow } from '../db/schema';
import { networkMonthStart, networkToday } from './calendar';
import type { ServiceDeps } from './deps';
import type { Viewer } from './identity';
import {
  fieldTokens,
  parseQuery,
  termMatches,
  termOverlap,
  toTsquery,
  topicTokens,
  type Atom,
  type Clause,
  type QueryTerm,
} from './search-text';
import { TOPIC_KEYS } from './taxonomy';

export type MatchedField = 'topics' | 'helpText' | 'organisation' | 'title' | 'formerDivisions';

export interface ExpertMatch {
  member: MemberRow;
  /** Taxonomy topic keys of the member that matched the query (why this person). */
  matchedTopics: string[];
  matchedFields: MatchedField[];
  score: number;
  /** Introductions the member can still accept this month (0: "no capacity left this month"). */
  capacityLeft: number;
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
 * What a member who chose one of `topicKeys` must match besides, as a tsquery literal: the terms
 * that do not name every one of them (a term that does is in the document of whoever chose any:
 * a topic's tokens are written into the document with it), or undefined when none is left.
 */
function beyondTopics(terms: readonly QueryTerm[], topicKeys: readonly string[]): string | undefined {
  const rest = terms.filter((term) => !topicKeys.every((key) => termMatches(term, topicTokens(key))));
  return rest.length > 0 ? toTsquery(rest) : undefined;
}

/** Every token `b` matches also matches `a`. */
const atomImplies = (b: Atom, a: Atom) => (a.prefix ? b.token.startsWith(a.token) : !b.prefix && b.token === a.token);
/** Every document `b` matches, `a` matches too. */
const clauseImplies = (b: Clause, a: Clause) => a.every((atomA) => b.some((atomB) => atomImplies(atomB, atomA)));

/**
 * The terms without the alternatives another alternative of the same term already covers
 * (`系統 | 電力 & 力系 & 系統 | grid:* | power:* & grid:*` is `系統 | grid:*`): they match the same
 * members, but the GIN index reads the posting lists of every alternative, all of a prefix's.
 */
function withoutRedundantAlternatives(terms: readonly QueryTerm[]): QueryTerm[] {
  return terms.map((term) => ({
    ...term,
    clauses: term.clauses.filter(
      (clause, i) =>
        !term.clauses.some(
          (other, j) => j !== i && clauseImplies(clause, other) && (j < i || !clauseImplies(other, clause)),
        ),
    ),
  }));
}

/**
 * One page of the people this viewer may ask about the query, most relevant first; among equals,
 * those with capacity left this month, then the least recently introduced. Every term of the query
 * must match (each through any of its synonyms); who may be returned is decided in the query layer
 * (src/db/repositories/search.ts). `excludeMemberIds`: people already asked for the same request,
 * so that a search after a decline or an expiry offers the next match.
 */
export async function searchExperts(
  deps: ServiceDeps,
  input: {
    viewer: Viewer;
    viewerSlackUserId: string;
    query: string;
    limit: number;
    offset: number;
    excludeMemberIds?: readonly string[];
  },
): Promise<{ matches: ExpertMatch[]; hasMore: boolean }> {
  const terms = parseQuery(input.query);
  if (terms.length === 0 || input.limit <= 0) return { matches: [], hasMore: false };
  const now = deps.clock();
  const topicKeys = topicsNamedBy(terms);
  const essential = withoutRedundantAlternatives(terms);
  const rows = await createSearchRepository({ db: deps.db }).searchMembers({
    audience: input.viewer.audience,
    searcherSlackUserId: input.viewerSlackUserId,
    tsquery: toTsquery(essential),
    topicKeys,
    topicTsquery: beyondTopics(essential, topicKeys),
    today: networkToday(now),
    monthStart: networkMonthStart(now),
    excludeMemberIds: [...(input.excludeMemberIds ?? [])],
    limit: input.limit + 1,
    offset: Math.max(0, input.offset),
  });
  const matches = rows.slice(0, input.limit).map((row) => ({ ...row, ...explain(row.member, terms) }));
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
