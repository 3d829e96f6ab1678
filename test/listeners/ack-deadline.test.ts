import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { saveProfile } from '../../src/services/profile';
import { createRepositories } from '../../src/db/repositories';
import { COMMANDS } from '../../src/slack/ids';
import { profileInput } from '../helpers/factories';
import { createTestApp, testConfig } from '../helpers/app';
import { setupListenerTest } from '../helpers/listener-test';
import { LOADING_VIEW } from '../helpers/modal-flow';
import { slashCommand } from '../helpers/payloads';
import { takeCommandAnswers } from '../helpers/slack-api';

const STAFF = 'U0STAFF';
const SLOW_STAFF = 'U0SLOWSTAFF';
const ALUMNA = 'U0ALUMNA';
const BUSY_STAFF = 'U0BUSYSTAFF';

const ctx = setupListenerTest({
  users: {
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'ja-JP' },
    // Slack takes 3.5 s to say who this is (rate limits, an incident).
    [SLOW_STAFF]: { email: 'slow@meti.go.jp', locale: 'ja-JP', delayMs: 3_500 },
    [ALUMNA]: { email: 'alumna@fund.example', locale: 'ja-JP' },
    [BUSY_STAFF]: { email: 'busy@meti.go.jp', locale: 'en-US', delayMs: 600 },
  },
});

/** Drives Bolt as Slack does, noting when (and with what) the listener acknowledged. */
async function sendTimed(body: Record<string, unknown>) {
  const started = Date.now();
  let ackedAfterMs: number | undefined;
  let acked: unknown;
  await ctx.harness.app.processEvent({
    body,
    ack: async (response?: unknown) => {
      ackedAfterMs ??= Date.now() - started;
      acked = response;
    },
  });
  return { ackedAfterMs: ackedAfterMs!, acked, finishedAfterMs: Date.now() - started };
}

describe('Slack is always acknowledged within 3 s', () => {
  it('a slash command is acknowledged at once and empty, though its work takes longer than 3 s; the answer follows by response URL', async () => {
    const { member } = await saveProfile(
      ctx.harness.deps.services,
      { slackUserId: ALUMNA, standing: 'member', email: 'alumna@fund.example', realName: null, locale: 'ja' },
      profileInput({ name: 'Hanako Sato', topics: ['renewable_energy'], shareWithStaff: true }),
    );
    await createRepositories(ctx.database.db).members.update(member.id, { status: 'active' });
    const payload = slashCommand({ command: COMMANDS.findExpert, user_id: SLOW_STAFF, text: '再エネ' });
    const { ackedAfterMs, acked, finishedAfterMs } = await sendTimed(payload);
    expect(ackedAfterMs).toBeLessThan(500);
    expect(acked).toBeUndefined();
    expect(finishedAfterMs).toBeGreaterThan(3_000);
    const [answer, ...more] = takeCommandAnswers(payload.response_url);
    expect(more).toEqual([]);
    expect(answer).toMatchObject({ response_type: 'ephemeral', text: ja.findExpert.resultsFor('再エネ') });
    expect(JSON.stringify(answer!.blocks)).toContain('Hanako Sato');
    ctx.slack.assertDone();
  }, 15_000);

  it('a quick command is acknowledged empty too, and answers by response URL', async () => {
    const payload = slashCommand({ command: COMMANDS.profile, user_id: STAFF, text: 'help' });
    const { ackedAfterMs, acked } = await sendTimed(payload);
    expect(ackedAfterMs).toBeLessThan(500);
    expect(acked).toBeUndefined();
    expect(takeCommandAnswers(payload.response_url)).toEqual([{ response_type: 'ephemeral', text: ja.profileCommand.help }]);
    ctx.slack.assertDone();
  });

  it('a command whose modal Slack is slow to open is acknowledged before Slack is asked', async () => {
    ctx.slack.expect('views.open', { delayMs: 3_500, view: LOADING_VIEW }).expect('views.update');
    const payload = slashCommand({ command: COMMANDS.profile, user_id: STAFF });
    const { ackedAfterMs, acked } = await sendTimed(payload);
    expect(ackedAfterMs).toBeLessThan(500);
    expect(acked).toBeUndefined();
    expect(takeCommandAnswers(payload.response_url)).toEqual([]);
    ctx.slack.assertDone();
  }, 15_000);
});

describe('a burst of searches', () => {
  it('past the searches an instance runs at once, the next user is told at once to try again in a minute', async () => {
    const instance = createTestApp(ctx.database, { config: testConfig({ SEARCH_CONCURRENCY: '1' }) });
    const send = (user: string) => instance.send(slashCommand({ command: COMMANDS.findExpert, user_id: user, text: '再エネ' }));
    const first = send(BUSY_STAFF);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await send(STAFF)).toEqual({ response_type: 'ephemeral', text: ja.findExpert.busy });
    expect(await first).toMatchObject({ response_type: 'ephemeral', text: en.findExpert.noMatch('再エネ') });
    // Once it finished, searching works again.
    expect((await send(STAFF)).text).toBe(ja.findExpert.noMatch('再エネ'));
  });
});
