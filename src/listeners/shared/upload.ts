import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';

export interface DmFile {
  content: string | Buffer;
  filename: string;
  title: string;
  /**
   * The message the file is shared with: a line of text, or blocks (section, context, divider:
   * Slack refuses some kinds on file shares, and ignores blocks beside an initial comment).
   */
  message: { text: string } | { blocks: KnownBlock[] };
}

/**
 * Uploads a file into the bot's DM with a user. Uploads need a channel ID (a user ID no longer
 * works), so the DM is opened first; filesUploadV2 then asks files.getUploadURLExternal for an
 * upload URL, posts the bytes there and shares the file with files.completeUploadExternal. Throws
 * if any step fails.
 */
export async function uploadFileToDm(client: WebClient, userId: string, file: DmFile): Promise<void> {
  const opened = await client.conversations.open({ users: userId });
  const channelId = opened.channel?.id;
  if (!channelId) throw new Error('conversations.open returned no channel');
  await client.filesUploadV2({
    channel_id: channelId,
    file: typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content,
    filename: file.filename,
    title: file.title,
    ...('text' in file.message ? { initial_comment: file.message.text } : { blocks: file.message.blocks }),
  });
}
