import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupSocketPath, serveBackups } from '../../src/services/backup-socket';
import { CLI_TEST_TIMEOUT_MS, runCli } from './run-cli';
import { csvFile } from './member-csv-fixtures';

let dir: string;
let bot: Server | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kakehashi-cli-in-use-'));
});
afterEach(async () => {
  await new Promise((done) => (bot ? bot.close(done) : done(undefined)));
  bot = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('the command line on an embedded database the bot has open', () => {
  it(
    'refuses to open it a second time (what it wrote would be lost), names what works instead, and changes nothing',
    async () => {
      const file = join(dir, 'members.csv');
      await writeFile(file, csvFile([{}]));
      // The running bot answers on its backup socket beside the data directory.
      await mkdir(join(dir, 'db'), { recursive: true });
      bot = await serveBackups(backupSocketPath(join(dir, 'db')), async () => ({ ok: false, error: 'not in this test' }));
      for (const args of [['import', file], ['audit']]) {
        const run = await runCli(dir, args);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain('The bot is running on the embedded database');
        expect(run.stderr).toContain('Nothing was changed.');
      }
      await new Promise((done) => bot!.close(done));
      bot = undefined;
      // Stopped: the same import works.
      const imported = await runCli(dir, ['import', file]);
      expect(imported.stderr).toBe('');
      expect(imported.stdout).toContain('Imported 1 member: 1 created');
    },
    CLI_TEST_TIMEOUT_MS,
  );
});
