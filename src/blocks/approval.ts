import type { KnownBlock } from '@slack/types';
import type { MemberRow } from '../db/schema';
import type { Locale, Messages } from '../i18n';
import { ACTIONS } from '../slack/ids';
import { escapeMrkdwnWithin, mention } from '../slack/mrkdwn';
import { both, buttonText, labelCatalogue, languagesOf, lines, type Speech } from './bilingual';
import { plain } from './common';
import { slackDateTime } from './event-time';
import { buildProfileCard } from './profile-card';

/** The organizers' channel's two languages (channelLanguages), the network's first. */
type ChannelLanguages = readonly [Messages, Messages];

export interface ApprovalRequestProps {
  t: ChannelLanguages;
  /** The network's language: the first of the channel's two. */
  locale: Locale;
  member: MemberRow;
}

/**
 * Approve / Decline for one registration; the value is only a hint, re-checked on click. In the
 * organizer's own language on their App Home, in both on the channel's card.
 */
export function buildApprovalButtons({ t: speech, member }: { t: Speech; member: MemberRow }): KnownBlock {
  const languages = languagesOf(speech);
  return {
    type: 'actions',
    block_id: `approval:${member.id}`,
    elements: [
      { type: 'button', action_id: ACTIONS.approveMember, style: 'primary', text: plain(buttonText(languages, (m) => m.approval.approve), 75), value: member.id },
      { type: 'button', action_id: ACTIONS.declineMember, style: 'danger', text: plain(buttonText(languages, (m) => m.approval.decline), 75), value: member.id },
    ],
  };
}

type CardState = 'pending' | 'approved' | 'declined' | 'closed';

function cardState(member: MemberRow): CardState {
  if (member.status === 'pending') return 'pending';
  if (member.status === 'active' && member.decidedAt) return 'approved';
  return member.status === 'declined' ? 'declined' : 'closed';
}

/**
 * The card's first line follows the registration (waiting, approved, declined or otherwise closed),
 * in both languages: `*新規登録 / New registration: name* (type) — status`, so the name shows once.
 */
function headline(languages: ChannelLanguages, member: MemberRow, who: string): string {
  const state = cardState(member);
  const title = `*${both(languages, (m) => m.approval.cardTitles[state])}: ${who}* (${both(languages, (m) => m.memberType[member.memberType])})`;
  return state === 'pending' || state === 'closed' ? `${title} — ${both(languages, (m) => m.status[member.status])}` : title;
}

function summary(languages: ChannelLanguages, member: MemberRow): KnownBlock {
  const who = `${escapeMrkdwnWithin(member.name ?? member.pseudonym, 200)}${member.slackUserId ? ` (${mention(member.slackUserId)})` : ''}`;
  return { type: 'section', text: { type: 'mrkdwn', text: headline(languages, member, who) } };
}

/** Who decided and when (a mention and a date token, no user text), one line per language. */
function decisionLine(languages: ChannelLanguages, member: MemberRow): string {
  const who = member.decidedBySlackUserId ? mention(member.decidedBySlackUserId) : undefined;
  const when = member.decidedAt ? slackDateTime(member.decidedAt) : undefined;
  return lines(languages, (m) => {
    const decided = member.status === 'active' ? m.approval.approvedBy : member.status === 'declined' ? m.approval.declinedBy : undefined;
    return decided ? decided(who ?? m.common.notSet, when ?? m.common.notSet) : m.status[member.status];
  });
}

/**
 * The message in the organizers' channel: the applicant's profile, then the buttons or the decision.
 * Organizers read different languages, so the channel's card carries both (labels, buttons, text).
 */
export function buildApprovalMessage({ t: languages, locale, member }: ApprovalRequestProps): KnownBlock[] {
  // An erased member's card keeps nothing of the profile: only that the registration is closed.
  const card =
    member.status === 'erased'
      ? []
      : buildProfileCard({
          t: labelCatalogue(languages),
          locale,
          termLocales: [locale, locale === 'ja' ? 'en' : 'ja'],
          member,
          showPrivate: true,
        }).filter((block) => block.type !== 'header');
  const footer: KnownBlock =
    member.status === 'pending'
      ? buildApprovalButtons({ t: languages, member })
      : { type: 'context', elements: [{ type: 'mrkdwn', text: decisionLine(languages, member) }] };
  return [summary(languages, member), ...card, footer];
}

/** Plain-text fallback for notifications: the headline without its time, so no date token shows raw. */
export function approvalMessageText({ t: languages, member }: { t: ChannelLanguages; member: MemberRow }): string {
  return headline(languages, member, escapeMrkdwnWithin(member.name ?? member.pseudonym, 200)).replace(/\*/g, '');
}
