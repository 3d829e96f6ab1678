import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { seedOrganizers } from '../../src/services/organizers';
import { createTestApp } from './app';
import { createTestDatabase, resetDatabase } from './database';
import { mockSlack, type MockSlack, type SlackUserFixture } from './slack-api';

export interface ListenerTestContext {
  database: Awaited<ReturnType<typeof createTestDatabase>>;
  harness: ReturnType<typeof createTestApp>;
  slack: MockSlack;
}

/**
 * One database per test file, emptied before each test; a fresh nock-held Slack that knows `users`;
 * the real Bolt app; and the organizers seeded as at start-up.
 */
export function setupListenerTest(options: {
  users: Record<string, SlackUserFixture>;
  organizers?: string[];
  now?: Date;
}): ListenerTestContext {
  const context = {} as ListenerTestContext;
  beforeAll(async () => {
    context.database = await createTestDatabase();
  });
  afterAll(async () => context.database.close());
  beforeEach(async () => {
    await resetDatabase(context.database);
    context.slack = mockSlack();
    for (const [id, fixture] of Object.entries(options.users)) context.slack.user(id, fixture);
    context.harness = createTestApp(context.database, { now: options.now });
    await seedOrganizers(context.harness.deps.services, options.organizers ?? []);
  });
  afterEach(() => context.slack.reset());
  return context;
}
