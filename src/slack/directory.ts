import type { WebClient } from '@slack/web-api';
import type { Locale } from '../i18n';
import { toLocale } from '../i18n';
import { isDatabaseUnavailable } from '../services/errors';
import type { ServiceDeps } from '../services/deps';
import type { Actor } from '../services/identity';
import { findRecordedAccount, linkFoundByEmail, recordSlackAccount, type SlackUserRecord } from '../services/slack-accounts';
import { effectiveStanding, type Installation } from '../services/slack-standing';
import { toSlackUserRecord, type SlackUserObject } from './user-record';
import { asBookkeeping } from '../db/request-scope';

export interface SlackUser extends Actor {
  locale: Locale;
  /** The raw Slack locale (e.g. ja-JP), stored with the profile. */
  slackLocale: string | null;
  /** IANA time zone from Slack, when known. */
  tz: string | null;
}

/**
 * Who a Slack user is (users.info: standing, email, name, locale). What Slack said is kept in
 * Postgres for every instance, refreshed after `ttlMs`, and replaced at once by a user event
 * (`record`), so no instance acts on a standing Slack has since changed.
 */
export function createSlackDirectory(
  client: WebClient,
  options: { services: ServiceDeps; defaultLocale: Locale; ttlMs?: number },
) {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const { services } = options;
  let installation: Promise<Installation> | undefined;

  const toUser = (record: SlackUserRecord, standing: Actor['standing']): SlackUser => ({
    slackUserId: record.slackUserId,
    standing,
    email: record.email,
    realName: record.realName,
    slackLocale: record.slackLocale,
    tz: record.tz,
    locale: toLocale(record.slackLocale ?? undefined, options.defaultLocale),
  });

  /** The workspace (and Enterprise Grid organisation) the bot token belongs to; asked once. */
  function installed(): Promise<Installation> {
    installation ??= client.auth.test().then(
      (answer) => ({ teamId: answer.team_id ?? '', enterpriseId: answer.enterprise_id || null }),
      (error: unknown) => {
        installation = undefined;
        throw error;
      },
    );
    return installation;
  }

  /** Stores what users.info said; without the database, it still decides (with no guest allowance). */
  async function remember(record: SlackUserRecord) {
    try {
      return (await asBookkeeping(() => recordSlackAccount(services, record, { closeRequests: false }))).standing;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      return effectiveStanding(record.accountStanding, false);
    }
  }

  async function recorded(slackUserId: string) {
    try {
      return await findRecordedAccount(services, slackUserId);
    } catch (error) {
      if (isDatabaseUnavailable(error)) return undefined;
      throw error;
    }
  }

  return {
    async lookup(slackUserId: string): Promise<SlackUser> {
      const known = await recorded(slackUserId);
      if (known && services.clock().getTime() - known.record.fetchedAt.getTime() < ttlMs) {
        return toUser(known.record, known.standing);
      }
      const [answer, team] = await Promise.all([client.users.info({ user: slackUserId, include_locale: true }), installed()]);
      const record = toSlackUserRecord(slackUserId, (answer.user ?? {}) as SlackUserObject, team);
      return toUser(record, await remember(record));
    },

    /**
     * A user event (user_change, team_join, user_guest_status_changed) carries the whole user:
     * recorded at once, and what waited on an account that stopped taking part is closed.
     */
    async record(user: SlackUserObject & { id: string }) {
      return recordSlackAccount(services, toSlackUserRecord(user.id, user, await installed()), { closeRequests: true });
    },

    /**
     * Links an imported member to the Slack user with their email, when Slack knows one (at search,
     * before anyone can ask them). Undefined when Slack has nobody with that email, or cannot say now.
     */
    async linkByEmail(email: string): Promise<{ slackUserId: string; standing: Actor['standing'] } | undefined> {
      try {
        const [answer, team] = await Promise.all([client.users.lookupByEmail({ email }), installed()]);
        if (!answer.user?.id) return undefined;
        const record = toSlackUserRecord(answer.user.id, answer.user as SlackUserObject, team);
        const standing = await asBookkeeping(() => linkFoundByEmail(services, email, record));
        return standing ? { slackUserId: record.slackUserId, standing } : undefined;
      } catch {
        return undefined;
      }
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
