import { fileJson, mimetypeOf } from './api-common';
import { sendToBot } from './bot-link';
import { failureOf, type InteractionResult, type SandboxContext } from './context';
import { personOf } from './interactions';
import { fileShareEvent } from './payloads';

/** Slack's own limit is far higher; a demo CSV is small, and the page sends the bytes as base64 JSON. */
export const MAX_SHARED_FILE_BYTES = 5 * 1024 * 1024;

/**
 * A person attaches a file in their DM with the app, as the Slack client does: the file is stored
 * (its url_private_download answers the bot token), the message shows it in the DM, and the app
 * gets the message event, subtype file_share. Only the DM: Kakehashi takes files nowhere else.
 */
export async function shareFile(
  ctx: SandboxContext,
  input: { userId: string; channelId: string; name: string; bytes: Buffer; mimetype?: string; text?: string },
): Promise<InteractionResult> {
  const user = personOf(ctx.ws, input.userId);
  if (!user) return { ok: false, error: 'user_not_found' };
  const conversation = ctx.ws.conversations.get(input.channelId);
  if (!conversation || conversation.kind !== 'im' || !conversation.members.includes(user.id)) return { ok: false, error: 'not_in_the_app_dm' };
  const name = input.name.trim().replace(/[\\/]/g, '_');
  if (name === '') return { ok: false, error: 'invalid_name' };
  if (input.bytes.length === 0) return { ok: false, error: 'file_empty' };
  if (input.bytes.length > MAX_SHARED_FILE_BYTES) return { ok: false, error: 'file_too_large' };

  const id = ctx.ws.nextId('F');
  const file = {
    id,
    name,
    title: name,
    length: input.bytes.length,
    mimetype: input.mimetype || mimetypeOf(name),
    bytes: input.bytes,
    created: Math.floor(ctx.ws.now() / 1000),
    user: user.id,
  };
  ctx.ws.files.set(id, file);
  ctx.ws.changed('files');
  const text = input.text ?? '';
  const message = ctx.ws.post({ channel: conversation.id, user: user.id, text, files: [id] });

  const bot = ctx.bot();
  const event = fileShareEvent({
    userId: user.id,
    conversation,
    ts: message.ts,
    text,
    files: [fileJson(file, ctx.baseUrl)],
    eventId: ctx.ws.nextId('Ev'),
    nowMs: ctx.ws.now(),
  });
  const reply = bot ? await sendToBot(bot, { json: event }) : { status: 0, body: undefined };
  if (reply.status === 200) return { ok: true, outcome: 'shared' };
  const error = failureOf(reply.status);
  ctx.ws.notify({ userId: user.id, level: 'error', text: `file_share: the app answered ${error}` });
  return { ok: false, error };
}
