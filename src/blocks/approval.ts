import type { KnownBlock } from '@slack/types';
import type { MemberRow } from '../db/schema';
import type { Locale, Messages } from '../i18n';
import { ACTIONS } from '../slack/ids';
import { escapeMrkdwn, escapeMrkdwnWithin, mention } from '../slack/mrkdwn';
import { plain } from './common';
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

function summary(t: Messages, member: MemberRow): KnownBlock {
  const who = `${escapeMrkdwnWithin(member.name ?? member.pseudonym, 200)}${member.slackUserId ? ` (${mention(member.slackUserId)})` : ''}`;
  return { type: 'section', text: { type: 'mrkdwn', text: t.approval.request(who, t.memberType[member.memberType]) } };
}

/** The message in the organizers' channel: the applicant's profile, then the buttons or the decision. */
export function buildApprovalMessage({ t, locale, member }: ApprovalRequestProps): KnownBlock[] {
  const card = buildProfileCard({ t, locale, member, showPrivate: true }).filter((block) => block.type !== 'header');
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
                    member.decidedAt ? t.common.dateTime(member.decidedAt.toISOString()) : t.common.notSet,
                  )
                : t.status[member.status],
            },
          ],
        };
  return [summary(t, member), ...card, footer];
}

/** Plain-text fallback for notifications. */
export function approvalMessageText({ t, member }: { t: Messages; member: MemberRow }): string {
  return t.approval.request(escapeMrkdwnWithin(member.name ?? member.pseudonym, 200), t.memberType[member.memberType]).replace(/\*/g, '');
}
