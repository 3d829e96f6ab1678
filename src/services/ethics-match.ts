import type { EthicsCheck } from './ethics';

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

/** What matched, in short, in English (names as declared; read by the ethics officer). */
export function ethicsMatchSummary(stored: Record<string, unknown> | null): string | null {
  if (!stored) return null;
  const match = stored as StoredEthicsMatch;
  if (typeof match.summary === 'string') return match.summary;
  const parts: string[] = [];
  const party = match.interestedParty;
  if (party?.by === 'division') parts.push(`interested party: same division (${party.division})`);
  if (party?.by === 'sector') parts.push(`interested party: sector ${party.sector} (${party.relations.join(', ')})`);
  if (party?.by === 'organisation') parts.push(`interested party: organisation ${party.organisation} (${party.relations.join(', ')})`);
  const post = match.postRetirement;
  if (post) parts.push(`post-retirement: former division ${post.division}, until ${post.until}`);
  return parts.length > 0 ? parts.join('; ') : null;
}
