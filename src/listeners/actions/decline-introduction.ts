import { buildDeclineModal } from '../../blocks/introductions';
import { loadIntroduction } from '../../services/introductions';
import type { ListenerDeps } from '../deps';
import { guardButton } from '../shared/guard';
import { openModalFirst } from '../shared/open-modal';

/**
 * "Decline" in the alumnus's DM opens the decline form, for the alumnus of a pending request only
 * (opened loading first, as the request is read from the database; a refusal is told in the modal).
 */
export function handleDeclineIntroduction(deps: ListenerDeps) {
  return guardButton(deps, async ({ body, action, client }) => {
    const requestId = action.type === 'button' ? (action.value ?? '') : '';
    await openModalFirst(deps, client, {
      triggerId: body.trigger_id,
      slackUserId: body.user.id,
      load: async (user) => {
        const m = user.t.introductions;
        const found = await loadIntroduction(deps.services, requestId);
        // The submission checks all of this again; here it only spares the alumnus a form they cannot send.
        if (!found || found.request.kind !== 'direct' || found.alumnus?.slackUserId !== user.slackUserId) return { refusal: m.notYours };
        if (found.request.status !== 'pending') return { refusal: m.alreadyAnswered };
        return buildDeclineModal({ t: user.t, request: found.request });
      },
    });
  });
}
