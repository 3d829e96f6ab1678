import type { SlackUserObject } from '../../slack/user-record';
import type { ListenerDeps } from '../deps';
import { guardEvent } from '../shared/guard';

type UserEvent = 'user_change' | 'team_join' | 'user_guest_status_changed';

/**
 * user_change, team_join and user_guest_status_changed carry the whole user: what Slack now says
 * is recorded for every instance at once (deactivated, made a guest, restored…), and a member who
 * stopped taking part is found by nobody and has their waiting requests closed.
 */
export function handleUserChanged<Type extends UserEvent>(deps: ListenerDeps) {
  return guardEvent<Type>(deps, async ({ event }) => {
    const user = (event as { user?: SlackUserObject }).user;
    if (!user?.id) return;
    const { closed } = await deps.directory.record({ ...user, id: user.id });
    await deps.deliveries.deliverNow(closed);
  });
}
