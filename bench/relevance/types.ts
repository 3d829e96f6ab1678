import type { SectorKey, TopicKey } from '../../src/services/taxonomy';
import type { ConceptId } from './concepts';

/** Why a profile must never be returned to staff, whatever it matches. */
export type Trap = 'no_staff_consent' | 'pending' | 'zero_capacity' | 'staff';

/**
 * A synthetic member as they fill in their profile, with what they really cover. `concepts` are
 * hidden from the search: the profile covers them and the concepts of its topics; its text may
 * name them, only hint at them, or say nothing (a topic chosen and nothing written).
 */
export interface JudgedProfile {
  /** Stable and short: names the member in the bench's output. */
  key: string;
  name: string;
  /** Alumni unless said; returnees are current staff again and still searchable. */
  memberType?: 'alumni' | 'returnee' | 'staff';
  years: readonly [joined: number, left: number | null];
  divisions: string;
  organisation: string;
  title: string;
  sector: SectorKey;
  topics: readonly TopicKey[];
  help: string;
  concepts: readonly ConceptId[];
  trap?: Trap;
  /** A near miss: what it mentions in passing without being an expert on it. */
  nearMiss?: string;
}

export const QUERY_KINDS = [
  'single_word',
  'synonym_or_abbreviation',
  'width',
  'cross_language',
  'multi_word',
  'sentence_ja',
  'sentence_en',
  'narrower_concept',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/**
 * A query as staff type it, with the concepts it asks for. `match: 'all'` (the default) asks for
 * every concept together, 'any' for either ("A や B に詳しい方"). `literal`: every word of the
 * query appears as typed (after NFKC and lower case) in some relevant profile.
 */
export interface JudgedQuery {
  id: string;
  text: string;
  kind: QueryKind;
  concepts: readonly ConceptId[];
  match?: 'all' | 'any';
  literal?: boolean;
}
