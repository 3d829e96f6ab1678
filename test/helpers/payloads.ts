/**
 * Realistic Slack payloads; a test states only what differs (bolt-js's fixture-factory style).
 */
import { COMMAND_RESPONSE_PATH, RESPONSE_URL_HOST } from './slack-api';

const team = { id: 'T0KAKEHASH', domain: 'kakehashi' };
let counter = 0;
const nextTrigger = () => `trigger.${++counter}.abc`;

export function slashCommand(overrides: { command: string; text?: string; user_id: string }) {
  return {
    token: 'legacy-verification-token',
    team_id: team.id,
    team_domain: team.domain,
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_name: overrides.user_id.toLowerCase(),
    api_app_id: 'A0KAKEHASH',
    is_enterprise_install: 'false',
    // Each command its own response URL, so a test reads the answer to the command it sent.
    response_url: `${RESPONSE_URL_HOST}${COMMAND_RESPONSE_PATH}${++counter}`,
    trigger_id: nextTrigger(),
    text: '',
    ...overrides,
  };
}

export function blockAction(overrides: {
  user: string;
  actionId: string;
  value?: string;
  /** 'message' (with a response_url) or 'home' (App Home, none). */
  from?: 'message' | 'home';
}) {
  const from = overrides.from ?? 'message';
  return {
    type: 'block_actions',
    team,
    user: { id: overrides.user, username: overrides.user.toLowerCase(), team_id: team.id },
    api_app_id: 'A0KAKEHASH',
    token: 'legacy-verification-token',
    trigger_id: nextTrigger(),
    ...(from === 'message'
      ? {
          container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0ORGANIZE', is_ephemeral: false },
          channel: { id: 'C0ORGANIZE', name: 'organizers' },
          message: { type: 'message', ts: '1700000000.000100', text: '' },
          response_url: `${RESPONSE_URL_HOST}/respond`,
        }
      : {
          container: { type: 'view', view_id: 'V0HOME' },
          view: { id: 'V0HOME', type: 'home', callback_id: '', blocks: [], state: { values: {} } },
        }),
    actions: [
      {
        type: 'button',
        action_id: overrides.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'button' },
        ...(overrides.value !== undefined ? { value: overrides.value } : {}),
        action_ts: '1700000000.000200',
      },
    ],
  };
}

export function viewSubmission(overrides: {
  user: string;
  callbackId: string;
  values: Record<string, unknown>;
  privateMetadata?: string;
  /** The modal's view.id: the same for a form submitted again (a retry), new for each form opened. */
  viewId?: string;
}) {
  return {
    type: 'view_submission',
    team,
    user: { id: overrides.user, username: overrides.user.toLowerCase(), team_id: team.id },
    api_app_id: 'A0KAKEHASH',
    token: 'legacy-verification-token',
    trigger_id: nextTrigger(),
    view: {
      id: overrides.viewId ?? 'V0MODAL',
      team_id: team.id,
      type: 'modal',
      callback_id: overrides.callbackId,
      private_metadata: overrides.privateMetadata ?? '',
      blocks: [],
      state: { values: overrides.values },
      hash: '1700000000.abc',
      title: { type: 'plain_text', text: 'Profile' },
    },
  };
}

export function globalShortcut(overrides: { user: string; callbackId: string }) {
  return {
    type: 'shortcut',
    token: 'legacy-verification-token',
    action_ts: '1700000000.000300',
    team,
    user: { id: overrides.user, username: overrides.user.toLowerCase(), team_id: team.id },
    callback_id: overrides.callbackId,
    trigger_id: nextTrigger(),
  };
}

export function appHomeOpened(overrides: { user: string; tab?: 'home' | 'messages' }) {
  return {
    token: 'legacy-verification-token',
    team_id: team.id,
    api_app_id: 'A0KAKEHASH',
    type: 'event_callback',
    event_id: `Ev${++counter}`,
    event_time: 1_700_000_000,
    event: { type: 'app_home_opened', user: overrides.user, channel: 'D0HOME', tab: overrides.tab ?? 'home', event_ts: '1700000000.1' },
  };
}

/** user_change, team_join or user_guest_status_changed: Slack sends the whole user object. */
export function userEvent(type: 'user_change' | 'team_join' | 'user_guest_status_changed', user: Record<string, unknown>) {
  return {
    token: 'legacy-verification-token',
    team_id: team.id,
    api_app_id: 'A0KAKEHASH',
    type: 'event_callback',
    event_id: `Ev${++counter}`,
    event_time: 1_700_000_000,
    event: { type, user, cache_ts: 1_700_000_000, event_ts: '1700000000.2' },
  };
}
