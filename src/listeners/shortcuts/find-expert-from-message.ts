import type { MessageShortcut } from '@slack/bolt';
import { unescapeMrkdwn } from '../../slack/mrkdwn';
import type { ListenerDeps } from '../deps';
import { expertSearchReply } from '../shared/experts';
import { guardShortcut } from '../shared/guard';
import { identify } from '../shared/identify';

/** Message shortcut: searches with the text of the message it was used on. */
export function handleFindExpertFromMessage(deps: ListenerDeps) {
  return guardShortcut(deps, async ({ shortcut, respond }) => {
    const message = (shortcut as MessageShortcut).message;
    // Mentions and links go; what the writer typed is searched as typed (Slack sent it escaped).
    const query = unescapeMrkdwn((message?.text ?? '').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
    const reply = query
      ? await expertSearchReply(deps, { slackUserId: shortcut.user.id, query, offset: 0 })
      : { text: (await identify(deps, shortcut.user.id)).t.findExpert.fromMessageEmpty };
    await respond({ response_type: 'ephemeral', ...reply });
  });
}
