/**
 * A synthetic population for pairing rounds, from a seeded generator (the same numbers every run),
 * and rounds run one after another with each round's groups fed into the next one's history. Shared
 * by `npm run bench:rounds` and the pairing's tests.
 */
import { seededRandom } from '../src/services/round-pairing-context';
import { makePairs, type PairingCandidate, type PairingInput, type PairingResult } from '../src/services/round-pairing';
import { TOPIC_KEYS } from '../src/services/taxonomy';

const DIVISIONS = [
  '資源エネルギー庁 省エネルギー課', '資源エネルギー庁 新エネルギー課', '商務情報政策局 情報産業課', '中小企業庁 金融課',
  '通商政策局 通商機構部', '産業技術環境局 基準認証政策課', '製造産業局 自動車課', '経済産業政策局 産業組織課',
  '貿易経済安全保障局 安全保障貿易管理課', '大臣官房 秘書課', 'Commerce and Information Policy Bureau', '特許庁 総務課',
];

export interface Population {
  candidates: PairingCandidate[];
  flaggedPairs: [string, string][];
}

export function population(staffCount: number, alumniCount: number, seed = 'population'): Population {
  const rand = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const some = <T>(items: readonly T[], min: number, max: number): T[] =>
    [...new Set(Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, () => pick(items)))];
  const staff = Array.from({ length: staffCount }, (_, i): PairingCandidate => ({
    id: `s-${String(i).padStart(5, '0')}`,
    side: 'staff',
    topics: some(TOPIC_KEYS, 1, 3),
    divisions: [pick(DIVISIONS)],
  }));
  const alumni = Array.from({ length: alumniCount }, (_, i): PairingCandidate => ({
    id: `a-${String(i).padStart(5, '0')}`,
    side: 'alumni',
    topics: some(TOPIC_KEYS, 2, 3),
    divisions: some(DIVISIONS, 1, 2),
    // Most alumni let other alumni see their profile; the others are never grouped with an alumnus.
    sharesWithAlumni: rand() < 0.85,
  }));
  // About one alumnus in fifty is an interested party of a few staff.
  const flaggedPairs = alumni
    .filter(() => rand() < 0.02)
    .flatMap((alumnus) => some(staff, 1, 5).map((member): [string, string] => [member.id, alumnus.id]));
  return { candidates: [...staff, ...alumni], flaggedPairs };
}

/** Every unordered pair inside the groups (a trio counts three). */
export function pairsOf(result: PairingResult): [string, string][] {
  return result.groups.flatMap(({ memberIds }) => memberIds.flatMap((a, i) => memberIds.slice(i + 1).map((b): [string, string] => [a, b])));
}

export const pairKey = ([a, b]: readonly [string, string]): string => (a < b ? `${a} ${b}` : `${b} ${a}`);

export interface SimulatedRound {
  input: PairingInput;
  result: PairingResult;
  ms: number;
  /** Pairs made again that were in the round's history (should be 0). */
  repeats: number;
}

/** Runs `rounds` rounds in a row; each round's history is the pairs of the `noRepeatRounds` before it. */
export function simulate(
  people: Population,
  rounds: number,
  settings: PairingInput['settings'],
  noRepeatRounds = 6,
  seed = 'round',
): SimulatedRound[] {
  const history: [string, string][][] = [];
  const out: SimulatedRound[] = [];
  for (let round = 1; round <= rounds; round++) {
    const recentPairs = history.slice(-noRepeatRounds).flat();
    const input: PairingInput = { candidates: people.candidates, recentPairs, flaggedPairs: people.flaggedPairs, settings, seed: `${seed}-${round}` };
    const started = performance.now();
    const result = makePairs(input);
    const ms = performance.now() - started;
    const recent = new Set(recentPairs.map(pairKey));
    const made = pairsOf(result);
    out.push({ input, result, ms, repeats: made.filter((pair) => recent.has(pairKey(pair))).length });
    history.push(made);
  }
  return out;
}
