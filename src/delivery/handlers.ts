import { t } from '../i18n';
import type { ListenerDeps } from '../listeners/deps';
import { findDelivery } from '../services/deliveries';
import { declarationHandlers } from './declarations';
import { eventHandlers } from './events';
import { introductionHandlers } from './introductions';
import { memberHandlers } from './members';
import { roundHandlers } from './rounds';
import type { DeliveryHandler, DeliveryHandlers } from './worker';

/** A delivery failed for good: the person it was for hears what, and that organizers can see it. */
function failureNotice(deps: ListenerDeps): DeliveryHandler {
  return async (delivery, client) => {
    const failed = await findDelivery(deps.services, String(delivery.payload.deliveryId));
    const slackUserId = String(delivery.payload.slackUserId);
    if (!failed) return;
    const m = t(await deps.directory.localeOf(slackUserId)).deliveries;
    const what = m.what[failed.kind as keyof typeof m.what] ?? m.what.other;
    await client.chat.postMessage({ channel: slackUserId, text: m.failedNotice(what, failed.lastError ?? 'unknown') });
  };
}

/** Every kind of delivery, and how it is carried out. */
export function deliveryHandlers(deps: ListenerDeps): DeliveryHandlers {
  return { ...introductionHandlers(deps), ...memberHandlers(deps), ...eventHandlers(deps), ...declarationHandlers(deps), ...roundHandlers(deps), 'delivery.failed': failureNotice(deps) };
}
