import { runSandbox } from './run';

/**
 * `npm run sandbox`: see runSandbox. Everything lives in memory unless SANDBOX_DATA_DIR is set, so
 * each start is a fresh workspace.
 */
runSandbox({
  port: Number(process.env.PORT || 3000),
  botPort: Number(process.env.BOT_PORT || 0),
  dataDir: process.env.SANDBOX_DATA_DIR || undefined,
  logLevel: process.env.LOG_LEVEL || 'warn',
}).catch((error: unknown) => {
  console.error(`The sandbox failed to start: ${(error as Error).message}`);
  process.exit(1);
});
