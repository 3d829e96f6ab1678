import type { Logger } from '@slack/bolt';
import type { Config } from '../config';
import type { ServiceDeps } from '../services/deps';
import type { SlackDirectory } from '../slack/directory';

/** What every listener receives: services' dependencies, the Slack user directory and settings. */
export interface ListenerDeps {
  services: ServiceDeps;
  directory: SlackDirectory;
  config: Pick<Config, 'organizersChannelId' | 'requestsChannelId' | 'announcementsChannelId' | 'defaultLocale' | 'searchRateLimitPerHour'>;
  logger: Logger;
}
