import type { IntroductionRow } from '../db/schema';
import type { EthicsCheck } from './ethics';
import { SECTORS, termLabel } from './taxonomy';

/** What matched, as stored with a request (`introduction_requests.ethics_match`): the check's findings without its notices. */
export type StoredEthicsMatch = Pick<EthicsCheck, 'interestedParty' | 'postRetirement'> & {
  /** Rows made before migration 0016: the finding as English text. */
  summary?: string;
};

/** The findings to store with a request, or null when nothing matched. */
export function ethicsMatchRecord(check: EthicsCheck): StoredEthicsMatch | null {
  if (!check.interestedParty && !check.postRetirement) return null;
  return {
    ...(check.interestedParty ? { interestedParty: check.interestedParty } : {}),
    ...(check.postRetirement ? { postRetirement: check.postRetirement } : {}),
  };
}

/** The stored column as the findings it holds (null when nothing matched or it was erased). */
export function storedEthicsMatch(stored: Record<string, unknown> | null): StoredEthicsMatch | null {
  return stored ? (stored as StoredEthicsMatch) : null;
}

/**
 * What matched, in short, as the CSVs (introduction record, contact log) show it: one fixed
 * rendering, in English like the files' headers and coded cells (status, purpose, ethics_notices),
 * with names as declared (a Japanese division stays Japanese) and sectors by their English label,
 * so that one file reads the same whoever exports it and sorts and filters by one wording. Rows
 * made before migration 0016 give their English text as it was stored.
 */
export function ethicsMatchSummary(stored: Record<string, unknown> | null): string | null {
  const match = storedEthicsMatch(stored);
  if (!match) return null;
  if (typeof match.summary === 'string') return match.summary;
  const parts: string[] = [];
  const party = match.interestedParty;
  if (party?.by === 'division') parts.push(`interested party: same division (${party.division})`);
  if (party?.by === 'sector') {
    parts.push(`interested party: sector ${termLabel(SECTORS, party.sector, 'en')} (${party.relations.join(', ')})`);
  }
  if (party?.by === 'organisation') parts.push(`interested party: organisation ${party.organisation} (${party.relations.join(', ')})`);
  const post = match.postRetirement;
  if (post) parts.push(`post-retirement: former division ${post.division}, until ${post.until}`);
  return parts.length > 0 ? parts.join('; ') : null;
}

/**
 * The CSVs' `supervisor_notified` cell: `yes` once the DM was delivered (kept after the requester's
 * erasure clears the supervisor's ID), `failed` when its delivery failed for good (the requester was
 * told), `pending` while a supervisor is chosen but not told yet, `no` otherwise.
 */
export function supervisorNotifiedCell(
  request: Pick<IntroductionRow, 'ethicsSupervisorSlackUserId' | 'ethicsSupervisorNotifiedAt'>,
  supervisorDeliveryFailed: boolean,
): 'yes' | 'failed' | 'pending' | 'no' {
  if (request.ethicsSupervisorNotifiedAt) return 'yes';
  if (supervisorDeliveryFailed) return 'failed';
  return request.ethicsSupervisorSlackUserId ? 'pending' : 'no';
}
