import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { ja } from '../../src/i18n/ja';
import { networkToday } from '../../src/services/calendar';
import { STALE_AFTER_MONTHS } from '../../src/services/stale-profiles';
import { BOT } from '../../src/sandbox/ids';
import { runTyped } from '../../src/sandbox/interactions';
import { SANDBOX_CHANNELS } from '../../src/sandbox/personas';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandbox';
import { moveClock } from '../../src/sandbox/scheduler';
import { seedEvent, seedProfiles } from '../../src/sandbox/seed';
import { clickAction, submitView } from '../../src/sandbox/view-actions';
import type { Message } from '../../src/sandbox/workspace';
import { ACTIONS, INTRODUCTION_FIELDS, VIEWS } from '../../src/slack/ids';
import { createTestDatabase } from '../helpers/database';

const HANAKO = 'U0HANAKO';
const TARO = 'U0TARO';
const DAY_MS = 24 * 60 * 60_000;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: Sandbox;
const errors: unknown[] = [];
const logger = {
  debug() {},
  info() {},
  warn() {},
  error: (...args: unknown[]) => void errors.push(args),
  setLevel() {},
  getLevel: () => 'error' as never,
  setName() {},
};

const ws = () => sandbox.standIn.ws;
const ctx = () => sandbox.standIn.ctx;
const json = (message: Message | undefined) => JSON.stringify(message ?? null);
const dmOf = (userId: string) => ws().openDm(userId).id;
const botMessagesIn = (channel: string, viewer: string) => ws().messagesIn(channel, viewer).filter((m) => m.user === BOT.userId);
const field = (id: string, value: Record<string, unknown>) => ({ [id]: { [id]: value } });

/** `/alumni-event list` as this person types it; resolves with the bot's answer. */
async function upcomingEventsAs(userId: string): Promise<Message> {
  const before = botMessagesIn(SANDBOX_CHANNELS.general, userId).length;
  await runTyped(ctx(), { userId, channelId: SANDBOX_CHANNELS.general, text: '/alumni-event list' });
  return ws().waitFor(() => botMessagesIn(SANDBOX_CHANNELS.general, userId)[before]);
}

beforeAll(async () => {
  database = await createTestDatabase();
  sandbox = await startSandbox({ database, logger });
  await seedProfiles(sandbox);
});

afterAll(async () => {
  await sandbox?.close();
  await database?.close();
});

describe('the sandbox clock is the bot’s clock', () => {
  it('the bot reads the sandbox clock, ahead of real time once moved', async () => {
    await moveClock(ctx(), 60 * 60_000);
    expect(sandbox.deps.services.clock().getTime()).toBeGreaterThanOrEqual(Date.now() + 60 * 60_000 - 1000);
    expect(Math.abs(sandbox.deps.services.clock().getTime() - ws().now())).toBeLessThan(1000);
  });

  it('an ask nobody answers: the alumna is reminded three days on, and it expires after its date, which the requester is told', async () => {
    await runTyped(ctx(), { userId: TARO, channelId: SANDBOX_CHANNELS.general, text: '/find-expert 再エネ' });
    const results = await ws().waitFor(() => botMessagesIn(SANDBOX_CHANNELS.general, TARO).find((m) => json(m).includes(ACTIONS.askIntroduction)));
    const block = results.blocks!.find((b) => JSON.stringify(b).includes('山田 花子') && JSON.stringify(b).includes(ACTIONS.askIntroduction))!;
    await clickAction(ctx(), { userId: TARO, source: { channelId: results.channel, messageTs: results.ts }, blockId: String(block.block_id), actionId: ACTIONS.askIntroduction });
    // The modal opens loading, then the bot fills in the form.
    const modal = await ws().waitFor(() => ws().views.top(TARO)?.definition.callback_id === VIEWS.introductionRequest && ws().views.top(TARO));
    const due = networkToday(new Date(ws().now() + 5 * DAY_MS));
    const f = INTRODUCTION_FIELDS;
    const submitted = await submitView(ctx(), {
      userId: TARO,
      viewId: modal.id,
      inputs: {
        ...field(f.purpose, { selected: 'policy_research' }),
        ...field(f.details, { value: 'FIP制度の運用について伺いたいです。' }),
        ...field(f.format, { selected: 'call' }),
        ...field(f.dueDate, { date: due }),
        ...field(f.requesterDivision, { value: '新エネルギー課' }),
      },
    });
    expect(submitted).toEqual({ ok: true, outcome: 'closed' });
    await ws().waitFor(() => botMessagesIn(dmOf(HANAKO), HANAKO).some((m) => json(m).includes(ACTIONS.acceptIntroduction)));
    const reminder = ja.introductions.reminder('経産 太郎');
    expect(botMessagesIn(dmOf(HANAKO), HANAKO).some((m) => json(m).includes(reminder))).toBe(false);

    // Three days on, the sweep that the clock's move runs reminds her: no waiting for the 15-minute timer.
    await moveClock(ctx(), 3 * DAY_MS);
    expect(botMessagesIn(dmOf(HANAKO), HANAKO).some((m) => json(m).includes(reminder))).toBe(true);
    const [request] = await createRepositories(database.db).introductions.listMadeBy(TARO, 10);
    expect(request).toMatchObject({ request: { status: 'pending' } });

    // Past its date, it expires, and the requester hears of it.
    await moveClock(ctx(), 3 * DAY_MS);
    const [expired] = await createRepositories(database.db).introductions.listMadeBy(TARO, 10);
    expect(expired).toMatchObject({ request: { status: 'expired' } });
    expect(botMessagesIn(dmOf(TARO), TARO).some((m) => json(m).includes('期限切れとなりました'))).toBe(true);
  });

  it('an event’s reminders come the day before, and once it has begun it is no longer among the upcoming events', async () => {
    await seedEvent(sandbox);
    expect(json(await upcomingEventsAs(HANAKO))).toContain('秋の交流会');
    const delivered = await moveClock(ctx(), 3 * DAY_MS);
    expect(delivered.map((m) => m.channel)).toContain(dmOf(HANAKO));
    await moveClock(ctx(), DAY_MS);
    const list = json(await upcomingEventsAs(HANAKO));
    expect(list).not.toContain('秋の交流会');
    expect(list).toContain(ja.events.noUpcoming);
  });

  it('half a year on, members are asked whether their profile is still right', async () => {
    const asked = () => botMessagesIn(dmOf(HANAKO), HANAKO).filter((m) => json(m).includes(ja.stale.reminder(STALE_AFTER_MONTHS)));
    expect(asked()).toEqual([]);
    await moveClock(ctx(), 190 * DAY_MS);
    expect(asked()).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
