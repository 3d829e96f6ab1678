import { buildCancelConfirmation } from '../../blocks/events';
import { AppError, isAppError } from '../../services/errors';
import { exportAttendees, previewCancellation } from '../../services/events';
import { isOrganizer } from '../../services/organizers';
import { EVENT_MENU } from '../../slack/ids';
import { escapeMrkdwnWithin } from '../../slack/mrkdwn';
import { parseEventMenuValue } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { userMessageFor } from '../shared/errors';
import { openEventModal } from '../shared/event-modal';
import { guardButton, privateReply } from '../shared/guard';
import { identify } from '../shared/identify';
import { uploadFileToDm } from '../shared/upload';

/**
 * The organizer's menu on an announcement (everyone sees it; only organizers may use it, checked
 * here for each option): edit, cancel (asks first), attendee list as CSV in their DM.
 */
export function handleEventOrganizerMenu(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const { body, action, client, respond } = args;
    const chosen = parseEventMenuValue(action.type === 'overflow' ? action.selected_option.value : undefined);
    if (chosen?.verb === EVENT_MENU.edit) {
      // The form opens with the trigger before any lookup; the organizer check is openEventModal's.
      await openEventModal(deps, client, { slackUserId: body.user.id, triggerId: body.trigger_id, eventId: chosen.eventId });
      return;
    }
    const user = await identify(deps, body.user.id);
    const tell = privateReply(args);
    try {
      if (!(await isOrganizer(deps.services, user.slackUserId))) throw new AppError('not_organizer');
      if (!chosen) throw new AppError('not_found');
      if (chosen.verb === EVENT_MENU.cancel) {
        const { event, told } = await previewCancellation(deps.services, { organizerSlackUserId: user.slackUserId, eventId: chosen.eventId });
        if (event.status === 'cancelled') return tell(user.t.events.alreadyCancelled);
        const blocks = buildCancelConfirmation({ t: user.t, event, told });
        const text = `${user.t.events.cancelQuestion(escapeMrkdwnWithin(event.title, 150))} ${user.t.events.cancelTold(told)}`;
        if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, text, blocks });
        else await client.chat.postMessage({ channel: user.slackUserId, text, blocks });
      } else if (chosen.verb === EVENT_MENU.attendees) {
        const exported = await exportAttendees(deps.services, { organizerSlackUserId: user.slackUserId, eventId: chosen.eventId });
        const day = exported.event.startsAt.toISOString().slice(0, 10);
        await uploadFileToDm(client, user.slackUserId, {
          content: exported.csv,
          filename: `kakehashi-attendees-${day}.csv`,
          title: exported.event.title,
          message: { text: user.t.events.attendeesFileComment(escapeMrkdwnWithin(exported.event.title, 150)) },
        });
        await tell(user.t.events.attendeesSent(exported.count));
      } else {
        throw new AppError('not_found');
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (isAppError(error, 'not_found')) await tell(user.t.events.notFound);
      else if (isAppError(error, 'already_decided')) await tell(user.t.events.alreadyCancelled);
      else await tell(userMessageFor(error, user.t));
    }
  });
}
