import { afterEach, beforeEach, expect } from 'vitest';
import type { ListenerTestContext } from './listener-test';
import type { RecordedCall } from './slack-api';

/**
 * Text a member could type (or set as their Slack name) to make the bot ping a channel, a person or
 * a user group, or show a disguised link, if it reached mrkdwn unescaped; `&` starts an entity.
 * 93 characters: it fits every text field (a name takes 100).
 */
export const HOSTILE = '<!channel> <!here> <@U0VICTIM> <!subteam^S0TEAM|@team> <https://evil.example|click me> & done';

/** HOSTILE as mrkdwn must carry it: every `&`, `<` and `>` escaped once. */
export const HOSTILE_ESCAPED =
  '&lt;!channel&gt; &lt;!here&gt; &lt;@U0VICTIM&gt; &lt;!subteam^S0TEAM|@team&gt; &lt;https://evil.example|click me&gt; &amp; done';

/** The hostile text with a short label first, so a leak says which field it came from. */
export function hostile(label: string): string {
  return `${label} ${HOSTILE}`;
}

/**
 * The start of each marker as typed: a marker cut short by a length budget is still a raw `<!…`
 * that Slack would read up to the next `>`.
 */
const RAW_MARKERS = ['<!channel', '<!here', '<@U0VICTIM', '<!subteam', '<https://evil'];
/** Escaped twice: the reader would see `&lt;` instead of `<`. */
const DOUBLE_ESCAPED = ['&amp;lt;', '&amp;gt;', '&amp;amp;'];
/** Escaped where Slack shows the text as is (plain_text): the reader would see `&lt;`. */
const ESCAPED_MARKERS = ['&lt;!channel', '&lt;!here', '&lt;@U0VICTIM', '&lt;!subteam', '&lt;https://evil', '&amp; done'];

/** Methods (and response_url posts) whose top-level `text` Slack shows, and parses, as mrkdwn. */
const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'chat.scheduleMessage', 'response_url', 'ack']);

/**
 * Fields Slack never parses for mentions or links, where user text stays as typed: what a button
 * or modal carries (value, private_metadata), prefilled inputs, link targets, a file's name and
 * title, and the errors under a modal's fields (strings only: a `title` object is a text object).
 * Anything else that holds user text is either a text object (judged by its type) or a field
 * this walk does not know, which is reported.
 */
const NOT_PARSED = new Set(['value', 'private_metadata', 'initial_value', 'url', 'filename', 'title', 'errors']);

type Kind = 'mrkdwn' | 'plain' | 'not_parsed' | 'unknown';

export interface Leak {
  where: string;
  problem: string;
  text: string;
}

function judge(text: string, kind: Kind, where: string, leaks: Leak[]): void {
  const push = (problem: string) => leaks.push({ where, problem, text });
  if (kind === 'mrkdwn') {
    const raw = RAW_MARKERS.find((marker) => text.includes(marker));
    if (raw) push(`raw ${raw}… in mrkdwn`);
    const twice = DOUBLE_ESCAPED.find((entity) => text.includes(entity));
    if (twice) push(`escaped twice (${twice}) in mrkdwn`);
  } else if (kind === 'plain') {
    const escaped = ESCAPED_MARKERS.find((marker) => text.includes(marker));
    if (escaped) push(`escaped (${escaped}) in plain_text, which Slack shows as is`);
  } else if (kind === 'unknown') {
    const raw = RAW_MARKERS.find((marker) => text.includes(marker));
    if (raw) push(`raw ${raw}… in a field this check does not know; classify it in test/helpers/hostile-text.ts`);
  }
}

function walk(value: unknown, kind: Kind, where: string, leaks: Leak[]): void {
  if (typeof value === 'string') return judge(value, kind, where, leaks);
  if (Array.isArray(value)) return value.forEach((item, i) => walk(item, kind, `${where}[${i}]`, leaks));
  if (typeof value !== 'object' || value === null) return;
  const object = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(object)) {
    const path = `${where}.${key}`;
    if (kind === 'not_parsed') walk(child, kind, path, leaks);
    else if (key === 'text' && object.type === 'mrkdwn') walk(child, 'mrkdwn', path, leaks);
    else if (key === 'text' && object.type === 'plain_text') walk(child, 'plain', path, leaks);
    else if (key === 'initial_comment') walk(child, 'mrkdwn', path, leaks);
    else if (NOT_PARSED.has(key) && (typeof child === 'string' || key === 'errors')) walk(child, 'not_parsed', path, leaks);
    else walk(child, 'unknown', path, leaks);
  }
}

/** Every problem with user text in one Web API body (or ack) sent as `method`. */
export function leaksIn(method: string, body: unknown): Leak[] {
  const leaks: Leak[] = [];
  if (typeof body !== 'object' || body === null) return leaks;
  const { text, ...rest } = body as Record<string, unknown>;
  if (text !== undefined) walk(text, MESSAGE_METHODS.has(method) ? 'mrkdwn' : 'unknown', `${method}.text`, leaks);
  walk(rest, 'unknown', method, leaks);
  return leaks;
}

/**
 * Fails when any recorded Slack call or listener ack shows user text raw where Slack parses
 * mrkdwn (top-level `text` of messages, mrkdwn objects, file comments), escaped twice, or escaped
 * in plain_text. `calls` are the mock Slack's recorded calls; `acks` what listeners acknowledged.
 */
export function expectNoRawUserText(calls: readonly RecordedCall[], acks: readonly unknown[] = []): void {
  const leaks = [
    ...calls.flatMap((call, i) => leaksIn(call.method, call.body).map((leak) => ({ ...leak, where: `#${i} ${leak.where}` }))),
    ...acks.flatMap((ack, i) => leaksIn('ack', ack).map((leak) => ({ ...leak, where: `ack #${i} ${leak.where}` }))),
  ];
  expect(leaks, 'user text that Slack would parse as mentions or links, or would show escaped').toEqual([]);
}

/** The text carries hostile user text escaped exactly once (its first marker at least, if cut). */
export function expectEscaped(text: string | undefined): void {
  expect(text, 'text with the hostile value in it').toBeTypeOf('string');
  expect(text).toContain('&lt;!channel&gt;');
  for (const entity of DOUBLE_ESCAPED) expect(text).not.toContain(entity);
}

/**
 * Checks every Slack call and ack of each test in a listener test file: `send` drives the app as
 * `harness.send` does and keeps the ack; after each test, everything recorded must pass
 * expectNoRawUserText, and every expected call must have been made (and nothing else).
 */
export function checkEveryMessage(ctx: ListenerTestContext): { send: (body: Record<string, unknown>) => Promise<any> } {
  let acks: unknown[] = [];
  beforeEach(() => {
    acks = [];
  });
  afterEach(() => {
    expect(ctx.slack.calls.length + acks.length, 'the test sent something to check').toBeGreaterThan(0);
    expectNoRawUserText(ctx.slack.calls, acks);
    ctx.slack.assertDone();
  });
  return {
    async send(body) {
      const ack = await ctx.harness.send(body);
      acks.push(ack);
      return ack;
    },
  };
}
