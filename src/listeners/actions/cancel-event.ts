import { isAppError } from '../../services/errors';
import { cancelEvent } from '../../services/events';
import type { ListenerDeps } from '../deps';
import { userMessageFor } from '../shared/errors';
import { guardButton, tellUser } from '../shared/guard';
import { identify } from '../shared/identify';

/**
 * "Cancel the event" in the confirmation: organizers only, once. The announcement, the DMs to
 * members who answered and the reminders' deletion are recorded with the cancellation; the
 * organizer hears whether Slack has taken them all.
 */
export function handleConfirmCancelEvent(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const { body, action, client, respond } = args;
    const user = await identify(deps, body.user.id);
    try {
      const { deliveryIds } = await cancelEvent(deps.services, {
        organizerSlackUserId: user.slackUserId,
        eventId: action.type === 'button' ? (action.value ?? '') : '',
      });
      const delivered = await deps.deliveries.deliverNow(deliveryIds);
      const text = delivered === 'sent' ? user.t.events.cancelled : user.t.events.cancelledDelivering;
      if (body.response_url) await respond({ replace_original: true, text });
      else await client.chat.postMessage({ channel: user.slackUserId, text });
    } catch (error) {
      if (!isAppError(error)) throw error;
      const text = isAppError(error, 'already_decided')
        ? user.t.events.alreadyCancelled
        : isAppError(error, 'not_found')
          ? user.t.events.notFound
          : userMessageFor(error, user.t);
      await tellUser(args, { slackUserId: user.slackUserId, text, hasResponseUrl: Boolean(body.response_url) });
    }
  });
}

/** "Keep it" in the confirmation: the question goes away, nothing changes. */
export function handleKeepEvent(deps: ListenerDeps) {
  return guardButton(deps, async ({ body, respond }) => {
    if (body.response_url) await respond({ delete_original: true });
  });
}
