import type { ListenerDeps } from '../deps';
import { guardShortcut } from '../shared/guard';
import { identify } from '../shared/identify';
import { openProfileModal } from '../shared/profile-modal';

export function handleEditProfileShortcut(deps: ListenerDeps) {
  return guardShortcut(deps, async ({ shortcut, client }) => {
    await openProfileModal(deps, client, { user: await identify(deps, shortcut.user.id), triggerId: shortcut.trigger_id });
  });
}
