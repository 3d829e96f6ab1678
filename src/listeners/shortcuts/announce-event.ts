import type { ListenerDeps } from '../deps';
import { openEventModal } from '../shared/event-modal';
import { guardShortcut } from '../shared/guard';

/** Global shortcut "Announce an event": the same form as `/alumni-event`, organizers only. */
export function handleAnnounceEventShortcut(deps: ListenerDeps) {
  return guardShortcut(deps, async ({ shortcut, client }) => {
    await openEventModal(deps, client, { slackUserId: shortcut.user.id, triggerId: shortcut.trigger_id });
  });
}
