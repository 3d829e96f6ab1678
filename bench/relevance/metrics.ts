/**
 * What one query's answer scores against its judgments. Pure: the runner and the set's test use it.
 * Recall and precision are capped by what could be found (recall@10 out of at most 10 relevant
 * members, precision@5 out of at most 5), so a query with many relevant members can score 1.
 */
import { judgmentsFor, literalMatches, type Grade } from './judge';
import type { JudgedProfile, JudgedQuery } from './types';

export const RESULT_LIMIT = 10;
const PRECISION_AT = 5;

/** A returned member, by profile key, or by whatever names them when they are not in the set. */
export interface Returned {
  key: string;
  /** Whatever the set says, the row itself is one staff must never see. */
  forbidden: boolean;
}

export interface QueryOutcome {
  query: JudgedQuery;
  returned: readonly Returned[];
  judged: ReadonlyMap<string, Grade>;
  recall: number;
  /** Recall of the directly relevant (grade 2) members only, if there are any. */
  directRecall: number | undefined;
  precision: number;
  ndcg: number;
  /** For literal queries: how many of the members holding the words as typed were found. */
  literalRecall: number | undefined;
  /** Nothing returned although a relevant member exists. */
  empty: boolean;
  leaks: readonly string[];
}

function cappedRecall(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 1;
  const found = ranked.slice(0, k).filter((key) => relevant.has(key)).length;
  return found / Math.min(relevant.size, k);
}

const dcg = (gains: readonly number[]) => gains.reduce((sum, gain, i) => sum + gain / Math.log2(i + 2), 0);

/** nDCG@k with the grades as gains (2 and 1) and the ideal ranking of the judgments. */
export function ndcgAt(k: number, ranked: readonly string[], judged: ReadonlyMap<string, Grade>): number {
  const ideal = dcg([...judged.values()].sort((a, b) => b - a).slice(0, k));
  return ideal === 0 ? 1 : dcg(ranked.slice(0, k).map((key) => judged.get(key) ?? 0)) / ideal;
}

export function precisionAt(k: number, ranked: readonly string[], judged: ReadonlyMap<string, Grade>): number {
  if (judged.size === 0) return 1;
  return ranked.slice(0, k).filter((key) => judged.has(key)).length / Math.min(judged.size, k);
}

export function recallAt(k: number, ranked: readonly string[], judged: ReadonlyMap<string, Grade>): number {
  return cappedRecall(ranked, new Set(judged.keys()), k);
}

/** Scores the members a search returned for a query (in order) against the set's judgments. */
export function evaluate(query: JudgedQuery, returned: readonly Returned[], profiles: readonly JudgedProfile[]): QueryOutcome {
  const judged = judgmentsFor(query, profiles);
  const ranked = returned.map((member) => member.key);
  const direct = new Set([...judged].filter(([, g]) => g === 2).map(([key]) => key));
  const traps = new Set(profiles.filter((profile) => profile.trap !== undefined).map((profile) => profile.key));
  return {
    query,
    returned,
    judged,
    recall: recallAt(RESULT_LIMIT, ranked, judged),
    directRecall: direct.size > 0 ? cappedRecall(ranked, direct, RESULT_LIMIT) : undefined,
    precision: precisionAt(PRECISION_AT, ranked, judged),
    ndcg: ndcgAt(RESULT_LIMIT, ranked, judged),
    literalRecall: query.literal ? cappedRecall(ranked, literalMatches(query, profiles, judged), RESULT_LIMIT) : undefined,
    empty: returned.length === 0 && judged.size > 0,
    leaks: returned.filter((member) => member.forbidden || traps.has(member.key)).map((member) => member.key),
  };
}
