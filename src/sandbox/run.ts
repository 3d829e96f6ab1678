import { readFile, writeFile } from 'node:fs/promises';
import { openDatabase } from '../db/client';
import { startIntroductionSweeper } from '../jobs/introduction-sweeps';
import { startMemberImportDraftSweeper } from '../jobs/member-import-drafts';
import { startStaleReminderSweeper } from '../jobs/stale-reminders';
import { startRoundSweeper } from '../jobs/rounds';
import { startSandbox } from './sandbox';
import { seedDemo } from './seed';
import type { Workspace } from './workspace';

export interface RunSandboxOptions {
  /** The page's port; 0 picks one. */
  port: number;
  /** The bot's port; 0 picks one. */
  botPort?: number;
  /** Where PGlite keeps its files; in memory (a fresh workspace each start) when absent. */
  dataDir?: string | undefined;
  logLevel?: string;
}

/**
 * Keeps the clock's lead beside a kept database (`<dataDir>-clock.json`): what the app stamped
 * ahead of real time (deliveries, reminders) would otherwise wait for real time after a restart.
 */
async function keepClock(ws: Workspace, dataDir: string): Promise<void> {
  const file = `${dataDir.replace(/[\\/]+$/, '')}-clock.json`;
  const kept = await readFile(file, 'utf8').then((text) => Number(JSON.parse(text).offsetMs), () => 0);
  if (Number.isFinite(kept) && kept > 0) ws.advanceClock(kept);
  ws.changes.on('change', (what: string) => {
    if (what === 'clock') void writeFile(file, JSON.stringify({ offsetMs: ws.offsetMs })).catch(() => undefined);
  });
}

/**
 * The bot on an embedded PGlite database, a local stand-in for Slack, demo members and an event,
 * and one line with the page's URL. Runs until SIGINT or SIGTERM.
 */
export async function runSandbox(options: RunSandboxOptions): Promise<void> {
  const database = await openDatabase({ databaseUrl: undefined, pgliteDataDir: options.dataDir || undefined });
  const sandbox = await startSandbox({ database, port: options.port, botPort: options.botPort ?? 0, env: { LOG_LEVEL: options.logLevel || 'warn' } });
  if (options.dataDir) await keepClock(sandbox.standIn.ws, options.dataDir);
  const stopSweepers = [
    startStaleReminderSweeper(sandbox.deps),
    startIntroductionSweeper(sandbox.deps),
    startMemberImportDraftSweeper(sandbox.deps),
    startRoundSweeper(sandbox.deps),
  ];
  sandbox.deps.deliveries.start();
  try {
    await seedDemo(sandbox);
  } catch (error) {
    console.warn(`The demo data could not all be created: ${(error as Error).message}`);
  }
  const stop = async () => {
    for (const stopSweeper of stopSweepers) stopSweeper();
    await sandbox.deps.deliveries.stop();
    await sandbox.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  console.log(`Kakehashi sandbox: open http://localhost:${new URL(sandbox.standIn.url).port}/ (Ctrl-C stops it)`);
}
