import type { WebClient } from '@slack/web-api';
import type { Locale } from '../i18n';
import { toLocale } from '../i18n';
import type { Actor } from '../services/identity';

export interface SlackUser extends Actor {
  locale: Locale;
  /** The raw Slack locale (e.g. ja-JP), stored with the profile. */
  slackLocale: string | null;
}

/**
 * Looks users up with `users.info` (email, locale). Results are cached briefly per instance: this is
 * a cache, not state, so several instances stay correct.
 */
export function createSlackDirectory(client: WebClient, options: { defaultLocale: Locale; ttlMs?: number }) {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const cache = new Map<string, { user: SlackUser; expires: number }>();

  return {
    async lookup(slackUserId: string): Promise<SlackUser> {
      const cached = cache.get(slackUserId);
      if (cached && cached.expires > Date.now()) return cached.user;
      const response = await client.users.info({ user: slackUserId, include_locale: true });
      const profile = response.user?.profile;
      const user: SlackUser = {
        slackUserId,
        email: profile?.email?.toLowerCase() ?? null,
        realName: profile?.real_name || response.user?.real_name || profile?.display_name || null,
        slackLocale: response.user?.locale ?? null,
        locale: toLocale(response.user?.locale, options.defaultLocale),
      };
      cache.set(slackUserId, { user, expires: Date.now() + ttlMs });
      return user;
    },

    /** The user's language, or the default when Slack cannot be asked. */
    async localeOf(slackUserId: string): Promise<Locale> {
      try {
        return (await this.lookup(slackUserId)).locale;
      } catch {
        return options.defaultLocale;
      }
    },
  };
}

export type SlackDirectory = ReturnType<typeof createSlackDirectory>;
