import { introductionDeclinedText } from '../../blocks/save-feedback';
import { answerIntroduction } from '../../services/introductions';
import { DECLINE_FIELDS } from '../../slack/ids';
import { introductionErrorText } from '../../slack/introduction-errors';
import { escapeMrkdwnWithin } from '../../slack/mrkdwn';
import { parseDeclineSubmission } from '../../slack/parse';
import { textErrorsForSlack } from '../../slack/text-errors';
import type { ListenerDeps } from '../deps';
import { guardSubmission } from '../shared/guard';
import { identify } from '../shared/identify';

/** The decline form: recorded once, then the requester hears it with the next match, and the alumnus what was sent. */
export function handleDeclineSubmission(deps: ListenerDeps) {
  return guardSubmission(deps, DECLINE_FIELDS.reason, async ({ ack, body, view, client }) => {
    const user = await identify(deps, body.user.id);
    const m = user.t.introductions;
    const parsed = parseDeclineSubmission(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: textErrorsForSlack(parsed.problems, user.t) });
    const form = parsed.input;
    const result = await answerIntroduction(deps.services, {
      alumnusSlackUserId: user.slackUserId,
      requestId: view.private_metadata,
      answer: 'decline',
      reason: form.reason,
      unavailableUntil: form.unavailableUntil,
    });
    if (result.kind === 'invalid') {
      const block = result.field === 'reason' ? DECLINE_FIELDS.reason : DECLINE_FIELDS.unavailableUntil;
      return ack({ response_action: 'errors', errors: { [block]: introductionErrorText(user.t, result.code, result.max) } });
    }
    if (result.kind === 'not_yours') return ack({ response_action: 'errors', errors: { [DECLINE_FIELDS.reason]: m.notYours } });
    if (result.kind === 'already_answered') {
      return ack({ response_action: 'errors', errors: { [DECLINE_FIELDS.reason]: m.alreadyAnswered } });
    }
    await ack();
    if (result.kind !== 'declined') return;
    await deps.deliveries.deliverNow(result.deliveryIds);
    const text = introductionDeclinedText({
      t: user.t,
      requester: escapeMrkdwnWithin(result.request.requesterName ?? '', 120),
      withNote: result.reasonGiven,
      unavailableUntil: form.unavailableUntil,
    });
    await client.chat.postMessage({ channel: user.slackUserId, text });
  });
}
