import { answerIntroduction } from '../../services/introductions';
import type { ListenerDeps } from '../deps';
import { guardButton, privateReply } from '../shared/guard';
import { identify } from '../shared/identify';

/**
 * "Accept" in the alumnus's DM. The service decides whether the clicker may answer this request,
 * once: a second click (or a second instance's copy) only hears it was answered; the introduction
 * is one delivery, made (and retried) by the worker.
 */
export function handleAcceptIntroduction(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const { body, action } = args;
    const user = await identify(deps, body.user.id);
    const m = user.t.introductions;
    const tell = privateReply(args);
    const result = await answerIntroduction(deps.services, {
      alumnusSlackUserId: user.slackUserId,
      requestId: action.type === 'button' ? (action.value ?? '') : '',
      answer: 'accept',
    });
    if (result.kind === 'not_yours' || result.kind === 'invalid') return tell(m.notYours);
    if (result.kind === 'already_answered') return tell(m.alreadyAnswered);
    if (result.kind !== 'accepted') return;
    // Sent: the group DM says so itself. Not yet: the clicker hears it is on its way.
    if ((await deps.deliveries.deliverNow(result.deliveryIds)) !== 'sent') await tell(m.acceptedDelivering);
  });
}
