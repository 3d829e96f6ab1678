import { buildDeclineRegistrationModal } from '../../blocks/decline-registration';
import { DECLINE_REASON_MAX, decideRegistration, findRegistrationToDecide, type Decision } from '../../services/approvals';
import { isAppError } from '../../services/errors';
import { memberIdValue } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { userMessageFor } from '../shared/errors';
import { guardButton, tellUser } from '../shared/guard';
import { publishHome } from '../shared/home';
import { identify } from '../shared/identify';

/**
 * Approve decides at once; Decline opens a form to confirm, with an optional reason for the
 * applicant (src/listeners/views/decline-registration.ts decides). From the organizers' channel or
 * the App Home. Authorization is the service's.
 */
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
      if (decision === 'decline') {
        // Checked here only to spare the organizer a form they cannot send; the submission checks again.
        const member = await findRegistrationToDecide(deps.services, { organizerSlackUserId: body.user.id, memberId: memberId.data });
        await client.views.open({
          trigger_id: body.trigger_id,
          view: buildDeclineRegistrationModal({ t: user.t, member, organizerSlackUserId: body.user.id, fromHome, reasonMax: DECLINE_REASON_MAX }),
        });
        return;
      }
      const result = await decideRegistration(deps.services, {
        organizerSlackUserId: body.user.id,
        memberId: memberId.data,
        decision,
      });
      if (result.kind === 'decided') await deps.deliveries.deliverNow(result.deliveryIds);
      // A second click of the same button changes nothing, and says so (the form closes quietly instead).
      else await refuse(user.t.approval.alreadyDecided);
    } catch (error) {
      if (!isAppError(error)) throw error;
      await refuse(userMessageFor(error, user.t));
    }
    if (fromHome) await publishHome(deps, client, user);
  });
}
