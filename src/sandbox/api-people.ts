import { BOT, TEAM } from './ids';
import { checkBlocks } from './block-check';
import { ApiError, fileJson, mimetypeOf, optionalString, postableConversation, requiredString, type ApiMethod } from './api-common';
import type { SandboxUser } from './workspace';

/** The zone's offset from UTC in seconds at this moment (Asia/Tokyo: 32400). */
export function tzOffsetSeconds(tz: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 1000);
}

function userJson(user: SandboxUser, withLocale: boolean) {
  return {
    id: user.id,
    team_id: TEAM.id,
    name: user.name,
    deleted: false,
    real_name: user.realName,
    tz: user.tz,
    tz_label: user.tz,
    tz_offset: tzOffsetSeconds(user.tz, new Date()),
    is_admin: false,
    is_owner: false,
    is_bot: Boolean(user.isBot),
    is_app_user: false,
    updated: 1_700_000_000,
    ...(withLocale ? { locale: user.locale } : {}),
    profile: {
      real_name: user.realName,
      real_name_normalized: user.realName,
      display_name: user.name,
      display_name_normalized: user.name,
      title: user.title ?? '',
      ...(user.email ? { email: user.email } : {}),
      team: TEAM.id,
    },
  };
}

const truthy = (value: unknown) => value === true || value === 'true' || value === '1' || value === 1;

export const peopleMethods: Record<string, ApiMethod> = {
  'auth.test'(_args, ctx) {
    return {
      url: `${ctx.baseUrl}/`,
      team: TEAM.name,
      user: BOT.name,
      team_id: TEAM.id,
      user_id: BOT.userId,
      bot_id: BOT.botId,
      is_enterprise_install: false,
    };
  },

  'users.info'(args, ctx) {
    const user = ctx.ws.users.get(requiredString(args, 'user'));
    if (!user) throw new ApiError('user_not_found');
    return { user: userJson(user, truthy(args.include_locale)) };
  },

  'users.lookupByEmail'(args, ctx) {
    const email = requiredString(args, 'email').toLowerCase();
    const user = [...ctx.ws.users.values()].find((candidate) => candidate.email?.toLowerCase() === email);
    if (!user) throw new ApiError('users_not_found');
    return { user: userJson(user, false) };
  },

  'conversations.open'(args, ctx) {
    const channel = optionalString(args, 'channel');
    if (channel) {
      const existing = ctx.ws.conversations.get(channel);
      if (!existing || !existing.members.includes(BOT.userId)) throw new ApiError('channel_not_found');
      return { no_op: true, already_open: true, channel: { id: existing.id } };
    }
    const ids = (optionalString(args, 'users') ?? '').split(',').map((id) => id.trim()).filter(Boolean);
    if (ids.length === 0) throw new ApiError('users_list_not_supplied');
    if (ids.length > 8) throw new ApiError('too_many_users');
    for (const id of ids) if (!ctx.ws.users.has(id)) throw new ApiError('user_not_found');
    const others = ids.filter((id) => id !== BOT.userId);
    if (others.length === 0) throw new ApiError('cannot_dm_bot');
    const before = ctx.ws.conversations.size;
    const opened = others.length === 1 ? ctx.ws.openDm(others[0]!) : ctx.ws.openGroupDm(others);
    const already = ctx.ws.conversations.size === before;
    return { ...(already ? { no_op: true, already_open: true } : {}), channel: { id: opened.id } };
  },

  'conversations.info'(args, ctx) {
    const conversation = ctx.ws.conversations.get(requiredString(args, 'channel'));
    if (!conversation || (conversation.kind !== 'public' && !conversation.members.includes(BOT.userId))) {
      throw new ApiError('channel_not_found');
    }
    return {
      channel: {
        id: conversation.id,
        name: conversation.name,
        is_channel: conversation.kind === 'public' || conversation.kind === 'private',
        is_private: conversation.kind !== 'public',
        is_im: conversation.kind === 'im',
        is_mpim: conversation.kind === 'mpim',
        is_member: conversation.members.includes(BOT.userId),
        created: conversation.created,
      },
    };
  },

  'files.getUploadURLExternal'(args, ctx) {
    const filename = requiredString(args, 'filename');
    const length = Number(requiredString(args, 'length'));
    if (!Number.isInteger(length) || length < 0) throw new ApiError('invalid_arguments', ['[ERROR] length must be a whole number']);
    const id = ctx.ws.nextId('F');
    ctx.ws.files.set(id, { id, name: filename, title: filename, length, mimetype: mimetypeOf(filename), bytes: null, created: Math.floor(ctx.ws.now() / 1000) });
    return { upload_url: `${ctx.baseUrl}/upload/${id}`, file_id: id };
  },

  'files.completeUploadExternal'(args, ctx) {
    const entries = args.files;
    if (!Array.isArray(entries) || entries.length === 0) throw new ApiError('invalid_arguments', ['[ERROR] missing required field: files']);
    const files = entries.map((entry: { id?: string; title?: string }) => {
      const file = entry?.id ? ctx.ws.files.get(entry.id) : undefined;
      if (!file || !file.bytes) throw new ApiError('file_not_found');
      if (entry.title) file.title = entry.title;
      return file;
    });
    const channelId = optionalString(args, 'channel_id');
    const blocks = args.blocks === undefined || args.blocks === '' ? undefined : (args.blocks as Record<string, unknown>[]);
    if (blocks) {
      const problems = checkBlocks(blocks, 'message');
      if (problems.length > 0) throw new ApiError('invalid_blocks', problems);
    }
    if (channelId) {
      const conversation = postableConversation(ctx.ws, channelId);
      ctx.ws.post({
        channel: conversation.id,
        user: BOT.userId,
        botId: BOT.botId,
        text: optionalString(args, 'initial_comment') ?? '',
        // Slack shows blocks with the file unless an initial_comment is given.
        ...(blocks && args.initial_comment === undefined ? { blocks } : {}),
        files: files.map((file) => file.id),
      });
    }
    return { files: files.map((file) => fileJson(file, ctx.baseUrl)) };
  },
};
