import { slackDateTime } from '../../blocks/event-time';
import { isAppError } from '../../services/errors';
import { checkRoundSettings, saveRoundSettings, type RoundSettingsField, type RoundSettingsProblem } from '../../services/rounds';
import { ROUNDS } from '../../slack/ids';
import { parseRoundSetupSubmission } from '../../slack/parse';
import type { Messages } from '../../i18n';
import type { ListenerDeps } from '../deps';
import { userMessageFor } from '../shared/errors';
import { guardSubmission } from '../shared/guard';
import { publishHome } from '../shared/home';
import { identify } from '../shared/identify';

const FIELD_BLOCK: Record<RoundSettingsField, string> = {
  nextStart: ROUNDS.setupFields.nextStart,
  staffMaxYears: ROUNDS.setupFields.staffMaxYears,
  noRepeat: ROUNDS.setupFields.noRepeat,
};

function problemText(t: Messages, problem: RoundSettingsProblem): string {
  const e = t.rounds.setup.errors;
  if (problem.code === 'duringRound') return e.nextStartDuringRound(slackDateTime(problem.until!));
  return problem.field === 'nextStart' ? e.nextStartPast : problem.field === 'staffMaxYears' ? e.staffMaxYears : e.noRepeat;
}

const problemErrors = (t: Messages, problems: RoundSettingsProblem[]) =>
  Object.fromEntries(problems.map((problem) => [FIELD_BLOCK[problem.field], problemText(t, problem)]));

/** The organizers' rounds settings sent: organizer checked again, problems on their fields, saved and audited. */
export function handleRoundSetupSubmission(deps: ListenerDeps) {
  return guardSubmission(deps, ROUNDS.setupFields.nextStart, async ({ ack, body, view, client }) => {
    const user = await identify(deps, body.user.id);
    const input = parseRoundSetupSubmission(view.state.values);
    // What the form alone shows wrong first, without a database round trip.
    const problems = checkRoundSettings(input, deps.services.clock());
    if (problems.length > 0) return ack({ response_action: 'errors', errors: problemErrors(user.t, problems) });
    let result;
    try {
      result = await saveRoundSettings(deps.services, user.slackUserId, input);
    } catch (error) {
      if (!isAppError(error)) throw error;
      return ack({ response_action: 'errors', errors: { [ROUNDS.setupFields.nextStart]: userMessageFor(error, user.t) } });
    }
    if (result.kind === 'invalid') return ack({ response_action: 'errors', errors: problemErrors(user.t, result.problems) });
    const saved = result.settings;
    await ack();
    const s = user.t.rounds.setup;
    const text = saved.enabled && saved.nextStartAt ? s.saved(slackDateTime(saved.nextStartAt)) : s.savedOff;
    await client.chat.postMessage({ channel: user.slackUserId, text });
    await publishHome(deps, client, user);
  });
}
