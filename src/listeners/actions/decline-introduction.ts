import { buildDeclineModal } from '../../blocks/introductions';
import { loadIntroduction } from '../../services/introductions';
import type { ListenerDeps } from '../deps';
import { guardButton, privateReply } from '../shared/guard';
import { identify } from '../shared/identify';

/** "Decline" in the alumnus's DM opens the decline form, for the alumnus of a pending request only. */
export function handleDeclineIntroduction(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const { body, action, client } = args;
    const user = await identify(deps, body.user.id);
    const m = user.t.introductions;
    const tell = privateReply(args);
    const found = await loadIntroduction(deps.services, action.type === 'button' ? (action.value ?? '') : '');
    // The submission checks all of this again; here it only spares the alumnus a form they cannot send.
    if (!found || found.request.kind !== 'direct' || found.alumnus?.slackUserId !== user.slackUserId) return tell(m.notYours);
    if (found.request.status !== 'pending') return tell(m.alreadyAnswered);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: buildDeclineModal({ t: user.t, request: found.request }),
    });
  });
}
