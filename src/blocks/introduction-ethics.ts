import type { KnownBlock } from '@slack/types';
import type { IntroductionRow, MemberRow } from '../db/schema';
import type { Locale, Messages } from '../i18n';
import type { EthicsCheck, EthicsNotice } from '../services/ethics';
import { storedEthicsMatch } from '../services/ethics-match';
import { defaultEthicsTexts, type EthicsTexts } from '../services/ethics-texts';
import { SECTORS, termLabel } from '../services/taxonomy';
import { INTRODUCTION_ETHICS_FIELDS } from '../slack/ids';
import { escapeMrkdwnWithin, mention } from '../slack/mrkdwn';
import { inputBlock, option, truncate } from './common';

export const ETHICS_ACK_VALUE = 'ethics_acknowledged';
export const ETHICS_NOTIFY_VALUE = 'notify_supervisor';

// Budgets for user text in messages, far within Slack's 3,000 characters per section.
const BUDGET = { name: 120, division: 120, topic: 200, legacy: 600 } as const;

/** What the modal shows of the ethics rules: the notices, and who the requester's supervisor is. */
export interface ModalEthics {
  check: EthicsCheck;
  locale: Locale;
  postRetirementYears: number;
  /** Prefills "your ethics supervisor" (their declaration). */
  supervisorSlackUserId: string | null;
  /** Shown again at submission: the notice was not on the form when it was filled in. */
  changed?: boolean;
  /** The rule texts in the reader's language (ethicsTexts(config.ethicsTexts, locale)); the catalogue's when absent. */
  texts?: EthicsTexts;
}

/** The relations that met, in the reader's language and list separator. */
function relationList(t: Messages, relations: readonly string[]): string {
  const labels: Record<string, string> = t.introductionEthics.relations;
  return relations.map((relation) => labels[relation] ?? relation).join(t.common.listSeparator);
}

/**
 * Each notice that applies, as the requester reads it: what matched (e.g. their employer has a
 * contract with your division) and the rules that follow, citing the rule by name.
 */
export function ethicsNoticeTexts(
  t: Messages,
  locale: Locale,
  check: EthicsCheck,
  postRetirementYears: number,
  texts: EthicsTexts = defaultEthicsTexts(t),
): string[] {
  const m = t.introductionEthics;
  const result: string[] = [];
  const party = check.interestedParty;
  if (party) {
    const what =
      party.by === 'division'
        ? m.matchedDivision(escapeMrkdwnWithin(party.division, BUDGET.name))
        : party.by === 'sector'
          ? m.matchedSector(relationList(t, party.relations), escapeMrkdwnWithin(termLabel(SECTORS, party.sector, locale), BUDGET.name))
          : m.matchedOrganisation(relationList(t, party.relations), escapeMrkdwnWithin(party.organisation, BUDGET.name));
    result.push(texts.interestedParty(what));
  }
  const post = check.postRetirement;
  if (post) result.push(texts.postRetirement(escapeMrkdwnWithin(post.division, BUDGET.name), postRetirementYears, endOfMonthText(t, post.until)));
  return result;
}

/** The last day of a month stored as `YYYY-MM` (the post-retirement period runs to it), in the reader's words: 2027年3月末, the end of March 2027. */
function endOfMonthText(t: Messages, month: string): string {
  const [year, number] = month.split('-').map(Number);
  return year && number && number >= 1 && number <= 12 ? t.ethicsMatch.endOfMonth(year, number) : month;
}

/**
 * What an ethics check matched, as stored with a request (ethics_match), in the reader's language:
 * one line per finding, names as declared and escaped. Rows stored before findings were kept as
 * data show their English text as it is. Nothing when nothing matched (or it was erased).
 */
export function ethicsMatchTexts(t: Messages, locale: Locale, stored: Record<string, unknown> | null): string[] {
  const match = storedEthicsMatch(stored);
  if (!match) return [];
  if (typeof match.summary === 'string') return match.summary ? [escapeMrkdwnWithin(match.summary, BUDGET.legacy)] : [];
  const e = t.ethicsMatch;
  const lines: string[] = [];
  const party = match.interestedParty;
  if (party?.by === 'division') lines.push(e.division(escapeMrkdwnWithin(party.division, BUDGET.name)));
  if (party?.by === 'sector') {
    lines.push(e.sector(relationList(t, party.relations), escapeMrkdwnWithin(termLabel(SECTORS, party.sector, locale), BUDGET.name)));
  }
  if (party?.by === 'organisation') lines.push(e.organisation(relationList(t, party.relations), escapeMrkdwnWithin(party.organisation, BUDGET.name)));
  const post = match.postRetirement;
  if (post) lines.push(e.postRetirement(escapeMrkdwnWithin(post.division, BUDGET.name), endOfMonthText(t, post.until)));
  return lines;
}

/** The notices, a required acknowledgement and the optional "tell my ethics supervisor". */
export function ethicsBlocks(t: Messages, ethics: ModalEthics): { notices: KnownBlock[]; inputs: KnownBlock[] } {
  const m = t.introductionEthics;
  const texts = ethics.texts ?? defaultEthicsTexts(t);
  const notices: KnownBlock[] = [
    { type: 'divider' },
    ...(ethics.changed ? [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: m.changed } }] : []),
    ...ethicsNoticeTexts(t, ethics.locale, ethics.check, ethics.postRetirementYears, texts).map(
      (text): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } }),
    ),
    { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(texts.notLegalAdvice, 3000) }] },
  ];
  const f = INTRODUCTION_ETHICS_FIELDS;
  const inputs: KnownBlock[] = [
    inputBlock(f.acknowledged, m.ackLabel, { type: 'checkboxes', action_id: f.acknowledged, options: [option(m.ack, ETHICS_ACK_VALUE)] }),
    inputBlock(
      f.notifySupervisor,
      m.notifyLabel,
      { type: 'checkboxes', action_id: f.notifySupervisor, options: [option(m.notify, ETHICS_NOTIFY_VALUE)] },
      { optional: true },
    ),
    inputBlock(
      f.supervisor,
      m.supervisorLabel,
      { type: 'users_select', action_id: f.supervisor, ...(ethics.supervisorSlackUserId ? { initial_user: ethics.supervisorSlackUserId } : {}) },
      { optional: true, hint: m.supervisorHint },
    ),
  ];
  return { notices, inputs };
}

/** How the alumnus's reminders are rendered: their language, and the rule texts in it. */
export interface ReminderOptions {
  /** For sector names in what matched; without it, what matched is not shown. */
  locale?: Locale;
  texts?: EthicsTexts;
}

/**
 * The alumnus's side of the ethics notices the request was recorded with, with what matched in
 * their language (none when none applied).
 */
export function alumnusEthicsReminders(
  t: Messages,
  request: Pick<IntroductionRow, 'ethicsNotices'> & Partial<Pick<IntroductionRow, 'ethicsMatch'>>,
  postRetirementYears: number,
  options: ReminderOptions = {},
): string[] {
  const texts = options.texts ?? defaultEthicsTexts(t);
  const reminders: string[] = [];
  if (request.ethicsNotices.includes('interested_party')) reminders.push(texts.alumnusInterestedParty);
  if (request.ethicsNotices.includes('post_retirement')) reminders.push(texts.alumnusPostRetirement(postRetirementYears));
  if (reminders.length === 0) return reminders;
  const matched = options.locale ? ethicsMatchTexts(t, options.locale, request.ethicsMatch ?? null) : [];
  if (matched.length > 0) reminders.push(t.ethicsMatch.alumnusMatched(matched.join(' / ')));
  reminders.push(texts.notLegalAdvice);
  return reminders;
}

function displayName(member: Pick<MemberRow, 'name' | 'pseudonym'>): string {
  return member.name ?? member.pseudonym;
}

/**
 * The DM to the ethics supervisor the requester chose to tell, in the supervisor's language: who,
 * with whom, the topic, and what matched.
 */
export function buildSupervisorNotice(props: {
  t: Messages;
  /** The supervisor's language (sector names in what matched). */
  locale: Locale;
  request: IntroductionRow;
  alumnus: Pick<MemberRow, 'name' | 'pseudonym' | 'organisation'>;
  texts?: EthicsTexts;
}): { text: string; blocks: KnownBlock[] } {
  const { t, request, alumnus } = props;
  const m = t.introductionEthics;
  const texts = props.texts ?? defaultEthicsTexts(t);
  const requester = `${escapeMrkdwnWithin(request.requesterName ?? '', BUDGET.name)} (${mention(request.requesterSlackUserId)})`;
  const text = m.supervisorText(requester);
  const matched = ethicsMatchTexts(t, props.locale, request.ethicsMatch);
  const facts = [
    m.supervisorWho(`${requester}, ${escapeMrkdwnWithin(request.requesterDivision ?? t.common.notSet, BUDGET.division)}`),
    m.supervisorWith(escapeMrkdwnWithin(displayName(alumnus), BUDGET.name), escapeMrkdwnWithin(alumnus.organisation ?? t.common.notSet, BUDGET.name)),
    m.supervisorTopic(escapeMrkdwnWithin(request.topic, BUDGET.topic)),
    m.supervisorNotices(request.ethicsNotices.map((notice) => m.noticeNames[notice as EthicsNotice] ?? notice).join(t.common.listSeparator)),
    ...(matched.length > 0 ? [m.supervisorMatched(matched.join(' / '))] : []),
  ];
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      { type: 'section', text: { type: 'mrkdwn', text: truncate(facts.join('\n'), 3000) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(texts.notLegalAdvice, 3000) }] },
    ],
  };
}
