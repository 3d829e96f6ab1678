import { runIntroductionSweep } from '../jobs/introduction-sweeps';
import { runRoundSweep } from '../jobs/rounds';
import { runDeclarationReminderSweep, runStaleReminderSweep } from '../jobs/stale-reminders';
import type { ListenerDeps } from '../listeners';
import type { Workspace } from './workspace';

/** Enough passes for every delivery due at once in a demo; what is left waits for the worker's timer. */
const MAX_DELIVERY_PASSES = 10;

/**
 * What the app's timers would have done over the time the sandbox clock skipped, done at once:
 * the sweeps (reminders, expiries, staff's yearly declarations) and every delivery now due (retries included). Failures are
 * the page's notices, as the app's failed Web API calls are.
 */
export async function runDueWork(deps: ListenerDeps, ws: Workspace): Promise<void> {
  const steps: Array<[string, () => Promise<unknown>]> = [
    ['introduction sweep', () => runIntroductionSweep(deps)],
    ['round sweep', () => runRoundSweep(deps)],
    ['stale reminder sweep', () => runStaleReminderSweep(deps)],
    ['declarations reminder sweep', () => runDeclarationReminderSweep(deps)],
    [
      'delivery worker',
      async () => {
        for (let pass = 0; pass < MAX_DELIVERY_PASSES; pass++) {
          if ((await deps.deliveries.runDue()).size === 0) return;
        }
      },
    ],
  ];
  for (const [name, step] of steps) {
    try {
      await step();
    } catch (error) {
      ws.notify({ level: 'error', text: `${name} after the clock moved: ${(error as Error).message}` });
    }
  }
}
