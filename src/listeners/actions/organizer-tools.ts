import { buildMemberList } from '../../blocks/admin-overview';
import { buildImportInstructions } from '../../blocks/organizer-tools';
import { listMembersForOrganizers } from '../../services/admin-overview';
import { AppError } from '../../services/errors';
import { isOrganizer } from '../../services/organizers';
import type { ListenerDeps } from '../deps';
import { openEventModal } from '../shared/event-modal';
import { guardButton, type ButtonArgs } from '../shared/guard';
import { identify, type IdentifiedUser } from '../shared/identify';

/** The clicker, checked to be an active organizer now: the button is only shown to them, but a click can be forged. */
async function organizer(deps: ListenerDeps, args: ButtonArgs): Promise<IdentifiedUser> {
  const user = await identify(deps, args.body.user.id);
  if (!(await isOrganizer(deps.services, user.slackUserId))) throw new AppError('not_organizer');
  return user;
}

/** "Announce an event" on the App Home: the shortcut's event form (openEventModal checks the role). */
export function handleOrganizerAnnounceEvent(deps: ListenerDeps) {
  return guardButton(deps, async ({ body, client }) => {
    await openEventModal(deps, client, { user: await identify(deps, body.user.id), triggerId: body.trigger_id });
  });
}

/**
 * "Members": the list `/alumni-admin members` shows, in the organizer's DM (the Home has no place
 * to answer; a message holds as many members as the command's answer does).
 */
export function handleOrganizerMembers(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const user = await organizer(deps, args);
    const { members } = await listMembersForOrganizers(deps.services, { text: '' });
    const list = buildMemberList({ m: user.t, filterText: '', members });
    await args.client.chat.postMessage({ channel: user.slackUserId, text: list.text, blocks: list.blocks });
  });
}

/** "Import CSV": how to import, in the DM where the organizer then uploads the file. */
export function handleOrganizerImportCsv(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const user = await organizer(deps, args);
    await args.client.chat.postMessage({ channel: user.slackUserId, ...buildImportInstructions({ t: user.t }) });
  });
}
