import { randomUUID } from 'node:crypto';
import { createRepositories, type Repositories } from '../db/repositories';
import type { RoundCandidateRow } from '../db/repositories/round-participants';
import type { RoundRow, RoundSettingsRow } from '../db/schema';
import { networkMonthStart, networkToday } from './calendar';
import { DELIVERIES } from './deliveries';
import type { ServiceDeps } from './deps';
import type { EthicsSettings } from './ethics';
import { ethicsMatchRecord } from './ethics-match';
import { ethicsCheckFor } from './introduction-ethics';
import { makePairs, type PairingCandidate } from './round-pairing';
import {
  checkInTime,
  IGNORED_ROUNDS_BEFORE_PAUSE,
  nextStartAfter,
  pairingDivisions,
  pairingRefusal,
  pairingTopics,
  roundEnd,
  roundSideOf,
  type UnpairedReason,
} from './round-rules';

/**
 * Running rounds: the start (once, in whichever instance claims it), the pairs and their group
 * DMs, the check-in midway, and at the end, who ignored the round. Everything Slack must be told
 * is recorded in the outbox in the same transaction.
 */

export interface StartedRound {
  round: RoundRow;
  pairs: number;
  unpaired: Partial<Record<UnpairedReason, number>>;
  deliveryIds: string[];
}

/**
 * Starts the round that is due, if one is: one transaction that locks the settings row, records
 * the round (its unique start makes a second instance's attempt a no-op), moves the next start on
 * by the cadence, closes the rounds that ended, pairs everyone who may be paired and records each
 * pair's group DM. Returns undefined when no round is due.
 */
export async function startDueRound(deps: ServiceDeps, ethics: Pick<EthicsSettings, 'postRetirementYears'>): Promise<StartedRound | undefined> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const settings = await repos.rounds.lockSettings();
    if (!settings?.enabled || !settings.nextStartAt || settings.nextStartAt.getTime() > now.getTime()) return undefined;
    const startsAt = settings.nextStartAt;
    const endsAt = roundEnd(startsAt, settings.cadence);
    await repos.rounds.setNextStart(nextStartAfter(startsAt, settings.cadence, now));
    const deliveryIds = await closeEndedRounds(repos, now);
    const round = await repos.rounds.insertRound({
      number: (await repos.rounds.lastNumber()) + 1,
      startsAt,
      checkInAt: checkInTime(startsAt, endsAt),
      endsAt,
      seed: randomUUID(),
      settings: { pairSize: settings.pairSize, mix: settings.mix, flaggedPairs: settings.flaggedPairs, noRepeatRounds: settings.noRepeatRounds },
      unpaired: {},
      createdAt: now,
    });
    if (!round) return undefined;
    const candidates = await repos.roundParticipants.listCandidates({ today: networkToday(now), monthStart: networkMonthStart(now) });
    const { pairable, unpaired } = sortOut(candidates, settings, now);
    const recent = await repos.rounds.groupsSince(round.number - 1 - settings.noRepeatRounds);
    const result = makePairs({
      candidates: pairable.map(toPairingCandidate),
      recentPairs: recent.flatMap(pairsWithin),
      flaggedPairs: flaggedPairsOf(pairable, now, ethics),
      settings: { pairSize: settings.pairSize === 3 ? 3 : 2, mix: settings.mix, flaggedPairs: settings.flaggedPairs },
      seed: round.seed,
    });
    const byId = new Map(pairable.map((candidate) => [candidate.member.id, candidate]));
    const pairs = await repos.rounds.insertPairs(
      round.id,
      result.groups.map((group) => ({
        memberIds: group.memberIds,
        sharedTopics: group.sharedTopics,
        ethicsMatch: group.flagged ? groupEthics(group.memberIds.map((id) => byId.get(id)!), now, ethics) : null,
      })),
      now,
    );
    if (result.unpaired.length > 0) unpaired.no_partner = result.unpaired.length;
    await repos.rounds.updateUnpaired(round.id, unpaired);
    await repos.audit.record({
      actor: null,
      action: 'rounds.started',
      details: { round: round.number, pairs: pairs.length, unpaired, repeatsAvoided: result.stats.repeatsAvoided },
      occurredAt: now,
    });
    deliveryIds.push(...(await repos.deliveries.enqueue(pairs.map((pair) => DELIVERIES.roundIntroduction(pair.id)), now)));
    return { round: { ...round, unpaired }, pairs: pairs.length, unpaired, deliveryIds };
  });
}

/** Candidates who may be paired now, and how many may not, by reason. */
function sortOut(candidates: RoundCandidateRow[], settings: RoundSettingsRow, now: Date) {
  const unpaired: Partial<Record<UnpairedReason, number>> = {};
  const pairable = candidates.filter((candidate) => {
    const refusal = pairingRefusal(candidate, settings, now);
    if (refusal) unpaired[refusal] = (unpaired[refusal] ?? 0) + 1;
    return !refusal;
  });
  return { pairable, unpaired };
}

function toPairingCandidate({ member, participant }: RoundCandidateRow): PairingCandidate {
  return {
    id: member.id,
    side: roundSideOf(member),
    topics: pairingTopics(member, participant.curiousTopics),
    divisions: pairingDivisions(member),
    sharesWithAlumni: member.shareWithAlumni === true,
  };
}

/** Every unordered pair inside a group (a trio holds three). */
function pairsWithin(group: readonly string[]): [string, string][] {
  return group.flatMap((a, index) => group.slice(index + 1).map((b): [string, string] => [a, b]));
}

/**
 * The staff × alumnus pairs the ethics rules flag (interested party, post-retirement), from what
 * each declared. Only staff who declared something can be flagged, so most pairs cost nothing.
 */
function flaggedPairsOf(pairable: RoundCandidateRow[], now: Date, ethics: Pick<EthicsSettings, 'postRetirementYears'>): [string, string][] {
  const staff = pairable.filter(({ member }) => roundSideOf(member) === 'staff' && declaredSomething(member));
  const alumni = pairable.filter(({ member }) => roundSideOf(member) === 'alumni');
  const flagged: [string, string][] = [];
  for (const official of staff) {
    for (const alumnus of alumni) {
      if (ethicsCheckFor('staff', official.member, null, alumnus.member, now, ethics).notices.length > 0) flagged.push([official.member.id, alumnus.member.id]);
    }
  }
  return flagged;
}

function declaredSomething(member: RoundCandidateRow['member']): boolean {
  return Boolean(member.currentDivision?.trim()) || member.officialDuties.length > 0;
}

/** What the check found for a flagged group, per staff × alumnus pair: kept with the pair for the record. */
function groupEthics(people: RoundCandidateRow[], now: Date, ethics: Pick<EthicsSettings, 'postRetirementYears'>): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  for (const official of people.filter(({ member }) => roundSideOf(member) === 'staff')) {
    for (const alumnus of people.filter(({ member }) => roundSideOf(member) === 'alumni')) {
      const match = ethicsMatchRecord(ethicsCheckFor('staff', official.member, null, alumnus.member, now, ethics));
      if (match) found[`${official.member.id}:${alumnus.member.id}`] = match;
    }
  }
  return found;
}

/**
 * Finishes the rounds that have ended: who answered nothing counts one more round ignored, and
 * whoever reaches three in a row is paused and told. Returns the deliveries recorded.
 */
async function closeEndedRounds(repos: Repositories, now: Date): Promise<string[]> {
  const ended = await repos.rounds.claimEnded(now);
  if (ended.length === 0) return [];
  const answers = await repos.rounds.answersOf(ended.map((round) => round.id));
  // A pair that met has met for everyone in it, whoever clicked.
  const metPairs = new Set(answers.filter((row) => row.answer === 'met').map((row) => row.pairId));
  const answeredRows = answers.filter((row) => row.answer !== null || metPairs.has(row.pairId));
  const answered = [...new Set(answeredRows.map((row) => row.memberId))];
  const ignored = [...new Set(answers.filter((row) => !answered.includes(row.memberId)).map((row) => row.memberId))];
  const paused = await repos.roundParticipants.countIgnored({ answered, ignored, pauseAt: IGNORED_ROUNDS_BEFORE_PAUSE, now });
  const lastRound = ended.reduce((latest, round) => (round.number > latest.number ? round : latest));
  return repos.deliveries.enqueue(paused.map((memberId) => DELIVERIES.roundPaused(memberId, lastRound.id)), now);
}

/** Closes ended rounds even when no new one starts (rounds turned off): the sweep's other half. */
export async function finishEndedRounds(deps: ServiceDeps): Promise<string[]> {
  const now = deps.clock();
  return deps.db.transaction((tx) => closeEndedRounds(createRepositories(tx), now));
}

/** Records the check-in of every round now halfway through, once (the rounds are claimed). */
export async function sendRoundCheckIns(deps: ServiceDeps): Promise<string[]> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const due = await repos.rounds.claimCheckIns(now);
    const pairIds = (await Promise.all(due.map((round) => repos.rounds.pairIdsOf(round.id)))).flat();
    return repos.deliveries.enqueue(pairIds.map((pairId) => DELIVERIES.roundCheckIn(pairId)), now);
  });
}
