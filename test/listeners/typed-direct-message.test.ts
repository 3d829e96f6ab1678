import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { setupListenerTest } from '../helpers/listener-test';

const STAFF = 'U0STAFF';
const ALUMNA = 'U0ALUMNA';

const ctx = setupListenerTest({
  users: {
    [STAFF]: { email: 'taro@meti.go.jp', locale: 'en-US', realName: 'Taro Keisan' },
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP', realName: '佐藤 花子' },
  },
});

let counter = 0;

/** A message event as Slack sends it when someone types in the bot's DM (its messages tab). */
function typed(input: { user?: string; text?: string; subtype?: string; botId?: string; eventId?: string }) {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0KAKEHASH',
    api_app_id: 'A0KAKEHASH',
    type: 'event_callback',
    event_id: input.eventId ?? `EvTyped${++counter}`,
    event_time: 1_700_000_000,
    event: {
      type: 'message',
      channel: 'D0KAKEHASH',
      channel_type: 'im',
      text: input.text ?? 'hello, can you find me someone on hydrogen?',
      ts: `1700000000.00${counter}`,
      event_ts: `1700000000.00${counter}`,
      ...(input.user ? { user: input.user } : {}),
      ...(input.subtype ? { subtype: input.subtype } : {}),
      ...(input.botId ? { bot_id: input.botId } : {}),
    },
  };
}

describe('a message typed in the bot’s DM', () => {
  it('is answered with what to use instead, in the writer’s language', async () => {
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage');

    await ctx.harness.send(typed({ user: STAFF }));
    await ctx.harness.send(typed({ user: ALUMNA, text: '水素の専門家を探しています' }));

    expect(ctx.slack.bodies('chat.postMessage')).toEqual([
      expect.objectContaining({ channel: STAFF, text: en.directMessage.typed }),
      expect.objectContaining({ channel: ALUMNA, text: ja.directMessage.typed }),
    ]);
    expect(en.directMessage.typed).toContain('/find-expert');
    ctx.slack.assertDone();
  });

  it('is answered once: Slack’s retry of the same event gets no second answer', async () => {
    ctx.slack.expect('chat.postMessage');
    const event = typed({ user: STAFF });

    await ctx.harness.send(event);
    await ctx.harness.send(event, { retryNum: 1 });

    expect(ctx.slack.bodies('chat.postMessage')).toHaveLength(1);
    ctx.slack.assertDone();
  });

  it('leaves the bot’s own posts, other bots, edits and shared files to others (no answer)', async () => {
    await ctx.harness.send(typed({ botId: 'B0OTHER', user: 'U0OTHERBOT' }));
    await ctx.harness.send(typed({ user: STAFF, subtype: 'message_changed' }));
    await ctx.harness.send(typed({ subtype: 'bot_message', botId: 'B0KAKEHASH' }));

    expect(ctx.slack.bodies('chat.postMessage')).toEqual([]);
    ctx.slack.assertDone();
  });
});
