import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * `queued`: waiting (or waiting to be retried) until `next_attempt_at`; `sending`: claimed by one
 * instance until `next_attempt_at` (after which another may take it: the claimant died);
 * `sent`; `failed`: given up, the people concerned told.
 */
export const deliveryStatusEnum = pgEnum('delivery_status', ['queued', 'sending', 'sent', 'failed']);

/**
 * The transactional outbox: every Slack side effect that follows a committed change is written
 * here in the same transaction, then delivered by the worker of any instance. `key` makes the
 * change's side effect happen once, whoever (double click, retry, second instance) repeats it.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** What to tell whom (see src/delivery/handlers.ts); the handler reads current state by the payload's IDs. */
    kind: text().notNull(),
    key: text().notNull().unique(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: deliveryStatusEnum().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    /** When it is due: the next attempt, or, while `sending`, the end of the claim. */
    nextAttemptAt: timestamp({ withTimezone: true }).notNull(),
    /** Slack's error code (or the kind of failure) of the last attempt: never message text or tokens. */
    lastError: text(),
    /** Who is told if it finally fails (the person on whose behalf it was sent). */
    onBehalfOfSlackUserId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    sentAt: timestamp({ withTimezone: true }),
    failedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    // What the worker looks for: only the few rows not finished are in it.
    index('deliveries_due_idx')
      .on(table.nextAttemptAt)
      .where(sql`${table.status} in ('queued', 'sending')`),
    index('deliveries_failed_idx')
      .on(table.failedAt)
      .where(sql`${table.status} = 'failed'`),
  ],
);

export type DeliveryRow = typeof deliveries.$inferSelect;
