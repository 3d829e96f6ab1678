import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, LogLevel, type Logger } from '@slack/bolt';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { registerListeners, type ListenerDeps } from '../listeners';
import type { ServiceDeps } from '../services/deps';
import { WebClient } from '@slack/web-api';
import { deliveryHandlers } from '../delivery/handlers';
import { createDeliveryWorker } from '../delivery/worker';
import { createSlackDirectory } from './directory';
import { createHttpReceiver } from './receiver';
import { responseUrlFetch } from './response-url-fetch';

const LOG_LEVELS: Record<Config['logLevel'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

export interface SlackAppOptions {
  config: Config;
  database: Database;
  clock?: () => Date;
  logger?: Logger;
  /** Tests and the sandbox skip the auth.test round trip on the first request. */
  tokenVerificationEnabled?: boolean;
  /** Web API retries (tests turn them off so a failing call fails at once). */
  retries?: number;
}

/** The Bolt app with every listener registered, HTTP mode (or Socket Mode with an app token) plus /healthz. */
export function createSlackApp(options: SlackAppOptions): { app: App; deps: ListenerDeps } {
  const { config, database } = options;
  const healthz = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: IncomingMessage, res: ServerResponse) => {
      void database.ping().then((up) => {
        res.writeHead(up ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down' }));
      });
    },
  };
  const logging = options.logger ? { logger: options.logger } : { logLevel: LOG_LEVELS[config.logLevel] };
  const app = new App({
    token: config.slack.botToken,
    ...(config.slack.appToken
      ? { appToken: config.slack.appToken, socketMode: true, customRoutes: [healthz] }
      : { receiver: createHttpReceiver({ signingSecret: config.slack.signingSecret ?? '', customRoutes: [healthz], ...logging }) }),
    ...logging,
    tokenVerificationEnabled: options.tokenVerificationEnabled ?? true,
    // Bolt's in-memory conversation store is per process (useless across instances) and unused here.
    convoStore: false,
    clientOptions: {
      fetch: responseUrlFetch,
      ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
      // Someone waits on what a handler calls (a trigger_id lasts 3 s): two quick retries, about a
      // second in all, then the user is told; @slack/web-api's default retries for 30 minutes. What
      // must reach someone anyway goes through the delivery worker, which retries by itself.
      retryConfig: { retries: options.retries ?? 2, factor: 2, minTimeout: 250, maxTimeout: 750, randomize: true },
      // Nor does it wait out a rate limit (Retry-After may be a minute): it fails, and says so.
      rejectRateLimitedCalls: true,
    },
  });
  const services: ServiceDeps = {
    db: database.db,
    clock: options.clock ?? (() => new Date()),
    staffEmailDomains: config.staffEmailDomains,
    ethics: config.ethics,
  };
  const deps: ListenerDeps = {
    services,
    directory: createSlackDirectory(app.client, { services, defaultLocale: config.defaultLocale }),
    config,
    logger: app.logger,
    deliveries: undefined as never,
  };
  // The worker retries by itself (backoff, Retry-After), so its client neither retries nor waits.
  const deliveryClient = new WebClient(config.slack.botToken, {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    logger: app.logger,
  });
  deps.deliveries = createDeliveryWorker({ services, logger: app.logger, client: deliveryClient, handlers: deliveryHandlers(deps) });
  registerListeners(app, deps);
  app.error(async (error) => {
    app.logger.error('unhandled Slack request error', { name: error.name, code: error.code, message: error.message });
  });
  return { app, deps };
}
