import { decideRegistration } from '../../services/approvals';
import { isAppError } from '../../services/errors';
import { DECLINE_REGISTRATION_FIELDS } from '../../slack/ids';
import { escapeMrkdwnWithin } from '../../slack/mrkdwn';
import { declineRegistrationMetadata, parseDeclineRegistrationSubmission, parseJsonValue } from '../../slack/parse';
import { textErrorsForSlack } from '../../slack/text-errors';
import type { ListenerDeps } from '../deps';
import { userMessageFor } from '../shared/errors';
import { guardSubmission } from '../shared/guard';
import { publishHome } from '../shared/home';
import { identify } from '../shared/identify';

/**
 * The organizer confirms declining a registration, with an optional reason. Checked again here
 * (the form may be forged or stale): an active organizer, a registration still waiting. Problems
 * show on the form; the same form sent twice closes quietly the second time.
 */
export function handleDeclineRegistrationSubmission(deps: ListenerDeps) {
  const field = DECLINE_REGISTRATION_FIELDS.reason;
  return guardSubmission(deps, field, async ({ ack, body, view, client }) => {
    const user = await identify(deps, body.user.id);
    const refuse = (text: string) => ack({ response_action: 'errors', errors: { [field]: text } });
    const metadata = parseJsonValue(declineRegistrationMetadata, view.private_metadata);
    if (!metadata) return refuse(user.t.approval.notFound);
    const parsed = parseDeclineRegistrationSubmission(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: textErrorsForSlack(parsed.problems, user.t) });
    let result;
    try {
      result = await decideRegistration(deps.services, {
        organizerSlackUserId: user.slackUserId,
        memberId: metadata.m,
        decision: 'decline',
        reason: parsed.input.reason,
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      return refuse(userMessageFor(error, user.t));
    }
    if (result.kind === 'invalid') return refuse(user.t.declineRegistration.reasonTooLong(result.max));
    await ack();
    if (result.kind === 'already_done') return;
    await deps.deliveries.deliverNow(result.deliveryIds);
    const name = escapeMrkdwnWithin(result.member.name ?? result.member.pseudonym, 200);
    await client.chat.postMessage({ channel: user.slackUserId, text: user.t.declineRegistration.done(name) });
    if (metadata.h) await publishHome(deps, client, user);
  });
}
