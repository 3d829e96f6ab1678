import type { MemberRow, RoundCadence, RoundSettingsRow } from '../db/schema';
import { networkToday } from './calendar';
import { listEntries } from './ethics';
import { holdsAPost } from './profile-rules';

/**
 * The rules of rounds that need no database: who may join, who may be paired this round, when
 * rounds start and check in. Rounds are Donut's, made for this network: staff × alumni first.
 */

const DAY_MS = 24 * 60 * 60_000;
const CADENCE_DAYS: Record<RoundCadence, number> = { weekly: 7, biweekly: 14, every_4_weeks: 28 };
/** The longest a round lasts, in days. */
export const ROUND_MAX_DAYS = Math.max(...Object.values(CADENCE_DAYS));
/** Someone who answers nothing this many rounds in a row is paused and told. */
export const IGNORED_ROUNDS_BEFORE_PAUSE = 3;
/** How many recent rounds organizers see (App Home, `/alumni-admin stats`). */
export const ROUND_STATS_SHOWN = 4;
/** Most topics a staff member may name as what they are curious about, and the free text's length. */
export const CURIOUS_LIMITS = { topics: 10, text: 300 } as const;

export type RoundSide = 'staff' | 'alumni';

/** Staff are those who hold a post at the ministry now (returnees too); everyone else is an alumnus. */
export function roundSideOf(member: Pick<MemberRow, 'memberType'>): RoundSide {
  return holdsAPost(member.memberType) ? 'staff' : 'alumni';
}

export type JoinRefusal =
  /** No active profile: joining needs one (what pairs are made from, and what the partner sees). */
  | 'no_profile'
  /** Staff who joined the ministry more than the settings' years ago (rounds are entry-level). */
  | 'not_entry_level'
  /** An alumnus who does not share their profile with staff, or takes no introductions. */
  | 'not_shared';

/** Why this member may not join rounds, or undefined when they may. */
export function joinRefusal(
  member: Pick<MemberRow, 'status' | 'memberType' | 'yearJoined' | 'shareWithStaff' | 'monthlyCapacity'> | undefined,
  settings: Pick<RoundSettingsRow, 'staffMaxYears'> | undefined,
  now: Date,
): JoinRefusal | undefined {
  if (!member || member.status !== 'active') return 'no_profile';
  if (roundSideOf(member) === 'staff') {
    const maxYears = settings?.staffMaxYears ?? null;
    // A year joined not given is taken on trust: the profile form asks it, and nobody checks it anyway.
    if (maxYears !== null && member.yearJoined !== null && Number(networkToday(now).slice(0, 4)) - member.yearJoined > maxYears) return 'not_entry_level';
    return undefined;
  }
  return member.shareWithStaff === true && member.monthlyCapacity > 0 ? undefined : 'not_shared';
}

/** Why a participant cannot be paired this round (besides being paused or unavailable, which the query leaves out). */
export type UnpairedReason = 'not_eligible' | 'at_capacity' | 'no_partner';

/** Whether a participant the query found may be paired now: still eligible, and an alumnus with capacity left. */
export function pairingRefusal(
  candidate: { member: MemberRow; usedThisMonth: number },
  settings: Pick<RoundSettingsRow, 'staffMaxYears'>,
  now: Date,
): UnpairedReason | undefined {
  if (joinRefusal(candidate.member, settings, now)) return 'not_eligible';
  if (roundSideOf(candidate.member) === 'alumni' && candidate.usedThisMonth >= candidate.member.monthlyCapacity) return 'at_capacity';
  return undefined;
}

/** The round after one starting at `start`: it ends when the next begins. */
export function roundEnd(start: Date, cadence: RoundCadence): Date {
  return new Date(start.getTime() + CADENCE_DAYS[cadence] * DAY_MS);
}

/** Midway through the round: "did you meet?". */
export function checkInTime(start: Date, end: Date): Date {
  return new Date(start.getTime() + Math.floor((end.getTime() - start.getTime()) / 2));
}

/** The next start after `now` on the cadence from `start`: rounds missed while no instance ran are not made up. */
export function nextStartAfter(start: Date, cadence: RoundCadence, now: Date): Date {
  let next = roundEnd(start, cadence);
  while (next.getTime() <= now.getTime()) next = roundEnd(next, cadence);
  return next;
}

/** The topics a participant is paired by: a staff member's curiosities and profile topics; an alumnus's profile topics. */
export function pairingTopics(member: Pick<MemberRow, 'memberType' | 'topics'>, curiousTopics: readonly string[]): string[] {
  return roundSideOf(member) === 'staff' ? [...new Set([...curiousTopics, ...member.topics])] : [...member.topics];
}

/** The divisions a participant is compared by: a staff member's current one; an alumnus's former ones. */
export function pairingDivisions(member: Pick<MemberRow, 'memberType' | 'currentDivision' | 'formerDivisions'>): string[] {
  return listEntries(roundSideOf(member) === 'staff' ? member.currentDivision : member.formerDivisions);
}

/**
 * Three conversation starters for a pair: one per shared topic first, then the pair's other
 * topics, then general ones; which template goes with which topic is fixed by the pair's ID, so
 * the same pair reads the same starters in each language.
 */
export function starterPlan(input: { pairId: string; sharedTopics: readonly string[]; otherTopics: readonly string[]; templates: number }): { topic: string | null; template: number }[] {
  const seed = [...input.pairId].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7);
  const topics = [...new Set([...input.sharedTopics, ...input.otherTopics])].slice(0, 3);
  const plan: { topic: string | null; template: number }[] = topics.map((topic, index) => ({ topic, template: (seed + index) % input.templates }));
  for (let general = 0; plan.length < 3; general += 1) plan.push({ topic: null, template: general });
  return plan;
}
