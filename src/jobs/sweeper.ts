import type { ListenerDeps } from '../listeners';

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

