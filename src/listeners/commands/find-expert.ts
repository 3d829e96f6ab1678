import type { ListenerDeps } from '../deps';
import { expertSearchReply } from '../shared/experts';
import { guardCommand } from '../shared/guard';

/** `/find-expert <topic>`: the best matches, privately. */
export function handleFindExpertCommand(deps: ListenerDeps) {
  return guardCommand(deps, async ({ command, ack }) => {
    const reply = await expertSearchReply(deps, { slackUserId: command.user_id, query: command.text, offset: 0 });
    await ack({ response_type: 'ephemeral', ...reply });
  });
}
