import { describe, expect, it } from 'vitest';
import { CONCEPTS } from '../../bench/relevance/concepts';
import { conceptsOf, grade, isVisibleToStaff, judgmentsFor, literalMatches } from '../../bench/relevance/judge';
import { evaluate, ndcgAt, type Returned } from '../../bench/relevance/metrics';
import { JUDGED_PROFILES } from '../../bench/relevance/profiles';
import { JUDGED_QUERIES } from '../../bench/relevance/queries';
import { profileErrors } from '../../bench/relevance/seed';
import { QUERY_KINDS, type Trap } from '../../bench/relevance/types';
import { TOPIC_KEYS } from '../../src/services/taxonomy';

const visible = JUDGED_PROFILES.filter(isVisibleToStaff);

describe('the judged relevance set', () => {
  it('holds at least 150 visible alumni profiles and 50 queries, each kind at least 4 times', () => {
    expect(visible.filter((profile) => profile.memberType !== 'staff').length).toBeGreaterThanOrEqual(150);
    expect(JUDGED_QUERIES.length).toBeGreaterThanOrEqual(50);
    for (const kind of QUERY_KINDS) {
      expect(JUDGED_QUERIES.filter((query) => query.kind === kind).length, kind).toBeGreaterThanOrEqual(4);
    }
  });

  it('names each profile and query once', () => {
    const keys = JUDGED_PROFILES.map((profile) => profile.key);
    const ids = JUDGED_QUERIES.map((query) => query.id);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every query a visible relevant member, and every sentence at least five', () => {
    for (const query of JUDGED_QUERIES) {
      const relevant = judgmentsFor(query, JUDGED_PROFILES);
      expect(relevant.size, query.id).toBeGreaterThanOrEqual(query.kind.startsWith('sentence') ? 5 : 1);
    }
  });

  it('marks a query literal exactly when a relevant profile holds all its words as typed', () => {
    for (const query of JUDGED_QUERIES) {
      const literal = literalMatches(query, JUDGED_PROFILES, judgmentsFor(query, JUDGED_PROFILES));
      expect(literal.size > 0, query.id).toBe(query.literal === true);
    }
  });

  it('has a concept graph without unknown concepts or cycles', () => {
    for (const concept of CONCEPTS.values()) {
      for (const broader of concept.broader) expect(CONCEPTS.has(broader), `${concept.id} → ${broader}`).toBe(true);
    }
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (id: string, path: string[]): void => {
      if (done.has(id)) return;
      expect(visiting.has(id), `cycle ${[...path, id].join(' → ')}`).toBe(false);
      visiting.add(id);
      for (const broader of CONCEPTS.get(id)?.broader ?? []) visit(broader, [...path, id]);
      visiting.delete(id);
      done.add(id);
    };
    for (const id of CONCEPTS.keys()) visit(id, []);
  });

  it('uses only known concepts and taxonomy topics', () => {
    for (const profile of JUDGED_PROFILES) {
      for (const topic of profile.topics) expect(TOPIC_KEYS, profile.key).toContain(topic);
      for (const concept of conceptsOf(profile)) expect(CONCEPTS.has(concept), `${profile.key}: ${concept}`).toBe(true);
    }
    for (const query of JUDGED_QUERIES) {
      for (const concept of query.concepts) expect(CONCEPTS.has(concept), `${query.id}: ${concept}`).toBe(true);
    }
  });

  it('holds only profiles the profile form accepts', () => {
    for (const profile of JUDGED_PROFILES) expect(profileErrors(profile), profile.key).toEqual([]);
  });

  it('sets privacy traps of every kind, each one a direct match for some query', () => {
    const kinds: Trap[] = ['no_staff_consent', 'pending', 'zero_capacity', 'staff'];
    for (const kind of kinds) {
      const traps = JUDGED_PROFILES.filter((profile) => profile.trap === kind);
      expect(traps.length, kind).toBeGreaterThanOrEqual(3);
      for (const trap of traps) {
        expect(JUDGED_QUERIES.some((query) => grade(query, trap) === 2), trap.key).toBe(true);
      }
    }
    for (const profile of JUDGED_PROFILES) expect(profile.trap === 'staff', profile.key).toBe(profile.memberType === 'staff');
  });
});

describe('the relevance metrics', () => {
  const query = JUDGED_QUERIES.find((candidate) => candidate.id === 'nc01')!;
  const judged = judgmentsFor(query, JUDGED_PROFILES);
  const ideal = [...judged].sort((a, b) => b[1] - a[1]).map(([key]): Returned => ({ key, forbidden: false }));

  it('score the ideal ranking 1 and an empty answer 0, counted as empty', () => {
    expect(evaluate(query, ideal.slice(0, 10), JUDGED_PROFILES)).toMatchObject({ recall: 1, precision: 1, ndcg: 1, empty: false });
    expect(evaluate(query, [], JUDGED_PROFILES)).toMatchObject({ recall: 0, precision: 0, ndcg: 0, empty: true });
  });

  it('score a ranking with the broader matches first below the ideal', () => {
    const reversed = [...ideal].reverse().slice(0, 10).map((member) => member.key);
    expect(ndcgAt(10, reversed, judged)).toBeLessThan(1);
  });

  it('count a trap or a row staff must not see as a leak', () => {
    const returned: Returned[] = [{ key: 'tp09', forbidden: false }, { key: 'unknown:1', forbidden: true }, ...ideal.slice(0, 3)];
    expect(evaluate(query, returned, JUDGED_PROFILES).leaks).toEqual(['tp09', 'unknown:1']);
  });
});
