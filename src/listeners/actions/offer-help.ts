import { volunteerForRequest } from '../../services/introductions';
import type { ListenerDeps } from '../deps';
import { guardButton, privateReply } from '../shared/guard';
import { identify } from '../shared/identify';

/** "I can help" on an open request: recorded once; the requester gets the volunteer's profile. */
export function handleOfferHelp(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const { body, action } = args;
    const user = await identify(deps, body.user.id);
    const m = user.t.introductions;
    const tell = privateReply(args);
    const result = await volunteerForRequest(deps.services, {
      volunteerSlackUserId: user.slackUserId,
      requestId: action.type === 'button' ? (action.value ?? '') : '',
    });
    if (result.kind === 'not_allowed') return tell(m.notAllowedToVolunteer);
    if (result.kind === 'closed') return tell(m.requestClosed);
    if (result.kind === 'already') return tell(m.alreadyVolunteered);
    await tell(m.volunteered);
    await deps.deliveries.deliverNow(result.deliveryIds);
  });
}
