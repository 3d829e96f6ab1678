import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client';
import { ja } from '../../src/i18n/ja';
import { ACTIONS, COMMANDS, PROFILE_FIELDS, VIEWS } from '../../src/slack/ids';
import { createTestApp, SIGNING_SECRET } from '../helpers/app';
import { createTestDatabase } from '../helpers/database';
import { expectModalFlow, modalNotice } from '../helpers/modal-flow';
import { appHomeOpened, blockAction, slashCommand, viewSubmission } from '../helpers/payloads';
import { profileState } from '../helpers/profile-state';
import { awaitCommandAnswer, mockSlack, takeCommandAnswers, type MockSlack } from '../helpers/slack-api';

const USER = 'U0ALUMNA';
let slack: MockSlack;

beforeEach(() => {
  slack = mockSlack();
  slack.user(USER, { email: 'hanako@greencap.example', locale: 'ja-JP' });
});
afterEach(() => slack.reset());

/** The same checks against a database that stopped answering, whatever the driver. */
function describeOutage(name: string, openDownDatabase: () => Promise<Database>) {
  describe(`when the database is down (${name})`, () => {
    let database: Database;
    beforeEach(async () => {
      database = await openDownDatabase();
    });
    afterEach(async () => database.close().catch(() => undefined));

    it('a command replies that Kakehashi is temporarily unavailable and nothing was saved', async () => {
      const harness = createTestApp(database);
      expect(await harness.send(slashCommand({ command: COMMANDS.profile, user_id: USER, text: 'delete' }))).toEqual({
        response_type: 'ephemeral',
        text: ja.common.unavailable,
      });
      slack.assertDone();
    });

    it('a command that opens a form opens it, and says in it that Kakehashi is temporarily unavailable', async () => {
      const harness = createTestApp(database);
      expectModalFlow(slack);
      expect(await harness.send(slashCommand({ command: COMMANDS.profile, user_id: USER }))).toBeUndefined();
      expect(modalNotice(slack)).toBe(ja.common.unavailable);
      slack.assertDone();
    });

    it('a modal submission keeps what the user typed and says so on the form', async () => {
      const harness = createTestApp(database);
      const ack = await harness.send(viewSubmission({ user: USER, callbackId: VIEWS.profile, values: profileState() }));
      expect(ack).toEqual({ response_action: 'errors', errors: { [PROFILE_FIELDS.name]: ja.common.unavailable } });
    });

    it('a button click is told privately, and the app keeps serving', async () => {
      const harness = createTestApp(database);
      slack.expectResponse();
      await harness.send(blockAction({ user: USER, actionId: ACTIONS.approveMember, value: '00000000-0000-4000-8000-000000000000' }));
      expect(slack.bodies('response_url')[0]).toMatchObject({ text: ja.common.unavailable, response_type: 'ephemeral' });
      await harness.send(appHomeOpened({ user: USER }));
      expect(await database.ping()).toBe(false);
      slack.assertDone();
    });
  });
}

describeOutage('embedded PGlite, closed', async () => {
  const database = await openDatabase({ databaseUrl: undefined, pgliteDataDir: undefined });
  await database.close();
  return database;
});

describeOutage('PostgreSQL server unreachable', () =>
  openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/kakehashi', pgliteDataDir: undefined, migrate: false }),
);

describe('over HTTP, as Slack calls it', () => {
  let server: Server;
  let baseUrl: string;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeEach(async () => {
    database = await createTestDatabase();
    const harness = createTestApp(database);
    server = (await harness.app.start(0)) as Server;
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.close().catch(() => undefined);
  });

  function signedPost(body: string, secret = SIGNING_SECRET, skewSeconds = 0) {
    const timestamp = Math.floor(Date.now() / 1000) + skewSeconds;
    const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    return fetch(`${baseUrl}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
      },
      body,
    });
  }

  it('acknowledges a signed slash command at once, empty, and answers through its response URL', async () => {
    const payload = slashCommand({ command: COMMANDS.profile, user_id: USER, text: 'help' });
    const response = await signedPost(new URLSearchParams(payload).toString());
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(await awaitCommandAnswer(payload.response_url)).toEqual({ response_type: 'ephemeral', text: ja.profileCommand.help });
  });

  it('refuses a request with a wrong signature', async () => {
    const body = new URLSearchParams(slashCommand({ command: COMMANDS.profile, user_id: USER, text: 'help' })).toString();
    const response = await signedPost(body, 'not-the-secret');
    expect(response.status).toBe(401);
  });

  it('refuses a correctly signed request dated more than 5 minutes ahead or behind, and accepts small clock drift', async () => {
    const payload = slashCommand({ command: COMMANDS.profile, user_id: USER, text: 'help' });
    const body = new URLSearchParams(payload).toString();
    expect((await signedPost(body, SIGNING_SECRET, 6 * 60)).status).toBe(401);
    expect((await signedPost(body, SIGNING_SECRET, 24 * 60 * 60)).status).toBe(401);
    expect((await signedPost(body, SIGNING_SECRET, -6 * 60)).status).toBe(401);
    const drifted = await signedPost(body, SIGNING_SECRET, 60);
    expect(drifted.status).toBe(200);
    expect(await awaitCommandAnswer(payload.response_url)).toEqual({ response_type: 'ephemeral', text: ja.profileCommand.help });
    expect(takeCommandAnswers(payload.response_url), 'only the accepted request was answered').toEqual([]);
  });

  it('/healthz says 200 while the database answers and 503 once it does not', async () => {
    const up = await fetch(`${baseUrl}/healthz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ok', database: 'up' });
    await database.close();
    const down = await fetch(`${baseUrl}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', database: 'down' });
  });
});
