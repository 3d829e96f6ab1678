import { createSearchRepository, type SearchHit, type SearchPage } from '../db/repositories/search';
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
import { RELATED_TOPICS } from './synonyms';
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

/**
 * Why a returned member matched (a topic broader than a term counts), decided in the app with the
 * same tokens as their document.
 */
function explain(
  member: MemberRow,
  terms: readonly QueryTerm[],
  broaderKeys: readonly string[],
): Pick<ExpertMatch, 'matchedTopics' | 'matchedFields'> {
  const matchedTopics = member.topics.filter(
    (topic) => terms.some((term) => termMatches(term, topicTokens(topic))) || broaderKeys.includes(topic),
  );
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
 * The terms of a query in two groups, the important ones and the lesser (maybe none): a term is important when it weighs
 * at least half as much as the heaviest, and is central: a concept the thesaurus knows, when the
 * query holds any (水素 and サプライチェーン are, 構築 "building" is not). Weight is rarity among the
 * members the searcher may find (the inverse document frequency over the most recently confirmed
 * hundred). So in "hydrogen economy", hydrogen people come before those who only mention the
 * economy, and in 水素サプライチェーンの構築 before those who only built something.
 */
async function byImportance(
  repository: ReturnType<typeof createSearchRepository>,
  page: Pick<SearchPage, 'audience' | 'searcherSlackUserId' | 'today'>,
  terms: readonly QueryTerm[],
): Promise<[QueryTerm[], QueryTerm[]]> {
  const { sampled, matching } = await repository.termFrequencies(page, terms.map((term) => toTsquery([term])));
  const weights = terms.map((_, i) => Math.log((sampled + 1) / (matching[i]! + 0.5)));
  // Central terms are the concepts the thesaurus knows, when the query has any.
  const central = terms.some((term) => term.known) ? terms.map((term) => term.known) : terms.map(() => true);
  const heaviest = Math.max(...weights.filter((_, i) => central[i]));
  const important = (i: number) => central[i]! && weights[i]! >= heaviest / 2;
  return [terms.filter((_, i) => important(i)), terms.filter((_, i) => !important(i))];
}

/**
 * One page of the people this viewer may ask about the query, most relevant first; among equals,
 * those with capacity left this month, then the least recently introduced. Those matching every
 * term of the query (each through any of its synonyms) come first; after them, for a query of
 * several terms, those matching some of them, so that someone matching an important term is never
 * hidden because they miss another. Who may be returned is decided in the query layer
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
  const repository = createSearchRepository({ db: deps.db });
  const offset = Math.max(0, input.offset);
  const wanted = offset + input.limit + 1;
  const page = {
    audience: input.viewer.audience,
    searcherSlackUserId: input.viewerSlackUserId,
    today: networkToday(now),
    monthStart: networkMonthStart(now),
  };
  const excluded = [...(input.excludeMemberIds ?? [])];
  const everyTerm = await repository.searchMembers({
    ...page,
    tsquery: toTsquery(essential),
    topicKeys,
    topicTsquery: beyondTopics(essential, topicKeys),
    excludeMemberIds: excluded,
    limit: wanted,
    offset: 0,
  });
  // Then, only while the page is not full, and one after another (side by side they slowed each
  // other down on a busy server): those matching any important term of the query (a named topic
  // suffices); those who chose a topic broader than a term (an FTA question finds trade policy
  // people); last, those matching only a lesser term ("economy" in "hydrogen economy").
  const broaderKeys = [...new Set(terms.flatMap((term) => term.broaderTopics))].filter((key) => !topicKeys.includes(key));
  const [important, lesser] =
    essential.length > 1 && everyTerm.length < wanted ? await byImportance(repository, page, essential) : [[], []];
  const anyOf = (some: QueryTerm[]) => ({ tsquery: toTsquery(some, 'any'), topicKeys: topicsNamedBy(some), topicTsquery: undefined });
  const fills = [
    ...(important.length > 0 ? [anyOf(important)] : []),
    // One broader topic after another, in the thesaurus's order (the closest first).
    ...broaderKeys.map((key) => ({ ...anyOf(essential), topicKeys: [key], onTopicOnly: true })),
    ...(lesser.length > 0 ? [anyOf(lesser)] : []),
  ];
  const found = [...everyTerm];
  for (const fill of fills) {
    if (found.length >= wanted) break;
    found.push(
      ...(await repository.searchMembers({
        ...page,
        ...fill,
        excludeMemberIds: [...excluded, ...found.map((row) => row.member.id)],
        limit: wanted - found.length,
        offset: 0,
      })),
    );
  }
  const rows = found.slice(offset);
  const matches = rows
    .slice(0, input.limit)
    .map((row) => ({ ...row, ...explain(row.member, terms, broaderKeys) }));
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

/**
 * Topics to suggest beside a query's results: the broader topics of its terms (SKOS `broader`),
 * then those the thesaurus relates to its terms, to the topics it names or to those broader ones
 * (`related`); never one the query names already.
 */
export function relatedTopics(query: string, limit = 3): string[] {
  const terms = parseQuery(query);
  const named = topicsNamedBy(terms);
  const broader = terms.flatMap((term) => term.broaderTopics);
  const relatedTo = (key: string) => RELATED_TOPICS.flatMap(([a, b]) => (a === key ? [b] : b === key ? [a] : []));
  const suggested = [...broader, ...terms.flatMap((term) => term.relatedTopics), ...[...named, ...broader].flatMap(relatedTo)];
  return [...new Set(suggested)].filter((key) => !named.includes(key)).slice(0, limit);
}
