/**
 * Pairs within a round: a greedy over the pairs that share topics (found through a topic index, best
 * first), the rest by division and flag, then augmenting paths so that as many as possible are paired,
 * then swaps that improve two pairs at once. About O(n²) at worst for n people, no cubic step.
 */
import {
  allowed,
  BEST_WITHOUT_TOPIC,
  MAX_OVERLAP,
  overlap,
  pairKey,
  shuffled,
  type PairingContext,
} from './round-pairing-context';

const KEYS = MAX_OVERLAP * 16 + BEST_WITHOUT_TOPIC + 1;

/** Pairs sharing at least one topic, best first; `right` null pairs `left` among themselves. */
function greedyByTopic(ctx: PairingContext, left: readonly number[], right: readonly number[] | null, partner: Int32Array): void {
  const byTopic: number[][] = ctx.topicKeys.map(() => []);
  for (const v of right ?? left) for (const t of ctx.topicsOf[v]!) byTopic[t]!.push(v);
  const buckets: number[][] = Array.from({ length: KEYS }, () => []);
  const seen = new Int32Array(ctx.ids.length).fill(-1);
  for (const u of left) {
    for (const t of ctx.topicsOf[u]!) {
      for (const v of byTopic[t]!) {
        if (seen[v] === u || (right === null && v <= u)) continue;
        seen[v] = u;
        // Forbidden pairs are left out here; they are counted in the stats from the input.
        if (allowed(ctx, u, v)) buckets[pairKey(ctx, u, v)]!.push(u, v);
      }
    }
  }
  for (let key = KEYS - 1; key >= 16; key--) {
    const bucket = buckets[key]!;
    // Equal pairs in a seeded order: the seed decides between them, not the input's order.
    const order = shuffled(ctx, Array.from({ length: bucket.length / 2 }, (_, i) => i));
    for (const i of order) {
      const u = bucket[2 * i]!;
      const v = bucket[2 * i + 1]!;
      if (partner[u] === -1 && partner[v] === -1) {
        partner[u] = v;
        partner[v] = u;
      }
    }
  }
}

/** Those still alone: each takes the best remaining partner (no topics left to share: divisions, flags). */
function greedyRest(ctx: PairingContext, left: readonly number[], right: readonly number[] | null, partner: Int32Array): void {
  const free = (x: number) => partner[x] === -1;
  const lefts = shuffled(ctx, left.filter(free));
  const pool = right ? shuffled(ctx, right.filter(free)) : lefts;
  let start = 0;
  for (const u of lefts) {
    if (!free(u)) continue;
    while (start < pool.length && !free(pool[start]!)) start++;
    let best = -1;
    let bestKey = -1;
    for (let i = start; i < pool.length && bestKey < BEST_WITHOUT_TOPIC; i++) {
      const v = pool[i]!;
      if (v === u || !free(v) || !allowed(ctx, u, v)) continue;
      const key = pairKey(ctx, u, v);
      if (key > bestKey) [best, bestKey] = [v, key];
    }
    if (best !== -1) {
      partner[u] = best;
      partner[best] = u;
    }
  }
}

/** Kuhn's augmenting paths from the side with fewer people alone: the matching becomes as large as it can be. */
function augment(ctx: PairingContext, left: readonly number[], right: readonly number[], partner: Int32Array): void {
  const freeLeft = left.filter((x) => partner[x] === -1);
  const freeRight = right.filter((x) => partner[x] === -1);
  if (freeLeft.length === 0 || freeRight.length === 0) return;
  const [from, to] = freeLeft.length <= freeRight.length ? [freeLeft, right] : [freeRight, left];
  let stillFree = Math.min(freeLeft.length, freeRight.length);
  const visited = new Int32Array(ctx.ids.length).fill(-1);
  const tryFrom = (x: number, stamp: number): boolean => {
    // Someone alone first (a one-step path), then through another's partner.
    for (const pass of [true, false]) {
      for (const y of to) {
        if (visited[y] === stamp || (partner[y] === -1) !== pass || !allowed(ctx, x, y)) continue;
        visited[y] = stamp;
        if (pass || tryFrom(partner[y]!, stamp)) {
          partner[x] = y;
          partner[y] = x;
          return true;
        }
      }
    }
    return false;
  };
  for (const [stamp, x] of from.entries()) {
    if (stillFree === 0) break;
    if (tryFrom(x, stamp)) stillFree--;
  }
}

/** One pass of swaps between two pairs when both together get better (more shared topics, fewer same-division). */
function improve(ctx: PairingContext, pairs: [number, number][]): void {
  const keys = pairs.map(([u, v]) => pairKey(ctx, u, v));
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) {
      const [a, b] = pairs[i]!;
      const [c, d] = pairs[j]!;
      // Shared topics bound the gain: most candidate swaps end here, without the slower checks.
      const topics = Math.min(overlap(ctx, a, d), MAX_OVERLAP) + Math.min(overlap(ctx, c, b), MAX_OVERLAP);
      if (topics * 16 + 2 * BEST_WITHOUT_TOPIC <= keys[i]! + keys[j]!) continue;
      const ad = pairKey(ctx, a, d);
      const cb = pairKey(ctx, c, b);
      if (ad + cb > keys[i]! + keys[j]! && allowed(ctx, a, d) && allowed(ctx, c, b)) {
        pairs[i] = [a, d];
        pairs[j] = [c, b];
        keys[i] = ad;
        keys[j] = cb;
      }
    }
  }
}

function pairsOf(list: readonly number[], partner: Int32Array): [number, number][] {
  return list.filter((x) => partner[x] !== -1).map((x) => [x, partner[x]!]);
}

/** The most pairs of one person from `left` with one from `right`, best first. */
export function matchAcross(ctx: PairingContext, left: readonly number[], right: readonly number[]): [number, number][] {
  const partner = new Int32Array(ctx.ids.length).fill(-1);
  greedyByTopic(ctx, left, right, partner);
  greedyRest(ctx, left, right, partner);
  augment(ctx, left, right, partner);
  const pairs = pairsOf(left, partner);
  improve(ctx, pairs);
  return pairs;
}

/** Pairs among one group of people (alumni with alumni), best first. */
export function matchAmong(ctx: PairingContext, people: readonly number[]): [number, number][] {
  const partner = new Int32Array(ctx.ids.length).fill(-1);
  greedyByTopic(ctx, people, null, partner);
  greedyRest(ctx, people, null, partner);
  return pairsOf(people, partner).filter(([u, v]) => u < v);
}
