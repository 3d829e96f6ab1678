import type { RawConnection } from './backup-connection';
import { rewriteErasureLedger, unionOfErasures, type ErasureEntry } from './backup-ledger';
import { reapplyErasures, restoreBackup, type RestoreResult } from './backup-restore';
import type { ServiceDeps } from './deps';

export interface Recovery extends RestoreResult {
  /** Members whose erasure the restored data lacked, erased again. */
  reapplied: string[];
  /** What Slack must be told of those erasures, recorded in the outbox for the bot to deliver. */
  deliveryIds: string[];
}

/**
 * `restore FILE`: the backup loaded (restoreBackup), then every erasure it predates re-applied:
 * those in the erasure ledgers and the tombstones of the database it replaced. The ledger in
 * BACKUP_DIR is rewritten with all of them, so the replaced database's erasures outlive it too.
 */
export async function restoreWithErasures(input: {
  text: string;
  target: RawConnection;
  replace: boolean;
  /** The services on the restored database (opened after the restore). */
  servicesOn: () => Promise<ServiceDeps>;
  ledger: ErasureEntry[];
  ledgerDir: string | undefined;
}): Promise<Recovery> {
  const restored = await restoreBackup({ text: input.text, target: input.target, replace: input.replace });
  const erasures = unionOfErasures(input.ledger, restored.replacedTombstones);
  if (input.ledgerDir) await rewriteErasureLedger(input.ledgerDir, erasures);
  const { reapplied, deliveryIds } = await reapplyErasures(await input.servicesOn(), erasures);
  return { ...restored, reapplied, deliveryIds };
}
