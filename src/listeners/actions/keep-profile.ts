import { confirmProfile } from '../../services/stale-profiles';
import type { ListenerDeps } from '../deps';
import { guardButton } from '../shared/guard';
import { identify } from '../shared/identify';

/** "Keep as is" in the stale-profile reminder records the confirmation. */
export function handleKeepProfile(deps: ListenerDeps) {
  return guardButton(deps, async ({ body, respond }) => {
    const user = await identify(deps, body.user.id);
    const confirmed = await confirmProfile(deps.services, body.user.id);
    await respond({ replace_original: true, text: confirmed ? user.t.stale.kept : user.t.profileCard.noProfile });
  });
}
