import type { Logger } from '@slack/bolt';
import { outsideRequest } from '../db/request-scope';
import type { WebClient } from '@slack/web-api';
import { createRepositories } from '../db/repositories';
import type { DeliveryRow } from '../db/schema';
import type { ServiceDeps } from '../services/deps';
import { DELIVERIES, recordDeliveryFailure, type DeliveryKind } from '../services/deliveries';
import { backoffMs, judgeFailure, MAX_ATTEMPTS } from './failures';

/**
 * Carries out one delivery from current state; throws what Slack (or the database) threw. May
 * return deliveries it recorded to follow it (e.g. notices after the introduction), run at once.
 */
export type DeliveryHandler = (delivery: DeliveryRow, client: WebClient) => Promise<string[] | void>;
export type DeliveryHandlers = Record<DeliveryKind, DeliveryHandler>;

/** Where a delivery stands after an attempt: what the user may truthfully be told. */
export type DeliveryOutcome = 'sent' | 'queued' | 'failed';

export interface DeliveryWorkerOptions {
  services: ServiceDeps;
  logger: Logger;
  /** A client that does not retry by itself and rejects rate-limited calls: the worker retries. */
  client: WebClient;
  handlers: DeliveryHandlers;
  /** How long a claim lasts before another instance may take the delivery over. */
  leaseMs?: number;
  batchSize?: number;
  intervalMs?: number;
}

/**
 * The one delivery mechanism: every instance runs it; each delivery is claimed in Postgres
 * (FOR UPDATE SKIP LOCKED), retried with backoff (Retry-After when Slack gives one) and, after
 * MAX_ATTEMPTS or a final refusal, marked failed and the person it was for told.
 */
export function createDeliveryWorker(options: DeliveryWorkerOptions) {
  const { services, logger, client, handlers } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 20;
  const repos = () => createRepositories(services.db);
  const inFlight = new Set<Promise<unknown>>();
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<unknown> | undefined;
  let stopping = false;

  async function attempt(delivery: DeliveryRow, followUps: string[]): Promise<DeliveryOutcome> {
    try {
      const next = await handlers[delivery.kind as DeliveryKind](delivery, client);
      await repos().deliveries.markSent(delivery.id, services.clock());
      if (next) followUps.push(...next);
      return 'sent';
    } catch (error) {
      return settleFailure(delivery, error, followUps);
    }
  }

  async function settleFailure(delivery: DeliveryRow, error: unknown, followUps: string[]): Promise<DeliveryOutcome> {
    const verdict = judgeFailure(error);
    const now = services.clock();
    // Rate limits say "later", not "no": they do not use up the attempts.
    const attempts = verdict.retry && verdict.rateLimited ? delivery.attempts - 1 : delivery.attempts;
    if (verdict.retry && attempts < MAX_ATTEMPTS) {
      const wait = verdict.afterMs ?? backoffMs(attempts);
      logger.warn('delivery will be retried', { delivery: delivery.id, kind: delivery.kind, code: verdict.code, inMs: wait });
      await repos().deliveries.retryAt(delivery.id, new Date(now.getTime() + wait), verdict.code, { refundAttempt: verdict.rateLimited === true });
      return 'queued';
    }
    logger.error('delivery failed for good', { delivery: delivery.id, kind: delivery.kind, code: verdict.code });
    await services.db.transaction(async (tx) => {
      const inTx = createRepositories(tx);
      await inTx.deliveries.markFailed(delivery.id, now, verdict.code);
      await recordDeliveryFailure(inTx, delivery, now);
      if (delivery.onBehalfOfSlackUserId && delivery.kind !== 'delivery.failed') {
        // The person it was for hears of it at once (a follow-up of this run).
        followUps.push(...(await inTx.deliveries.enqueue([DELIVERIES.failureNotice(delivery.id, delivery.onBehalfOfSlackUserId)], now)));
      }
    });
    return 'failed';
  }

  /** Claims and carries out `ids` (or whatever is due), one after another (Slack's rate limits). */
  async function run(ids?: string[]): Promise<Map<string, DeliveryOutcome>> {
    const outcomes = new Map<string, DeliveryOutcome>();
    if (stopping) return outcomes;
    const claimed = await repos().deliveries.claim({ now: services.clock(), limit: ids?.length ?? batchSize, leaseMs, ids });
    // In the order the change recorded them (an UPDATE … RETURNING has none): e.g. the outcome before the notice.
    if (ids) claimed.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    const followUps: string[] = [];
    for (const delivery of claimed) {
      if (stopping) {
        // Shutting down: give the claim back at once rather than leave it to the lease.
        await repos().deliveries.retryAt(delivery.id, services.clock(), delivery.lastError, { refundAttempt: true });
        continue;
      }
      const work = attempt(delivery, followUps);
      inFlight.add(work);
      try {
        outcomes.set(delivery.id, await work);
      } finally {
        inFlight.delete(work);
      }
    }
    // What a delivery recorded to follow it goes now too (its outcome is not the caller's).
    if (followUps.length > 0) await run(followUps);
    return outcomes;
  }

  return {
    /**
     * Delivers what a change just recorded, at once, so the user can be told "sent" when it was.
     * What cannot go now (claimed elsewhere, Slack down) stays queued for the worker.
     */
    async deliverNow(ids: string[]): Promise<DeliveryOutcome> {
      if (ids.length === 0) return 'sent';
      // Not cut short by the request that recorded them: a call made must be marked as made.
      const outcomes = await outsideRequest(() => run(ids)).catch((error: unknown) => {
        logger.warn('immediate delivery postponed', { error: String(error) });
        return new Map<string, DeliveryOutcome>();
      });
      const all = ids.map((id) => outcomes.get(id) ?? 'queued');
      return all.includes('failed') ? 'failed' : all.includes('queued') ? 'queued' : 'sent';
    },

    /** One pass over what is due (what the timer runs; tests call it directly). */
    async runDue(): Promise<Map<string, DeliveryOutcome>> {
      return run();
    },

    /** Polls for due deliveries on this instance until stopped. */
    start(intervalMs = options.intervalMs ?? 2_000) {
      stopping = false;
      timer = setInterval(() => {
        if (sweeping) return;
        sweeping = run()
          .catch((error: unknown) => logger.warn('delivery sweep failed', { error: String(error) }))
          .finally(() => (sweeping = undefined));
      }, intervalMs);
      timer.unref();
    },

    /** Stops claiming, and waits for deliveries in progress to finish (SIGTERM). */
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      await Promise.allSettled([...inFlight, sweeping]);
    },
  };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
