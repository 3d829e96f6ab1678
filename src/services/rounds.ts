import { createRepositories } from '../db/repositories';
import type { RoundSettingsValues, RoundStatsRow } from '../db/repositories/rounds';
import type { MemberRow, RoundParticipantRow, RoundSettingsRow } from '../db/schema';
import type { ServiceDeps } from './deps';
import { requireOrganizer } from './event-lists';
import { isOrganizer } from './organizers';
import { CURIOUS_LIMITS, joinRefusal, ROUND_STATS_SHOWN, type JoinRefusal } from './round-rules';
import { TOPIC_KEYS } from './taxonomy';

/**
 * Taking part in rounds (join, pause, leave) and the organizers' settings. Starting rounds, the
 * pairs' answers and check-ins are in round-runs.ts.
 */

/** Where a user stands with rounds: what App Home and `/alumni-rounds status` show. */
export interface RoundsStanding {
  settings: RoundSettingsRow | undefined;
  member: MemberRow | undefined;
  participant: RoundParticipantRow | undefined;
  /** Why they may not join now, if they may not. */
  refusal: JoinRefusal | undefined;
  /** For organizers: the latest rounds and who takes part. */
  organizer?: { stats: RoundStatsRow[]; participants: Record<'active' | 'paused' | 'left', number> };
}

export async function roundsStanding(deps: ServiceDeps, slackUserId: string): Promise<RoundsStanding> {
  const repos = createRepositories(deps.db);
  const [settings, { member, isOrganizer: organizer }] = await Promise.all([repos.rounds.findSettings(), repos.members.findWithRole(slackUserId)]);
  const participant = member ? await repos.roundParticipants.find(member.id) : undefined;
  const standing: RoundsStanding = { settings, member, participant, refusal: joinRefusal(member, settings, deps.clock()) };
  if (organizer) {
    const [stats, participants] = await Promise.all([repos.rounds.stats(ROUND_STATS_SHOWN), repos.roundParticipants.countByStatus()]);
    standing.organizer = { stats, participants };
  }
  return standing;
}

export interface JoinInput {
  curiousTopics: readonly string[];
  curiousText: string | null;
}

export type JoinProblem = 'tooManyTopics' | 'tooLong';

/** What was typed in the join form, checked: known topics only, within the limits. */
export function checkJoinInput(input: JoinInput): { value: JoinInput } | { problem: JoinProblem } {
  const topics = [...new Set(input.curiousTopics)].filter((key) => (TOPIC_KEYS as readonly string[]).includes(key));
  if (topics.length > CURIOUS_LIMITS.topics) return { problem: 'tooManyTopics' };
  const text = input.curiousText?.trim() || null;
  if (text && [...text].length > CURIOUS_LIMITS.text) return { problem: 'tooLong' };
  return { value: { curiousTopics: topics, curiousText: text } };
}

export type JoinResult =
  | { kind: 'refused'; refusal: JoinRefusal; staffMaxYears: number | null }
  | { kind: 'joined' | 'updated'; participant: RoundParticipantRow };

/**
 * Joins rounds, or rejoins after a pause, or updates what a staff member is curious about. Safe
 * twice: the second is an update to the same values. Recorded in the audit trail when it changes
 * whether they take part.
 */
export async function joinRounds(deps: ServiceDeps, slackUserId: string, input: JoinInput): Promise<JoinResult> {
  const checked = checkJoinInput(input);
  if ('problem' in checked) throw new Error(`join input not checked: ${checked.problem}`);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const member = await repos.members.findBySlackUserId(slackUserId);
    const settings = await repos.rounds.findSettings();
    const refusal = joinRefusal(member, settings, now);
    if (refusal || !member) return { kind: 'refused', refusal: refusal ?? 'no_profile', staffMaxYears: settings?.staffMaxYears ?? null };
    const before = await repos.roundParticipants.find(member.id);
    const participant = await repos.roundParticipants.join({ memberId: member.id, ...checked.value, now });
    if (before?.status === 'active') return { kind: 'updated', participant };
    await repos.audit.record({ actor: slackUserId, action: 'rounds.joined', subjectMemberId: member.id, occurredAt: now });
    return { kind: 'joined', participant };
  });
}

/** Pauses or leaves rounds; 'not_joined' when they never joined (or already left, for leave). */
export async function stepBackFromRounds(deps: ServiceDeps, slackUserId: string, status: 'paused' | 'left'): Promise<'done' | 'not_joined'> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const member = await repos.members.findBySlackUserId(slackUserId);
    if (!member) return 'not_joined';
    const before = await repos.roundParticipants.setStatus(member.id, status, 'self', now);
    if (!before || before.status === 'left') return 'not_joined';
    if (before.status !== status) {
      await repos.audit.record({ actor: slackUserId, action: `rounds.${status}`, subjectMemberId: member.id, occurredAt: now });
    }
    return 'done';
  });
}

export interface RoundSettingsInput {
  enabled: boolean;
  cadence: RoundSettingsRow['cadence'];
  nextStartAt: Date | null;
  staffMaxYears: number | null;
  pairSize: number;
  mix: RoundSettingsRow['mix'];
  flaggedPairs: RoundSettingsRow['flaggedPairs'];
  noRepeatRounds: number;
}

export type RoundSettingsField = 'nextStart' | 'staffMaxYears' | 'noRepeat';
export type RoundSettingsProblem = { field: RoundSettingsField; code: RoundSettingsField | 'duringRound'; until?: Date };

/**
 * The settings' problems, by field (the form shows each under its field). The next round may not
 * start before the running one ends (`runningUntil`): people would be in two pairs at once.
 */
export function checkRoundSettings(input: RoundSettingsInput, now: Date, runningUntil?: Date): RoundSettingsProblem[] {
  const problems: RoundSettingsProblem[] = [];
  const start = input.nextStartAt;
  if (input.enabled && (!start || start.getTime() <= now.getTime())) problems.push({ field: 'nextStart', code: 'nextStart' });
  else if (input.enabled && start && runningUntil && start.getTime() < runningUntil.getTime()) {
    problems.push({ field: 'nextStart', code: 'duringRound', until: runningUntil });
  }
  const years = input.staffMaxYears;
  if (years !== null && (!Number.isInteger(years) || years < 1 || years > 40)) problems.push({ field: 'staffMaxYears', code: 'staffMaxYears' });
  if (!Number.isInteger(input.noRepeatRounds) || input.noRepeatRounds < 0 || input.noRepeatRounds > 52) problems.push({ field: 'noRepeat', code: 'noRepeat' });
  return problems;
}

/** Saves the organizers' settings (organizers only), audited; or says what is wrong with them. */
export async function saveRoundSettings(
  deps: ServiceDeps,
  slackUserId: string,
  input: RoundSettingsInput,
): Promise<{ kind: 'invalid'; problems: RoundSettingsProblem[] } | { kind: 'saved'; settings: RoundSettingsRow }> {
  await requireOrganizer(deps, slackUserId);
  const now = deps.clock();
  const values: RoundSettingsValues = { ...input, pairSize: input.pairSize === 3 ? 3 : 2 };
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    // Checked with the settings row locked, as a round's start reads it.
    await repos.rounds.lockSettings();
    const problems = checkRoundSettings(input, now, await repos.rounds.runningUntil());
    if (problems.length > 0) return { kind: 'invalid' as const, problems };
    const saved = await repos.rounds.saveSettings(values, slackUserId, now);
    await repos.audit.record({
      actor: slackUserId,
      action: 'rounds.settings',
      details: { ...values, nextStartAt: values.nextStartAt?.toISOString() ?? null },
      occurredAt: now,
    });
    return { kind: 'saved' as const, settings: saved };
  });
}

/** The settings, for the organizers' form: null for anyone else; undefined before they were first saved. */
export async function roundSettingsForOrganizer(deps: ServiceDeps, slackUserId: string): Promise<RoundSettingsRow | null | undefined> {
  if (!(await isOrganizer(deps, slackUserId))) return null;
  return createRepositories(deps.db).rounds.findSettings();
}

/** The latest rounds' figures and who takes part, for `/alumni-admin stats` (organizers only). */
export async function roundFigures(deps: ServiceDeps, slackUserId: string) {
  await requireOrganizer(deps, slackUserId);
  const repos = createRepositories(deps.db);
  const [stats, participants] = await Promise.all([repos.rounds.stats(ROUND_STATS_SHOWN), repos.roundParticipants.countByStatus()]);
  return { stats, participants };
}
