import { clearOwnUnavailability } from '../../services/availability';
import { VIEWS } from '../../slack/ids';
import type { ListenerDeps } from '../deps';
import { guardButton } from '../shared/guard';
import { publishHome } from '../shared/home';
import { identify } from '../shared/identify';
import { buildOwnProfileModal } from '../shared/profile-modal';

/**
 * "Available again" beside the "unavailable until" notice, on the App Home or in the profile
 * modal. Whose date is cleared comes from Slack's user, never from the payload (the button carries
 * nothing); a second click changes nothing. The redrawn surfaces are the feedback: the modal is
 * updated in place (its inputs keep their block and action IDs, so Slack keeps what the user
 * typed), and the App Home is published again.
 */
export function handleClearUnavailable(deps: ListenerDeps) {
  return guardButton(deps, async ({ body, client }) => {
    const user = await identify(deps, body.user.id);
    await clearOwnUnavailability(deps.services, body.user.id);
    const view = body.view;
    if (view?.type === 'modal' && view.callback_id === VIEWS.profile) {
      await client.views.update({ view_id: view.id, hash: view.hash, view: await buildOwnProfileModal(deps, user) });
    }
    await publishHome(deps, client, user);
  });
}
