import { createRepositories } from '../db/repositories';
import type { RoundPairWithPeople } from '../db/repositories/rounds';
import type { RoundAnswer } from '../db/schema';
import type { ServiceDeps } from './deps';
import { isUuid } from './uuid';

/** One pair of a round, with its people (what a delivery and a button read). */
export async function findRoundPair(deps: ServiceDeps, pairId: string): Promise<RoundPairWithPeople | undefined> {
  return isUuid(pairId) ? createRepositories(deps.db).rounds.findPair(pairId) : undefined;
}

/** The pair's group DM, once opened: the check-in goes there. */
export async function recordRoundGroupChannel(deps: ServiceDeps, pairId: string, channelId: string): Promise<void> {
  await createRepositories(deps.db).rounds.setGroupChannel(pairId, channelId);
}

export type PairAnswerResult = 'recorded' | 'not_in_pair' | 'round_over';

/**
 * One person's answer for their pair ("we met", "not yet", "skip"). Checked on the server: only
 * someone in the pair may answer, and only while the round runs. The last answer stands, so a
 * double click changes nothing.
 */
export async function answerRoundPair(deps: ServiceDeps, slackUserId: string, pairId: string, answer: NonNullable<RoundAnswer>): Promise<PairAnswerResult> {
  if (!isUuid(pairId)) return 'not_in_pair';
  const now = deps.clock();
  const repos = createRepositories(deps.db);
  const found = await repos.rounds.findPair(pairId);
  const person = found?.people.find(({ member }) => member.slackUserId === slackUserId);
  if (!found || !person) return 'not_in_pair';
  if (found.round.status === 'finished') return 'round_over';
  await repos.rounds.answer(pairId, person.member.id, answer, now);
  return 'recorded';
}

/** Whether a member is still paused for ignoring rounds (the notice of it is skipped once they rejoined). */
export async function stillPausedForIgnoring(deps: ServiceDeps, memberId: string): Promise<boolean> {
  if (!isUuid(memberId)) return false;
  const participant = await createRepositories(deps.db).roundParticipants.find(memberId);
  return participant?.status === 'paused' && participant.pausedReason === 'ignored';
}
