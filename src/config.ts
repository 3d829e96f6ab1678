import { z } from 'zod';
import { DEFAULT_ETHICS_SETTINGS, type EthicsSettings } from './services/ethics';
import { EthicsTextsFileError, readEthicsTextsFile, type EthicsTextOverrides } from './services/ethics-texts';

const slackUserId = /^[UW][A-Z0-9]{2,}$/;
const slackChannelId = /^[CGD][A-Z0-9]{2,}$/;

const commaList = z
  .string()
  .optional()
  .transform((raw) =>
    (raw ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z
  .object({
    SLACK_BOT_TOKEN: z.preprocess(
      emptyAsUndefined,
      z.string().regex(/^xoxb-/, 'expected a bot token starting with xoxb-').optional(),
    ),
    SLACK_SIGNING_SECRET: z.preprocess(emptyAsUndefined, z.string().min(8, 'expected the app signing secret').optional()),
    SLACK_APP_TOKEN: z.preprocess(
      emptyAsUndefined,
      z.string().regex(/^xapp-/, 'expected an app-level token starting with xapp-').optional(),
    ),
    PORT: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int('expected a whole number').min(0).max(65535, 'expected a port number 0–65535').default(3000),
    ),
    DATABASE_URL: z.preprocess(
      emptyAsUndefined,
      z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgres:// connection URL').optional(),
    ),
    PGLITE_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./.data/pglite')),
    THESAURUS_FILE: z.preprocess(emptyAsUndefined, z.string().optional()),
    SLACK_API_URL: z.preprocess(emptyAsUndefined, z.url('expected an http(s) URL such as https://slack.com/api/').optional()),
    ORGANIZER_USER_IDS: commaList.pipe(
      z.array(z.string().regex(slackUserId, 'expected Slack user IDs such as U012ABCDEF, separated by commas')),
    ),
    ORGANIZERS_CHANNEL_ID: z.preprocess(
      emptyAsUndefined,
      z.string().regex(slackChannelId, 'expected a Slack channel ID such as C012ABCDEF').optional(),
    ),
    ANNOUNCEMENTS_CHANNEL_ID: z.preprocess(
      emptyAsUndefined,
      z.string().regex(slackChannelId, 'expected a Slack channel ID such as C012ABCDEF').optional(),
    ),
    REQUESTS_CHANNEL_ID: z.preprocess(
      emptyAsUndefined,
      z.string().regex(slackChannelId, 'expected a Slack channel ID such as C012ABCDEF').optional(),
    ),
    STAFF_EMAIL_DOMAINS: commaList.pipe(
      z
        .array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'expected email domains such as meti.go.jp, separated by commas'))
        .transform((domains) => domains.map((domain) => domain.toLowerCase())),
    ),
    DEFAULT_LOCALE: z.preprocess(emptyAsUndefined, z.enum(['ja', 'en'], 'expected ja or en').default('ja')),
    SEARCH_RATE_LIMIT_PER_HOUR: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int('expected a whole number').min(1, 'expected a number of searches of at least 1').default(30),
    ),
    SEARCH_CONCURRENCY: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int('expected a whole number').min(1, 'expected at least 1').default(32),
    ),
    ETHICS_MEAL_NOTICE_YEN: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int('expected a whole number of yen').min(0, 'expected a number of yen of at least 0').default(DEFAULT_ETHICS_SETTINGS.mealNoticeYen),
    ),
    POST_RETIREMENT_YEARS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int('expected a whole number of years').min(0, 'expected at least 0').default(DEFAULT_ETHICS_SETTINGS.postRetirementYears),
    ),
    DECLARATIONS_CONFIRM_MONTHS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int('expected a whole number of months').min(1, 'expected at least 1').default(DEFAULT_ETHICS_SETTINGS.declarationsConfirmMonths),
    ),
    NODE_ENV: z.preprocess(emptyAsUndefined, z.string().optional()),
    BOT_PORT: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int('expected a whole number').min(0).max(65535, 'expected a port number 0–65535').default(0),
    ),
    SANDBOX_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
    LOG_LEVEL: z.preprocess(
      (value) => (typeof value === 'string' && value !== '' ? value.toLowerCase() : undefined),
      z.enum(['debug', 'info', 'warn', 'error'], 'expected debug, info, warn or error').default('info'),
    ),
    /** The organizers' own rule texts (JSON), replacing the catalogue's per language (services/ethics-texts.ts). */
    ETHICS_TEXTS_FILE: z.preprocess(emptyAsUndefined, z.string().optional()),
    BACKUP_DIR: z.preprocess(emptyAsUndefined, z.string().default('./.data/backups')),
    BACKUP_KEEP: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int('expected a whole number of backups').min(1, 'expected at least 1').default(14),
    ),
  })

type Env = z.infer<typeof envSchema>;

/** What the bot needs beyond what the command line needs. */
function botRequirementIssue(env: Env): { variable: string; message: string } | undefined {
  if (!env.SLACK_BOT_TOKEN) return { variable: 'SLACK_BOT_TOKEN', message: 'is required: the bot token (xoxb-…)' };
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    return {
      variable: 'SLACK_SIGNING_SECRET',
      message: 'is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
    };
  }
  if (!env.ORGANIZERS_CHANNEL_ID) {
    return { variable: 'ORGANIZERS_CHANNEL_ID', message: 'is required: the channel ID where approval requests go' };
  }
  return undefined;
}

export type Locale = 'ja' | 'en';

export interface Config {
  slack: {
    botToken: string | undefined;
    signingSecret: string | undefined;
    appToken: string | undefined;
    apiUrl: string | undefined;
  };
  port: number;
  databaseUrl: string | undefined;
  pgliteDataDir: string;
  /** The organizers' own synonyms and related concepts (JSON), added to the built-in thesaurus. */
  thesaurusFile: string | undefined;
  organizerUserIds: string[];
  organizersChannelId: string | undefined;
  /** The channel the event form suggests for announcements. */
  announcementsChannelId: string | undefined;
  /** Where open requests are posted for alumni to volunteer; without it, open requests are not offered. */
  requestsChannelId: string | undefined;
  staffEmailDomains: string[];
  defaultLocale: Locale;
  /** Searches one user may run per hour (stops scraping of the directory). */
  searchRateLimitPerHour: number;
  /** Searches one instance runs at once; more are told "busy, try again in a minute" at once. */
  searchConcurrency: number;
  /** The ethics rules' thresholds (src/services/ethics.ts), as settings: they change. */
  ethics: EthicsSettings;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** NODE_ENV=production: never falls back to the local sandbox. */
  production: boolean;
  /** The local sandbox: the bot's own port (0: any free one) and where to keep its database (none: in memory). */
  sandbox: { botPort: number; dataDir: string | undefined };
  /** The organizers' replacements of the ethics rule texts (ETHICS_TEXTS_FILE), read and checked at start. */
  ethicsTexts: EthicsTextOverrides | undefined;
  /** Where backups and the erasure ledger go, and how many daily backups of the embedded database to keep. */
  backup: { dir: string; keep: number };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses the environment once. `bot` mode also requires what the Slack app needs; the command line
 * runs without it. The message names the variable and what is expected, never the value (secrets).
 */
export function parseConfig(env: Record<string, string | undefined>, mode: 'bot' | 'cli' = 'bot'): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${String(issue?.path[0] ?? 'environment')} ${issue?.message ?? 'is invalid'}`);
  }
  const e = result.data;
  const missing = mode === 'bot' ? botRequirementIssue(e) : undefined;
  if (missing) throw new ConfigError(`Invalid configuration: ${missing.variable} ${missing.message}`);
  return {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
    },
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    pgliteDataDir: e.PGLITE_DATA_DIR,
    thesaurusFile: e.THESAURUS_FILE,
    organizerUserIds: e.ORGANIZER_USER_IDS,
    organizersChannelId: e.ORGANIZERS_CHANNEL_ID,
    requestsChannelId: e.REQUESTS_CHANNEL_ID,
    announcementsChannelId: e.ANNOUNCEMENTS_CHANNEL_ID,
    staffEmailDomains: e.STAFF_EMAIL_DOMAINS,
    defaultLocale: e.DEFAULT_LOCALE,
    searchRateLimitPerHour: e.SEARCH_RATE_LIMIT_PER_HOUR,
    searchConcurrency: e.SEARCH_CONCURRENCY,
    ethics: {
      mealNoticeYen: e.ETHICS_MEAL_NOTICE_YEN,
      postRetirementYears: e.POST_RETIREMENT_YEARS,
      declarationsConfirmMonths: e.DECLARATIONS_CONFIRM_MONTHS,
    },
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    sandbox: { botPort: e.BOT_PORT, dataDir: e.SANDBOX_DATA_DIR },
    ethicsTexts: ethicsTextsFrom(e.ETHICS_TEXTS_FILE),
    backup: { dir: e.BACKUP_DIR, keep: e.BACKUP_KEEP },
  };
}

/**
 * `npm start` without Slack tokens runs the local sandbox instead of failing, except in production,
 * where a missing token is a configuration error.
 */
export function startsSandbox(config: Pick<Config, 'slack' | 'production'>): boolean {
  return !config.slack.botToken && !config.production;
}

/** Loads `.env` (the real environment wins) and parses it. */
export async function loadConfig(mode: 'bot' | 'cli' = 'bot'): Promise<Config> {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
  return parseConfig(process.env, mode);
}

/** ETHICS_TEXTS_FILE read at start: a file that cannot be used stops the start with one line naming the place. */
function ethicsTextsFrom(path: string | undefined): EthicsTextOverrides | undefined {
  try {
    return readEthicsTextsFile(path);
  } catch (error) {
    if (error instanceof EthicsTextsFileError) throw new ConfigError(`Invalid configuration: ${error.message}`);
    throw error;
  }
}
