import type { AddressInfo } from 'node:net';
import type { App, Logger } from '@slack/bolt';
import { parseConfig, type Config } from '../config';
import type { Database } from '../db/client';
import type { ListenerDeps } from '../listeners';
import { seedOrganizers } from '../services/organizers';
import { createSlackApp } from '../slack/create-app';
import { KAKEHASHI_SURFACE } from './app-surface';
import { runDueWork } from './catch-up';
import { addDemoWorkspace, PERSONAS, SANDBOX_CHANNELS, STAFF_DOMAIN, type Persona } from './personas';
import { startStandIn, type StandIn } from './server';

export const SANDBOX_BOT_TOKEN = 'xoxb-sandbox';
export const SANDBOX_SIGNING_SECRET = 'sandbox-signing-secret';

export interface SandboxOptions {
  database: Database;
  /** The stand-in's port (the page); 0 picks one. */
  port?: number;
  /** The bot's port; 0 (default) picks one. */
  botPort?: number;
  personas?: Persona[];
  /** Extra configuration (environment names), e.g. { LOG_LEVEL: 'debug' }. */
  env?: Record<string, string>;
  logger?: Logger;
}

export interface Sandbox {
  standIn: StandIn;
  app: App;
  deps: ListenerDeps;
  config: Config;
  personas: Persona[];
  close(): Promise<void>;
}

/**
 * The unchanged bot and the Slack stand-in, wired as in production: the bot's SLACK_API_URL points
 * at the stand-in's /api/, and the stand-in sends signed requests to the bot's /slack/events. The
 * bot's clock is the stand-in's, which the page can move on.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const personas = options.personas ?? PERSONAS;
  const standIn = await startStandIn({ port: options.port ?? 0, botToken: SANDBOX_BOT_TOKEN, surface: KAKEHASHI_SURFACE });
  try {
    addDemoWorkspace(standIn.ws, personas);
    const config = parseConfig({
      SLACK_BOT_TOKEN: SANDBOX_BOT_TOKEN,
      SLACK_SIGNING_SECRET: SANDBOX_SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
      ORGANIZERS_CHANNEL_ID: SANDBOX_CHANNELS.organizers,
      REQUESTS_CHANNEL_ID: SANDBOX_CHANNELS.requests,
      ANNOUNCEMENTS_CHANNEL_ID: SANDBOX_CHANNELS.announcements,
      STAFF_EMAIL_DOMAINS: STAFF_DOMAIN,
      ORGANIZER_USER_IDS: personas.filter((p) => p.organizer).map((p) => p.id).join(','),
      DEFAULT_LOCALE: 'ja',
      LOG_LEVEL: 'warn',
      ...options.env,
    });
    const { app, deps } = createSlackApp({
      config,
      database: options.database,
      // One clock for both: moving the sandbox's on shows reminders, expiries and past events as they would happen.
      clock: () => new Date(standIn.ws.now()),
      ...(options.logger ? { logger: options.logger } : {}),
      retries: 0,
    });
    await seedOrganizers(deps.services, config.organizerUserIds);
    const server = (await app.start(options.botPort ?? 0)) as { address(): AddressInfo | string | null };
    const address = server.address();
    const botPort = typeof address === 'object' && address ? address.port : options.botPort;
    standIn.linkBot({ url: `http://127.0.0.1:${botPort}/slack/events`, signingSecret: SANDBOX_SIGNING_SECRET });
    standIn.onClockMoved(() => runDueWork(deps, standIn.ws));
    return {
      standIn,
      app,
      deps,
      config,
      personas,
      async close() {
        await standIn.ws.settle();
        await app.stop();
        await standIn.close();
      },
    };
  } catch (error) {
    await standIn.close();
    throw error;
  }
}
