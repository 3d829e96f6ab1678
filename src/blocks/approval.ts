import type { KnownBlock } from '@slack/types';
import type { MemberRow } from '../db/schema';
import type { Locale, Messages } from '../i18n';
import { ACTIONS } from '../slack/ids';
import { escapeMrkdwn, mention } from '../slack/mrkdwn';
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
  const who = `${escapeMrkdwn(member.name ?? member.pseudonym)}${member.slackUserId ? ` (${mention(member.slackUserId)})` : ''}`;
  return { type: 'section', text: { type: 'mrkdwn', text: t.approval.request(who, t.memberType[member.memberType]) } };
}

/** The message in the organizers' channel: the applicant's profile, then the buttons or the decision. */
export function buildApprovalMessage({ t, locale, member }: ApprovalRequestProps): KnownBlock[] {
  const card = buildProfileCard({ t, locale, member, showPrivate: true }).filter((block) => block.type !== 'header');
  const footer: KnownBlock =
    member.status === 'pending'
      ? buildApprovalButtons({ t, member })
      : {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: (member.status === 'active' ? t.approval.approvedBy : t.approval.declinedBy)(
                member.decidedBySlackUserId ? mention(member.decidedBySlackUserId) : t.common.notSet,
                member.decidedAt ? t.common.dateTime(member.decidedAt.toISOString()) : t.common.notSet,
              ),
            },
          ],
        };
  return [summary(t, member), ...card, footer];
}

/** Plain-text fallback for notifications. */
export function approvalMessageText({ t, member }: { t: Messages; member: MemberRow }): string {
  return t.approval.request(escapeMrkdwn(member.name ?? member.pseudonym), t.memberType[member.memberType]).replace(/\*/g, '');
}
