import type { Db } from '../client';
import { createAuditRepository } from './audit';
import { createBackupRunsRepository } from './backups';
import { createDeliveriesRepository } from './deliveries';
import { createIntroductionsRepository } from './introductions';
import { createMembersRepository } from './members';
import { createOrganizersRepository } from './organizers';
import { createRoundParticipantsRepository } from './round-participants';
import { createRoundsRepository } from './rounds';
import { createSearchAllowancesRepository } from './search-allowances';
import { createSlackUsersRepository } from './slack-users';

export type { Audience } from './members';

/** All repositories bound to one database handle (or one transaction). */
export function createRepositories(db: Db) {
  return {
    members: createMembersRepository({ db }),
    organizers: createOrganizersRepository({ db }),
    audit: createAuditRepository({ db }),
    introductions: createIntroductionsRepository({ db }),
    slackUsers: createSlackUsersRepository({ db }),
    deliveries: createDeliveriesRepository({ db }),
    searchAllowances: createSearchAllowancesRepository({ db }),
    backupRuns: createBackupRunsRepository({ db }),
    rounds: createRoundsRepository({ db }),
    roundParticipants: createRoundParticipantsRepository({ db }),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
