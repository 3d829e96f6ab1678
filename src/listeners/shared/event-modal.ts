import type { WebClient } from '@slack/web-api';
import { buildEventModal } from '../../blocks/event-modal';
import { AppError } from '../../services/errors';
import { findEvent } from '../../services/events';
import { isOrganizer } from '../../services/organizers';
import type { ListenerDeps } from '../deps';
import type { IdentifiedUser } from './identify';

/** The event form, empty or filled with an event to edit; organizers only (checked here, not trusted). */
export async function openEventModal(
  deps: ListenerDeps,
  client: WebClient,
  input: { user: IdentifiedUser; triggerId: string; eventId?: string },
): Promise<void> {
  if (!(await isOrganizer(deps.services, input.user.slackUserId))) throw new AppError('not_organizer');
  const event = input.eventId ? await findEvent(deps.services, input.eventId) : undefined;
  if (input.eventId && !event) throw new AppError('not_found');
  if (event?.status === 'cancelled') throw new AppError('already_decided');
  await client.views.open({
    trigger_id: input.triggerId,
    view: buildEventModal({
      t: input.user.t,
      event,
      defaultChannelId: deps.config.announcementsChannelId,
      now: deps.services.clock(),
    }),
  });
}
