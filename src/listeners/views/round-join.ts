import { checkJoinInput, joinRounds } from '../../services/rounds';
import { buildModalNotice } from '../../blocks/loading-modal';
import { roundRefusalText } from '../../blocks/rounds';
import { CURIOUS_LIMITS } from '../../services/round-rules';
import { ROUNDS } from '../../slack/ids';
import { parseRoundJoinSubmission } from '../../slack/parse';
import { textErrorsForSlack } from '../../slack/text-errors';
import type { ListenerDeps } from '../deps';
import { guardSubmission } from '../shared/guard';
import { publishHome } from '../shared/home';
import { identify } from '../shared/identify';

/**
 * The join form sent: checked here (the form may be forged or stale), problems shown on the form;
 * then joined (or updated), told by DM, and the App Home redrawn. Sent twice, the second is the same update.
 */
export function handleRoundJoinSubmission(deps: ListenerDeps) {
  const f = ROUNDS.joinFields;
  return guardSubmission(deps, f.text, async ({ ack, body, view, client }) => {
    const user = await identify(deps, body.user.id);
    const m = user.t.rounds;
    const parsed = parseRoundJoinSubmission(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: textErrorsForSlack(parsed.problems, user.t) });
    const checked = checkJoinInput(parsed.input);
    if ('problem' in checked) {
      const errors: Record<string, string> =
        checked.problem === 'tooManyTopics'
          ? { [f.topics]: m.joinModal.tooManyTopics(CURIOUS_LIMITS.topics) }
          : { [f.text]: m.joinModal.tooLong(CURIOUS_LIMITS.text) };
      return ack({ response_action: 'errors', errors });
    }
    const result = await joinRounds(deps.services, user.slackUserId, checked.value);
    if (result.kind === 'refused') {
      // Things changed since the form opened (a profile no longer shared, say): the form says why.
      const text = roundRefusalText(user.t, result.refusal, result.staffMaxYears);
      return ack({ response_action: 'update', view: buildModalNotice({ languages: [user.t], text }) });
    }
    await ack();
    await client.chat.postMessage({ channel: user.slackUserId, text: result.kind === 'joined' ? m.joined : m.joinedUpdated });
    await publishHome(deps, client, user);
  });
}
