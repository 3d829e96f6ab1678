import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { createTestDatabase } from '../helpers/database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

it('stores a member', async () => {
  const repos = createRepositories(database.db);
  const row = await repos.members.insert({ pseudonym: 'M-1', memberType: 'alumni', status: 'pending', topics: ['dx'] });
  expect((await repos.members.findById(row.id))?.topics).toEqual(['dx']);
  const claimed = await repos.members.claimStaleReminders(new Date(), new Date(), 10);
  expect(claimed).toEqual([]);
});
