import { BOT, TEAM } from './ids';
import type { SandboxContext } from './context';
import type { Conversation, Workspace } from './workspace';

/** How a conversation is named in one person's sidebar. */
function labelFor(ws: Workspace, conversation: Conversation, viewer: string): string {
  if (conversation.kind === 'im') return BOT.realName;
  if (conversation.kind === 'mpim') {
    return conversation.members
      .filter((id) => id !== viewer && id !== BOT.userId)
      .map((id) => ws.users.get(id)?.realName ?? id)
      .join(', ');
  }
  return conversation.name;
}

/**
 * Everything one persona sees, for the page: their conversations and the messages in them (their
 * own ephemerals only), their App Home and modal stack, plus the sandbox's clock, scheduled
 * messages, notices and the app's latest Web API calls.
 */
export function snapshotFor(ctx: SandboxContext, viewer: string) {
  const { ws } = ctx;
  const conversations = [...ws.conversations.values()]
    .filter((conversation) => ws.canSee(viewer, conversation))
    .map((conversation) => ({
      id: conversation.id,
      name: conversation.name,
      kind: conversation.kind,
      label: labelFor(ws, conversation, viewer),
      members: conversation.members,
      botIsMember: conversation.members.includes(BOT.userId),
    }));
  const messages: Record<string, unknown[]> = {};
  for (const conversation of conversations) {
    messages[conversation.id] = ws.messagesIn(conversation.id, viewer).slice(-300).map((message) => ({
      ts: message.ts,
      user: message.user,
      text: message.text,
      blocks: message.blocks,
      ephemeral: Boolean(message.ephemeralTo),
      edited: Boolean(message.edited),
      scheduled: Boolean(message.scheduledId),
      files: (message.files ?? []).map((id) => {
        const file = ws.files.get(id);
        return file ? { id: file.id, name: file.name, title: file.title, size: file.length, url: `/sandbox/files/${file.id}/${encodeURIComponent(file.name)}` } : { id };
      }),
    }));
  }
  const home = ws.views.home(viewer);
  const view = (record: NonNullable<typeof home>) => ({
    id: record.id,
    hash: record.hash,
    definition: record.definition,
    errors: record.errors,
    problem: record.problem ?? null,
  });
  return {
    me: viewer,
    team: TEAM,
    bot: { id: BOT.userId, name: BOT.realName },
    clock: { now: ws.now(), offsetMs: ws.offsetMs },
    surface: ctx.surface,
    users: [...ws.users.values()].map(({ id, name, realName, title, locale, tz, isBot }) => ({ id, name, realName, title, locale, tz, isBot: Boolean(isBot) })),
    conversations,
    messages,
    home: home ? view(home) : null,
    modals: ws.views.stack(viewer).map(view),
    scheduled: [...ws.scheduled.values()]
      .sort((a, b) => a.postAt - b.postAt)
      .map((item) => ({ id: item.id, channel: item.channel, postAt: item.postAt, text: item.text })),
    notices: ws.notices.filter((notice) => !notice.userId || notice.userId === viewer).slice(-20),
    calls: ws.calls.slice(-40).map(({ seq, method, ok, error }) => ({ seq, method, ok, error })),
  };
}
