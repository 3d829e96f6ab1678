/**
 * Judgments derived from the concepts, never listed by hand: adding a profile or a query keeps the
 * set consistent. A profile is directly relevant (2) to a concept it covers, or one narrower; it is
 * relevant through a broader concept (1) when it covers the concept's immediate broader one (an
 * FTA question, a member whose topic is trade).
 */
import { POLICY_TOPICS } from '../../src/services/taxonomy';
import { CONCEPTS, narrowerOrSelf } from './concepts';
import type { JudgedProfile, JudgedQuery } from './types';

export type Grade = 0 | 1 | 2;

/** What a profile covers: its hidden concepts and the concepts of its topics. */
export function conceptsOf(profile: JudgedProfile): Set<string> {
  return new Set<string>([...profile.topics, ...profile.concepts]);
}

function coverage(covered: ReadonlySet<string>, concept: string): Grade {
  if ([...narrowerOrSelf(concept)].some((id) => covered.has(id))) return 2;
  if ((CONCEPTS.get(concept)?.broader ?? []).some((id) => covered.has(id))) return 1;
  return 0;
}

/**
 * How relevant a profile is to a query. One concept: its coverage. Several together: 2 when it
 * covers them all, 1 when it covers at least one directly (a member matching an important term is
 * not hidden because they miss another; broader concepts alone are too loose for a combination).
 * Either of several (`match: 'any'`): the best of them.
 */
export function grade(query: JudgedQuery, profile: JudgedProfile): Grade {
  const covered = conceptsOf(profile);
  const grades = query.concepts.map((concept) => coverage(covered, concept));
  if (grades.length === 1 || query.match === 'any') return Math.max(...grades) as Grade;
  if (grades.every((g) => g === 2)) return 2;
  return grades.includes(2) ? 1 : 0;
}

/** The members staff may be offered: the privacy traps are never judged, only counted as leaks. */
export const isVisibleToStaff = (profile: JudgedProfile) => profile.trap === undefined;

/** Relevant visible profiles by key, with their grade. */
export function judgmentsFor(query: JudgedQuery, profiles: readonly JudgedProfile[]): Map<string, Grade> {
  const judged = new Map<string, Grade>();
  for (const profile of profiles.filter(isVisibleToStaff)) {
    const g = grade(query, profile);
    if (g > 0) judged.set(profile.key, g);
  }
  return judged;
}

const normalise = (text: string) => text.normalize('NFKC').toLowerCase();

/** Everything a profile shows the search: its texts and its topics' labels in both languages. */
export function profileText(profile: JudgedProfile): string {
  const labels = profile.topics.flatMap((key) => {
    const topic = POLICY_TOPICS.find((candidate) => candidate.key === key);
    return topic ? [topic.ja, topic.en] : [];
  });
  return normalise([profile.help, profile.title, profile.organisation, profile.divisions, ...labels].join(' '));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the word occurs as typed: anywhere in Japanese, at the start of a word in Latin text. */
function occurs(word: string, text: string): boolean {
  return /^[\p{Script=Latin}\p{N}]/u.test(word)
    ? new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}`, 'u').test(text)
    : text.includes(word);
}

/** The relevant profiles holding every word of the query as typed: a search must never miss them. */
export function literalMatches(query: JudgedQuery, profiles: readonly JudgedProfile[], judged: ReadonlyMap<string, Grade>): Set<string> {
  const words = normalise(query.text).split(/\s+/).filter((word) => word !== '');
  return new Set(
    profiles
      .filter((profile) => judged.has(profile.key) && words.every((word) => occurs(word, profileText(profile))))
      .map((profile) => profile.key),
  );
}
