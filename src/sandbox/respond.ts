import { BOT } from './ids';
import { checkBlocks } from './block-check';
import type { ResponseTarget, Workspace } from './workspace';

/** What an app sends to a response_url, or in a slash command's acknowledgement. */
export interface ResponseMessage {
  text?: string;
  blocks?: unknown;
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean | string;
  delete_original?: boolean | string;
}

const truthy = (value: unknown) => value === true || value === 'true';

/**
 * Applies a response as Slack does: delete_original removes the message the interaction came from,
 * replace_original rewrites it in place (an ephemeral stays ephemeral), and anything else is a new
 * message — ephemeral to the user unless response_type is in_channel.
 */
export function applyResponse(ws: Workspace, target: ResponseTarget, message: ResponseMessage): 'ok' | 'invalid_blocks' | 'no_text' {
  const original = target.messageTs ? ws.findMessage(target.channelId, target.messageTs) : undefined;
  if (truthy(message.delete_original)) {
    if (original) ws.deleteMessage(original);
    return 'ok';
  }
  const text = typeof message.text === 'string' ? message.text : '';
  if (message.blocks !== undefined && checkBlocks(message.blocks, 'message').length > 0) return 'invalid_blocks';
  const blocks = message.blocks as Record<string, unknown>[] | undefined;
  if (text === '' && !blocks) return 'no_text';
  if (truthy(message.replace_original) && original) {
    ws.updateMessage(original, { text, blocks });
    return 'ok';
  }
  const posted = ws.post({
    channel: target.channelId,
    user: BOT.userId,
    botId: BOT.botId,
    text,
    ...(blocks ? { blocks } : {}),
    ...(message.response_type === 'in_channel' ? {} : { ephemeralTo: target.userId }),
  });
  if (target.kind !== 'message') target.messageTs = posted.ts;
  return 'ok';
}
