import { BOT, TEAM, VERIFICATION_TOKEN } from './ids';
import type { Conversation, SandboxUser } from './workspace';

/**
 * The request bodies Slack sends an app, shaped as Slack sends them (docs.slack.dev "Interaction
 * payloads", "Slash commands", "Events API"), so Bolt parses them exactly as in production.
 */
type Json = Record<string, unknown>;

const team = { id: TEAM.id, domain: TEAM.domain };

function userOf(user: SandboxUser): Json {
  return { id: user.id, username: user.name, name: user.name, team_id: TEAM.id };
}

function channelName(conversation: Conversation): string {
  if (conversation.kind === 'im') return 'directmessage';
  if (conversation.kind === 'mpim') return 'mpdm';
  return conversation.name;
}

/** A slash command: a flat form body. */
export function slashCommandBody(input: {
  user: SandboxUser;
  conversation: Conversation;
  command: string;
  text: string;
  responseUrl: string;
  triggerId: string;
}): Record<string, string> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: input.conversation.id,
    channel_name: channelName(input.conversation),
    user_id: input.user.id,
    user_name: input.user.name,
    command: input.command,
    text: input.text,
    api_app_id: BOT.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  };
}

/** block_actions from a message (with its response_url) or from a view (modal or App Home). */
export function blockActionsPayload(input: {
  user: SandboxUser;
  triggerId: string;
  action: Json;
  state: Json;
  from:
    | { kind: 'message'; conversation: Conversation; message: Json; ephemeral: boolean; responseUrl: string }
    | { kind: 'view'; view: Json };
}): Json {
  const from = input.from;
  const where =
    from.kind === 'message'
      ? {
          container: {
            type: 'message',
            message_ts: from.message.ts,
            channel_id: from.conversation.id,
            is_ephemeral: from.ephemeral,
          },
          channel: { id: from.conversation.id, name: channelName(from.conversation) },
          // Slack leaves the message out of payloads from ephemeral messages.
          ...(from.ephemeral ? {} : { message: from.message }),
          state: input.state,
          response_url: from.responseUrl,
        }
      : { container: { type: 'view', view_id: from.view.id }, view: { ...from.view, state: input.state } };
  return {
    type: 'block_actions',
    user: userOf(input.user),
    api_app_id: BOT.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: input.triggerId,
    team,
    enterprise: null,
    is_enterprise_install: false,
    ...where,
    actions: [input.action],
  };
}

export function viewSubmissionPayload(input: { user: SandboxUser; triggerId: string; view: Json }): Json {
  return {
    type: 'view_submission',
    team,
    user: userOf(input.user),
    api_app_id: BOT.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: input.triggerId,
    view: input.view,
    response_urls: [],
    enterprise: null,
    is_enterprise_install: false,
  };
}

export function globalShortcutPayload(input: { user: SandboxUser; callbackId: string; triggerId: string; actionTs: string }): Json {
  return {
    type: 'shortcut',
    token: VERIFICATION_TOKEN,
    action_ts: input.actionTs,
    team,
    user: userOf(input.user),
    is_enterprise_install: false,
    enterprise: null,
    callback_id: input.callbackId,
    trigger_id: input.triggerId,
  };
}

export function messageActionPayload(input: {
  user: SandboxUser;
  callbackId: string;
  triggerId: string;
  actionTs: string;
  conversation: Conversation;
  message: Json;
  responseUrl: string;
}): Json {
  return {
    type: 'message_action',
    token: VERIFICATION_TOKEN,
    action_ts: input.actionTs,
    team,
    user: userOf(input.user),
    channel: { id: input.conversation.id, name: channelName(input.conversation) },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: input.callbackId,
    trigger_id: input.triggerId,
    message_ts: input.message.ts,
    message: input.message,
    response_url: input.responseUrl,
  };
}

/** The Events API envelope around app_home_opened. */
/** The Events API envelope around one event. */
function eventCallback(event: Json, input: { eventId: string; nowMs: number }): Json {
  return {
    token: VERIFICATION_TOKEN,
    team_id: TEAM.id,
    api_app_id: BOT.appId,
    event,
    type: 'event_callback',
    event_id: input.eventId,
    event_time: Math.floor(input.nowMs / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM.id, user_id: BOT.userId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export function appHomeOpenedEvent(input: { userId: string; channelId: string; tab: 'home' | 'messages'; view?: Json; eventId: string; nowMs: number }): Json {
  const eventTs = (input.nowMs / 1000).toFixed(6);
  return eventCallback(
    {
      type: 'app_home_opened',
      user: input.userId,
      channel: input.channelId,
      tab: input.tab,
      event_ts: eventTs,
      ...(input.view ? { view: input.view } : {}),
    },
    input,
  );
}

/** A person types in their DM with the app (message.im; the app's Messages tab accepts messages). */
export function directMessageEvent(input: { userId: string; conversation: Conversation; ts: string; text: string; eventId: string; nowMs: number }): Json {
  return eventCallback(
    { type: 'message', text: input.text, user: input.userId, ts: input.ts, channel: input.conversation.id, channel_type: 'im', event_ts: input.ts },
    input,
  );
}

/** A person shares files in a conversation (message.im in a DM): a message event of subtype file_share. */
export function fileShareEvent(input: {
  userId: string;
  conversation: Conversation;
  ts: string;
  text: string;
  files: Json[];
  eventId: string;
  nowMs: number;
}): Json {
  return eventCallback(
    {
      type: 'message',
      subtype: 'file_share',
      text: input.text,
      files: input.files,
      upload: true,
      user: input.userId,
      display_as_bot: false,
      ts: input.ts,
      channel: input.conversation.id,
      channel_type: input.conversation.kind === 'public' ? 'channel' : input.conversation.kind === 'private' ? 'group' : input.conversation.kind,
      event_ts: input.ts,
    },
    input,
  );
}
