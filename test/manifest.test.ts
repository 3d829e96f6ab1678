import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import type { App } from '@slack/bolt';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { registerListeners, type ListenerDeps } from '../src/listeners';
import { createRecordingApp, untouchableDeps } from './helpers/recording-app';

const MANIFEST_URL = new URL('../manifest.yml', import.meta.url);
// Slack's published schema as kept in ../shared/ beside the repository; a copy (MIT, from
// slackapi/manifest-schema) in test/fixtures serves a checkout that has no shared/ beside it.
const SHARED_SCHEMA_URL = new URL('../../shared/slack/manifest.schema.1.0.0.json', import.meta.url);
const SCHEMA_URL = existsSync(SHARED_SCHEMA_URL)
  ? SHARED_SCHEMA_URL
  : new URL('./fixtures/slack/manifest.schema.1.0.0.json', import.meta.url);
const SRC_URL = new URL('../src/', import.meta.url);

/** Bolt's HTTPReceiver serves commands, events and interactivity on this one path by default. */
const BOLT_EVENTS_PATH = '/slack/events';
const PLACEHOLDER_HOST = 'kakehashi.example.org';

/**
 * The bot scopes each Web API method needs (https://api.slack.com/methods). Views need none;
 * chat.postMessage to a user ID posts in the app's DM with chat:write alone, and to a channel once
 * the bot has been invited (no chat:write.public).
 */
const SCOPES_BY_METHOD: Record<string, readonly string[]> = {
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.scheduleMessage': ['chat:write'],
  'chat.deleteScheduledMessage': ['chat:write'],
  'views.open': [],
  'views.publish': [],
  'views.update': [],
  'views.push': [],
  'users.info': ['users:read'],
  'users.lookupByEmail': ['users:read.email'],
  // One method for direct and group DMs: the scope depends on how many users, so both are asked for.
  'conversations.open': ['im:write', 'mpim:write'],
  'files.uploadV2': ['files:write'],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
  // WebClient's helper: files.getUploadURLExternal, a POST of the bytes, files.completeUploadExternal.
  filesUploadV2: ['files:write'],
};

/** The bot scope each subscribed event needs (https://docs.slack.dev/reference/events). */
const SCOPES_BY_EVENT: Record<string, readonly string[]> = {
  app_home_opened: [],
  user_change: ['users:read'],
  team_join: ['users:read'],
  user_guest_status_changed: ['users:read'],
  'message.im': ['im:history'],
};

/**
 * Bolt registers one `message` listener; the manifest subscribes to the kinds of conversation it
 * should hear from (https://docs.slack.dev/reference/events/message): here the bot's DM only.
 */
const SUBSCRIPTIONS_BY_EVENT: Record<string, readonly string[]> = { message: ['message.im'] };
const subscriptionsOf = (events: readonly string[]) => events.flatMap((event) => SUBSCRIPTIONS_BY_EVENT[event] ?? [event]);

/** Slack only grants users:read.email together with users:read. */
const IMPLIED_SCOPES: Record<string, readonly string[]> = { 'users:read.email': ['users:read'] };

/**
 * Web API calls in source text: `client.chat.postMessage(`, `apiCall('users.info'`. The method
 * family follows a dot (it is reached through a client), so a local array named like a family
 * (`reminders.push(`) or a method named in a comment is not taken for a call.
 */
const WEB_API_CALL =
  /(?<=\.\s*)\b(chat|views|users|conversations|files|reactions|pins|bookmarks|reminders|usergroups|team|bots|dnd|emoji|search|canvases)\s*\.\s*(\w+)\s*\(/g;
const API_CALL_BY_NAME = /\bapiCall\(\s*['"`]([\w.]+)['"`]/g;
/** WebClient helpers called on the client itself rather than on a method family. */
const CLIENT_HELPER_CALL = /\.\s*(filesUploadV2)\s*\(/g;
/** users.info returns the email only with users:read.email; the code reads it as `profile.email`. */
const READS_EMAIL = /\bprofile\??\.email\b/;
/** Downloading a file shared in Slack (its private URL, with the bot token) needs files:read. */
const DOWNLOADS_FILES = /\burl_private(?:_download)?\b/;

interface Manifest {
  features: {
    slash_commands?: { command: string; url?: string }[];
    shortcuts?: { callback_id: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions?: { request_url?: string; bot_events?: string[] };
    interactivity?: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled?: boolean;
  };
}

async function loadManifest(): Promise<Manifest> {
  return parse(await readFile(MANIFEST_URL, 'utf8')) as Manifest;
}

async function manifestValidator() {
  const schema = JSON.parse(await readFile(SCHEMA_URL, 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  // Slack's schema spells one pattern `regex` (background_color); enforce it as Slack does.
  ajv.addKeyword({
    keyword: 'regex',
    type: 'string',
    schemaType: 'string',
    validate: (pattern: string, value: string) => new RegExp(pattern).test(value),
  });
  return ajv.compile(schema);
}

/** The local Slack stand-in implements the Web API rather than calling it: not the bot's code. */
const NOT_THE_BOT = /^sandbox[\\/]/;

async function sourceFiles(): Promise<{ file: string; text: string }[]> {
  const entries = await readdir(SRC_URL, { recursive: true });
  const files = entries.filter((entry) => entry.endsWith('.ts') && !NOT_THE_BOT.test(entry)).sort();
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(new URL(file, SRC_URL), 'utf8') })));
}

function registeredListeners() {
  const { app, registered } = createRecordingApp();
  registerListeners(app as unknown as App, untouchableDeps<ListenerDeps>());
  return registered;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

describe('manifest.yml', () => {
  it('validates against Slack’s manifest schema', async () => {
    const validate = await manifestValidator();
    validate(await loadManifest());
    expect(validate.errors ?? []).toEqual([]);
  });

  it('is checked by a validator that rejects what Slack would refuse', async () => {
    const validate = await manifestValidator();
    const manifest = await loadManifest();
    const broken = { ...manifest, display_information: { name: 'K'.repeat(36), background_color: 'navy' } };
    expect(validate(broken)).toBe(false);
    expect(sorted((validate.errors ?? []).map((error) => error.instancePath))).toEqual([
      '/display_information/background_color',
      '/display_information/name',
    ]);
  });

  it('declares exactly the slash commands, shortcuts and bot events the listeners register', async () => {
    const manifest = await loadManifest();
    const registered = registeredListeners();

    expect(sorted(registered.command)).toEqual(sorted((manifest.features.slash_commands ?? []).map((c) => c.command)));
    expect(sorted(registered.shortcut)).toEqual(sorted((manifest.features.shortcuts ?? []).map((s) => s.callback_id)));
    expect(sorted(subscriptionsOf(registered.event))).toEqual(sorted(manifest.settings.event_subscriptions?.bot_events ?? []));
  });

  it('enables interactivity because the listeners handle buttons, modals and shortcuts', async () => {
    const manifest = await loadManifest();
    const registered = registeredListeners();
    const interactive = registered.action.length + registered.view.length + registered.shortcut.length > 0;

    expect(manifest.settings.interactivity?.is_enabled ?? false).toBe(interactive);
  });

  it('requests exactly the bot scopes the code’s Web API calls need', async () => {
    const manifest = await loadManifest();
    const files = await sourceFiles();
    const needed = new Set<string>();
    const unknown: string[] = [];

    for (const { file, text } of files) {
      const methods = [
        ...[...text.matchAll(WEB_API_CALL)].map(([, family, method]) => `${family}.${method}`),
        ...[...text.matchAll(API_CALL_BY_NAME)].map(([, method]) => method!),
        ...[...text.matchAll(CLIENT_HELPER_CALL)].map(([, helper]) => helper!),
      ];
      for (const method of methods) {
        const scopes = SCOPES_BY_METHOD[method];
        if (scopes) scopes.forEach((scope) => needed.add(scope));
        else unknown.push(`${method} (src/${file})`);
      }
      if (READS_EMAIL.test(text)) needed.add('users:read.email');
      if (DOWNLOADS_FILES.test(text)) needed.add('files:read');
    }
    if (registeredListeners().command.length > 0) needed.add('commands');
    for (const event of subscriptionsOf(registeredListeners().event)) {
      const scopes = SCOPES_BY_EVENT[event];
      if (scopes) scopes.forEach((scope) => needed.add(scope));
      else unknown.push(`event ${event}`);
    }
    for (const scope of [...needed]) (IMPLIED_SCOPES[scope] ?? []).forEach((implied) => needed.add(implied));

    expect(unknown, 'Web API methods missing from SCOPES_BY_METHOD in test/manifest.test.ts: add each with its scopes').toEqual([]);
    expect(sorted(manifest.oauth_config.scopes.bot)).toEqual(sorted(needed));
  });

  it('sends every request to Bolt’s /slack/events on the one placeholder host', async () => {
    const manifest = await loadManifest();
    const { event_subscriptions, interactivity } = manifest.settings;
    const urls = [
      ...(manifest.features.slash_commands ?? []).map((c) => c.url),
      event_subscriptions?.request_url,
      interactivity?.request_url,
    ];

    expect(manifest.settings.socket_mode_enabled).toBe(false);
    for (const url of urls) {
      expect(url).toBeDefined();
      const { protocol, host, pathname, search } = new URL(url!);
      expect({ protocol, host, pathname, search }).toEqual({
        protocol: 'https:',
        host: PLACEHOLDER_HOST,
        pathname: BOLT_EVENTS_PATH,
        search: '',
      });
    }
    // A custom receiver path would make every URL above wrong.
    const customPaths = (await sourceFiles()).filter(({ text }) => /\bendpoints\s*:/.test(text)).map(({ file }) => file);
    expect(customPaths).toEqual([]);
  });
});
