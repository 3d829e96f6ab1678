/**
 * What the pairing of a round computes once from its input: candidates sorted by id and numbered,
 * topics as bit sets (overlap by popcount), divisions interned, earlier and flagged pairs as sets,
 * and the round's seeded random numbers. Pure: no database, no Slack.
 */
import type { PairingInput } from './round-pairing';

export interface PairingContext {
  ids: string[];
  isStaff: Uint8Array;
  /** 1 for an alumnus who lets other alumni see their profile. */
  sharesWithAlumni: Uint8Array;
  /** Topic keys, sorted; a candidate's topics are indices into it. */
  topicKeys: string[];
  topicsOf: number[][];
  words: number;
  bits: Uint32Array;
  divisionsOf: number[][];
  /** Unordered pairs as `x * n + y`, both orders: one number lookup per check. */
  recent: Set<number>;
  flagged: Set<number>;
  avoidFlagged: boolean;
  alumniAlumni: boolean;
  random: () => number;
}

/** A division's name as compared: the same normalisation as the ethics checks (NFKC, case, spaces). */
export function comparableDivision(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\u3000]+/g, '');
}

/** A seeded generator (xmur3 to hash the seed, mulberry32 to draw): same seed, same numbers. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  let state = (h ^ (h >>> 16)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(ctx: PairingContext, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(ctx.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function buildContext(input: PairingInput): PairingContext {
  const candidates = [...input.candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map<string, number>();
  for (const [i, candidate] of candidates.entries()) {
    if (index.has(candidate.id)) throw new Error(`round pairing: candidate ${candidate.id} given twice`);
    index.set(candidate.id, i);
  }
  const topicKeys = [...new Set(candidates.flatMap((candidate) => candidate.topics))].sort();
  const topicIndex = new Map(topicKeys.map((key, i) => [key, i]));
  const words = Math.max(1, Math.ceil(topicKeys.length / 32));
  const bits = new Uint32Array(candidates.length * words);
  const topicsOf = candidates.map((candidate, i) => {
    const topics = [...new Set(candidate.topics.map((key) => topicIndex.get(key)!))];
    for (const t of topics) bits[i * words + (t >>> 5)]! |= 1 << (t & 31);
    return topics;
  });
  const divisionIndex = new Map<string, number>();
  const divisionsOf = candidates.map((candidate) => {
    const names = candidate.divisions.map(comparableDivision).filter((name) => name !== '');
    return [...new Set(names.map((name) => divisionIndex.get(name) ?? divisionIndex.set(name, divisionIndex.size).get(name)!))];
  });
  const n = candidates.length;
  const pairSet = (pairs: PairingInput['recentPairs']) => {
    const set = new Set<number>();
    for (const [a, b] of pairs) {
      const x = index.get(a);
      const y = index.get(b);
      if (x === undefined || y === undefined || x === y) continue;
      set.add(x * n + y).add(y * n + x);
    }
    return set;
  };
  return {
    ids: candidates.map((candidate) => candidate.id),
    isStaff: Uint8Array.from(candidates, (candidate) => (candidate.side === 'staff' ? 1 : 0)),
    sharesWithAlumni: Uint8Array.from(candidates, (candidate) => (candidate.sharesWithAlumni === true ? 1 : 0)),
    topicKeys,
    topicsOf,
    words,
    bits,
    divisionsOf,
    recent: pairSet(input.recentPairs),
    flagged: pairSet(input.flaggedPairs),
    avoidFlagged: input.settings.flaggedPairs === 'avoid',
    alumniAlumni: input.settings.mix === 'also_alumni_alumni',
    random: seededRandom(input.seed),
  };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

export function overlap(ctx: PairingContext, u: number, v: number): number {
  let count = 0;
  for (let k = 0; k < ctx.words; k++) count += popcount(ctx.bits[u * ctx.words + k]! & ctx.bits[v * ctx.words + k]!);
  return count;
}

export function sharesDivision(ctx: PairingContext, u: number, v: number): boolean {
  const mine = ctx.divisionsOf[u]!;
  const theirs = ctx.divisionsOf[v]!;
  for (const division of mine) if (theirs.includes(division)) return true;
  return false;
}

export const isRecent = (ctx: PairingContext, u: number, v: number): boolean => ctx.recent.has(u * ctx.ids.length + v);
export const isFlagged = (ctx: PairingContext, u: number, v: number): boolean => ctx.flagged.size > 0 && ctx.flagged.has(u * ctx.ids.length + v);

/**
 * Whether two people may be in one group: never an earlier pair, nor a flagged one when organizers
 * avoid those, nor two alumni unless both let alumni see their profile (consent).
 */
export function allowed(ctx: PairingContext, u: number, v: number): boolean {
  if (u === v || isRecent(ctx, u, v) || (ctx.avoidFlagged && isFlagged(ctx, u, v))) return false;
  return ctx.isStaff[u] === 1 || ctx.isStaff[v] === 1 || (ctx.sharesWithAlumni[u] === 1 && ctx.sharesWithAlumni[v] === 1);
}

/**
 * How good a pair is, as one number: shared topics first (weighted so that one shared topic outweighs
 * any division or flag difference, even summed over two pairs), then no division in common, then unflagged.
 */
export const MAX_OVERLAP = 7;
export const BEST_WITHOUT_TOPIC = 5;
export function pairKey(ctx: PairingContext, u: number, v: number): number {
  return Math.min(overlap(ctx, u, v), MAX_OVERLAP) * 16 + (sharesDivision(ctx, u, v) ? 0 : 4) + (isFlagged(ctx, u, v) ? 0 : 1);
}
