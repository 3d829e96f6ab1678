import type { MessageShortcut } from '@slack/bolt';
import type { ListenerDeps } from '../deps';
import { expertSearchReply } from '../shared/experts';
import { guardShortcut } from '../shared/guard';
import { identify } from '../shared/identify';

/** Message shortcut: searches with the text of the message it was used on. */
export function handleFindExpertFromMessage(deps: ListenerDeps) {
  return guardShortcut(deps, async ({ shortcut, respond }) => {
    const message = (shortcut as MessageShortcut).message;
    const query = (message?.text ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    const reply = query
      ? await expertSearchReply(deps, { slackUserId: shortcut.user.id, query, offset: 0 })
      : { text: (await identify(deps, shortcut.user.id)).t.findExpert.fromMessageEmpty };
    await respond({ response_type: 'ephemeral', ...reply });
  });
}
