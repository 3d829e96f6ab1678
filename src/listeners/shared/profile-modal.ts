import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { buildProfileModal } from '../../blocks/profile-modal';
import { activeUnavailability } from '../../services/availability';
import { findOwnProfile } from '../../services/profile';
import type { ListenerDeps } from '../deps';
import type { IdentifiedUser } from './identify';
import { openModalFirst } from './open-modal';

/** The profile modal, prefilled with the user's stored profile when they have one. */
export async function buildOwnProfileModal(deps: ListenerDeps, user: IdentifiedUser): Promise<ModalView> {
  const member = await findOwnProfile(deps.services, user.slackUserId);
  const now = deps.services.clock();
  return buildProfileModal({
    t: user.t,
    locale: user.locale,
    member,
    suggestedName: user.realName,
    currentYear: now.getUTCFullYear(),
    unavailableUntil: activeUnavailability(member, now),
  });
}

/** Opens the profile modal (loading first: see openModalFirst), prefilled with the caller's profile when they have one. */
export async function openProfileModal(
  deps: ListenerDeps,
  client: WebClient,
  input: { slackUserId: string; triggerId: string },
): Promise<void> {
  await openModalFirst(deps, client, { ...input, load: (user) => buildOwnProfileModal(deps, user) });
}
