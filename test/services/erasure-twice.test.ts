import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import type { ServiceDeps } from '../../src/services/deps';
import { eraseOwnData, reapplyErasure } from '../../src/services/privacy';
import { saveProfile } from '../../src/services/profile';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { profileInput } from '../helpers/factories';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let deps: ServiceDeps;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: () => new Date('2026-12-02T01:00:00Z'), staffEmailDomains: ['meti.go.jp'] };
});
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

async function member(slackUserId: string) {
  const { member } = await saveProfile(
    deps,
    { slackUserId, standing: 'member', email: `${slackUserId.toLowerCase()}@example.org`, realName: null, locale: 'ja' },
    profileInput({ name: `Name of ${slackUserId}` }),
  );
  return member;
}

describe('an erasure asked twice at once', () => {
  it('erases once: one audit entry, the second finds nothing to erase', async () => {
    const erased = await member('U0TWICE');
    const results = await Promise.all([eraseOwnData(deps, 'U0TWICE'), eraseOwnData(deps, 'U0TWICE')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const audit = await createRepositories(database.db).audit.listForMember(erased.id);
    expect(audit.filter((row) => row.action === 'member.erased')).toHaveLength(1);
  });

  it('re-applied by two instances starting together, is applied once', async () => {
    const restored = await member('U0RESTORED');
    const input = { memberId: restored.id, erasedAt: new Date('2026-11-30T00:00:00Z'), reason: 'ledger' };
    const results = await Promise.all([reapplyErasure(deps, input), reapplyErasure(deps, input)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const audit = await createRepositories(database.db).audit.listForMember(restored.id);
    expect(audit.filter((row) => row.action === 'member.erasure_reapplied')).toHaveLength(1);
  });
});
