import { openDatabase } from '../db/client';
import { startIntroductionSweeper } from '../jobs/introduction-sweeps';
import { startStaleReminderSweeper } from '../jobs/stale-reminders';
import { startSandbox } from './sandbox';
import { seedDemo } from './seed';

/**
 * `npm run sandbox`: the bot on an embedded PGlite database, a local stand-in for Slack, demo
 * members and an event, and one line with the page's URL. Everything lives in memory unless
 * SANDBOX_DATA_DIR is set, so each start is a fresh workspace.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT || 3000);
  const botPort = Number(process.env.BOT_PORT || 0);
  const database = await openDatabase({ databaseUrl: undefined, pgliteDataDir: process.env.SANDBOX_DATA_DIR || undefined });
  const sandbox = await startSandbox({ database, port, botPort, env: { LOG_LEVEL: process.env.LOG_LEVEL || 'warn' } });
  const stopSweepers = [startStaleReminderSweeper(sandbox.deps, sandbox.app.client), startIntroductionSweeper(sandbox.deps, sandbox.app.client)];
  try {
    await seedDemo(sandbox);
  } catch (error) {
    console.warn(`The demo data could not all be created: ${(error as Error).message}`);
  }
  const stop = async () => {
    for (const stopSweeper of stopSweepers) stopSweeper();
    await sandbox.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  console.log(`Kakehashi sandbox: open http://localhost:${new URL(sandbox.standIn.url).port}/ (Ctrl-C stops it)`);
}

main().catch((error: unknown) => {
  console.error(`The sandbox failed to start: ${(error as Error).message}`);
  process.exit(1);
});
