import { slackDateTime } from '../../blocks/event-time';
import { isAppError } from '../../services/errors';
import { checkRoundSettings, saveRoundSettings, type RoundSettingsField } from '../../services/rounds';
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

function problemText(t: Messages, field: RoundSettingsField): string {
  const e = t.rounds.setup.errors;
  return field === 'nextStart' ? e.nextStartPast : field === 'staffMaxYears' ? e.staffMaxYears : e.noRepeat;
}

/** The organizers' rounds settings sent: organizer checked again, problems on their fields, saved and audited. */
export function handleRoundSetupSubmission(deps: ListenerDeps) {
  return guardSubmission(deps, ROUNDS.setupFields.nextStart, async ({ ack, body, view, client }) => {
    const user = await identify(deps, body.user.id);
    const input = parseRoundSetupSubmission(view.state.values);
    const problems = checkRoundSettings(input, deps.services.clock());
    if (problems.length > 0) {
      return ack({ response_action: 'errors', errors: Object.fromEntries(problems.map(({ field }) => [FIELD_BLOCK[field], problemText(user.t, field)])) });
    }
    let saved;
    try {
      saved = await saveRoundSettings(deps.services, user.slackUserId, input);
    } catch (error) {
      if (!isAppError(error)) throw error;
      return ack({ response_action: 'errors', errors: { [ROUNDS.setupFields.nextStart]: userMessageFor(error, user.t) } });
    }
    await ack();
    const s = user.t.rounds.setup;
    const text = saved.enabled && saved.nextStartAt ? s.saved(slackDateTime(saved.nextStartAt)) : s.savedOff;
    await client.chat.postMessage({ channel: user.slackUserId, text });
    await publishHome(deps, client, user);
  });
}
