import { BOT, TEAM } from './ids';
import type { Conversation, Message, SandboxFile, Workspace } from './workspace';

/** A Web API failure as Slack reports it: `{ ok: false, error, response_metadata: { messages } }`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly messages: string[] = [],
  ) {
    super(code);
  }
}

export interface ApiContext {
  ws: Workspace;
  /** Where the stand-in is reached, e.g. http://127.0.0.1:3000 (upload URLs and file links). */
  baseUrl: string;
}

export type Args = Record<string, unknown>;
export type ApiResult = Record<string, unknown>;
export type ApiMethod = (args: Args, ctx: ApiContext) => ApiResult | Promise<ApiResult>;

export function requiredString(args: Args, key: string): string {
  const value = args[key];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  throw new ApiError('invalid_arguments', [`[ERROR] missing required field: ${key}`]);
}

export function optionalString(args: Args, key: string): string | undefined {
  const value = args[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/**
 * A conversation the bot may post in: a channel ID it belongs to, a DM or group DM with it, or a
 * user ID (the bot's DM with that user, as chat.postMessage allows). A private channel the bot is
 * not in does not exist for it; a public one answers not_in_channel.
 */
export function postableConversation(ws: Workspace, id: string | undefined): Conversation {
  if (!id) throw new ApiError('channel_not_found');
  if (/^[UW]/.test(id)) {
    const user = ws.users.get(id);
    if (!user || user.isBot) throw new ApiError('channel_not_found');
    return ws.openDm(id);
  }
  const conversation = ws.conversations.get(id);
  if (!conversation) throw new ApiError('channel_not_found');
  if (conversation.members.includes(BOT.userId)) return conversation;
  if (conversation.kind === 'public') throw new ApiError('not_in_channel');
  throw new ApiError('channel_not_found');
}

/** The MIME type Slack gives a file by its name, for the kinds the app deals in. */
export function mimetypeOf(filename: string): string {
  return /\.csv$/i.test(filename) ? 'text/csv' : /\.json$/i.test(filename) ? 'application/json' : 'application/octet-stream';
}

export function fileJson(file: SandboxFile, baseUrl: string): ApiResult {
  const url = `${baseUrl}/files/${file.id}/${encodeURIComponent(file.name)}`;
  return {
    id: file.id,
    created: file.created,
    timestamp: file.created,
    name: file.name,
    title: file.title,
    mimetype: file.mimetype,
    filetype: file.name.split('.').pop() ?? 'binary',
    size: file.length,
    user: file.user ?? BOT.userId,
    mode: 'hosted',
    url_private: url,
    url_private_download: `${url}?download=1`,
    permalink: url,
  };
}

/** A message as the Web API returns it. */
export function messageJson(ws: Workspace, message: Message, baseUrl: string): ApiResult {
  const fromBot = message.user === BOT.userId;
  return {
    type: 'message',
    text: message.text,
    user: message.user,
    ts: message.ts,
    team: TEAM.id,
    ...(fromBot
      ? {
          bot_id: BOT.botId,
          app_id: BOT.appId,
          bot_profile: { id: BOT.botId, app_id: BOT.appId, name: BOT.name, deleted: false, team_id: TEAM.id },
        }
      : {}),
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.files
      ? { files: message.files.map((id) => ws.files.get(id)).filter(Boolean).map((file) => fileJson(file!, baseUrl)), upload: false }
      : {}),
    ...(message.edited ? { edited: { user: message.user, ts: message.ts } } : {}),
  };
}
