import { buildProfileCard } from '../../blocks/profile-card';
import { buildEraseConfirmation } from '../../blocks/prompts';
import { AppError } from '../../services/errors';
import { findVisibleProfile, resolveViewer } from '../../services/identity';
import { findOwnProfile } from '../../services/profile';
import { escapeMrkdwnWithin } from '../../slack/mrkdwn';
import { parseUserMention } from '../../slack/parse';
import { refusalFor } from '../../services/slack-standing';
import type { ListenerDeps } from '../deps';
import { guardCommand, type CommandHandlerArgs } from '../shared/guard';
import { identify } from '../shared/identify';
import { openProfileModal } from '../shared/profile-modal';
import { sendOwnData } from './profile-export';

/** `/alumni-profile [help | export | delete | @someone]` */
export function handleProfileCommand(deps: ListenerDeps) {
  return guardCommand(deps, async (args: CommandHandlerArgs) => {
    const { command, reply, client } = args;
    const text = command.text.trim();
    const word = text.toLowerCase();
    if (text === '') {
      // The form opens with the trigger before any lookup (the account's standing is checked after).
      await openProfileModal(deps, client, { slackUserId: command.user_id, triggerId: command.trigger_id });
      return;
    }
    // Help, export and erasure stay open to an account that no longer takes part (a member who
    // became a guest keeps the right to their data); everything else is refused for it.
    const user = await identify(deps, command.user_id, { anyAccount: true });
    const m = user.t;
    const refusal = refusalFor(user.standing);
    const ownDataOnly = word === 'export' || word === 'delete' || (text !== '' && !parseUserMention(text));
    if (refusal && !ownDataOnly) throw new AppError(refusal);
    if (word === 'export') {
      await sendOwnData(deps, args, user);
      return;
    }
    if (word === 'delete') {
      const own = await findOwnProfile(deps.services, command.user_id);
      await reply(
        own
          ? { text: m.profileCommand.deleteConfirm, blocks: buildEraseConfirmation({ t: m }) }
          : { text: m.profileCommand.nothingToDelete },
      );
      return;
    }
    const target = parseUserMention(text);
    if (!target) {
      await reply({ text: m.profileCommand.help });
      return;
    }
    const viewer = await resolveViewer(deps.services, user);
    const isSelf = target === command.user_id;
    const member = isSelf
      ? viewer.member
      : await findVisibleProfile(deps.services, viewer, target);
    if (!member) {
      // The same words whether the member is unknown, pending or not sharing: nothing leaks.
      await reply({ text: isSelf ? m.profileCard.noProfile : m.profileCard.notShared });
      return;
    }
    await reply({
      text: m.profileCard.heading(escapeMrkdwnWithin(member.name ?? member.pseudonym, 200)),
      blocks: buildProfileCard({ t: m, locale: user.locale, member, showPrivate: isSelf || viewer.isOrganizer }),
    });
  });
}
