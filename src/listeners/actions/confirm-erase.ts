import { eraseOwnData } from '../../services/privacy';
import type { ListenerDeps } from '../deps';
import { guardButton } from '../shared/guard';
import { publishHome } from '../shared/home';
import { identify } from '../shared/identify';

/** Erases the clicker's own data: whose data comes from Slack's user, never from the payload. */
export function handleConfirmErase(deps: ListenerDeps) {
  return guardButton(deps, async ({ body, respond, client }) => {
    const user = await identify(deps, body.user.id);
    const erased = await eraseOwnData(deps.services, body.user.id);
    const text = erased ? user.t.profileCommand.deleted : user.t.profileCommand.nothingToDelete;
    await respond({ response_type: 'ephemeral', replace_original: true, text });
    await publishHome(deps, client, user);
  });
}
