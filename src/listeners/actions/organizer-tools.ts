import { buildMemberList } from '../../blocks/admin-overview';
import { buildImportInstructions } from '../../blocks/organizer-tools';
import { listMembersForOrganizers } from '../../services/admin-overview';
import { requireOrganizer } from '../../services/event-lists';
import type { ListenerDeps } from '../deps';
import { openEventModal } from '../shared/event-modal';
import { guardButton } from '../shared/guard';
import { identify } from '../shared/identify';

/** "Announce an event" on the App Home: the shortcut's event form (openEventModal checks the role). */
export function handleOrganizerAnnounceEvent(deps: ListenerDeps) {
  return guardButton(deps, async ({ body, client }) => {
    await openEventModal(deps, client, { slackUserId: body.user.id, triggerId: body.trigger_id });
  });
}

/**
 * "Members": the list `/alumni-admin members` shows, in the organizer's DM (the Home has no place
 * to answer; a message holds as many members as the command's answer does). The button is only
 * shown to organizers, but a click can be forged: the service checks the clicker.
 */
export function handleOrganizerMembers(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const user = await identify(deps, args.body.user.id);
    const { members } = await listMembersForOrganizers(deps.services, { organizerSlackUserId: user.slackUserId, text: '' });
    const list = buildMemberList({ m: user.t, filterText: '', members });
    await args.client.chat.postMessage({ channel: user.slackUserId, text: list.text, blocks: list.blocks });
  });
}

/**
 * "Import CSV": how to import, in the DM where the organizer then uploads the file. Nothing is read
 * but the clicker's role (checked, as a click can be forged); the upload is checked again.
 */
export function handleOrganizerImportCsv(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const user = await identify(deps, args.body.user.id);
    await requireOrganizer(deps.services, user.slackUserId);
    await args.client.chat.postMessage({ channel: user.slackUserId, ...buildImportInstructions({ t: user.t }) });
  });
}
