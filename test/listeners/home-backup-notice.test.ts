import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { setupListenerTest } from '../helpers/listener-test';
import { appHomeOpened } from '../helpers/payloads';

const ALUMNA = 'U0ALUMNA';
const ORGANIZER = 'U0ORGANIZER';
const NOW = new Date('2026-12-02T09:00:00Z');

const ctx = setupListenerTest({
  users: {
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP' },
    [ORGANIZER]: { email: 'org@example.org', locale: 'en-US' },
  },
  organizers: [ORGANIZER],
  now: NOW,
});

async function homeOf(user: string): Promise<string> {
  ctx.slack.expect('views.publish');
  await ctx.harness.send(appHomeOpened({ user }));
  const body = ctx.slack.bodies('views.publish').at(-1);
  ctx.slack.assertDone();
  return JSON.stringify(body?.view);
}

describe('a failed daily backup on the App Home', () => {
  it('organizers see which day failed and why, until a backup succeeds; members never see it', async () => {
    const runs = createRepositories(ctx.database.db).backupRuns;
    await runs.claim('2026-12-02', NOW, NOW);
    await runs.fail('2026-12-02', { failedAt: NOW, error: 'ENOSPC: no space left on device', retryAfter: NOW });

    expect(await homeOf(ORGANIZER)).toContain(JSON.stringify(en.backups.failedNotice('2026-12-02', 'ENOSPC: no space left on device')).slice(1, -1));
    expect(await homeOf(ALUMNA)).not.toContain(JSON.stringify(ja.backups.failedNotice('2026-12-02', 'ENOSPC: no space left on device')).slice(1, 40));

    await runs.finish('2026-12-02', { file: 'kakehashi-2026-12-02.sql', finishedAt: NOW });
    expect(await homeOf(ORGANIZER)).not.toContain('ENOSPC');
  });
});
