import { isOrganizer, listOrganizers, setOrganizer } from '../../services/organizers';
import { mention } from '../../slack/mrkdwn';
import { parseUserMention } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { guardCommand } from '../shared/guard';
import { identify } from '../shared/identify';
import { AppError } from '../../services/errors';

/** `/alumni-admin organizers | grant @someone | revoke @someone` — organizers only. */
export function handleAdminCommand(deps: ListenerDeps) {
  return guardCommand(deps, async ({ command, ack }) => {
    const user = await identify(deps, command.user_id);
    const m = user.t;
    if (!(await isOrganizer(deps.services, command.user_id))) throw new AppError('not_organizer');
    const [word = '', ...rest] = command.text.trim().split(/\s+/);
    const verb = word.toLowerCase();

    if (verb === 'organizers') {
      const ids = await listOrganizers(deps.services);
      await ack({ response_type: 'ephemeral', text: m.admin.organizers(ids.map(mention).join(', ')) });
      return;
    }
    if (verb === 'grant' || verb === 'revoke') {
      const target = parseUserMention(rest.join(' '));
      if (!target) {
        await ack({ response_type: 'ephemeral', text: m.admin.needUser });
        return;
      }
      await setOrganizer(deps.services, { bySlackUserId: command.user_id, targetSlackUserId: target, active: verb === 'grant' });
      await ack({ response_type: 'ephemeral', text: (verb === 'grant' ? m.admin.granted : m.admin.revoked)(mention(target)) });
      return;
    }
    await ack({ response_type: 'ephemeral', text: m.admin.help });
  });
}
