import type { WebClient } from '@slack/web-api';
import { approvalMessageText, buildApprovalMessage } from '../../blocks/approval';
import type { MemberRow } from '../../db/schema';
import { t, toLocale } from '../../i18n';
import { recordApprovalMessage } from '../../services/approvals';
import type { ListenerDeps } from '../deps';

/** Posts a new registration to the organizers' channel (in the network's default language). */
export async function postApprovalRequest(deps: ListenerDeps, client: WebClient, member: MemberRow): Promise<void> {
  const channel = deps.config.organizersChannelId;
  if (!channel) return;
  const locale = deps.config.defaultLocale;
  const messages = t(locale);
  const posted = await client.chat.postMessage({
    channel,
    text: approvalMessageText({ t: messages, member }),
    blocks: buildApprovalMessage({ t: messages, locale, member }),
    unfurl_links: false,
  });
  if (posted.channel && posted.ts) {
    await recordApprovalMessage(deps.services, member.id, { channelId: posted.channel, ts: posted.ts });
  }
}

/** After a decision: the channel message shows who decided, and the applicant hears the outcome. */
export async function announceDecision(deps: ListenerDeps, client: WebClient, member: MemberRow): Promise<void> {
  const locale = deps.config.defaultLocale;
  const messages = t(locale);
  if (member.approvalChannelId && member.approvalMessageTs) {
    await client.chat.update({
      channel: member.approvalChannelId,
      ts: member.approvalMessageTs,
      text: approvalMessageText({ t: messages, member }),
      blocks: buildApprovalMessage({ t: messages, locale, member }),
    });
  }
  if (member.slackUserId) {
    const applicant = t(toLocale(member.locale, deps.config.defaultLocale));
    await client.chat.postMessage({
      channel: member.slackUserId,
      text: member.status === 'active' ? applicant.approval.applicantApproved : applicant.approval.applicantDeclined,
    });
  }
}
