import { buildDeclineRegistrationModal } from '../../blocks/decline-registration';
import { DECLINE_REASON_MAX, decideRegistration, findRegistrationToDecide, type Decision } from '../../services/approvals';
import { isAppError } from '../../services/errors';
import { memberIdValue } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { describeError, userMessageFor } from '../shared/errors';
import { guardButton, tellUser } from '../shared/guard';
import { publishHome } from '../shared/home';
import { identify } from '../shared/identify';
import { openModalFirst } from '../shared/open-modal';

/**
 * Approve decides at once; Decline opens a form to confirm, with an optional reason for the
 * applicant (src/listeners/views/decline-registration.ts decides). From the organizers' channel or
 * the App Home. Authorization is the service's.
 */
export function handleDecideRegistration(deps: ListenerDeps, decision: Decision) {
  return guardButton(deps, async (args) => {
    const { body, action, client } = args;
    const memberId = memberIdValue.safeParse(action.type === 'button' ? action.value : undefined);
    const fromHome = body.view?.type === 'home';
    if (decision === 'decline') {
      // The form opens with the trigger before any lookup; a refusal is told in it.
      const outcome = await openModalFirst(deps, client, {
        triggerId: body.trigger_id,
        slackUserId: body.user.id,
        load: async (user) => {
          if (!memberId.success) return { refusal: user.t.approval.notFound };
          // Checked here only to spare the organizer a form they cannot send; the submission checks again.
          const member = await findRegistrationToDecide(deps.services, { organizerSlackUserId: body.user.id, memberId: memberId.data });
          return buildDeclineRegistrationModal({ t: user.t, member, organizerSlackUserId: body.user.id, fromHome, reasonMax: DECLINE_REASON_MAX });
        },
      });
      // A Home whose buttons no longer apply (decided meanwhile) is brought up to date; the modal told the rest.
      if (outcome === 'refused' && fromHome && memberId.success) {
        await identify(deps, body.user.id)
          .then((user) => publishHome(deps, client, user))
          .catch((error: unknown) => deps.logger.warn('home not refreshed', describeError(error)));
      }
      return;
    }
    const user = await identify(deps, body.user.id);
    const refuse = (text: string) =>
      tellUser(args, { slackUserId: body.user.id, text, hasResponseUrl: Boolean(body.response_url) });
    if (!memberId.success) {
      await refuse(user.t.approval.notFound);
      return;
    }
    try {
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
