import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../listeners';
import { announceExpiry, remindAlumnus } from '../listeners/shared/introductions';
import { expireIntroductions, sendIntroductionReminders } from '../services/introductions';

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

/** The timer only triggers sweeps; the state lives in Postgres, so restarts lose nothing. */
export function startIntroductionSweeper(deps: ListenerDeps, client: WebClient, intervalMs = 15 * 60_000) {
  const sweep = () =>
    runIntroductionSweep(deps, client).catch((error: unknown) =>
      deps.logger.warn('introduction sweep failed', { error: String(error) }),
    );
  const first = setTimeout(sweep, 45_000);
  const timer = setInterval(sweep, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
