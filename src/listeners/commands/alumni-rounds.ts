import { buildRoundsSection } from '../../blocks/rounds';
import { roundsStanding, stepBackFromRounds } from '../../services/rounds';
import type { ListenerDeps } from '../deps';
import { guardCommand } from '../shared/guard';
import { identify } from '../shared/identify';
import { openRoundJoinModal, openRoundSetupModal } from '../shared/rounds';

/** `/alumni-rounds [status] | join | pause | leave | setup | help`: taking part in rounds; organizers set them up. */
export function handleRoundsCommand(deps: ListenerDeps) {
  return guardCommand(deps, async ({ command, reply, client }) => {
    const verb = command.text.trim().toLowerCase();
    const opener = { slackUserId: command.user_id, triggerId: command.trigger_id };
    // The forms open with the trigger before any lookup; a refusal is told in them.
    if (verb === 'join') return openRoundJoinModal(deps, client, opener);
    if (verb === 'setup') return openRoundSetupModal(deps, client, opener);
    const user = await identify(deps, command.user_id);
    const r = user.t.rounds;
    if (verb === 'pause' || verb === 'leave') {
      const done = await stepBackFromRounds(deps.services, user.slackUserId, verb === 'pause' ? 'paused' : 'left');
      await reply({ text: done === 'not_joined' ? r.notJoinedYet : verb === 'pause' ? r.pausedNow : r.leftNow });
      return;
    }
    if (verb === '' || verb === 'status') {
      const standing = await roundsStanding(deps.services, user.slackUserId);
      const blocks = buildRoundsSection({ t: user.t, locale: user.locale, standing });
      await reply({ text: r.status.heading, blocks: [...blocks, { type: 'context', elements: [{ type: 'mrkdwn', text: r.command.help }] }] });
      return;
    }
    await reply({ text: r.command.help });
  });
}
