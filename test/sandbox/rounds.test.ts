import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { BOT } from '../../src/sandbox/ids';
import { runTyped } from '../../src/sandbox/interactions';
import { SANDBOX_CHANNELS } from '../../src/sandbox/personas';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandbox';
import { moveClock } from '../../src/sandbox/scheduler';
import { seedProfiles, seedRounds } from '../../src/sandbox/seed';
import { clickAction } from '../../src/sandbox/view-actions';
import type { Message } from '../../src/sandbox/workspace';
import { ROUNDS } from '../../src/slack/ids';
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
const botMessagesIn = (channel: string, viewer: string) => ws().messagesIn(channel, viewer).filter((m) => m.user === BOT.userId);

beforeAll(async () => {
  database = await createTestDatabase();
  sandbox = await startSandbox({ database, logger });
  await seedProfiles(sandbox);
  await seedRounds(sandbox);
});

afterAll(async () => {
  await sandbox?.close();
  await database?.close();
});

describe('rounds in the sandbox', () => {
  it('a seeded participant sees where they stand with /alumni-rounds status', async () => {
    const before = botMessagesIn(SANDBOX_CHANNELS.general, TARO).length;
    const typed = await runTyped(ctx(), { userId: TARO, channelId: SANDBOX_CHANNELS.general, text: '/alumni-rounds status' });
    expect(typed.ok).toBe(true);
    const answer = await ws().waitFor(() => botMessagesIn(SANDBOX_CHANNELS.general, TARO)[before]);
    expect(json(answer)).toContain(JSON.stringify(ja.rounds.status.joined).slice(1, -1));
  });

  it('moving the clock a day on starts the round: the pair’s group DM arrives, and “We met” is recorded', async () => {
    const pairPost = () => ws().messages.find((m) => m.user === BOT.userId && json(m).includes(ROUNDS.actions.met));
    expect(pairPost()).toBeUndefined();

    await moveClock(ctx(), DAY_MS + 60 * 60_000);

    const post = await ws().waitFor(pairPost);
    expect(ws().conversations.get(post.channel)).toMatchObject({ kind: 'mpim' });
    expect([...ws().conversations.get(post.channel)!.members].sort()).toEqual(expect.arrayContaining([HANAKO, TARO]));
    // Both read Japanese: one language, with what the official is curious about.
    expect(json(post)).toContain('官民を行き来するキャリア');
    expect(json(post)).not.toContain(JSON.stringify(en.rounds.pair.conduct).slice(1, -1));

    const block = post.blocks!.find((b) => JSON.stringify(b).includes(ROUNDS.actions.met))!;
    const clicked = await clickAction(ctx(), {
      userId: HANAKO,
      source: { channelId: post.channel, messageTs: post.ts },
      blockId: String(block.block_id),
      actionId: ROUNDS.actions.met,
    });
    expect(clicked.ok).toBe(true);
    // She is told it was recorded, where she clicked.
    await ws().waitFor(() => ws().messagesIn(post.channel, HANAKO).find((m) => json(m).includes(JSON.stringify(ja.rounds.answer.met).slice(1, -1))));
    const hanako = await createRepositories(database.db).members.findBySlackUserId(HANAKO);
    const answers = await database.db.query.roundPairMembers.findMany();
    expect(answers.find((row) => row.memberId === hanako!.id)).toMatchObject({ answer: 'met' });
    expect(errors).toEqual([]);
  });
});
