import { buildEventList } from '../../blocks/events';
import { listUpcomingEvents } from '../../services/events';
import type { ListenerDeps } from '../deps';
import { openEventModal } from '../shared/event-modal';
import { guardCommand } from '../shared/guard';
import { identify } from '../shared/identify';

/** `/alumni-event` (organizers: the form to announce an event), `/alumni-event list`, `help`. */
export function handleEventCommand(deps: ListenerDeps) {
  return guardCommand(deps, async ({ command, reply, client }) => {
    const verb = command.text.trim().toLowerCase();
    if (verb === '') {
      // The form opens with the trigger before any lookup; a refusal is told in it.
      await openEventModal(deps, client, { slackUserId: command.user_id, triggerId: command.trigger_id });
      return;
    }
    const user = await identify(deps, command.user_id);
    if (verb === 'list') {
      const items = await listUpcomingEvents(deps.services, user);
      await reply({ text: user.t.events.listTitle, blocks: buildEventList({ t: user.t, items }) });
      return;
    }
    await reply({ text: user.t.events.usage });
  });
}
