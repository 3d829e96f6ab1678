import type { Db } from './client';

/** The queries built for each database handle, by name and shape. */
const builtFor = new WeakMap<Db, Map<string, unknown>>();

/**
 * A query that runs on most requests (a search, who is asking), built by Drizzle once per
 * database handle and shape and then run with its values as placeholders. Building one costs the
 * app more CPU than Postgres spends running it: about 0.3–1.4 ms each, a third of a search's CPU
 * (`bench/load.ts` profile). `key` names every choice `build` makes that changes the SQL text, so
 * the queries kept are bounded by the code's shapes. A transaction is a new handle: its queries are
 * built for it alone and go with it.
 */
export function builtOnce<Query>(db: Db, key: string, build: () => Query): Query {
  let built = builtFor.get(db);
  if (!built) builtFor.set(db, (built = new Map()));
  let query = built.get(key) as Query | undefined;
  if (query === undefined) built.set(key, (query = build()));
  return query;
}
