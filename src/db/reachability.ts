import type { Sql } from 'postgres';
import { checkRequestScope, noteDatabaseTime, noteRequestFailure } from './request-scope';
import { isDatabaseUnavailable } from './unavailable';

/**
 * How long queries fail at once after a connection attempt timed out. postgres.js gives each query
 * finding no open connection an attempt of its own: against a database that hangs, a request making
 * five queries waited 5 × 2 s. Now its first waits 2 s and the rest fail at once.
 */
const UNREACHABLE_HOLD_MS = 5_000;

/** Thrown instead of waiting for a connection while the database is known not to answer. */
export class DatabaseUnreachableError extends Error {
  override readonly name = 'DatabaseUnreachableError';
  readonly code = 'DATABASE_UNREACHABLE';
  constructor() {
    super('The database did not answer the last connection attempt; not tried again yet');
  }
}

/**
 * A circuit breaker on connecting: after a connect timeout, everything fails at once for
 * UNREACHABLE_HOLD_MS; then one query tries again (the others still fail at once) and its outcome
 * decides whether the database is back. Within a Slack request, a query is not started once the
 * database failed the request or the request spent its time on it (src/db/request-scope.ts).
 */
export function createReachability(holdMs = UNREACHABLE_HOLD_MS) {
  let downUntil = 0;
  let probing = false;
  return async function run<T>(query: () => PromiseLike<T>): Promise<T> {
    checkRequestScope();
    const started = Date.now();
    try {
      return await throughBreaker(query);
    } catch (error) {
      if (isDatabaseUnavailable(error)) noteRequestFailure(error);
      throw error;
    } finally {
      noteDatabaseTime(Date.now() - started);
    }
  };

  async function throughBreaker<T>(query: () => PromiseLike<T>): Promise<T> {
    const probe = downUntil !== 0;
    if (probe && (probing || Date.now() < downUntil)) throw new DatabaseUnreachableError();
    if (probe) probing = true;
    try {
      const result = await query();
      if (probe) downUntil = 0;
      return result;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'CONNECT_TIMEOUT') downUntil = Date.now() + holdMs;
      else if (probe) downUntil = 0;
      throw error;
    } finally {
      if (probe) probing = false;
    }
  }
}

/**
 * The client as Drizzle sees it, with queries and transactions behind the breaker. Drizzle calls
 * only `unsafe(…)` (awaited as is, or after `.values()`) and `begin(…)` on it; inside a
 * transaction it uses the transaction's own connection, which is open already.
 */
export function behindBreaker(client: Sql, run: ReturnType<typeof createReachability>): Sql {
  const unsafe = (...args: Parameters<Sql['unsafe']>) => {
    let asValues = false;
    let result: Promise<unknown> | undefined;
    const pending = {
      values: () => {
        asValues = true;
        return pending;
      },
      then: (resolve?: (rows: unknown) => unknown, reject?: (error: unknown) => unknown) => {
        result ??= run(() => (asValues ? client.unsafe(...args).values() : client.unsafe(...args)));
        return result.then(resolve, reject);
      },
    };
    return pending;
  };
  const begin = (...args: unknown[]) => run(() => (client.begin as (...a: unknown[]) => Promise<unknown>)(...args));
  return new Proxy(client, {
    get: (target, key, receiver) => (key === 'unsafe' ? unsafe : key === 'begin' ? begin : Reflect.get(target, key, receiver)),
  });
}
