import { eraseOwnData } from '../../services/privacy';
import type { ListenerDeps } from '../deps';
import { announceWithdrawnAnswers } from '../shared/events';
import { guardButton } from '../shared/guard';
import { publishHome } from '../shared/home';
import { identify } from '../shared/identify';

/**
 * Erases the clicker's own data: whose data comes from Slack's user, never from the payload. The
 * member is told first; Slack then hears of the answers the erasure withdrew (counts, waitlist
 * promotions, reminders), and a failure there is logged without touching the erasure.
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
      // Never throws; runs even if the reply failed, so no reminder reaches the erased member.
      if (erased) await announceWithdrawnAnswers(deps, client, erased.withdrawn);
    }
    await publishHome(deps, client, user);
  });
}
