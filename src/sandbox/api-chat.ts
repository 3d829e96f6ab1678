import { BOT } from './ids';
import { checkBlocks } from './block-check';
import { ApiError, messageJson, optionalString, postableConversation, requiredString, type ApiMethod, type Args } from './api-common';

const SCHEDULE_LIMIT_SECONDS = 120 * 24 * 60 * 60;

/** text and blocks of a message call: blocks must be Block Kit Slack accepts; one of them is required. */
function content(args: Args): { text: string; blocks?: Record<string, unknown>[] } {
  const text = optionalString(args, 'text') ?? '';
  if (args.blocks === undefined || args.blocks === '') {
    if (text === '' && args.attachments === undefined) throw new ApiError('no_text');
    return { text };
  }
  const problems = checkBlocks(args.blocks, 'message');
  if (problems.length > 0) throw new ApiError('invalid_blocks', problems);
  return { text, blocks: args.blocks as Record<string, unknown>[] };
}

function ownMessage(args: Args, ctx: Parameters<ApiMethod>[1], notMine: string) {
  const channel = requiredString(args, 'channel');
  if (!ctx.ws.conversations.has(channel)) throw new ApiError('channel_not_found');
  const message = ctx.ws.findMessage(channel, requiredString(args, 'ts'));
  if (!message || message.ephemeralTo) throw new ApiError('message_not_found');
  if (message.user !== BOT.userId) throw new ApiError(notMine);
  return message;
}

export const chatMethods: Record<string, ApiMethod> = {
  'chat.postMessage'(args, ctx) {
    const conversation = postableConversation(ctx.ws, optionalString(args, 'channel'));
    const message = ctx.ws.post({ channel: conversation.id, user: BOT.userId, botId: BOT.botId, ...content(args) });
    return { channel: conversation.id, ts: message.ts, message: messageJson(ctx.ws, message, ctx.baseUrl) };
  },

  'chat.postEphemeral'(args, ctx) {
    const conversation = postableConversation(ctx.ws, optionalString(args, 'channel'));
    const user = requiredString(args, 'user');
    if (!ctx.ws.users.has(user)) throw new ApiError('user_not_found');
    if (!ctx.ws.canSee(user, conversation)) throw new ApiError('user_not_in_channel');
    const message = ctx.ws.post({ channel: conversation.id, user: BOT.userId, botId: BOT.botId, ephemeralTo: user, ...content(args) });
    return { message_ts: message.ts };
  },

  'chat.update'(args, ctx) {
    const message = ownMessage(args, ctx, 'cant_update_message');
    const patch: { text?: string; blocks?: Record<string, unknown>[] } = {};
    if (args.blocks !== undefined) {
      const problems = checkBlocks(args.blocks, 'message');
      if (problems.length > 0) throw new ApiError('invalid_blocks', problems);
      patch.blocks = args.blocks as Record<string, unknown>[];
    }
    const text = optionalString(args, 'text');
    if (text !== undefined) patch.text = text;
    if (patch.text === undefined && patch.blocks === undefined && args.attachments === undefined) throw new ApiError('no_text');
    const updated = ctx.ws.updateMessage(message, patch);
    return { channel: updated.channel, ts: updated.ts, text: updated.text, message: messageJson(ctx.ws, updated, ctx.baseUrl) };
  },

  'chat.delete'(args, ctx) {
    const message = ownMessage(args, ctx, 'cant_delete_message');
    ctx.ws.deleteMessage(message);
    return { channel: message.channel, ts: message.ts };
  },

  'chat.scheduleMessage'(args, ctx) {
    const conversation = postableConversation(ctx.ws, optionalString(args, 'channel'));
    const postAt = Number(requiredString(args, 'post_at'));
    if (!Number.isInteger(postAt)) throw new ApiError('invalid_time');
    // The app's clock is the sandbox clock, so its "future" is the sandbox clock's.
    const nowSeconds = ctx.ws.now() / 1000;
    if (postAt <= nowSeconds) throw new ApiError('time_in_past');
    if (postAt > nowSeconds + SCHEDULE_LIMIT_SECONDS) throw new ApiError('time_too_far');
    const body = content(args);
    const id = ctx.ws.nextId('Q');
    ctx.ws.scheduled.set(id, { id, channel: conversation.id, postAt, ...body, createdAt: Math.floor(ctx.ws.now() / 1000) });
    ctx.ws.changed('scheduled');
    return {
      channel: conversation.id,
      scheduled_message_id: id,
      post_at: postAt,
      message: { type: 'delayed_message', text: body.text, user: BOT.userId, bot_id: BOT.botId, ...(body.blocks ? { blocks: body.blocks } : {}) },
    };
  },

  'chat.deleteScheduledMessage'(args, ctx) {
    const channel = requiredString(args, 'channel');
    if (!ctx.ws.conversations.has(channel)) throw new ApiError('channel_not_found');
    const id = requiredString(args, 'scheduled_message_id');
    const scheduled = ctx.ws.scheduled.get(id);
    if (!scheduled || scheduled.channel !== channel) throw new ApiError('invalid_scheduled_message_id');
    ctx.ws.scheduled.delete(id);
    ctx.ws.changed('scheduled');
    return {};
  },

  'chat.scheduledMessages.list'(args, ctx) {
    const channel = optionalString(args, 'channel');
    const scheduled = [...ctx.ws.scheduled.values()]
      .filter((item) => !channel || item.channel === channel)
      .sort((a, b) => a.postAt - b.postAt)
      .map((item) => ({ id: item.id, channel_id: item.channel, post_at: item.postAt, date_created: item.createdAt, text: item.text }));
    return { scheduled_messages: scheduled, response_metadata: { next_cursor: '' } };
  },
};
