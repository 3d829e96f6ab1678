import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';

export interface DmFileWithBlocks {
  content: string;
  filename: string;
  title: string;
  /** The message the file is shared with (section blocks: Slack refuses some kinds on file shares). */
  blocks: KnownBlock[];
}

/**
 * Shares a file in the bot's DM with a user, in one message carrying `blocks`. The DM is opened
 * first (an upload needs a channel ID); filesUploadV2 asks files.getUploadURLExternal for an upload
 * URL, posts the bytes there and shares the file with files.completeUploadExternal. No
 * `initial_comment`: Slack ignores `blocks` when one is given. Throws if any step fails.
 */
export async function shareFileInDm(client: WebClient, userId: string, file: DmFileWithBlocks): Promise<void> {
  const opened = await client.conversations.open({ users: userId });
  const channelId = opened.channel?.id;
  if (!channelId) throw new Error('conversations.open returned no channel');
  await client.filesUploadV2({
    channel_id: channelId,
    file: Buffer.from(file.content, 'utf8'),
    filename: file.filename,
    title: file.title,
    blocks: file.blocks,
  });
}
