import type { WebClient } from '@slack/web-api';
import { buildEventModal } from '../../blocks/event-modal';
import { findEvent } from '../../services/events';
import { isOrganizer } from '../../services/organizers';
import type { ListenerDeps } from '../deps';
import { openModalFirst } from './open-modal';

/**
 * The event form, empty or filled with an event to edit; organizers only (checked here, not
 * trusted). Opened loading first (see openModalFirst); a refusal is told in the modal.
 */
export async function openEventModal(
  deps: ListenerDeps,
  client: WebClient,
  input: { slackUserId: string; triggerId: string; eventId?: string },
): Promise<void> {
  await openModalFirst(deps, client, {
    triggerId: input.triggerId,
    slackUserId: input.slackUserId,
    load: async (user) => {
      if (!(await isOrganizer(deps.services, user.slackUserId))) return { refusal: user.t.common.notOrganizer };
      const event = input.eventId ? await findEvent(deps.services, input.eventId) : undefined;
      if (input.eventId && !event) return { refusal: user.t.events.notFound };
      if (event?.status === 'cancelled') return { refusal: user.t.events.alreadyCancelled };
      return buildEventModal({ t: user.t, event, defaultChannelId: deps.config.announcementsChannelId, now: deps.services.clock() });
    },
  });
}
