import type { WebClient } from '@slack/web-api';
import { buildProfileModal } from '../../blocks/profile-modal';
import { findOwnProfile } from '../../services/profile';
import type { ListenerDeps } from '../deps';
import type { IdentifiedUser } from './identify';

/** Opens the profile modal, prefilled with the caller's profile when they have one. */
export async function openProfileModal(
  deps: ListenerDeps,
  client: WebClient,
  input: { user: IdentifiedUser; triggerId: string },
): Promise<void> {
  const { user } = input;
  const member = await findOwnProfile(deps.services, user.slackUserId);
  const view = buildProfileModal({
    t: user.t,
    locale: user.locale,
    member,
    suggestedName: user.realName,
    currentYear: deps.services.clock().getUTCFullYear(),
  });
  await client.views.open({ trigger_id: input.triggerId, view });
}
