import type { KnownBlock } from '@slack/types';
import type { MemberRow } from '../db/schema';
import type { Locale, Messages } from '../i18n';
import type { EthicsCheck } from '../services/ethics';
import { storedEthicsMatch } from '../services/ethics-match';
import { defaultEthicsTexts, type EthicsTexts } from '../services/ethics-texts';
import { escapeMrkdwnWithin } from '../slack/mrkdwn';
import { truncate } from './common';
import { ethicsNoticeTexts } from './introduction-ethics';

/**
 * Characters of notices per post (shared by its languages) and of the "not legal advice" line per
 * language: with the longest profiles a trio's post in two languages stays under Slack's ~13,000.
 */
const NOTICE_BUDGET = { perPost: 2_200, notLegalAdvice: 300, name: 60 } as const;

/** A flagged pair's notices in one language, as they read the rules (the organizers' texts where set). */
export interface RoundEthicsProps {
  t: Messages;
  locale: Locale;
  /** ethicsTexts(config.ethicsTexts, locale); the catalogue's when absent. */
  texts?: EthicsTexts;
  postRetirementYears: number;
  /** round_pairs.ethics_match: `{ "<staffMemberId>:<alumnusMemberId>": StoredEthicsMatch }`. */
  ethicsMatch: Record<string, unknown>;
  people: readonly { member: Pick<MemberRow, 'id' | 'name' | 'pseudonym'> }[];
  /** How many languages the post has: they share the budget. */
  languages: number;
}

/**
 * The notices of a pair the interested-party check flagged: for each staff member × alumnus it
 * matched, their names and the notice the official would have read on the request form (what
 * matched, then the rule), then the "not legal advice" line. A finding about someone no longer in
 * the post is left out; with none left, the general note alone.
 */
export function roundEthicsBlocks(props: RoundEthicsProps): KnownBlock[] {
  const { t, locale } = props;
  const texts = props.texts ?? defaultEthicsTexts(t);
  const byId = new Map(props.people.map(({ member }) => [member.id, member]));
  const name = (member: Pick<MemberRow, 'name' | 'pseudonym'>) => `*${escapeMrkdwnWithin(member.name ?? member.pseudonym, NOTICE_BUDGET.name)}*`;
  const findings = Object.entries(props.ethicsMatch).flatMap(([key, stored]) => {
    const [staffId, alumnusId] = key.split(':');
    const staff = staffId ? byId.get(staffId) : undefined;
    const alumnus = alumnusId ? byId.get(alumnusId) : undefined;
    const match = typeof stored === 'object' && stored !== null ? storedEthicsMatch(stored as Record<string, unknown>) : null;
    if (!staff || !alumnus || !match) return [];
    const check: EthicsCheck = { notices: [], ...match };
    const notices = ethicsNoticeTexts(t, locale, check, props.postRetirementYears, texts);
    return notices.length > 0 ? [`${name(staff)} × ${name(alumnus)}\n${notices.join('\n')}`] : [];
  });
  const heading = `:warning: ${t.rounds.pair.ethics}`;
  if (findings.length === 0) return [{ type: 'context', elements: [{ type: 'mrkdwn', text: heading }] }];
  const budget = Math.min(3000, Math.floor(NOTICE_BUDGET.perPost / Math.max(1, props.languages)));
  return [
    { type: 'section', text: { type: 'mrkdwn', text: truncate([heading, ...findings].join('\n\n'), budget) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(texts.notLegalAdvice, NOTICE_BUDGET.notLegalAdvice) }] },
  ];
}
