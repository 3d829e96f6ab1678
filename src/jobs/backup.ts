import { isAbsolute, join } from 'node:path';
import type { Server } from 'node:net';
import type { Database } from '../db/client';
import type { ListenerDeps } from '../listeners';
import { pgliteOf } from '../services/backup-connection';
import { backupOfRunningPglite, runDailyBackup } from '../services/backup-daily';
import { reapplyLedgerErasures } from '../services/backup-recovery';
import { backupFileName } from '../services/backup-file';
import { backupSocketPath, serveBackups } from '../services/backup-socket';
import { writeBackupFile } from '../services/backup-store';
import { rewriteErasureLedger } from '../services/backup-ledger';
import { startSweeper } from './sweeper';

/**
 * On the embedded database: the daily backup (looked for hourly; the day's row in backup_runs
 * makes it once a day across restarts), and backups on demand for `npm run cli -- backup`, which
 * cannot open the database while the bot has it. On Postgres, backups are the operator's
 * (`npm run cli -- backup` with pg_dump, or the provider's own), so nothing starts.
 */
export function startBackupJob(
  deps: ListenerDeps,
  input: { database: Database; dir: string; keep: number; pgliteDataDir: string; intervalMs?: number },
): () => void {
  const pglite = pgliteOf(input.database);
  if (!pglite) return () => undefined;
  const stopSweeper = startSweeper(deps, {
    name: 'daily backup',
    sweep: async () => {
      const outcome = await runDailyBackup(deps.services, { pglite, dir: input.dir, keep: input.keep });
      if (outcome.kind === 'done') deps.logger.info(`Daily backup written: ${outcome.file}`);
      if (outcome.kind === 'failed') deps.logger.error('daily backup failed; organizers see it on App Home', { error: outcome.error });
    },
    intervalMs: input.intervalMs ?? 60 * 60_000,
    firstAfterMs: 60_000,
  });
  let server: Server | undefined;
  serveBackups(backupSocketPath(input.pgliteDataDir), async (request) => {
    const now = deps.services.clock();
    const file = request.out && isAbsolute(request.out) ? request.out : join(input.dir, backupFileName({ at: now }));
    const backup = await backupOfRunningPglite(pglite, now);
    await writeBackupFile(file, backup);
    await rewriteErasureLedger(input.dir, backup.tombstones);
    const tables = Object.values(backup.header.tables);
    deps.logger.info(`Backup written on request: ${file}`);
    return { ok: true, file, tables: tables.length, rows: tables.reduce((sum, table) => sum + table.rows, 0) };
  }).then(
    (listening) => (server = listening),
    (error: unknown) => deps.logger.warn('backups on request are unavailable (the control socket did not open)', { error: String(error) }),
  );
  return () => {
    stopSweeper();
    server?.close();
  };
}

/**
 * Run at start before listeners and workers: erasures the ledger names that the database lacks are
 * applied again (see reapplyLedgerErasures), and logged. Returns the outbox entries to deliver once
 * the delivery worker runs, as the member's own erasure delivers them.
 */
export async function reapplyErasuresAtStart(deps: Pick<ListenerDeps, 'services' | 'logger'>, ledgerDir: string): Promise<string[]> {
  const { ledger, reapplied, deliveryIds } = await reapplyLedgerErasures(deps.services, ledgerDir);
  if (reapplied.length > 0) {
    deps.logger.warn(
      `${reapplied.length} of ${ledger} erasures in the erasure ledger were missing from the database (a restore) and were applied again ` +
        `(audit trail: member.erasure_reapplied; ${deliveryIds.length} messages to Slack): ${reapplied.join(', ')}`,
    );
  } else if (ledger > 0) {
    deps.logger.info(`All ${ledger} erasures in the erasure ledger are in the database`);
  }
  return deliveryIds;
}
