import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client';
import { createRepositories } from '../../src/db/repositories';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { isDatabaseUnavailable } from '../../src/services/errors';
import { seedOrganizers } from '../../src/services/organizers';
import { ACTIONS, COMMANDS, PROFILE_FIELDS, VIEWS } from '../../src/slack/ids';
import { createTestApp } from '../helpers/app';
import { expectModalFlow, modalNotice } from '../helpers/modal-flow';
import { blockAction, slashCommand, viewSubmission } from '../helpers/payloads';
import { profileState, type ProfileAnswers } from '../helpers/profile-state';
import { mockSlack, takeCommandAnswers, type MockSlack } from '../helpers/slack-api';
import { startBlackHole } from '../helpers/tcp-proxy';

const STAFF = 'U0STAFF';
const ALUMNA = 'U0ALUMNA';
const ORGANIZER = 'U0ORGANIZER';
/** Slack gives up after 3 s: every answer below must arrive before that. */
const SLACK_GIVES_UP_MS = 3_000;

let slack: MockSlack;
beforeEach(() => {
  slack = mockSlack();
  slack.user(STAFF, { email: 'taro@meti.go.jp', locale: 'ja-JP' });
  slack.user(ALUMNA, { email: 'hanako@greencap.example', locale: 'ja-JP' });
  slack.user(ORGANIZER, { email: 'organizer@example.org', locale: 'en-US' });
});
afterEach(() => slack.reset());

/** How long after `started` the first call of `method` reached Slack (polled as the listener runs). */
async function firstCallAfter(mock: MockSlack, method: string, started: number): Promise<number> {
  while (mock.bodies(method).length === 0) {
    if (Date.now() - started > 10_000) throw new Error(`${method} was never called`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Date.now() - started;
}

/** Drives Bolt as Slack does, noting when it was acknowledged and when the listener was done. */
async function sendTimed(harness: ReturnType<typeof createTestApp>, body: Record<string, unknown>) {
  const started = Date.now();
  let ackedAfterMs: number | undefined;
  let acked: unknown;
  await harness.app.processEvent({
    body,
    ack: async (response?: unknown) => {
      ackedAfterMs ??= Date.now() - started;
      acked = response;
    },
  });
  const answers = typeof body.command === 'string' ? takeCommandAnswers(String(body.response_url)) : [];
  return { acked, ackedAfterMs: ackedAfterMs!, doneAfterMs: Date.now() - started, answers };
}

const staffProfile = (answers: ProfileAnswers = {}) =>
  viewSubmission({ user: STAFF, callbackId: VIEWS.profile, values: profileState({ memberType: 'staff', yearLeft: null, ...answers }) });

describe('when the database hangs (it accepts connections and never answers)', () => {
  let hole: Awaited<ReturnType<typeof startBlackHole>>;
  let database: Database;
  beforeEach(async () => {
    hole = await startBlackHole();
    database = await openDatabase({ databaseUrl: hole.url, pgliteDataDir: undefined, migrate: false });
  });
  afterEach(async () => {
    await database.close().catch(() => undefined);
    await hole.close();
  });

  it('/find-expert is acknowledged at once and told within 3 s that nothing was saved', async () => {
    const payload = slashCommand({ command: COMMANDS.findExpert, user_id: STAFF, text: '再エネ' });
    const { acked, ackedAfterMs, doneAfterMs, answers } = await sendTimed(createTestApp(database), payload);
    expect(acked).toBeUndefined();
    expect(ackedAfterMs).toBeLessThan(500);
    expect(answers).toEqual([{ response_type: 'ephemeral', text: ja.common.unavailable }]);
    expect(doneAfterMs).toBeLessThan(SLACK_GIVES_UP_MS);
    slack.assertDone();
  });

  it.each([
    // The staff member reads Japanese, the organizer English.
    ['/alumni-profile', slashCommand({ command: COMMANDS.profile, user_id: STAFF }), ja.common.unavailable],
    ['/alumni-event', slashCommand({ command: COMMANDS.event, user_id: ORGANIZER }), en.common.unavailable],
    ['"Edit my profile"', blockAction({ user: STAFF, actionId: ACTIONS.openProfileModal }), ja.common.unavailable],
    ['Decline on a registration', blockAction({ user: ORGANIZER, actionId: ACTIONS.declineMember, value: '00000000-0000-4000-8000-000000000000' }), en.common.unavailable],
  ])('%s opens its modal while the trigger lives, then says in it, in the user’s language, that nothing was saved', async (_what, payload, told) => {
    expectModalFlow(slack);
    const started = Date.now();
    const sent = sendTimed(createTestApp(database), payload);
    const openedAfterMs = await firstCallAfter(slack, 'views.open', started);
    const { ackedAfterMs, doneAfterMs, answers } = await sent;
    expect(ackedAfterMs).toBeLessThan(500);
    // Before any lookup: the database is only asked once the modal is open.
    expect(openedAfterMs).toBeLessThan(500);
    expect(modalNotice(slack)).toBe(told);
    expect(answers).toEqual([]);
    expect(doneAfterMs).toBeLessThan(SLACK_GIVES_UP_MS);
    slack.assertDone();
  });

  it('a modal submission gets the error on the form, within 3 s, and the next request is not held again', async () => {
    const harness = createTestApp(database);
    const { acked, ackedAfterMs } = await sendTimed(harness, staffProfile());
    expect(acked).toEqual({ response_action: 'errors', errors: { [PROFILE_FIELDS.name]: ja.common.unavailable } });
    expect(ackedAfterMs).toBeLessThan(SLACK_GIVES_UP_MS);
    // Each query used to wait 2 s for a connection of its own; now the next request fails at once.
    expectModalFlow(slack);
    const again = await sendTimed(harness, slashCommand({ command: COMMANDS.profile, user_id: STAFF }));
    expect(modalNotice(slack)).toBe(ja.common.unavailable);
    expect(again.doneAfterMs).toBeLessThan(SLACK_GIVES_UP_MS);
    expect(await database.ping()).toBe(false);
    slack.assertDone();
  });
});

/**
 * A database of its own on the PostgreSQL server, in both test runs (PGlite has one session, so
 * nothing can hold a lock against the app, and it never fires a timeout). Migrated here, which also
 * runs the migration client, under its advisory lock.
 */
async function createServerDatabase() {
  const serverUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `kakehashi_tlocks_${process.ppid}_${process.pid}_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), pgliteDataDir: undefined });
  // Another client of the same database, as another instance or a stuck job would be.
  const other = postgres(url.toString(), { max: 1, onnotice: () => {} });
  return {
    database,
    other,
    drop: async () => {
      await other.end();
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

describe('when another transaction holds the row (PostgreSQL)', () => {
  let server: Awaited<ReturnType<typeof createServerDatabase>>;
  beforeAll(async () => {
    server = await createServerDatabase();
  });
  afterAll(async () => server.drop());
  beforeEach(async () => {
    await server.database.db.execute(sql`truncate table deliveries, slack_users, audit_events, consent_events, organizers, members cascade`);
  });

  /**
   * Runs `during` while another connection holds the member's row in an open transaction (for 5 s
   * at most, so that without a timeout the test fails on its assertions instead of waiting for ever).
   */
  async function whileRowLocked<T>(slackUserId: string, during: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const atTheLatest = setTimeout(() => release(), 5_000);
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = server.other.begin(async (tx) => {
      await tx`select id from members where slack_user_id = ${slackUserId} for update`;
      locked();
      await released;
    });
    await isLocked;
    try {
      return await during();
    } finally {
      clearTimeout(atTheLatest);
      release();
      await holder;
    }
  }

  /** Everything a save could have written: the member, and the rows kept beside it. */
  async function stored(slackUserId: string) {
    const count = async (table: string) =>
      ((await server.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { n: number }[])[0]!.n;
    return {
      member: await createRepositories(server.database.db).members.findBySlackUserId(slackUserId),
      consentEvents: await count('consent_events'),
      auditEvents: await count('audit_events'),
      deliveries: await count('deliveries'),
    };
  }

  it('saving a profile is refused on the form within 3 s, nothing is saved, and a retry saves it', async () => {
    const harness = createTestApp(server.database);
    slack.expect('chat.postMessage').expect('views.publish');
    expect(await harness.send(staffProfile({ organisation: 'METI' }))).toBeUndefined();
    const before = await stored(STAFF);

    const changed = staffProfile({ organisation: 'New Org', shareWithAlumni: true });
    const { acked, ackedAfterMs } = await whileRowLocked(STAFF, () => sendTimed(harness, changed));
    expect(acked).toEqual({ response_action: 'errors', errors: { [PROFILE_FIELDS.name]: ja.common.unavailable } });
    expect(ackedAfterMs).toBeLessThan(SLACK_GIVES_UP_MS);
    expect(await stored(STAFF)).toEqual(before);

    slack.expect('chat.postMessage').expect('views.publish');
    expect(await harness.send(changed)).toBeUndefined();
    expect((await stored(STAFF)).member).toMatchObject({ organisation: 'New Org', shareWithAlumni: true });
    slack.assertDone();
  });

  it('an organizer approving is told privately within 3 s, the registration stays pending, and a retry approves it', async () => {
    const harness = createTestApp(server.database);
    await seedOrganizers(harness.deps.services, [ORGANIZER]);
    slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    await harness.send(viewSubmission({ user: ALUMNA, callbackId: VIEWS.profile, values: profileState() }));
    const before = await stored(ALUMNA);
    expect(before.member?.status).toBe('pending');

    const approve = blockAction({ user: ORGANIZER, actionId: ACTIONS.approveMember, value: before.member!.id });
    slack.expectResponse();
    const { doneAfterMs } = await whileRowLocked(ALUMNA, () => sendTimed(harness, approve));
    expect(slack.bodies('response_url')).toEqual([expect.objectContaining({ text: en.common.unavailable, response_type: 'ephemeral' })]);
    expect(doneAfterMs).toBeLessThan(SLACK_GIVES_UP_MS);
    expect(await stored(ALUMNA)).toEqual(before);

    slack.expect('chat.update').expect('chat.postMessage');
    await harness.send(approve);
    expect((await stored(ALUMNA)).member?.status).toBe('active');
    slack.assertDone();
  });

  it('a change that committed before the database failed is told as saved, not as "nothing was saved"', async () => {
    const harness = createTestApp(server.database);
    await seedOrganizers(harness.deps.services, [ORGANIZER]);
    slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    await harness.send(viewSubmission({ user: ALUMNA, callbackId: VIEWS.profile, values: profileState() }));
    const pending = (await stored(ALUMNA)).member!;

    // Approved from the App Home: the decision commits and the applicant is told; redrawing the
    // Home then waits on a table another session holds, past the lock timeout.
    slack.expect('chat.update').expect('chat.postMessage').expect('chat.postMessage');
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = server.other.begin(async (tx) => {
      await tx`lock table events in access exclusive mode`;
      locked();
      await released;
    });
    await isLocked;
    try {
      await harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.approveMember, value: pending.id, from: 'home' }));
    } finally {
      release();
      await holder;
    }
    expect((await stored(ALUMNA)).member?.status).toBe('active');
    const told = slack.bodies('chat.postMessage').filter((body) => body.channel === ORGANIZER);
    expect(told.map((body) => body.text)).toEqual([en.common.savedButUnfinished]);
    slack.assertDone();
  });

  it('every pooled connection has the timeouts, and a statement running past 2 s is cancelled as "unavailable"', async () => {
    const setting = async (name: string) =>
      ((await server.database.db.execute(sql.raw(`show ${name}`))) as unknown as Record<string, string>[])[0]![name];
    expect(await setting('statement_timeout')).toBe('2s');
    expect(await setting('lock_timeout')).toBe('1s');
    expect(await setting('idle_in_transaction_session_timeout')).toBe('5s');

    const started = Date.now();
    const error = await server.database.db.execute(sql`select pg_sleep(10)`).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(Date.now() - started).toBeLessThan(SLACK_GIVES_UP_MS);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('57014');
    expect(isDatabaseUnavailable(error)).toBe(true);
  });
});
