import { buildVolunteerNotice } from '../../blocks/introductions';
import { t } from '../../i18n';
import { volunteerForRequest } from '../../services/introductions';
import { escapeMrkdwnWithin } from '../../slack/mrkdwn';
import type { ListenerDeps } from '../deps';
import { guardButton, privateReply } from '../shared/guard';
import { identify } from '../shared/identify';
import { updateOpenRequestMessage } from '../shared/introductions';

/** "I can help" on an open request: recorded once; the requester gets the volunteer's profile. */
export function handleOfferHelp(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const { body, action, client } = args;
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
    const locale = await deps.directory.localeOf(result.request.requesterSlackUserId);
    const messages = t(locale);
    await client.chat.postMessage({
      channel: result.request.requesterSlackUserId,
      text: messages.introductions.volunteerNotice(
        escapeMrkdwnWithin(result.volunteer.name ?? result.volunteer.pseudonym, 120),
        escapeMrkdwnWithin(result.request.topic, 200),
      ),
      blocks: buildVolunteerNotice({ t: messages, locale, request: result.request, volunteer: result.volunteer }),
      unfurl_links: false,
    });
    await updateOpenRequestMessage(deps, client, result.request, 'open');
  });
}
