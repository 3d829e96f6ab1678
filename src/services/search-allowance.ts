import { createRepositories } from '../db/repositories';
import type { ServiceDeps } from './deps';

const HOUR_MS = 60 * 60_000;

/** Counts a search against the user's hourly allowance; false (and nothing recorded) once it is used up. */
export async function useSearchAllowance(deps: ServiceDeps, slackUserId: string, perHour: number): Promise<boolean> {
  const at = deps.clock();
  return createRepositories(deps.db).searchAllowances.take(slackUserId, {
    at,
    since: new Date(at.getTime() - HOUR_MS),
    limit: perHour,
  });
}
