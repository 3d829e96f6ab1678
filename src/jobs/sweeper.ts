import type { ListenerDeps } from '../listeners';
import { clearSpentDrafts } from '../services/member-import-draft';

/**
 * Runs `sweep` periodically on this instance. The timer only triggers sweeps: every sweep claims
 * its work in Postgres, so several instances sweeping, or a restart, neither double nor lose it.
 */
export function startSweeper(
  deps: ListenerDeps,
  input: { name: string; sweep: () => Promise<unknown>; intervalMs: number; firstAfterMs: number },
): () => void {
  const run = () =>
    input.sweep().catch((error: unknown) => deps.logger.warn(`${input.name} sweep failed`, { error: String(error) }));
  const first = setTimeout(run, input.firstAfterMs);
  const timer = setInterval(run, input.intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/**
 * Hourly: what import drafts hold of people (rows, a quoted cell) is forgotten once nobody can
 * confirm them, however long nobody uploads another file. A plain UPDATE, harmless on every instance.
 */
export function startMemberImportDraftSweeper(deps: ListenerDeps, intervalMs = 60 * 60_000) {
  return startSweeper(deps, { name: 'member import draft', sweep: () => clearSpentDrafts(deps.services), intervalMs, firstAfterMs: 60_000 });
}
