import { eraseOwnData } from '../../services/privacy';
import type { ListenerDeps } from '../deps';
import { guardButton } from '../shared/guard';
import { publishHome } from '../shared/home';
import { identify } from '../shared/identify';

/**
 * Erases the clicker's own data: whose data comes from Slack's user, never from the payload. The
 * member is told first; what Slack must hear of the answers the erasure withdrew (their reminders
 * deleted, counts, waitlist promotions) was recorded in the erasure's transaction and is delivered
 * now, or by the worker: a Slack failure never touches the erasure, and nothing is lost.
 */
export function handleConfirmErase(deps: ListenerDeps) {
  return guardButton(deps, async ({ body, respond, client }) => {
    // Open to any account: a member who became a guest keeps the right to erase their data.
    const user = await identify(deps, body.user.id, { anyAccount: true });
    const erased = await eraseOwnData(deps.services, body.user.id);
    const text = erased ? user.t.profileCommand.deleted : user.t.profileCommand.nothingToDelete;
    try {
      await respond({ response_type: 'ephemeral', replace_original: true, text });
    } finally {
      // Never throws; runs even if the reply failed (and the worker would run it anyway).
      if (erased) await deps.deliveries.deliverNow([...erased.withdrawn.deliveryIds, ...erased.cardDeliveryIds]);
    }
    await publishHome(deps, client, user);
  });
}
