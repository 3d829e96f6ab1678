import type { ListenerDeps } from '../listeners';
import { sendDeclarationReminders } from '../services/declarations';
import { sendStaleProfileReminders } from '../services/stale-profiles';
import { startSweeper } from './sweeper';

/** One sweep: records the due reminders once (claimed in Postgres) and delivers them. */
export async function runStaleReminderSweep(deps: ListenerDeps) {
  const deliveryIds = await sendStaleProfileReminders(deps.services);
  const outcome = await deps.deliveries.deliverNow(deliveryIds);
  return { reminders: deliveryIds.length, outcome };
}

/** One sweep of staff's yearly declarations reminders, as the stale-profile one: recorded once, then delivered. */
export async function runDeclarationReminderSweep(deps: ListenerDeps) {
  const deliveryIds = await sendDeclarationReminders(deps.services, deps.config.ethics);
  const outcome = await deps.deliveries.deliverNow(deliveryIds);
  return { reminders: deliveryIds.length, outcome };
}

/** Hourly: a profile turns stale by the month, and so do staff's declarations (by the year). */
export function startStaleReminderSweeper(deps: ListenerDeps, intervalMs = 60 * 60_000) {
  const stops = [
    startSweeper(deps, { name: 'stale reminder', sweep: () => runStaleReminderSweep(deps), intervalMs, firstAfterMs: 30_000 }),
    startSweeper(deps, { name: 'declarations reminder', sweep: () => runDeclarationReminderSweep(deps), intervalMs, firstAfterMs: 45_000 }),
  ];
  return () => stops.forEach((stop) => stop());
}
