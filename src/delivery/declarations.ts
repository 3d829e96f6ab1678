import { buildDeclarationsReminder } from '../blocks/declarations-reminder';
import { t, toLocale } from '../i18n';
import type { ListenerDeps } from '../listeners/deps';
import { findMemberForDelivery } from '../services/deliveries';
import type { DeliveryHandler } from './worker';

/** Staff's ethics declarations: the yearly "please confirm" DM. */
export function declarationHandlers(deps: ListenerDeps) {
  return {
    /** Sent unless the member is no longer active staff, or confirmed since the reminder was recorded. */
    async 'profile.declarations_reminder'(delivery, client) {
      const member = await findMemberForDelivery(deps.services, String(delivery.payload.memberId));
      if (!member?.slackUserId || member.status !== 'active' || member.memberType !== 'staff') return;
      if (member.declarationsConfirmedAt && member.declarationsConfirmedAt >= delivery.createdAt) return;
      const messages = t(toLocale(member.locale, deps.config.defaultLocale));
      const months = deps.config.ethics.declarationsConfirmMonths;
      await client.chat.postMessage({
        channel: member.slackUserId,
        text: messages.declarations.reminder.text(months),
        blocks: buildDeclarationsReminder({ t: messages, months }),
      });
    },
  } satisfies Record<string, DeliveryHandler>;
}
