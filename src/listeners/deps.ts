import type { Logger } from '@slack/bolt';
import type { Config } from '../config';
import type { ServiceDeps } from '../services/deps';
import type { DeliveryWorker } from '../delivery/worker';
import type { SlackDirectory } from '../slack/directory';

/** What every listener receives: services' dependencies, the Slack user directory and settings. */
export interface ListenerDeps {
  services: ServiceDeps;
  directory: SlackDirectory;
  config: Pick<
    Config,
    'organizersChannelId' | 'requestsChannelId' | 'announcementsChannelId' | 'defaultLocale' | 'searchRateLimitPerHour' | 'searchConcurrency' | 'ethics' | 'ethicsTexts'
  >;
  logger: Logger;
  /** The one way Slack hears of a committed change (the outbox worker of this instance). */
  deliveries: DeliveryWorker;
}
