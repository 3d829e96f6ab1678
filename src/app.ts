import { ConfigError, loadConfig, startsSandbox } from './config';
import { openDatabase } from './db/client';
import { reapplyErasuresAtStart, startBackupJob } from './jobs/backup';
import { startIntroductionSweeper } from './jobs/introduction-sweeps';
import { startMemberImportDraftSweeper } from './jobs/member-import-drafts';
import { startRoundSweeper } from './jobs/rounds';
import { startStaleReminderSweeper } from './jobs/stale-reminders';
import { useErasureLedger } from './services/backup-ledger';
import { seedOrganizers } from './services/organizers';
import { refreshSearchDocuments } from './services/search-index';
import { applyThesaurusFile, ThesaurusFileError } from './services/thesaurus-file';
import { createSlackApp } from './slack/create-app';

/** How long SIGTERM waits for in-flight work before exiting anyway (systemd's TimeoutStopSec is 30 s). */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Composes config → database → Bolt app → listeners, then starts serving. Without Slack tokens
 * (outside production) it starts the local sandbox instead, so `npm start` works on a fresh clone.
 */
async function main(): Promise<void> {
  const settings = await loadConfig('cli');
  if (startsSandbox(settings)) {
    console.log('No Slack tokens configured: starting the local sandbox instead (set SLACK_BOT_TOKEN in .env to run against Slack).');
    const { runSandbox } = await import('./sandbox/run');
    await runSandbox({ port: settings.port, botPort: settings.sandbox.botPort, dataDir: settings.sandbox.dataDir });
    return;
  }
  const config = await loadConfig('bot');
  await applyThesaurusFile(config.thesaurusFile);
  useErasureLedger(config.backup.dir);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDataDir: config.pgliteDataDir });
  const { app, deps } = createSlackApp({ config, database });
  await seedOrganizers(deps.services, config.organizerUserIds);
  // Before anyone is served: erasures a restore did not finish re-applying are applied again.
  const erasureDeliveries = await reapplyErasuresAtStart(deps, config.backup.dir);
  process.on('unhandledRejection', (reason) => app.logger.error('unhandled rejection', { reason: String(reason) }));
  await app.start(config.port);
  const stopSweepers = [startStaleReminderSweeper(deps), startIntroductionSweeper(deps), startMemberImportDraftSweeper(deps), startRoundSweeper(deps)];
  // The embedded database's daily backup and backups on request (none on Postgres).
  stopSweepers.push(startBackupJob(deps, { database, dir: config.backup.dir, keep: config.backup.keep, pgliteDataDir: config.pgliteDataDir }));
  deps.deliveries.start();
  void deps.deliveries.deliverNow(erasureDeliveries);
  // In the background: search goes on with the stored documents until they are remade.
  void refreshSearchDocuments(deps.services).then(
    (refreshed) => refreshed && app.logger.info(`Search documents remade for the current thesaurus: ${refreshed.remade} members`),
    (error: unknown) => app.logger.error('remaking search documents failed; the next start retries', { error: String(error) }),
  );
  // SIGTERM (systemd, a deploy): stop taking requests, finish what is in flight, give back claimed
  // deliveries, close the database, exit. A second signal exits at once.
  process.once('SIGTERM', () => {
    process.once('SIGTERM', () => process.exit(1));
    // Graceful, but bounded: whatever is still unfinished then (a database that stopped answering)
    // is given up; claimed deliveries lapse and another instance takes them over.
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    app.logger.info('SIGTERM: finishing in-flight work, then exiting');
    void (async () => {
      for (const stop of stopSweepers) stop();
      await app.stop().catch(() => undefined);
      await deps.deliveries.stop();
      await database.close().catch(() => undefined);
      process.exit(0);
    })();
  });
  app.logger.info(
    `Kakehashi is running (${config.slack.appToken ? 'Socket Mode' : `HTTP on port ${config.port}`}, database: ${database.driver})`,
  );
}

main().catch((error: unknown) => {
  // A configuration problem is one readable line; anything else is logged without secrets.
  console.error(error instanceof ConfigError || error instanceof ThesaurusFileError ? error.message : `Kakehashi failed to start: ${(error as Error).message}`);
  process.exit(1);
});
