import { profileSavedText } from '../../blocks/save-feedback';
import { saveProfileWithReport } from '../../services/profile-changes';
import { holdsAPost, validateProfile } from '../../services/profile-rules';
import { PROFILE_FIELDS } from '../../slack/ids';
import { parseProfileSubmission } from '../../slack/parse';
import { profileErrorsForSlack } from '../../slack/profile-errors';
import { textErrorsForSlack } from '../../slack/text-errors';
import type { ListenerDeps } from '../deps';
import { guardSubmission } from '../shared/guard';
import { publishHome } from '../shared/home';
import { identify } from '../shared/identify';

/**
 * Saves the profile modal; problems come back on the fields, a database outage on the first one.
 * The member then hears what the save changed and who can see the profile.
 */
export function handleProfileSubmission(deps: ListenerDeps) {
  return guardSubmission(deps, PROFILE_FIELDS.name, async ({ ack, body, view, client }) => {
    const user = await identify(deps, body.user.id);
    const parsed = parseProfileSubmission(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: textErrorsForSlack(parsed.problems, user.t) });
    const { input } = parsed;
    // Who the supervisor named is comes from Slack's user record, as on the introduction form.
    const supervisorId = holdsAPost(input.memberType) ? input.ethicsSupervisorSlackUserId : null;
    const supervisor = supervisorId && supervisorId !== user.slackUserId ? await deps.directory.lookup(supervisorId) : undefined;
    const errors = validateProfile(input, {
      currentYear: deps.services.clock().getUTCFullYear(),
      actor: user,
      staffEmailDomains: deps.services.staffEmailDomains,
      ...(supervisor ? { supervisor } : {}),
    });
    if (errors.length > 0) {
      await ack({ response_action: 'errors', errors: profileErrorsForSlack(errors, user.t) });
      return;
    }
    const { deliveryIds, report } = await saveProfileWithReport(deps.services, { ...user, locale: user.locale }, input);
    await ack();

    // The organizers' post (or its redraw after an edit) is the worker's: a failure there is shown
    // to organizers and told to the applicant.
    await deps.deliveries.deliverNow(deliveryIds);
    // Every save is answered in the DM: sent for approval or saved, what changed, who sees it now.
    await client.chat.postMessage({ channel: body.user.id, text: profileSavedText({ t: user.t, report }) });
    await publishHome(deps, client, user);
  });
}
