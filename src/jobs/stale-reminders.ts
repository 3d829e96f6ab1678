import type { ListenerDeps } from '../listeners';
import { sendStaleProfileReminders } from '../services/stale-profiles';
import { startSweeper } from './sweeper';

/** One sweep: records the due reminders once (claimed in Postgres) and delivers them. */
export async function runStaleReminderSweep(deps: ListenerDeps) {
  const deliveryIds = await sendStaleProfileReminders(deps.services);
  const outcome = await deps.deliveries.deliverNow(deliveryIds);
  return { reminders: deliveryIds.length, outcome };
}

/** Hourly: a profile turns stale by the month. */
export function startStaleReminderSweeper(deps: ListenerDeps, intervalMs = 60 * 60_000) {
  return startSweeper(deps, { name: 'stale reminder', sweep: () => runStaleReminderSweep(deps), intervalMs, firstAfterMs: 30_000 });
}
