/**
 * The pairing of a round (issue 14): young staff with alumni, shared topics first, never an earlier
 * pair of the last rounds, across divisions where possible, flagged pairs avoided or marked, a trio
 * rather than someone alone. Pure and deterministic: the same people, history and seed give the same
 * groups whatever the input's order (candidates are sorted by id, ties drawn from the seed).
 */
import { buildContext, isFlagged, sharesDivision, type PairingContext } from './round-pairing-context';
import { dissolveForTrios, pairAlone, placeAlone, rescueStaffOnlyAlumni, swapIntoRoom } from './round-pairing-groups';
import { matchAcross, matchAmong } from './round-pairing-matching';

export { comparableDivision } from './round-pairing-context';

export interface PairingCandidate {
  /** Member id. */
  id: string;
  side: 'staff' | 'alumni';
  /** Staff: what they are curious about; alumni: their profile's topics (taxonomy keys). */
  topics: readonly string[];
  /** Staff: their current division; alumni: their former divisions (names as typed). */
  divisions: readonly string[];
  /**
   * Alumni: they agreed that other alumni see their profile (share_with_alumni). Two alumni are
   * never in one group unless both did, whatever the mix; absent counts as no.
   */
  sharesWithAlumni?: boolean;
}

export interface PairingSettings {
  pairSize: 2 | 3;
  mix: 'staff_alumni' | 'also_alumni_alumni';
  flaggedPairs: 'notice' | 'avoid';
}

export interface PairingInput {
  /** Already filtered: active, not paused, unavailable or at capacity. */
  candidates: readonly PairingCandidate[];
  /** Pairs made in the last N rounds (unordered member-id pairs): never repeated. */
  recentPairs: readonly (readonly [string, string])[];
  /** Unordered pairs the interested-party check flags (computed by the caller with the ethics rules). */
  flaggedPairs: readonly (readonly [string, string])[];
  settings: PairingSettings;
  seed: string;
}

export interface PairingGroup {
  /** Staff first, then alumni, each by id. */
  memberIds: string[];
  /** Topic keys at least two of the group share (why they were paired), sorted. */
  sharedTopics: string[];
  /** Some pair in the group is flagged by the interested-party check: its notice is due. */
  flagged: boolean;
}

export interface PairingResult {
  groups: PairingGroup[];
  unpaired: { id: string; reason: 'no_partner' }[];
  stats: {
    /** Earlier pairs among this round's candidates, none of them made again. */
    repeatsAvoided: number;
    /** Flagged pairs among the candidates not made (organizers chose 'avoid'). */
    flaggedAvoided: number;
    /** Groups made with a flagged pair, to get the notice (organizers chose 'notice'). */
    flaggedWithNotice: number;
    /** Groups whose members have no division in common. */
    crossDivision: number;
  };
}

export function makePairs(input: PairingInput): PairingResult {
  const ctx = buildContext(input);
  const everyone = ctx.ids.map((_, i) => i);
  const staff = everyone.filter((x) => ctx.isStaff[x] === 1);
  const alumni = everyone.filter((x) => ctx.isStaff[x] === 0);

  let groups: number[][] = matchAcross(ctx, staff, alumni);
  // Alumni who keep their profile from other alumni can only be with staff: they take a staff
  // member's place from an alumnus who can also meet alumni.
  const paired = new Set(groups.flat());
  rescueStaffOnlyAlumni(ctx, groups, alumni.filter((x) => !paired.has(x)));
  const grouped = () => new Set(groups.flat());
  if (ctx.alumniAlumni) {
    const inGroups = grouped();
    groups.push(...matchAmong(ctx, alumni.filter((x) => !inGroups.has(x))));
  }
  const inGroups = grouped();
  let alone = everyone.filter((x) => !inGroups.has(x));
  if (input.settings.pairSize === 3) {
    const trios = dissolveForTrios(ctx, groups, alone.length);
    groups = trios.groups;
    alone = [...alone, ...trios.freed];
  }
  alone = placeAlone(ctx, groups, alone);
  const rescued = rescueStaffOnlyAlumni(ctx, groups, alone);
  alone = [...rescued.left, ...placeAlone(ctx, groups, rescued.moved)];
  const lastChance = pairAlone(ctx, alone);
  groups.push(...lastChance.groups);
  return result(ctx, groups, swapIntoRoom(ctx, groups, lastChance.left));
}

function result(ctx: PairingContext, groups: number[][], alone: number[]): PairingResult {
  const out = groups
    .map((group) => group.sort((x, y) => ctx.isStaff[y]! - ctx.isStaff[x]! || x - y))
    .sort((a, b) => a[0]! - b[0]!);
  const pairsIn = (group: number[]) => group.flatMap((x, i) => group.slice(i + 1).map((y) => [x, y] as const));
  const made = out.map((group): PairingGroup => {
    const counts = new Map<number, number>();
    for (const x of group) for (const t of ctx.topicsOf[x]!) counts.set(t, (counts.get(t) ?? 0) + 1);
    return {
      memberIds: group.map((x) => ctx.ids[x]!),
      sharedTopics: [...counts].filter(([, count]) => count >= 2).map(([t]) => ctx.topicKeys[t]!).sort(),
      flagged: pairsIn(group).some(([x, y]) => isFlagged(ctx, x, y)),
    };
  });
  return {
    groups: made,
    unpaired: alone.sort((x, y) => x - y).map((x) => ({ id: ctx.ids[x]!, reason: 'no_partner' as const })),
    stats: {
      // The sets hold both orders of each pair among the candidates.
      repeatsAvoided: ctx.recent.size / 2,
      flaggedAvoided: ctx.avoidFlagged ? ctx.flagged.size / 2 : 0,
      flaggedWithNotice: made.filter((group) => group.flagged).length,
      crossDivision: out.filter((group) => pairsIn(group).every(([x, y]) => !sharesDivision(ctx, x, y))).length,
    },
  };
}
