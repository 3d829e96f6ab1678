import { WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { deliveries } from '../../src/db/schema';
import { createDeliveryWorker, type DeliveryHandlers } from '../../src/delivery/worker';
import { MAX_ATTEMPTS } from '../../src/delivery/failures';
import { DELIVERY_KINDS } from '../../src/services/deliveries';
import type { ServiceDeps } from '../../src/services/deps';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { mockSlack, SLACK_API_URL, type MockSlack } from '../helpers/slack-api';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let slack: MockSlack;
let now: Date;
let services: ServiceDeps;
const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error' as never, setName() {} };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());
beforeEach(async () => {
  await resetDatabase(database);
  slack = mockSlack();
  now = new Date('2026-11-24T09:00:00Z');
  services = { db: database.db, clock: () => now, staffEmailDomains: [] };
});
afterEach(() => slack.reset());

/** Every kind posts `payload.text` to `payload.channel`, as a real handler would call Slack. */
const postText: DeliveryHandlers = Object.fromEntries(
  DELIVERY_KINDS.map((kind) => [kind, async (delivery: any, client: WebClient) => {
    await client.chat.postMessage({ channel: delivery.payload.channel ?? delivery.payload.slackUserId, text: delivery.payload.text ?? `failed: ${delivery.payload.deliveryId}` });
  }]),
) as DeliveryHandlers;

function worker(handlers = postText) {
  const client = new WebClient('xoxb-test', { slackApiUrl: SLACK_API_URL, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  return createDeliveryWorker({ services, logger: quiet, client, handlers, leaseMs: 60_000 });
}

async function enqueue(key: string, payload: Record<string, unknown>, onBehalfOf?: string) {
  const ids = await createRepositories(database.db).deliveries.enqueue(
    [{ kind: 'introduction.reminder', key, payload, onBehalfOfSlackUserId: onBehalfOf ?? null }],
    now,
  );
  return ids;
}

const rows = () => database.db.select().from(deliveries);

describe('the delivery worker', () => {
  it('delivers what was recorded once, however many instances sweep at the same moment', async () => {
    for (let i = 0; i < 6; i++) await enqueue(`k${i}`, { channel: `D0${i}`, text: `hello ${i}` });
    for (let i = 0; i < 6; i++) slack.expect('chat.postMessage');
    const [a, b, c] = [worker(), worker(), worker()];
    await Promise.all([a.runDue(), b.runDue(), c.runDue()]);
    expect(slack.bodies('chat.postMessage').map((body) => body.text).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `hello ${i}`));
    expect((await rows()).map((row) => row.status)).toEqual(Array(6).fill('sent'));
    slack.assertDone();
  });

  it('records a side effect once per key: a repeated change enqueues nothing new', async () => {
    expect(await enqueue('same', { channel: 'D01', text: 'once' })).toHaveLength(1);
    expect(await enqueue('same', { channel: 'D01', text: 'once' })).toEqual([]);
    expect(await rows()).toHaveLength(1);
  });

  it('retries after a Slack 500 with backoff, and delivers once Slack answers', async () => {
    const [id] = await enqueue('k', { channel: 'D01', text: 'hi' });
    slack.expect('chat.postMessage', { httpStatus: 500 });
    const w = worker();
    expect(await w.deliverNow([id!])).toBe('queued');
    const [queued] = await rows();
    expect(queued).toMatchObject({ status: 'queued', attempts: 1, lastError: 'http_500' });
    expect(queued!.nextAttemptAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(4_000);

    expect((await w.runDue()).size).toBe(0);
    now = new Date(queued!.nextAttemptAt.getTime() + 1);
    slack.expect('chat.postMessage');
    expect([...(await w.runDue()).values()]).toEqual(['sent']);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    slack.assertDone();
  });

  it('honours Retry-After on a 429 without using up an attempt', async () => {
    const [id] = await enqueue('k', { channel: 'D01', text: 'hi' });
    slack.expect('chat.postMessage', { httpStatus: 429, headers: { 'retry-after': '7' } });
    expect(await worker().deliverNow([id!])).toBe('queued');
    const [queued] = await rows();
    expect(queued).toMatchObject({ status: 'queued', attempts: 0, lastError: 'ratelimited' });
    expect(queued!.nextAttemptAt.getTime() - now.getTime()).toBe(7_000);
    slack.assertDone();
  });

  it('gives up on a final refusal and tells the person it was for', async () => {
    const [id] = await enqueue('k', { channel: 'U0NOTLINKED', text: 'hi' }, 'U0REQUESTER');
    slack.expect('chat.postMessage', { ok: false, error: 'channel_not_found' }).expect('chat.postMessage');
    const w = worker();
    expect(await w.deliverNow([id!])).toBe('failed');
    await w.runDue();
    const all = await rows();
    expect(all.find((row) => row.id === id)).toMatchObject({ status: 'failed', lastError: 'channel_not_found' });
    expect(all.find((row) => row.kind === 'delivery.failed')).toMatchObject({ status: 'sent', payload: { deliveryId: id, slackUserId: 'U0REQUESTER' } });
    expect(slack.bodies('chat.postMessage').at(-1)).toMatchObject({ channel: 'U0REQUESTER' });
    slack.assertDone();
  });

  it(`gives up after ${MAX_ATTEMPTS} failed attempts`, async () => {
    const [id] = await enqueue('k', { channel: 'D01', text: 'hi' });
    const w = worker();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      slack.expect('chat.postMessage', { ok: false, error: 'internal_error' });
      await w.deliverNow([id!]);
      now = new Date((await rows())[0]!.nextAttemptAt.getTime() + 1);
    }
    expect((await rows())[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'internal_error' });
    slack.assertDone();
  });

  it('takes over a delivery whose instance died mid-way, once its claim has lapsed', async () => {
    const [id] = await enqueue('k', { channel: 'D01', text: 'hi' });
    await createRepositories(database.db).deliveries.claim({ now, limit: 1, leaseMs: 60_000, ids: [id!] });
    const w = worker();
    expect((await w.runDue()).size).toBe(0);
    now = new Date(now.getTime() + 61_000);
    slack.expect('chat.postMessage');
    expect([...(await w.runDue()).values()]).toEqual(['sent']);
    slack.assertDone();
  });

  it('survives a restart: what was queued is delivered by the next process', async () => {
    await enqueue('k', { channel: 'D01', text: 'after restart' });
    slack.expect('chat.postMessage');
    await worker().runDue();
    expect(slack.bodies('chat.postMessage')).toEqual([expect.objectContaining({ text: 'after restart' })]);
  });

  it('on stop, finishes what it is sending and gives back what it had claimed but not started', async () => {
    for (let i = 0; i < 3; i++) await enqueue(`k${i}`, { channel: `D0${i}`, text: `m${i}` });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const slow: DeliveryHandlers = Object.fromEntries(
      DELIVERY_KINDS.map((kind) => [kind, async () => {
        started++;
        await gate;
      }]),
    ) as unknown as DeliveryHandlers;
    const w = worker(slow);
    const running = w.runDue();
    while (started === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const stopped = w.stop();
    release();
    await Promise.all([running, stopped]);
    expect(started).toBe(1);
    const statuses = (await rows()).map((row) => row.status).sort();
    expect(statuses).toEqual(['queued', 'queued', 'sent']);
    expect((await rows()).filter((row) => row.status === 'queued').every((row) => row.attempts === 0 && row.nextAttemptAt <= now)).toBe(true);
  });
});
