import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one Slack request may still ask of the database. Someone waits on Slack's 3 s: once the
 * database has failed this request, or the request has spent DATABASE_BUDGET_MS waiting on it, its
 * further queries and transactions fail at once instead of each waiting for a connection again, so
 * the user hears "temporarily unavailable, nothing was saved" in time. Only time spent in the
 * database counts: a slow Slack does not make a healthy database "unavailable". Nothing already sent is abandoned: a statement under way finishes (bounded by
 * the statement timeout), so what the user is told stays true. Once a transaction of the request
 * committed, a later failure (a refreshed App Home) is told as "saved, but not everything after it
 * was done".
 */
export const DATABASE_BUDGET_MS = 2_000;

interface RequestScope {
  failure?: unknown;
  /** Time this request's queries and transactions have taken so far. */
  databaseMs: number;
  /** A transaction of this request committed the user's change. */
  committed?: boolean;
}

/** The request's scope, and whether a commit made here is the user's change (not bookkeeping). */
const scopes = new AsyncLocalStorage<{ request: RequestScope; userChange: boolean }>();

/** Thrown instead of starting a query after the database failed the request or its time is spent. */
export class RequestFailedError extends Error {
  override readonly name = 'RequestFailedError';
  readonly code = 'REQUEST_DATABASE_FAILED';
  constructor(readonly failure?: unknown) {
    super(failure ? 'The database already failed this request' : 'This request has spent its time for the database');
  }
}

/** Runs one Slack request's work in its own scope. */
export function withRequestScope<T>(work: () => Promise<T>): Promise<T> {
  return scopes.run({ request: { databaseMs: 0 }, userChange: true }, work);
}

/** Runs work that must not be cut short by the request it follows (delivering what was saved). */
export function outsideRequest<T>(work: () => Promise<T>): Promise<T> {
  return scopes.exit(work);
}

/**
 * Runs the request's bookkeeping (what Slack said about a user, kept for every instance): in the
 * request's scope, but its commits are not the user's change.
 */
export function asBookkeeping<T>(work: () => Promise<T>): Promise<T> {
  const current = scopes.getStore();
  return current ? scopes.run({ request: current.request, userChange: false }, work) : work();
}

/** Throws when the current request may not start another query. */
export function checkRequestScope(): void {
  const scope = scopes.getStore()?.request;
  if (!scope) return;
  if (scope.failure) throw new RequestFailedError(scope.failure);
  // Past its budget a request stops only until it has committed: its later steps must not be cut.
  if (!scope.committed && scope.databaseMs >= DATABASE_BUDGET_MS) throw new RequestFailedError();
}

/** Adds the time one query or transaction took to the current request's. */
export function noteDatabaseTime(ms: number): void {
  const scope = scopes.getStore()?.request;
  if (scope) scope.databaseMs += ms;
}

/** Notes that a transaction of the current request committed. */
export function noteRequestCommit(): void {
  const scope = scopes.getStore();
  if (scope?.userChange) scope.request.committed = true;
}

/** Whether a transaction of the current request committed (so "nothing was saved" is not true). */
export function requestCommitted(): boolean {
  return scopes.getStore()?.request.committed ?? false;
}

/** Notes that the database failed the current request. */
export function noteRequestFailure(error: unknown): void {
  const scope = scopes.getStore()?.request;
  if (scope && !scope.failure) scope.failure = error;
}
