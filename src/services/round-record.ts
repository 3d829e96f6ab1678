import type { RoundRecordPair } from '../db/repositories/round-record';
import { ethicsMatchSummary, storedEthicsMatch } from './ethics-match';
import { POLICY_TOPICS, termLabel } from './taxonomy';

/**
 * How a round's pair shows in the records (introduction record, contact log): what came of it,
 * why they were paired, what the interested-party check found. One fixed English wording, like the
 * files' other coded cells.
 */

export type RoundPairStatus = 'met' | 'not_yet' | 'skipped' | 'no_answer';

/**
 * What came of a pair: `met` when someone answered "we met" (even if another said "not yet"),
 * else `not_yet`, else `skipped`, else `no_answer`; with when the answer that decides it was given
 * (the first "we met", or the latest other answer).
 */
export function roundPairOutcome(people: RoundRecordPair['people']): { status: RoundPairStatus; answeredAt: Date | null } {
  const at = (answer: 'met' | 'not_yet' | 'skip') =>
    people
      .filter((person) => person.answer === answer && person.answeredAt)
      .map((person) => person.answeredAt!)
      .sort((a, b) => a.getTime() - b.getTime());
  const met = at('met');
  if (met.length > 0) return { status: 'met', answeredAt: met[0]! };
  const notYet = at('not_yet');
  if (notYet.length > 0) return { status: 'not_yet', answeredAt: notYet.at(-1)! };
  const skipped = at('skip');
  if (skipped.length > 0) return { status: 'skipped', answeredAt: skipped.at(-1)! };
  return { status: 'no_answer', answeredAt: null };
}

/** The topics the pair shares, by their English label, `; `-separated (before the formula guard). */
export function sharedTopicsText(keys: readonly string[]): string {
  return keys.map((key) => termLabel(POLICY_TOPICS, key, 'en')).join('; ');
}

/** The findings kept with a flagged pair (`{ "<staff>:<alumnus>": StoredEthicsMatch }`), as a list. */
function findingsOf(stored: Record<string, unknown> | null): Record<string, unknown>[] {
  if (!stored) return [];
  return Object.values(stored).filter((value): value is Record<string, unknown> => typeof value === 'object' && value !== null);
}

/** Which notices the pair's post carried: interested party, post-retirement. */
export function roundEthicsNotices(stored: Record<string, unknown> | null): { interestedParty: boolean; postRetirement: boolean } {
  const findings = findingsOf(stored).map((finding) => storedEthicsMatch(finding));
  return {
    interestedParty: findings.some((finding) => Boolean(finding?.interestedParty)),
    postRetirement: findings.some((finding) => Boolean(finding?.postRetirement)),
  };
}

/** What matched for each staff × alumnus of the pair, `; `-separated (before the formula guard); null when nothing did. */
export function roundEthicsSummary(stored: Record<string, unknown> | null): string | null {
  const parts = findingsOf(stored)
    .map((finding) => ethicsMatchSummary(finding))
    .filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join('; ') : null;
}
