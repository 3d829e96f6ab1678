import { buildOwnDataSummary } from '../../blocks/own-data';
import { networkToday } from '../../services/calendar';
import { exportOwnData } from '../../services/privacy';
import type { ListenerDeps } from '../deps';
import type { CommandHandlerArgs } from '../shared/guard';
import { uploadFileToDm } from '../shared/upload';
import { describeError } from '../shared/errors';
import type { IdentifiedUser } from '../shared/identify';

/**
 * `/alumni-profile export`: a JSON file of what is stored about the user, shared in their DM with a
 * readable summary. The answer says "sent" only once Slack has shared the file.
 */
export async function sendOwnData(deps: ListenerDeps, { command, client, reply }: CommandHandlerArgs, user: IdentifiedUser) {
  const m = user.t;
  const data = await exportOwnData(deps.services, command.user_id);
  if (!data) {
    await reply({ text: m.ownData.nothingStored });
    return;
  }
  const day = networkToday(new Date(data.exportedAt));
  try {
    await uploadFileToDm(client, command.user_id, {
      content: `${JSON.stringify(data, null, 2)}\n`,
      filename: `kakehashi-my-data-${day}.json`,
      title: m.ownData.fileTitle(day),
      message: { blocks: buildOwnDataSummary({ t: m, locale: user.locale, data }) },
    });
  } catch (error) {
    // Told where they typed, in their language: Slack (not the database) failed, so trying again may work.
    deps.logger.warn('own data export not delivered', { user: command.user_id, ...describeError(error) });
    await reply({ text: m.ownData.uploadFailed });
    return;
  }
  await reply({ text: m.profileCommand.exportSent });
}
