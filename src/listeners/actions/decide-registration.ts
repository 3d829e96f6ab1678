import { decideRegistration, type Decision } from '../../services/approvals';
import { isAppError } from '../../services/errors';
import { memberIdValue } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { userMessageFor } from '../shared/errors';
import { guardButton, tellUser } from '../shared/guard';
import { publishHome } from '../shared/home';
import { identify } from '../shared/identify';

/** Approve / Decline, from the organizers' channel or the App Home. Authorization is the service's. */
export function handleDecideRegistration(deps: ListenerDeps, decision: Decision) {
  return guardButton(deps, async (args) => {
    const { body, action, client } = args;
    const user = await identify(deps, body.user.id);
    const memberId = memberIdValue.safeParse(action.type === 'button' ? action.value : undefined);
    const fromHome = body.view?.type === 'home';
    const refuse = (text: string) =>
      tellUser(args, { slackUserId: body.user.id, text, hasResponseUrl: Boolean(body.response_url) });
    if (!memberId.success) {
      await refuse(user.t.approval.notFound);
      return;
    }
    try {
      const { deliveryIds } = await decideRegistration(deps.services, {
        organizerSlackUserId: body.user.id,
        memberId: memberId.data,
        decision,
      });
      await deps.deliveries.deliverNow(deliveryIds);
    } catch (error) {
      if (!isAppError(error)) throw error;
      await refuse(userMessageFor(error, user.t));
    }
    if (fromHome) await publishHome(deps, client, user);
  });
}
