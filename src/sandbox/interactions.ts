import { messageJson } from './api-common';
import { sendToBot, type BotReply } from './bot-link';
import { actionTs, failureOf, slackbotSays, type InteractionResult, type SandboxContext } from './context';
import { appHomeOpenedEvent, directMessageEvent, globalShortcutPayload, messageActionPayload, slashCommandBody } from './payloads';
import { applyResponse, type ResponseMessage } from './respond';
import { slackView } from './view-store';
import type { Conversation, SandboxUser, Workspace } from './workspace';

/** A person of the workspace (not a bot), or why not. */
export function personOf(ws: Workspace, userId: string): SandboxUser | undefined {
  const user = ws.users.get(userId);
  return user && !user.isBot ? user : undefined;
}

function visibleConversation(ws: Workspace, user: SandboxUser, channelId: string): Conversation | undefined {
  const conversation = ws.conversations.get(channelId);
  return conversation && ws.canSee(user.id, conversation) ? conversation : undefined;
}

const escapeEntities = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Text as Slack encodes what a person typed: `&<>` escaped, `@handle` and `#channel` turned into
 * `<@U…|handle>` and `<#C…|name>` (commands are declared should_escape, so they get the same).
 */
export function encodeTyped(ws: Workspace, typed: string): string {
  const handles = new Map([...ws.users.values()].map((user) => [user.name.toLowerCase(), user]));
  const channels = new Map([...ws.conversations.values()].filter((c) => c.kind === 'public' || c.kind === 'private').map((c) => [c.name.toLowerCase(), c]));
  return escapeEntities(typed)
    .replace(/(^|\s)@([\w.-]+)/g, (whole, space: string, handle: string) => {
      const user = handles.get(handle.toLowerCase());
      return user ? `${space}<@${user.id}|${user.name}>` : whole;
    })
    .replace(/(^|\s)#([\w-]+)/g, (whole, space: string, name: string) => {
      const channel = channels.get(name.toLowerCase());
      return channel ? `${space}<#${channel.id}|${channel.name}>` : whole;
    });
}

/** Where a failed request to the app is told: Slackbot's ephemeral for commands, a notice otherwise. */
function reportFailure(ctx: SandboxContext, userId: string, what: string, reply: BotReply, channelId?: string): InteractionResult {
  const error = failureOf(reply.status);
  if (channelId) slackbotSays(ctx.ws, userId, channelId, `${what} failed with the error "${reply.status === 0 ? 'operation_timeout' : 'dispatch_failed'}"`);
  else ctx.ws.notify({ userId, level: 'error', text: `${what}: the app answered ${error}` });
  return { ok: false, error };
}

/**
 * Something typed in the message box: a slash command goes to the app (its acknowledgement is
 * shown like Slack shows it); anything else is posted as the person's message.
 */
export async function runTyped(ctx: SandboxContext, input: { userId: string; channelId: string; text: string }): Promise<InteractionResult> {
  const user = personOf(ctx.ws, input.userId);
  if (!user) return { ok: false, error: 'user_not_found' };
  const conversation = visibleConversation(ctx.ws, user, input.channelId);
  if (!conversation) return { ok: false, error: 'channel_not_found' };
  const typed = input.text.trim();
  if (typed === '') return { ok: false, error: 'no_text' };
  if (!typed.startsWith('/')) {
    const message = ctx.ws.post({ channel: conversation.id, user: user.id, text: encodeTyped(ctx.ws, typed) });
    if (conversation.kind !== 'im') return { ok: true, outcome: 'posted' };
    // In the app's DM (its Messages tab accepts messages, for CSV files), the app hears it: message.im.
    const bot = ctx.bot();
    if (!bot) return reportFailure(ctx, user.id, 'message.im', { status: 0, body: undefined });
    const event = directMessageEvent({ userId: user.id, conversation, ts: message.ts, text: message.text, eventId: ctx.ws.nextId('Ev'), nowMs: ctx.ws.now() });
    const reply = await sendToBot(bot, { json: event });
    if (reply.status !== 200) return reportFailure(ctx, user.id, 'message.im', reply);
    return { ok: true, outcome: 'posted' };
  }
  const command = typed.split(/\s+/)[0] ?? '';
  const text = typed.slice(command.length).trim();
  if (!ctx.surface.commands.some((declared) => declared.command === command)) {
    slackbotSays(ctx.ws, user.id, conversation.id, `${command} is not a valid command. In Slack, all messages that start with "/" are interpreted as commands.`);
    return { ok: false, error: 'unknown_command' };
  }
  const bot = ctx.bot();
  if (!bot) return reportFailure(ctx, user.id, command, { status: 0, body: undefined }, conversation.id);
  const target = { kind: 'command' as const, userId: user.id, channelId: conversation.id };
  const responseId = ctx.ws.issueResponseUrl(target);
  const body = slashCommandBody({
    user,
    conversation,
    command,
    text: encodeTyped(ctx.ws, text),
    responseUrl: `${ctx.baseUrl}/respond/${responseId}`,
    triggerId: ctx.ws.issueTrigger(user.id),
  });
  const reply = await sendToBot(bot, { form: body });
  if (reply.status !== 200) return reportFailure(ctx, user.id, command, reply, conversation.id);
  if (reply.body !== undefined) {
    const message: ResponseMessage = typeof reply.body === 'string' ? { text: reply.body } : (reply.body as ResponseMessage);
    const outcome = applyResponse(ctx.ws, ctx.ws.responseTarget(responseId)!, message);
    if (outcome !== 'ok') ctx.ws.notify({ userId: user.id, level: 'error', text: `${command} acknowledgement → ${outcome}` });
  }
  return { ok: true, outcome: 'sent' };
}

/** A global shortcut from the shortcuts menu. */
export async function runGlobalShortcut(ctx: SandboxContext, input: { userId: string; callbackId: string }): Promise<InteractionResult> {
  const user = personOf(ctx.ws, input.userId);
  if (!user) return { ok: false, error: 'user_not_found' };
  const bot = ctx.bot();
  const payload = globalShortcutPayload({ user, callbackId: input.callbackId, triggerId: ctx.ws.issueTrigger(user.id), actionTs: actionTs() });
  const reply = bot ? await sendToBot(bot, { form: { payload: JSON.stringify(payload) } }) : { status: 0, body: undefined };
  return reply.status === 200 ? { ok: true } : reportFailure(ctx, user.id, `Shortcut ${input.callbackId}`, reply);
}

/** A message shortcut on one message ("Find an expert"), with a response_url into that conversation. */
export async function runMessageShortcut(
  ctx: SandboxContext,
  input: { userId: string; callbackId: string; channelId: string; messageTs: string },
): Promise<InteractionResult> {
  const user = personOf(ctx.ws, input.userId);
  if (!user) return { ok: false, error: 'user_not_found' };
  const conversation = visibleConversation(ctx.ws, user, input.channelId);
  const message = conversation ? ctx.ws.findMessage(conversation.id, input.messageTs) : undefined;
  if (!conversation || !message || (message.ephemeralTo && message.ephemeralTo !== user.id)) return { ok: false, error: 'message_not_found' };
  const responseId = ctx.ws.issueResponseUrl({ kind: 'shortcut', userId: user.id, channelId: conversation.id });
  const payload = messageActionPayload({
    user,
    callbackId: input.callbackId,
    triggerId: ctx.ws.issueTrigger(user.id),
    actionTs: actionTs(),
    conversation,
    message: messageJson(ctx.ws, message, ctx.baseUrl),
    responseUrl: `${ctx.baseUrl}/respond/${responseId}`,
  });
  const bot = ctx.bot();
  const reply = bot ? await sendToBot(bot, { form: { payload: JSON.stringify(payload) } }) : { status: 0, body: undefined };
  return reply.status === 200 ? { ok: true } : reportFailure(ctx, user.id, `Shortcut ${input.callbackId}`, reply);
}

/** Opening the app's Home or Messages tab sends app_home_opened (with the published view, if any). */
export async function openAppHome(ctx: SandboxContext, input: { userId: string; tab: 'home' | 'messages' }): Promise<InteractionResult> {
  const user = personOf(ctx.ws, input.userId);
  if (!user) return { ok: false, error: 'user_not_found' };
  const dm = ctx.ws.openDm(user.id);
  const home = ctx.ws.views.home(user.id);
  const event = appHomeOpenedEvent({
    userId: user.id,
    channelId: dm.id,
    tab: input.tab,
    ...(home ? { view: slackView(home) } : {}),
    eventId: ctx.ws.nextId('Ev'),
    nowMs: ctx.ws.now(),
  });
  const bot = ctx.bot();
  const reply = bot ? await sendToBot(bot, { json: event }) : { status: 0, body: undefined };
  return reply.status === 200 ? { ok: true } : reportFailure(ctx, user.id, 'app_home_opened', reply);
}
