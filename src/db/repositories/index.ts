import type { Db } from '../client';
import { createAuditRepository } from './audit';
import { createMembersRepository } from './members';
import { createOrganizersRepository } from './organizers';

export type { Audience } from './members';

/** All repositories bound to one database handle (or one transaction). */
export function createRepositories(db: Db) {
  return {
    members: createMembersRepository({ db }),
    organizers: createOrganizersRepository({ db }),
    audit: createAuditRepository({ db }),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
