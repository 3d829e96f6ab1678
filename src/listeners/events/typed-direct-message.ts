import { t } from '../../i18n';
import { parseTypedDirectMessage } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { guardEvent } from '../shared/guard';

/**
 * Something typed in the bot's DM (its messages tab accepts files, so it accepts text too): the
 * bot reads no conversation, so it says what to use instead, once per message (not again on
 * Slack's retries of the same event).
 */
export function handleTypedDirectMessage(deps: ListenerDeps) {
  return guardEvent<'message'>(deps, async ({ event, client, context }) => {
    const typed = parseTypedDirectMessage(event);
    if (!typed || typed.user === context.botUserId || context.retryNum) return;
    const m = t(await deps.directory.localeOf(typed.user));
    await client.chat.postMessage({ channel: typed.user, text: m.directMessage.typed });
  });
}
