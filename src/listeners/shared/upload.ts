import type { WebClient } from '@slack/web-api';

export interface DmFile {
  content: string | Buffer;
  filename: string;
  title: string;
  initialComment: string;
}

/**
 * Uploads a file into the bot's DM with a user. Uploads need a channel ID (a user ID no longer
 * works), so the DM is opened first; filesUploadV2 then asks files.getUploadURLExternal for an
 * upload URL, posts the bytes there and shares the file with files.completeUploadExternal.
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
    initial_comment: file.initialComment,
  });
}
