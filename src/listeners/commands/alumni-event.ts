import { buildEventList } from '../../blocks/events';
import { isAppError } from '../../services/errors';
import { listUpcomingEvents } from '../../services/events';
import type { ListenerDeps } from '../deps';
import { userMessageFor } from '../shared/errors';
import { openEventModal } from '../shared/event-modal';
import { guardCommand } from '../shared/guard';
import { identify } from '../shared/identify';

/** `/alumni-event` (organizers: the form to announce an event), `/alumni-event list`, `help`. */
export function handleEventCommand(deps: ListenerDeps) {
  return guardCommand(deps, async ({ command, reply, client }) => {
    const user = await identify(deps, command.user_id);
    const verb = command.text.trim().toLowerCase();
    if (verb === '') {
      try {
        await openEventModal(deps, client, { user, triggerId: command.trigger_id });
      } catch (error) {
        if (!isAppError(error)) throw error;
        await reply({ text: userMessageFor(error, user.t) });
      }
      return;
    }
    if (verb === 'list') {
      const items = await listUpcomingEvents(deps.services, user);
      await reply({ text: user.t.events.listTitle, blocks: buildEventList({ t: user.t, items }) });
      return;
    }
    await reply({ text: user.t.events.usage });
  });
}
