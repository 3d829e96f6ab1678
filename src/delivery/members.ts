import { approvalMessageText, buildApprovalMessage } from '../blocks/approval';
import { channelLanguages } from '../blocks/bilingual';
import { buildDeclineNotice } from '../blocks/decline-registration';
import { buildStaleReminder } from '../blocks/prompts';
import { t, toLocale } from '../i18n';
import type { ListenerDeps } from '../listeners/deps';
import { recordApprovalMessage } from '../services/approvals';
import { findMemberForDelivery } from '../services/deliveries';
import { STALE_AFTER_MONTHS } from '../services/stale-profiles';
import { UndeliverableError } from './failures';
import type { DeliveryHandler } from './worker';

/** Registrations and profiles: the organizers' approval post, the applicant's answer, stale reminders. */
export function memberHandlers(deps: ListenerDeps) {
  // The organizers' channel is shared by readers of both languages: its card carries both, the network's first.
  const network = () => {
    const locale = deps.config.defaultLocale;
    return { locale, messages: channelLanguages(locale) };
  };
  const load = async (memberId: unknown) => findMemberForDelivery(deps.services, String(memberId));

  return {
    /** A new registration in the organizers' channel (in both languages); where it landed is kept. */
    async 'registration.approval_post'(delivery, client) {
      const member = await load(delivery.payload.memberId);
      if (!member || member.status !== 'pending') return;
      const channel = deps.config.organizersChannelId;
      if (!channel) throw new UndeliverableError('organizers_channel_not_set');
      const { locale, messages } = network();
      const posted = await client.chat.postMessage({
        channel,
        text: approvalMessageText({ t: messages, member }),
        blocks: buildApprovalMessage({ t: messages, locale, member }),
        unfurl_links: false,
      });
      if (posted.channel && posted.ts) await recordApprovalMessage(deps.services, member.id, { channelId: posted.channel, ts: posted.ts });
    },

    /** The approval post as it stands: who decided, and when. */
    async 'registration.approval_refresh'(delivery, client) {
      const member = await load(delivery.payload.memberId);
      if (!member?.approvalChannelId || !member.approvalMessageTs) return;
      const { locale, messages } = network();
      await client.chat.update({
        channel: member.approvalChannelId,
        ts: member.approvalMessageTs,
        text: approvalMessageText({ t: messages, member }),
        blocks: buildApprovalMessage({ t: messages, locale, member }),
      });
    },

    /**
     * The applicant hears the outcome, in their language; a decline names whom to ask, with the reason
     * if one is still on the row (erasure and a new submission clear it). A `reason` in the payload of
     * a notice queued before the row kept it is ignored: the outbox holds no one's words.
     */
    async 'registration.decision_notice'(delivery, client) {
      const member = await load(delivery.payload.memberId);
      if (!member?.slackUserId || (member.status !== 'active' && member.status !== 'declined')) return;
      const applicant = t(toLocale(member.locale, deps.config.defaultLocale));
      await client.chat.postMessage({
        channel: member.slackUserId,
        text:
          member.status === 'active'
            ? applicant.approval.applicantApproved
            : buildDeclineNotice({ t: applicant, decidedBySlackUserId: member.decidedBySlackUserId, reason: member.declineReason }),
      });
    },

    /** "Is this still right?", with Keep / Edit. */
    async 'profile.stale_reminder'(delivery, client) {
      const member = await load(delivery.payload.memberId);
      if (!member?.slackUserId || member.status !== 'active') return;
      const messages = t(toLocale(member.locale, deps.config.defaultLocale));
      await client.chat.postMessage({
        channel: member.slackUserId,
        text: messages.stale.reminder(STALE_AFTER_MONTHS),
        blocks: buildStaleReminder({ t: messages }),
      });
    },
  } satisfies Record<string, DeliveryHandler>;
}
