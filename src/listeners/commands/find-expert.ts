import type { ListenerDeps } from '../deps';
import { expertSearchReply } from '../shared/experts';
import { guardCommand } from '../shared/guard';

/** `/find-expert <topic>`: the best matches, privately. */
export function handleFindExpertCommand(deps: ListenerDeps) {
  return guardCommand(deps, async ({ command, reply }) => {
    const answer = await expertSearchReply(deps, { slackUserId: command.user_id, query: command.text, offset: 0 });
    await reply(answer);
  });
}
