import type { WebClient } from '@slack/web-api';
import { buildStaleReminder } from '../blocks/prompts';
import { t, toLocale } from '../i18n';
import type { ListenerDeps } from '../listeners';
import { sendStaleProfileReminders, STALE_AFTER_MONTHS } from '../services/stale-profiles';

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

/**
 * Every instance sweeps periodically; the timer only triggers the sweep, the state is in Postgres,
 * so a restart or a second instance neither loses nor doubles a reminder.
 */
export function startStaleReminderSweeper(deps: ListenerDeps, client: WebClient, intervalMs = 60 * 60_000) {
  const sweep = () =>
    runStaleReminderSweep(deps, client).catch((error: unknown) =>
      deps.logger.warn('stale reminder sweep failed', { error: String(error) }),
    );
  const first = setTimeout(sweep, 30_000);
  const timer = setInterval(sweep, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
