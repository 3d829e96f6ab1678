import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { deliveries, type DeliveryRow } from '../schema';

export interface NewDelivery {
  kind: string;
  /** The side effect's identity: a second enqueue with the same key is a no-op. */
  key: string;
  payload: Record<string, unknown>;
  onBehalfOfSlackUserId?: string | null;
}

export function createDeliveriesRepository({ db }: { db: Db }) {
  return {
    /** Records side effects to deliver; returns the IDs of those not recorded before. */
    async enqueue(items: NewDelivery[], now: Date): Promise<string[]> {
      if (items.length === 0) return [];
      const rows = await db
        .insert(deliveries)
        .values(items.map((item) => ({ ...item, onBehalfOfSlackUserId: item.onBehalfOfSlackUserId ?? null, nextAttemptAt: now, createdAt: now })))
        .onConflictDoNothing({ target: deliveries.key })
        .returning({ id: deliveries.id });
      return rows.map((row) => row.id);
    },

    /**
     * Claims due deliveries (all, or only `ids`) for `leaseMs`: one UPDATE over rows locked with
     * SKIP LOCKED, so two instances never hold the same one; a claim not finished in time (the
     * instance died) is due again.
     */
    async claim(input: { now: Date; limit: number; leaseMs: number; ids?: string[] }): Promise<DeliveryRow[]> {
      const due = db
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(
          and(
            inArray(deliveries.status, ['queued', 'sending']),
            lte(deliveries.nextAttemptAt, input.now),
            input.ids ? inArray(deliveries.id, input.ids) : undefined,
          ),
        )
        .orderBy(deliveries.nextAttemptAt)
        .limit(input.limit)
        .for('update', { skipLocked: true });
      return db
        .update(deliveries)
        .set({
          status: 'sending',
          attempts: sql`${deliveries.attempts} + 1`,
          nextAttemptAt: new Date(input.now.getTime() + input.leaseMs),
        })
        .where(inArray(deliveries.id, due))
        .returning();
    },

    async markSent(id: string, at: Date): Promise<void> {
      await db.update(deliveries).set({ status: 'sent', sentAt: at, lastError: null }).where(eq(deliveries.id, id));
    },

    /** Due again at `at` (backoff, or Retry-After, whose attempt is given back: it was Slack's "later"). */
    async retryAt(id: string, at: Date, error: string | null, options: { refundAttempt?: boolean } = {}): Promise<void> {
      await db
        .update(deliveries)
        .set({
          status: 'queued',
          nextAttemptAt: at,
          lastError: error,
          ...(options.refundAttempt ? { attempts: sql`greatest(${deliveries.attempts} - 1, 0)` } : {}),
        })
        .where(eq(deliveries.id, id));
    },

    async markFailed(id: string, at: Date, error: string): Promise<void> {
      await db.update(deliveries).set({ status: 'failed', failedAt: at, lastError: error }).where(eq(deliveries.id, id));
    },

    async findByKey(key: string): Promise<DeliveryRow | undefined> {
      const [row] = await db.select().from(deliveries).where(eq(deliveries.key, key));
      return row;
    },

    async findByIds(ids: string[]): Promise<DeliveryRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(deliveries).where(inArray(deliveries.id, ids));
    },

    /** The most recent deliveries that finally failed, for organizers. */
    async listFailed(limit: number): Promise<{ rows: DeliveryRow[]; total: number }> {
      const failed = eq(deliveries.status, 'failed');
      const [rows, [total]] = await Promise.all([
        db.select().from(deliveries).where(failed).orderBy(desc(deliveries.failedAt)).limit(limit),
        db.select({ n: sql<number>`count(*)::int` }).from(deliveries).where(failed),
      ]);
      return { rows, total: total?.n ?? 0 };
    },
  };
}

export type DeliveriesRepository = ReturnType<typeof createDeliveriesRepository>;
