/** The records of the sandbox workspace (src/sandbox/workspace.ts holds them). */

export interface SandboxUser {
  id: string;
  /** The handle (`@hanako`). */
  name: string;
  realName: string;
  email: string | null;
  /** Slack's locale, e.g. ja-JP or en-US. */
  locale: string;
  /** IANA time zone, e.g. Asia/Tokyo. */
  tz: string;
  /** What the persona picker says about them. */
  title?: string;
  isBot?: boolean;
}

export type ConversationKind = 'public' | 'private' | 'im' | 'mpim';

export interface Conversation {
  id: string;
  name: string;
  kind: ConversationKind;
  members: string[];
  created: number;
}

export interface SandboxFile {
  id: string;
  name: string;
  title: string;
  length: number;
  mimetype: string;
  bytes: Buffer | null;
  created: number;
  /** Who shared it: a person's upload; the bot's when absent. */
  user?: string;
}

export interface Message {
  /** Order of arrival (ts alone can tie when the clock is moved). */
  seq: number;
  ts: string;
  channel: string;
  /** Author: a user ID, the bot's user ID, or USLACKBOT. */
  user: string;
  botId?: string;
  text: string;
  blocks?: Record<string, unknown>[];
  files?: string[];
  /** Set for an ephemeral message: only this user sees it. */
  ephemeralTo?: string;
  edited?: boolean;
  /** Set when the message was delivered from chat.scheduleMessage. */
  scheduledId?: string;
}

export interface ScheduledMessage {
  id: string;
  channel: string;
  /** Unix seconds. */
  postAt: number;
  text: string;
  blocks?: Record<string, unknown>[];
  createdAt: number;
}

/** What a response_url posts into: where the interaction happened and, for a message, which one. */
export interface ResponseTarget {
  /** A command's replies can be replaced by later ones; a message interaction replaces its message. */
  kind: 'command' | 'message' | 'shortcut';
  userId: string;
  channelId: string;
  /** The message the interaction came from (block_actions); for a command, the last reply. */
  messageTs?: string;
  uses: number;
  createdAt: number;
}

export interface Notice {
  seq: number;
  at: number;
  /** Only this user sees it; undefined: everyone. */
  userId?: string;
  level: 'info' | 'error';
  text: string;
}

export interface ApiCall {
  seq: number;
  method: string;
  ok: boolean;
  error?: string;
  args: Record<string, unknown>;
}
