import type { WebClient } from '@slack/web-api';
import { buildStaleReminder } from '../blocks/prompts';
import { t, toLocale } from '../i18n';
import type { ListenerDeps } from '../listeners';
import { sendStaleProfileReminders, STALE_AFTER_MONTHS } from '../services/stale-profiles';
import { startSweeper } from './sweeper';

/** One sweep: claims due reminders in Postgres and DMs each member once. */
export async function runStaleReminderSweep(deps: ListenerDeps, client: WebClient) {
  return sendStaleProfileReminders(
    deps.services,
    async (member) => {
      const messages = t(toLocale(member.locale, deps.config.defaultLocale));
      await client.chat.postMessage({
        channel: member.slackUserId!,
        text: messages.stale.reminder(STALE_AFTER_MONTHS),
        blocks: buildStaleReminder({ t: messages }),
      });
    },
    { onError: (error, member) => deps.logger.warn('stale reminder not delivered; will retry', { member: member.pseudonym, error: String(error) }) },
  );
}

/** Hourly: a profile turns stale by the month. */
export function startStaleReminderSweeper(deps: ListenerDeps, client: WebClient, intervalMs = 60 * 60_000) {
  return startSweeper(deps, { name: 'stale reminder', sweep: () => runStaleReminderSweep(deps, client), intervalMs, firstAfterMs: 30_000 });
}
