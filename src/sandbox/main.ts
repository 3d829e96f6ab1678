import { loadConfig } from '../config';
import { runSandbox } from './run';

/**
 * `npm run sandbox`: see runSandbox. Everything lives in memory unless SANDBOX_DATA_DIR is set, so
 * each start is a fresh workspace.
 */
loadConfig('cli')
  .then((config) =>
    runSandbox({ port: config.port, botPort: config.sandbox.botPort, dataDir: config.sandbox.dataDir, logLevel: 'warn' }),
  )
  .catch((error: unknown) => {
    console.error(`The sandbox failed to start: ${(error as Error).message}`);
    process.exit(1);
  });
