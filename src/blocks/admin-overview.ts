import type { KnownBlock, SectionBlock } from '@slack/types';
import type { Locale, Messages } from '../i18n';
import type { MemberListRow, NetworkStats } from '../services/admin-overview';
import { UNKNOWN_TOPIC } from '../services/admin-overview';
import { networkToday } from '../services/calendar';
import { POLICY_TOPICS, termLabel } from '../services/taxonomy';
import { escapeMrkdwnWithin } from '../slack/mrkdwn';
import { slackDate } from './event-time';

/** Slack's limits for a message: 50 blocks, 3,000 characters of text in a section. */
const MAX_BLOCKS = 50;
const SECTION_MAX = 3000;
/** Slack refuses a message whose blocks pass about 13,000 characters of JSON (msg_blocks_too_long). */
const BLOCKS_JSON_BUDGET = 11_000;

export interface AdminMessage {
  text: string;
  blocks: KnownBlock[];
}

const section = (text: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** Lines packed into as few sections as fit, each within Slack's 3,000 characters. */
function packLines(lines: string[]): SectionBlock[] {
  const sections: SectionBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > SECTION_MAX) {
      sections.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) sections.push(section(current));
  return sections;
}

function consentLabel(m: Messages, member: MemberListRow): string {
  const staff = member.shareWithStaff === true;
  const alumni = member.shareWithAlumni === true;
  const consent = m.adminOverview.consent;
  return staff && alumni ? consent.both : staff ? consent.staff : alumni ? consent.alumni : consent.nobody;
}

/** One compact line per member: everything an organizer checks at a glance. */
function memberLine(m: Messages, member: MemberListRow): string {
  const o = m.adminOverview;
  const name = member.name ? escapeMrkdwnWithin(member.name, 80) : o.noName;
  const organisation = member.organisation ? ` (${escapeMrkdwnWithin(member.organisation, 60)})` : '';
  const facts = [
    m.status[member.status],
    o.typeShort[member.memberType],
    consentLabel(m, member),
    member.profileConfirmedAt ? o.confirmed(slackDate(member.profileConfirmedAt)) : o.neverConfirmed,
    member.slackUserId ? o.linked : o.notLinked,
    o.requestsThisMonth(member.requestsThisMonth),
  ];
  return `• *${name}*${organisation} — ${facts.join(' · ')}`;
}

/**
 * `/alumni-admin members`: as many members as Slack's message limits allow (about 50 with long
 * names), then how many more there are and how to narrow the list.
 */
export function buildMemberList(props: { m: Messages; filterText: string; members: MemberListRow[] }): AdminMessage {
  const { m, members } = props;
  const o = m.adminOverview;
  const filter = props.filterText.trim();
  const heading = section(filter ? o.membersHeadingFiltered(members.length, `“${escapeMrkdwnWithin(filter, 200)}”`) : o.membersHeading(members.length));
  if (members.length === 0) return { text: o.noMembers, blocks: [heading, section(o.noMembers)] };
  const lines = members.map((member) => memberLine(m, member));
  const render = (shown: number): KnownBlock[] => {
    const more = members.length - shown;
    const tail: KnownBlock[] = more > 0 ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: o.more(more) }] }] : [];
    return [heading, ...packLines(lines.slice(0, shown)), ...tail];
  };
  const fits = (blocks: KnownBlock[]) => blocks.length <= MAX_BLOCKS && JSON.stringify(blocks).length <= BLOCKS_JSON_BUDGET;
  let shown = 0;
  while (shown < lines.length && fits(render(shown + 1))) shown += 1;
  return { text: o.membersFallback(shown, members.length), blocks: render(shown) };
}

/** A duration in whole minutes, hours or days, in the reader's language. */
export function formatDuration(m: Messages, seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const d = m.adminOverview.duration;
  if (minutes < 60) return d.minutes(minutes);
  if (minutes < 24 * 60) return d.hours(Math.floor(minutes / 60), minutes % 60);
  return d.days(Math.floor(minutes / (24 * 60)), Math.floor((minutes % (24 * 60)) / 60));
}

function topicLabel(m: Messages, locale: Locale, key: string): string {
  return key === UNKNOWN_TOPIC ? m.adminOverview.otherTopic : escapeMrkdwnWithin(termLabel(POLICY_TOPICS, key, locale), 100);
}

/** The topics searches found nobody for, as many as fit one section, then how many more. */
function unansweredSection(m: Messages, locale: Locale, unanswered: NetworkStats['unanswered']): string {
  const o = m.adminOverview;
  const lines = [o.unansweredHeading, o.unansweredSearches(unanswered.searchesThisMonth, unanswered.searchesAllTime)];
  if (unanswered.topics.length === 0) lines.push(o.noUnanswered);
  let length = lines.join('\n').length;
  for (const [i, topic] of unanswered.topics.entries()) {
    const line = `• ${o.unansweredTopic(topicLabel(m, locale, topic.topicKey), topic.thisMonth, topic.allTime)}`;
    // Room is kept for "…and N more" should a later line not fit.
    if (length + 1 + line.length > SECTION_MAX - 40) {
      lines.push(o.unansweredMore(unanswered.topics.length - i));
      break;
    }
    lines.push(line);
    length += 1 + line.length;
  }
  return lines.join('\n');
}

/** `/alumni-admin stats`: members, introductions, events, and what searches found nobody for. */
export function buildNetworkStats(props: { m: Messages; locale: Locale; stats: NetworkStats }): AdminMessage {
  const { m, locale, stats } = props;
  const o = m.adminOverview;
  const counts = <Key extends string>(labels: Record<Key, string>, values: Record<Key, number>) =>
    (Object.keys(labels) as Key[]).map((key) => `${labels[key]} ${values[key]}`).join(' · ');
  const introductions = (label: string, f: NetworkStats['introductions']['thisMonth']) =>
    `• ${label}: ${o.introductions(f.made, f.accepted, f.declined, f.expired)} · ${
      f.medianAnswerSeconds === null ? o.noAnswers : o.medianAnswer(formatDuration(m, f.medianAnswerSeconds))
    }`;
  const events = (label: string, f: NetworkStats['events']['thisMonth']) => `• ${label}: ${o.events(f.events, f.attendees)}`;

  const blocks: KnownBlock[] = [
    section(o.statsHeading(networkToday(stats.monthStart).slice(0, 7))),
    section(`${o.membersByStatus}\n${counts(m.status, stats.members.byStatus)}`),
    section(`${o.membersByType}\n${counts(o.typeShort, stats.members.byType)}\n${o.newThisMonth(stats.members.newThisMonth)}`),
    section(
      `${o.introductionsHeading}\n${introductions(o.thisMonth, stats.introductions.thisMonth)}\n${introductions(o.allTime, stats.introductions.allTime)}`,
    ),
    section(`${o.eventsHeading}\n${events(o.thisMonth, stats.events.thisMonth)}\n${events(o.allTime, stats.events.allTime)}`),
    section(unansweredSection(m, locale, stats.unanswered)),
  ];
  return { text: o.statsFallback, blocks };
}
