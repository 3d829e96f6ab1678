import type { Db } from '../db/client';

/** What services need from the outside world, passed explicitly. */
export interface ServiceDeps {
  db: Db;
  clock: () => Date;
  staffEmailDomains: readonly string[];
}
