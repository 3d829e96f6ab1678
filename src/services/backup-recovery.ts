import { join } from 'node:path';
import { BackupError, type RawConnection } from './backup-connection';
import { ERASURE_LEDGER_FILE, readErasureLedger, rewriteErasureLedger, unionOfErasures, type ErasureEntry } from './backup-ledger';
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
  // The data is committed by now: if this step fails, the bot's next start finishes it from the
  // ledger, which now holds every erasure to apply (the extra ledgers' and the replaced tombstones).
  const { reapplied, deliveryIds } = await input.servicesOn().then((deps) => reapplyErasures(deps, erasures)).catch((error: Error) => {
    throw new BackupError(
      `The backup was restored, but applying the erasures again failed (${error.message}): start the bot, which applies them before serving anyone, or run \`npm run cli -- reapply-erasures\``,
      { cause: error },
    );
  });
  return { ...restored, reapplied, deliveryIds };
}

/**
 * At every start of the bot, before it serves anyone: the erasures of the ledger in BACKUP_DIR that
 * the database lacks, applied again. A restore commits before it re-applies erasures, so a failure
 * or a crash in between, or a restore by other means (a provider's point-in-time recovery), would
 * otherwise leave erased people's data in place. For a member already erased (the usual case) it
 * does nothing; what Slack must be told is recorded in the outbox (`deliveryIds`).
 */
export async function reapplyLedgerErasures(
  deps: ServiceDeps,
  ledgerDir: string,
): Promise<{ ledger: number; reapplied: string[]; deliveryIds: string[] }> {
  const file = join(ledgerDir, ERASURE_LEDGER_FILE);
  const ledger = await readErasureLedger(file).catch((error: Error) => {
    throw new BackupError(`Cannot read the erasure ledger ${file}: ${error.message}`);
  });
  return { ledger: ledger.length, ...(await reapplyErasures(deps, ledger)) };
}
