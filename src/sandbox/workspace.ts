import { EventEmitter } from 'node:events';
import { BOT, SLACKBOT, createIdSource, triggerIdFrom } from './ids';
import { assignBlockIds } from './block-check';
import { createViewStore } from './view-store';
import type { ApiCall, Conversation, Message, Notice, ResponseTarget, SandboxFile, SandboxUser, ScheduledMessage } from './types';
export type { ApiCall, Conversation, ConversationKind, Message, Notice, ResponseTarget, SandboxFile, SandboxUser, ScheduledMessage } from './types';

const KEEP_CALLS = 500;

/**
 * The in-memory Slack workspace the sandbox serves: people, conversations with their messages and
 * ephemerals, views, scheduled messages, files, trigger IDs and response URLs, and a clock that can
 * be moved forward. Every change is announced on `changes`, which the page's live updates and the
 * tests' `waitFor` listen to.
 */
export class Workspace {
  readonly users = new Map<string, SandboxUser>();
  readonly conversations = new Map<string, Conversation>();
  readonly messages: Message[] = [];
  readonly scheduled = new Map<string, ScheduledMessage>();
  readonly files = new Map<string, SandboxFile>();
  readonly notices: Notice[] = [];
  readonly calls: ApiCall[] = [];
  readonly views = createViewStore(this);
  readonly changes = new EventEmitter();
  readonly nextId = createIdSource();
  private readonly triggers = new Map<string, { userId: string; used: boolean }>();
  private readonly responseTargets = new Map<string, ResponseTarget>();
  private sequence = 0;
  private lastTs = { seconds: 0, micros: 0 };
  /** How far the sandbox clock is ahead of real time (the app's clock reads `now`, so it follows). */
  offsetMs = 0;
  /** Web API requests being answered, and when the last one ended (for `settle`). */
  private inFlight = 0;
  private lastActivity = 0;

  constructor() {
    this.changes.setMaxListeners(0);
    this.addUser({ id: BOT.userId, name: BOT.name, realName: BOT.realName, email: null, locale: 'en-US', tz: 'Asia/Tokyo', isBot: true });
    this.addUser({ id: SLACKBOT.userId, name: SLACKBOT.name, realName: SLACKBOT.realName, email: null, locale: 'en-US', tz: 'UTC', isBot: true });
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  changed(what: string): void {
    this.changes.emit('change', what);
  }

  /** Resolves once `predicate` holds (checked now and after every change); rejects after `timeoutMs`. */
  waitFor<T>(predicate: () => T | undefined | false | null, timeoutMs = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = predicate();
        if (!found) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error('the sandbox never reached the awaited state'));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.changes.off('change', check);
      };
      if (!check()) this.changes.on('change', check);
    });
  }

  /** Brackets one Web API request, so `settle` knows the app is still talking. */
  async tracking<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
      this.lastActivity = Date.now();
    }
  }

  /**
   * Resolves once the app has made no Web API call for `quietMs` (at most `maxMs`): for shutting
   * down after the app's work that follows its acknowledgement, never for assertions.
   */
  async settle(quietMs = 200, maxMs = 5000): Promise<void> {
    const deadline = Date.now() + maxMs;
    while (Date.now() < deadline && (this.inFlight > 0 || Date.now() - this.lastActivity < quietMs)) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  addUser(user: SandboxUser): SandboxUser {
    this.users.set(user.id, user);
    this.changed('users');
    return user;
  }

  addConversation(conversation: Omit<Conversation, 'created'>): Conversation {
    const created = { ...conversation, created: Math.floor(this.now() / 1000) };
    this.conversations.set(created.id, created);
    this.changed('conversations');
    return created;
  }

  /** The bot's DM with a user (opened on first use, as conversations.open does). */
  openDm(userId: string): Conversation {
    const existing = [...this.conversations.values()].find((c) => c.kind === 'im' && c.members.includes(userId));
    if (existing) return existing;
    return this.addConversation({ id: this.nextId('D'), name: userId, kind: 'im', members: [BOT.userId, userId] });
  }

  /** A group DM of these users and the bot, the same one for the same people. */
  openGroupDm(userIds: string[]): Conversation {
    const members = [...new Set([...userIds, BOT.userId])].sort();
    const existing = [...this.conversations.values()].find(
      (c) => c.kind === 'mpim' && c.members.length === members.length && members.every((m) => c.members.includes(m)),
    );
    if (existing) return existing;
    const name = `mpdm-${members.map((id) => this.users.get(id)?.name ?? id.toLowerCase()).join('--')}-1`;
    return this.addConversation({ id: this.nextId('G'), name, kind: 'mpim', members });
  }

  canSee(userId: string, conversation: Conversation): boolean {
    return conversation.kind === 'public' || conversation.members.includes(userId);
  }

  /** A Slack ts: the sandbox clock's seconds and a counter, always increasing. */
  private nextTs(): string {
    const seconds = Math.floor(this.now() / 1000);
    if (seconds > this.lastTs.seconds) this.lastTs = { seconds, micros: 100 };
    else this.lastTs = { seconds: this.lastTs.seconds, micros: this.lastTs.micros + 100 };
    return `${this.lastTs.seconds}.${String(this.lastTs.micros).padStart(6, '0')}`;
  }

  post(message: Omit<Message, 'seq' | 'ts'>): Message {
    const posted: Message = { ...message, ...this.withBlockIds(message), seq: ++this.sequence, ts: this.nextTs() };
    this.messages.push(posted);
    this.changed('messages');
    return posted;
  }

  /** Slack gives each block without a block_id one of its own, which payloads then carry. */
  private withBlockIds(message: { blocks?: Record<string, unknown>[] }): { blocks?: Record<string, unknown>[] } {
    return message.blocks ? { blocks: assignBlockIds(message.blocks, () => this.nextId('b').toLowerCase()) } : {};
  }

  findMessage(channel: string, ts: string): Message | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  updateMessage(message: Message, patch: Partial<Pick<Message, 'text' | 'blocks' | 'files'>>): Message {
    Object.assign(message, patch, this.withBlockIds(patch), { edited: true });
    this.changed('messages');
    return message;
  }

  deleteMessage(message: Message): void {
    const index = this.messages.indexOf(message);
    if (index >= 0) this.messages.splice(index, 1);
    this.changed('messages');
  }

  /** The messages of one conversation a user sees: everyone's, and the ephemerals meant for them. */
  messagesIn(channel: string, viewer: string): Message[] {
    return this.messages.filter((m) => m.channel === channel && (!m.ephemeralTo || m.ephemeralTo === viewer));
  }

  issueTrigger(userId: string): string {
    const id = triggerIdFrom(++this.sequence, Date.now());
    this.triggers.set(id, { userId, used: false });
    return id;
  }

  /** A trigger opens one view, for the user who acted: unknown is expired, a second use exchanged. */
  takeTrigger(id: string): { userId: string } | 'expired_trigger_id' | 'exchanged_trigger_id' {
    const trigger = this.triggers.get(id);
    if (!trigger) return 'expired_trigger_id';
    if (trigger.used) return 'exchanged_trigger_id';
    trigger.used = true;
    return { userId: trigger.userId };
  }

  issueResponseUrl(target: Omit<ResponseTarget, 'uses' | 'createdAt'>): string {
    const id = this.nextId('R').toLowerCase();
    this.responseTargets.set(id, { ...target, uses: 0, createdAt: Date.now() });
    return id;
  }

  responseTarget(id: string): ResponseTarget | undefined {
    return this.responseTargets.get(id);
  }

  notify(notice: Omit<Notice, 'seq' | 'at'>): void {
    this.notices.push({ ...notice, seq: ++this.sequence, at: this.now() });
    if (this.notices.length > 200) this.notices.shift();
    this.changed('notices');
  }

  recordCall(call: Omit<ApiCall, 'seq'>): void {
    this.calls.push({ ...call, seq: ++this.sequence });
    if (this.calls.length > KEEP_CALLS) this.calls.shift();
    this.changed('calls');
  }

  /** Moves the sandbox clock forward: the app's clock too (startSandbox gives it `now`). */
  advanceClock(ms: number): void {
    this.offsetMs += Math.max(0, ms);
    this.changed('clock');
  }
}
