import { buildIntroductionModal } from '../../blocks/introductions';
import { addDays, networkToday } from '../../services/calendar';
import { prepareOpenRequest } from '../../services/introductions';
import { openRequestValue, parseJsonValue } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { guardButton } from '../shared/guard';
import { openModalFirst } from '../shared/open-modal';
import { DEFAULT_DUE_IN_DAYS } from './ask-introduction';

/**
 * "Post an open request" when nobody matched: the same modal, without an alumnus (opened loading
 * first, as who may ask is read from the database; a refusal is told in the modal).
 */
export function handlePostOpenRequest(deps: ListenerDeps) {
  return guardButton(deps, async ({ body, action, client }) => {
    const value = parseJsonValue(openRequestValue, action.type === 'button' ? action.value : undefined);
    await openModalFirst(deps, client, {
      triggerId: body.trigger_id,
      slackUserId: body.user.id,
      load: async (user) => {
        if (!deps.config.requestsChannelId) return { refusal: user.t.introductions.openRequestsOff };
        // A button whose value is broken (or forged) names no search to post.
        if (!value || value.q.trim() === '') return { refusal: user.t.introductions.notAvailable };
        const prepared = await prepareOpenRequest(deps.services, user);
        if (prepared.kind === 'not_allowed') return { refusal: user.t.findExpert.notAllowed };
        return buildIntroductionModal({
          t: user.t,
          topic: value.q,
          requesterDivision: prepared.requesterDivision,
          initialDueDate: addDays(networkToday(deps.services.clock()), DEFAULT_DUE_IN_DAYS),
        });
      },
    });
  });
}
