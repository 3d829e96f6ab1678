import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { RoundStatsRow } from '../db/repositories/rounds';
import type { MemberRow, RoundPairRow, RoundRow } from '../db/schema';
import type { Locale, Messages } from '../i18n';
import type { RoundsStanding } from '../services/rounds';
import { roundSideOf, starterPlan } from '../services/round-rules';
import { POLICY_TOPICS, termLabel } from '../services/taxonomy';
import { ROUNDS } from '../slack/ids';
import { escapeMrkdwnWithin, mention } from '../slack/mrkdwn';
import { plain } from './common';
import { slackDate, slackDateTime } from './event-time';
import { roundEthicsBlocks } from './round-ethics';
import type { EthicsTexts } from '../services/ethics-texts';
import { DEFAULT_ETHICS_SETTINGS } from '../services/ethics';

/** Lengths that keep a trio's post in two languages within Slack's limits, however long the profiles. */
const BUDGET = { name: 80, fact: 120, curious: 300, topics: 5 } as const;

/** One person of a pair as the post shows them. */
export interface PairPerson {
  member: MemberRow;
  curiousTopics: readonly string[];
  curiousText: string | null;
}

function nameOf(member: Pick<MemberRow, 'name' | 'pseudonym' | 'slackUserId'>): string {
  const name = escapeMrkdwnWithin(member.name ?? member.pseudonym, BUDGET.name);
  return member.slackUserId ? `${name} (${mention(member.slackUserId)})` : name;
}

/** The first few topics by name (a long list says little in a post). */
function topicList(keys: readonly string[], locale: Locale, t: Messages): string {
  const shown = keys.slice(0, BUDGET.topics).map((key) => termLabel(POLICY_TOPICS, key, locale));
  return `${shown.join(t.common.listSeparator)}${keys.length > BUDGET.topics ? '…' : ''}`;
}

/** Who someone is, in one line: organisation, title, division; what they work on. */
function personLine(t: Messages, locale: Locale, person: PairPerson): string {
  const { member } = person;
  const where =
    roundSideOf(member) === 'staff'
      ? [member.currentDivision, member.title]
      : [member.organisation, member.title, member.formerDivisions ? `${t.memberType.alumni}: ${member.formerDivisions}` : null];
  const facts = where.filter((value): value is string => Boolean(value?.trim())).map((value) => escapeMrkdwnWithin(value, BUDGET.fact));
  const topics = member.topics.length > 0 ? `\n${topicList(member.topics, locale, t)}` : '';
  return `• *${nameOf(member)}* — ${t.memberType[member.memberType]}${facts.length > 0 ? `, ${facts.join(' / ')}` : ''}${topics}`;
}

/** The pair's buttons ("we met", "not yet", "skip"), each carrying the pair's ID; labels in every language of the post. */
function answerButtons(messages: readonly Messages[], pairId: string): ActionsBlock {
  const label = (pick: (m: Messages['rounds']['pair']) => string) => [...new Set(messages.map((m) => pick(m.rounds.pair)))].join(' / ');
  const button = (actionId: string, text: string, style?: 'primary'): Button => ({
    type: 'button',
    action_id: actionId,
    value: pairId,
    text: plain(text, 75),
    ...(style ? { style } : {}),
  });
  return {
    type: 'actions',
    block_id: `${ROUNDS.blocks.answersPrefix}${pairId}`.slice(0, 255),
    elements: [
      button(ROUNDS.actions.met, label((p) => p.met), 'primary'),
      button(ROUNDS.actions.notYet, label((p) => p.notYet)),
      button(ROUNDS.actions.skip, label((p) => p.skip)),
    ],
  };
}

/**
 * A pair's group DM: in each person's language (the network's first), who they are, why they
 * were paired, what the staff member is curious about, three conversation starters, the code of
 * conduct, the ethics notices when the check flagged the pair (what matched for whom, the rules in
 * the organizers' words, not legal advice), and the answer buttons.
 */
export function buildRoundPairPost(props: {
  /** Each language of the post, with the organizers' ethics texts in it (ethicsTexts(config.ethicsTexts, locale)). */
  messages: readonly { t: Messages; locale: Locale; ethicsTexts?: EthicsTexts }[];
  pair: RoundPairRow;
  round: RoundRow;
  people: readonly PairPerson[];
  /** POST_RETIREMENT_YEARS, said in the post-retirement notice. */
  postRetirementYears?: number;
}): { text: string; blocks: KnownBlock[] } {
  const { pair, round, people } = props;
  const blocks: KnownBlock[] = [];
  const names = people.map(({ member }) => nameOf(member)).join(', ');
  for (const { t, locale, ethicsTexts } of props.messages) {
    const p = t.rounds.pair;
    if (blocks.length > 0) blocks.push({ type: 'divider' });
    const curious = people
      .filter((person) => person.curiousTopics.length > 0 || person.curiousText)
      .map((person) => {
        const what = [topicList(person.curiousTopics, locale, t), person.curiousText ? escapeMrkdwnWithin(person.curiousText, BUDGET.curious) : '']
          .filter(Boolean)
          .join(' — ');
        return p.curious(escapeMrkdwnWithin(person.member.name ?? person.member.pseudonym, BUDGET.name), what);
      });
    const otherTopics = people.flatMap((person) => [...person.curiousTopics, ...person.member.topics]);
    const starters = starterPlan({ pairId: pair.id, sharedTopics: pair.sharedTopics, otherTopics, templates: p.starterTopics.length }).map(
      ({ topic, template }, index) =>
        `${index + 1}. ${topic ? p.starterTopics[template]!(termLabel(POLICY_TOPICS, topic, locale)) : p.starterGeneral[template % p.starterGeneral.length]!}`,
    );
    blocks.push(
      { type: 'section', text: { type: 'mrkdwn', text: p.heading(names) } },
      { type: 'section', text: { type: 'mrkdwn', text: people.map((person) => personLine(t, locale, person)).join('\n') } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: [pair.sharedTopics.length > 0 ? p.why(topicList(pair.sharedTopics, locale, t)) : p.whyNone, ...curious].join('\n'),
        },
      },
      { type: 'section', text: { type: 'mrkdwn', text: `${p.starters}\n${starters.join('\n')}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: p.conduct }] },
    );
    if (pair.ethicsMatch) {
      blocks.push(
        ...roundEthicsBlocks({
          t,
          locale,
          texts: ethicsTexts,
          postRetirementYears: props.postRetirementYears ?? DEFAULT_ETHICS_SETTINGS.postRetirementYears,
          ethicsMatch: pair.ethicsMatch,
          people,
          languages: props.messages.length,
        }),
      );
    }
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: p.due(slackDate(round.endsAt)) }] });
  }
  blocks.push(answerButtons(props.messages.map(({ t }) => t), pair.id));
  return { text: props.messages[0]!.t.rounds.pair.text(names), blocks };
}

/** Midway through the round, in the pair's group DM: "did you meet?", with the buttons again. */
export function buildRoundCheckIn(props: { messages: readonly Messages[]; pairId: string }): { text: string; blocks: KnownBlock[] } {
  return {
    text: props.messages[0]!.rounds.checkIn.text,
    blocks: [
      ...props.messages.map((t): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: t.rounds.checkIn.body } })),
      answerButtons(props.messages, props.pairId),
    ],
  };
}

function statusLine(t: Messages, standing: RoundsStanding): string {
  const s = t.rounds.status;
  const participant = standing.participant;
  if (!participant || participant.status === 'left') return participant ? s.left : s.notJoined;
  if (participant.status === 'paused') return participant.pausedReason === 'ignored' ? s.pausedIgnored : s.paused;
  return s.joined;
}

function scheduleLine(t: Messages, standing: RoundsStanding): string {
  const settings = standing.settings;
  if (!settings?.enabled || !settings.nextStartAt) return t.rounds.status.off;
  return t.rounds.status.next(slackDateTime(settings.nextStartAt), t.rounds.cadence[settings.cadence]);
}

/** The rounds section of App Home (and `/alumni-rounds status`): where the user stands, their buttons, and for organizers the figures. */
export function buildRoundsSection(props: { t: Messages; locale: Locale; standing: RoundsStanding }): KnownBlock[] {
  const { t, locale, standing } = props;
  const r = t.rounds;
  const participant = standing.participant;
  const active = participant?.status === 'active';
  const lines = [r.status.heading, scheduleLine(t, standing), statusLine(t, standing)];
  if (active && participant.curiousTopics.length > 0) lines.push(r.status.curious(topicList(participant.curiousTopics, locale, t)));
  if (!active && standing.refusal) lines.push(roundRefusalText(t, standing.refusal, standing.settings?.staffMaxYears ?? null));
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } }];
  const buttons: Button[] = [];
  if (!standing.refusal || active) {
    buttons.push({ type: 'button', action_id: ROUNDS.actions.join, text: plain(active ? r.buttons.update : r.buttons.join, 75), ...(active ? {} : { style: 'primary' as const }) });
  }
  if (active) buttons.push({ type: 'button', action_id: ROUNDS.actions.pause, text: plain(r.buttons.pause, 75) });
  if (participant && participant.status !== 'left') buttons.push({ type: 'button', action_id: ROUNDS.actions.leave, text: plain(r.buttons.leave, 75) });
  if (standing.organizer) buttons.push({ type: 'button', action_id: ROUNDS.actions.setup, text: plain(r.buttons.setup, 75) });
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: ROUNDS.blocks.buttons, elements: buttons });
  if (standing.organizer) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: roundStatsText(t, standing.organizer) }] });
  return blocks;
}

/** What a refused join is told. */
export function roundRefusalText(t: Messages, refusal: NonNullable<RoundsStanding['refusal']>, staffMaxYears: number | null): string {
  return refusal === 'not_entry_level' ? t.rounds.refusal.not_entry_level(staffMaxYears ?? 0) : t.rounds.refusal[refusal];
}

/** Pairs made and met rate of the latest rounds, and who takes part: for organizers. */
export function roundStatsText(t: Messages, figures: { stats: readonly RoundStatsRow[]; participants: Record<'active' | 'paused' | 'left', number> }): string {
  const s = t.rounds.stats;
  const rows = figures.stats.map((row) => {
    const rate = row.pairs > 0 ? `${Math.round((row.met / row.pairs) * 100)}%` : '–';
    const unpaired = Object.values(row.unpaired).reduce((sum, n) => sum + n, 0);
    return `${s.row(row.number, slackDate(row.startsAt), row.pairs, row.met, rate)}${unpaired > 0 ? ` · ${s.unpaired(unpaired)}` : ''}`;
  });
  return [s.heading, ...(rows.length > 0 ? rows : [s.none]), s.participants(figures.participants.active, figures.participants.paused)].join('\n');
}
