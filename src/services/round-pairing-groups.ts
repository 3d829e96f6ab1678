/**
 * From pairs to the round's groups: trios for pair size 3, the odd one out and a surplus on one side
 * joining a pair as its third, and last chances for whoever is still alone.
 */
import { allowed, pairKey, shuffled, type PairingContext } from './round-pairing-context';
import { matchAmong } from './round-pairing-matching';

const MAX_GROUP = 3;

/** An alumnus who keeps their profile from other alumni: they can only be grouped with staff. */
const staffOnly = (ctx: PairingContext, x: number) => ctx.isStaff[x] === 0 && ctx.sharesWithAlumni[x] === 0;

function groupKey(ctx: PairingContext, group: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) sum += pairKey(ctx, group[i]!, group[j]!);
  return sum;
}

/**
 * Pair size 3: the fewest groups that hold everyone at three at most, by breaking up the weakest
 * pairs (fewest shared topics) so that their people become others' thirds.
 */
export function dissolveForTrios(ctx: PairingContext, groups: number[][], free: number): { groups: number[][]; freed: number[] } {
  const dissolve = groups.length - Math.ceil((groups.length * 2 + free) / MAX_GROUP);
  if (dissolve <= 0) return { groups, freed: [] };
  // A group holding an alumnus who can only be with staff is broken up last: they could not join another.
  const ranked = shuffled(ctx, groups)
    .map((group) => ({ group, key: groupKey(ctx, group) + (group.some((x) => staffOnly(ctx, x)) ? 1e6 : 0) }))
    .sort((a, b) => a.key - b.key);
  return {
    groups: ranked.slice(dissolve).map(({ group }) => group),
    freed: ranked.slice(0, dissolve).flatMap(({ group }) => group),
  };
}

/** Each person alone joins the group with room they fit best (allowed with everyone in it); returns who found none. */
export function placeAlone(ctx: PairingContext, groups: number[][], alone: readonly number[]): number[] {
  const left: number[] = [];
  // Alumni first, as fewer groups can take them; staff then fill first the groups only staff can
  // join (those holding an alumnus who keeps their profile from alumni), so that nobody is left out.
  const order = [...shuffled(ctx, alone.filter((x) => ctx.isStaff[x] === 0)), ...shuffled(ctx, alone.filter((x) => ctx.isStaff[x] === 1))];
  for (const x of order) {
    let best: number[] | null = null;
    let bestKey = -1;
    for (const group of groups) {
      if (group.length >= MAX_GROUP) continue;
      // How well x fits the people already there (the group's own pairs are the same whoever joins).
      let key = ctx.isStaff[x] === 1 && group.some((y) => staffOnly(ctx, y)) ? 1e6 : 0;
      for (const y of group) key += pairKey(ctx, x, y);
      if (key > bestKey && group.every((y) => allowed(ctx, x, y))) [best, bestKey] = [group, key];
    }
    if (best) best.push(x);
    else left.push(x);
  }
  return left;
}

/**
 * Last chance for those still alone (blocked from every group): new pairs among them, staff with an
 * alumnus, or two alumni when organizers allow; then thirds again. Never a staff-only group.
 */
export function pairAlone(ctx: PairingContext, alone: readonly number[]): { groups: number[][]; left: number[] } {
  const staff = alone.filter((x) => ctx.isStaff[x] === 1);
  const alumni = alone.filter((x) => ctx.isStaff[x] === 0);
  const groups: number[][] = [];
  const taken = new Set<number>();
  for (const u of staff) {
    const v = alumni.find((y) => !taken.has(y) && allowed(ctx, u, y));
    if (v === undefined) continue;
    groups.push([u, v]);
    taken.add(u).add(v);
  }
  if (ctx.alumniAlumni) {
    for (const pair of matchAmong(ctx, alumni.filter((y) => !taken.has(y)))) {
      groups.push(pair);
      taken.add(pair[0]).add(pair[1]);
    }
  }
  const left = placeAlone(ctx, groups, alone.filter((x) => !taken.has(x)));
  return { groups, left };
}

/**
 * Each alumnus alone who may only be with staff (no consent to alumni) takes the place of an
 * alumnus who may also be with alumni, in the group with a staff member that suits them best.
 * Changes `groups` in place; returns who was moved out (to meet alumni or join a group later) and
 * who is still alone.
 */
export function rescueStaffOnlyAlumni(ctx: PairingContext, groups: number[][], alone: readonly number[]): { moved: number[]; left: number[] } {
  const moved: number[] = [];
  const left: number[] = alone.filter((x) => !staffOnly(ctx, x));
  for (const p of shuffled(ctx, alone.filter((x) => staffOnly(ctx, x)))) {
    let best: { group: number[]; at: number } | null = null;
    let bestKey = -1;
    for (const group of groups) {
      if (!group.some((x) => ctx.isStaff[x] === 1)) continue;
      for (const [at, c] of group.entries()) {
        if (ctx.isStaff[c] !== 0 || staffOnly(ctx, c)) continue;
        const others = group.filter((_, i) => i !== at);
        if (!others.every((y) => allowed(ctx, p, y))) continue;
        let key = 0;
        for (const y of others) key += pairKey(ctx, p, y);
        if (key > bestKey) [best, bestKey] = [{ group, at }, key];
      }
    }
    if (!best) {
      left.push(p);
      continue;
    }
    moved.push(best.group[best.at]!);
    best.group[best.at] = p;
  }
  return { moved, left };
}

/** A group the rules allow: a staff member with an alumnus, or alumni only where organizers allow it; everyone allowed with everyone. */
function validGroup(ctx: PairingContext, group: readonly number[]): boolean {
  const staffIn = group.filter((x) => ctx.isStaff[x] === 1).length;
  if (staffIn === group.length || (staffIn === 0 && !ctx.alumniAlumni)) return false;
  return group.every((x, i) => group.slice(i + 1).every((y) => allowed(ctx, x, y)));
}

/**
 * Last of all, for someone still alone while a group has room they may not join: a member of a
 * full group who may join that one moves there, and they take the place. Changes `groups` in
 * place; returns who is still alone.
 */
export function swapIntoRoom(ctx: PairingContext, groups: number[][], alone: readonly number[]): number[] {
  const left: number[] = [];
  for (const x of alone) {
    let done = false;
    for (const room of groups) {
      if (done || room.length >= MAX_GROUP) continue;
      for (const full of groups) {
        if (done || full === room || full.length < MAX_GROUP) continue;
        for (const [at, q] of full.entries()) {
          const rest = full.filter((_, i) => i !== at);
          if (!validGroup(ctx, [...room, q]) || !validGroup(ctx, [...rest, x])) continue;
          room.push(q);
          full[at] = x;
          done = true;
          break;
        }
      }
    }
    if (!done) left.push(x);
  }
  return left;
}
