import type { ListenerDeps } from '../listeners';
import { finishEndedRounds, sendRoundCheckIns, startDueRound } from '../services/round-runs';
import { startSweeper } from './sweeper';

/**
 * One sweep of rounds: the round due to start (made once, by whichever instance claims it), the
 * check-ins now due, and the rounds that ended without a new one. What Slack must be told is
 * recorded with each, then delivered.
 */
export async function runRoundSweep(deps: ListenerDeps) {
  const started = await startDueRound(deps.services, deps.config.ethics);
  const checkIns = await sendRoundCheckIns(deps.services);
  const finished = await finishEndedRounds(deps.services);
  await deps.deliveries.deliverNow([...(started?.deliveryIds ?? []), ...checkIns, ...finished]);
  return { started: started ? { round: started.round.number, pairs: started.pairs, unpaired: started.unpaired } : null, checkIns: checkIns.length };
}

/** Every minute: a round starts on time (to the minute), whichever instance sweeps first. */
export function startRoundSweeper(deps: ListenerDeps, intervalMs = 60_000) {
  return startSweeper(deps, { name: 'rounds', sweep: () => runRoundSweep(deps), intervalMs, firstAfterMs: 20_000 });
}
