import type { KnownBlock } from '@slack/types';
import type { MemberRow } from '../db/schema';
import type { Locale, Messages } from '../i18n';
import { ACTIONS } from '../slack/ids';
import { escapeMrkdwn, escapeMrkdwnWithin, mention } from '../slack/mrkdwn';
import { plain } from './common';
import { slackDateTime } from './event-time';
import { buildProfileCard } from './profile-card';

export interface ApprovalRequestProps {
  t: Messages;
  locale: Locale;
  member: MemberRow;
}

/** Approve / Decline for one registration; the value is only a hint, re-checked on click. */
export function buildApprovalButtons({ t, member }: { t: Messages; member: MemberRow }): KnownBlock {
  return {
    type: 'actions',
    block_id: `approval:${member.id}`,
    elements: [
      { type: 'button', action_id: ACTIONS.approveMember, style: 'primary', text: plain(t.approval.approve, 75), value: member.id },
      { type: 'button', action_id: ACTIONS.declineMember, style: 'danger', text: plain(t.approval.decline, 75), value: member.id },
    ],
  };
}

/** The card's first line follows the registration: waiting, approved, declined (or otherwise closed). */
function headline(t: Messages, member: MemberRow, who: string): string {
  const type = t.memberType[member.memberType];
  switch (member.status) {
    case 'pending':
      return t.approval.request(who, type);
    case 'active':
      return member.decidedAt ? t.approval.approvedRequest(who, type) : t.approval.closedRequest(who, type, t.status.active);
    case 'declined':
      return t.approval.declinedRequest(who, type);
    default:
      return t.approval.closedRequest(who, type, t.status[member.status]);
  }
}

function summary(t: Messages, member: MemberRow): KnownBlock {
  const who = `${escapeMrkdwnWithin(member.name ?? member.pseudonym, 200)}${member.slackUserId ? ` (${mention(member.slackUserId)})` : ''}`;
  return { type: 'section', text: { type: 'mrkdwn', text: headline(t, member, who) } };
}

/** The message in the organizers' channel: the applicant's profile, then the buttons or the decision. */
export function buildApprovalMessage({ t, locale, member }: ApprovalRequestProps): KnownBlock[] {
  // An erased member's card keeps nothing of the profile: only that the registration is closed.
  const card =
    member.status === 'erased' ? [] : buildProfileCard({ t, locale, member, showPrivate: true }).filter((block) => block.type !== 'header');
  const decided = member.status === 'active' ? t.approval.approvedBy : member.status === 'declined' ? t.approval.declinedBy : undefined;
  const footer: KnownBlock =
    member.status === 'pending'
      ? buildApprovalButtons({ t, member })
      : {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: decided
                ? decided(
                    member.decidedBySlackUserId ? mention(member.decidedBySlackUserId) : t.common.notSet,
                    member.decidedAt ? slackDateTime(member.decidedAt) : t.common.notSet,
                  )
                : t.status[member.status],
            },
          ],
        };
  return [summary(t, member), ...card, footer];
}

/** Plain-text fallback for notifications: the headline without its time, so no date token shows raw. */
export function approvalMessageText({ t, member }: { t: Messages; member: MemberRow }): string {
  return headline(t, member, escapeMrkdwnWithin(member.name ?? member.pseudonym, 200)).replace(/\*/g, '');
}
