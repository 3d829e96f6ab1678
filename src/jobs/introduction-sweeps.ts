import type { ListenerDeps } from '../listeners';
import { expireIntroductions, sendIntroductionReminders } from '../services/introductions';
import { startSweeper } from './sweeper';

/**
 * One sweep: the 3-day reminders, then expiries. Each is recorded once in Postgres with its
 * delivery, so every instance may sweep; the delivery worker sends (and retries) them.
 */
export async function runIntroductionSweep(deps: ListenerDeps) {
  const reminders = await sendIntroductionReminders(deps.services);
  const { expired, deliveryIds } = await expireIntroductions(deps.services);
  await deps.deliveries.deliverNow([...reminders, ...deliveryIds]);
  return { reminders: reminders.length, expired };
}

/** Every 15 minutes: reminders are due by the day, expiries at midnight in Japan. */
export function startIntroductionSweeper(deps: ListenerDeps, intervalMs = 15 * 60_000) {
  return startSweeper(deps, { name: 'introduction', sweep: () => runIntroductionSweep(deps), intervalMs, firstAfterMs: 45_000 });
}
