import { answerIntroduction } from '../../services/introductions';
import type { ListenerDeps } from '../deps';
import { guardButton, privateReply } from '../shared/guard';
import { identify } from '../shared/identify';
import { completeIntroduction } from '../shared/introductions';

/**
 * "Accept" in the alumnus's DM. The service decides whether the clicker may answer this request;
 * a second click reports the answer, and finishes an introduction a failure left half made.
 */
export function handleAcceptIntroduction(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const { body, action, client } = args;
    const user = await identify(deps, body.user.id);
    const m = user.t.introductions;
    const tell = privateReply(args);
    const result = await answerIntroduction(deps.services, {
      alumnusSlackUserId: user.slackUserId,
      requestId: action.type === 'button' ? (action.value ?? '') : '',
      answer: 'accept',
    });
    if (result.kind === 'not_yours' || result.kind === 'invalid') return tell(m.notYours);
    if (result.kind === 'already_answered') {
      if (result.request.status === 'accepted' && !result.request.groupChannelId) {
        await completeIntroduction(deps, client, result.request, result.alumnus);
        return;
      }
      return tell(m.alreadyAnswered);
    }
    if (result.kind === 'accepted') await completeIntroduction(deps, client, result.request, result.alumnus);
  });
}
