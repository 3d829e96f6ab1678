import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../listeners';
import { announceExpiry, remindAlumnus } from '../listeners/shared/introductions';
import { expireIntroductions, sendIntroductionReminders } from '../services/introductions';
import { startSweeper } from './sweeper';

/**
 * One sweep: the 3-day reminders, then expiries. Each is claimed in Postgres before Slack is
 * called, so every instance may sweep and each message still goes out once.
 */
export async function runIntroductionSweep(deps: ListenerDeps, client: WebClient) {
  const reminders = await sendIntroductionReminders(
    deps.services,
    ({ request, alumnus }) => remindAlumnus(deps, client, request, alumnus),
    { onError: (error, request) => deps.logger.warn('introduction reminder not delivered; will retry', { request: request.id, error: String(error) }) },
  );
  const expiries = await expireIntroductions(
    deps.services,
    ({ request, alumnus }) => announceExpiry(deps, client, request, alumnus),
    { onError: (error, request) => deps.logger.warn('expiry notice not delivered; will retry', { request: request.id, error: String(error) }) },
  );
  return { reminders, expiries };
}

/** Every 15 minutes: reminders are due by the day, expiries at midnight in Japan. */
export function startIntroductionSweeper(deps: ListenerDeps, client: WebClient, intervalMs = 15 * 60_000) {
  return startSweeper(deps, { name: 'introduction', sweep: () => runIntroductionSweep(deps, client), intervalMs, firstAfterMs: 45_000 });
}
