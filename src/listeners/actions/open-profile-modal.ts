import type { ListenerDeps } from '../deps';
import { guardButton } from '../shared/guard';
import { openProfileModal } from '../shared/profile-modal';

/** "Edit my profile" on the App Home and in the stale-profile reminder. */
export function handleOpenProfileModal(deps: ListenerDeps) {
  return guardButton(deps, async ({ body, client }) => {
    await openProfileModal(deps, client, { slackUserId: body.user.id, triggerId: body.trigger_id });
  });
}
