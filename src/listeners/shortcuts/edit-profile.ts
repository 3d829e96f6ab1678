import type { ListenerDeps } from '../deps';
import { guardShortcut } from '../shared/guard';
import { openProfileModal } from '../shared/profile-modal';

export function handleEditProfileShortcut(deps: ListenerDeps) {
  return guardShortcut(deps, async ({ shortcut, client }) => {
    await openProfileModal(deps, client, { slackUserId: shortcut.user.id, triggerId: shortcut.trigger_id });
  });
}
