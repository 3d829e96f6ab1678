import { buildIntroductionModal } from '../../blocks/introductions';
import { addDays, networkToday } from '../../services/calendar';
import { prepareOpenRequest } from '../../services/introductions';
import { openRequestValue, parseJsonValue } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { guardButton, privateReply } from '../shared/guard';
import { identify } from '../shared/identify';
import { DEFAULT_DUE_IN_DAYS } from './ask-introduction';

/** "Post an open request" when nobody matched: the same modal, without an alumnus. */
export function handlePostOpenRequest(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const { body, action, client } = args;
    const user = await identify(deps, body.user.id);
    const tell = privateReply(args);
    const value = parseJsonValue(openRequestValue, action.type === 'button' ? action.value : undefined);
    if (!deps.config.requestsChannelId || !value || value.q.trim() === '') return tell(user.t.introductions.openRequestsOff);
    const prepared = await prepareOpenRequest(deps.services, user);
    if (prepared.kind === 'not_allowed') return tell(user.t.findExpert.notAllowed);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: buildIntroductionModal({
        t: user.t,
        topic: value.q,
        requesterDivision: prepared.requesterDivision,
        initialDueDate: addDays(networkToday(deps.services.clock()), DEFAULT_DUE_IN_DAYS),
      }),
    });
  });
}
