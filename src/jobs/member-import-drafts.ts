import type { ListenerDeps } from '../listeners';
import { clearSpentDrafts } from '../services/member-import-draft';
import { startSweeper } from './sweeper';

/**
 * Hourly: what import drafts hold of people (rows, a quoted cell) is forgotten once nobody can
 * confirm them, however long nobody uploads another file. A plain UPDATE, harmless on every instance.
 */
export function startMemberImportDraftSweeper(deps: ListenerDeps, intervalMs = 60 * 60_000) {
  return startSweeper(deps, { name: 'member import draft', sweep: () => clearSpentDrafts(deps.services), intervalMs, firstAfterMs: 60_000 });
}
