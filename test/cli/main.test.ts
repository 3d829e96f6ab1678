import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, runCli } from './run-cli';
import { parseMemberCsv } from '../../src/services/member-csv';
import { csvFile } from './member-csv-fixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kakehashi-cli-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const cli = (args: string[], env: Record<string, string> = {}) => runCli(dir, args, env);

const MEMBERS = csvFile([{}, { email: 'taro@meti.go.jp', name: 'Taro Yamada', member_type: 'staff', year_left: '' }]);

describe('the organizer command line', () => {
  it('imports the spreadsheet, changes nothing on a second import, and exports the same members', async () => {
    const file = join(dir, 'members.csv');
    await writeFile(file, MEMBERS);

    expect(await cli(['import', file])).toEqual({
      code: 0,
      stdout: 'Imported 2 members: 2 created, 0 updated, 0 unchanged; Slack linking skipped (no SLACK_BOT_TOKEN).\n',
      stderr: '',
    });
    expect((await cli(['import', file])).stdout).toBe(
      'Imported 2 members: 0 created, 0 updated, 2 unchanged; Slack linking skipped (no SLACK_BOT_TOKEN).\n',
    );
    const exported = join(dir, 'export.csv');
    expect(await cli(['export', exported])).toEqual({ code: 0, stdout: `Exported 2 members to ${exported}.\n`, stderr: '' });
    const currentYear = { currentYear: new Date().getFullYear() };
    expect(parseMemberCsv(await readFile(exported, 'utf8'), currentYear)).toEqual(parseMemberCsv(MEMBERS, currentYear));
  }, CLI_TEST_TIMEOUT_MS);

  it('rejects a file with a bad row in one line naming the row and column, and imports nothing', async () => {
    const file = join(dir, 'bad.csv');
    await writeFile(file, csvFile([{ email: 'taro@meti.go.jp' }, { year_joined: '2001', year_left: '1990' }]));

    expect(await cli(['import', file])).toEqual({
      code: 1,
      stdout: '',
      stderr: `${file}: Row 3, column year_left: the year left (1990) is before the year joined (2001). Nothing was imported.\n`,
    });
    expect((await cli(['export', join(dir, 'export.csv')])).stdout).toMatch(/^Exported 0 members/);
  }, CLI_TEST_TIMEOUT_MS);

  it('explains a missing file, a file that is not UTF-8 or a wrong command in one line', async () => {
    const shiftJis = join(dir, 'shift-jis.csv');
    await writeFile(shiftJis, Buffer.from([0x96, 0xbc, 0x91, 0x4f])); // 名前 in Shift_JIS
    expect(await cli(['import', shiftJis])).toMatchObject({ code: 1, stderr: `${shiftJis} is not UTF-8 text; in Excel, save it as "CSV UTF-8"\n` });
    expect(await cli(['import', join(dir, 'nope.csv')])).toMatchObject({ code: 1, stderr: `Cannot read ${join(dir, 'nope.csv')}: no such file\n` });
    expect(await cli(['import'])).toMatchObject({ code: 1, stderr: 'Usage: npm run cli -- import FILE.csv\n' });
    expect(await cli(['frobnicate'])).toMatchObject({ code: 1, stderr: 'Unknown command "frobnicate"; run `npm run cli -- help` for the list\n' });
  }, CLI_TEST_TIMEOUT_MS);

  it('migrates the database and says where it is', async () => {
    expect(await cli(['migrate'])).toEqual({ code: 0, stdout: `Database migrated (PGlite in ${join(dir, 'db')}).\n`, stderr: '' });
  }, CLI_TEST_TIMEOUT_MS);
});

describe('the import with a Slack bot token', () => {
  let server: Server;
  let answer: (email: string) => object;
  const asked: string[] = [];

  beforeEach(async () => {
    asked.length = 0;
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        response.setHeader('content-type', 'application/json');
        // Which workspace the token belongs to: a user found by email is read against it.
        if (request.url === '/api/auth.test') return response.end(JSON.stringify({ ok: true, team_id: 'T0KAKEHASH' }));
        const email = new URLSearchParams(body).get('email') ?? '';
        asked.push(`${request.url} ${email}`);
        response.end(JSON.stringify(answer(email)));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  const slackEnv = () => ({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
  });

  it('links members to their Slack user by email; an unknown email is not an error', async () => {
    answer = (email) =>
      email === 'taro@meti.go.jp'
        ? { ok: true, user: { id: 'U0TARO', team_id: 'T0KAKEHASH', deleted: false, is_restricted: false, profile: { email } } }
        : { ok: false, error: 'users_not_found' };
    const file = join(dir, 'members.csv');
    await writeFile(file, MEMBERS);

    expect(await cli(['import', file], slackEnv())).toEqual({
      code: 0,
      stdout: 'Imported 2 members: 2 created, 0 updated, 0 unchanged; 1 linked to Slack.\n',
      stderr: '',
    });
    expect(asked).toEqual(['/api/users.lookupByEmail hanako.sato@example.jp', '/api/users.lookupByEmail taro@meti.go.jp']);
  }, CLI_TEST_TIMEOUT_MS);

  it('imports nothing when Slack refuses the token', async () => {
    answer = () => ({ ok: false, error: 'invalid_auth' });
    const file = join(dir, 'members.csv');
    await writeFile(file, MEMBERS);

    expect(await cli(['import', file], slackEnv())).toMatchObject({
      code: 1,
      stderr: 'Slack could not look up hanako.sato@example.jp (invalid_auth); nothing was imported\n',
    });
    expect((await cli(['export', join(dir, 'export.csv')])).stdout).toMatch(/^Exported 0 members/);
  }, CLI_TEST_TIMEOUT_MS);
});
