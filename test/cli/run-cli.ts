import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** How long one CLI run may take: it starts tsx and opens PGlite on disk, slow on a busy machine. */
export const CLI_TIMEOUT_MS = 120_000;
/** For a test that runs the CLI a few times. */
export const CLI_TEST_TIMEOUT_MS = 4 * CLI_TIMEOUT_MS;

/**
 * Runs `npm run cli -- …` as an organizer would, on a PGlite database in `dir`. Empty values count
 * as unset for the config and keep a developer's .env out of the test.
 */
export function runCli(
  dir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      {
        env: { ...process.env, DATABASE_URL: '', SLACK_BOT_TOKEN: '', SLACK_API_URL: '', PGLITE_DATA_DIR: join(dir, 'db'), ...env },
        timeout: CLI_TIMEOUT_MS,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
