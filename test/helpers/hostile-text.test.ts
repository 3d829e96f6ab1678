import { describe, expect, it } from 'vitest';
import { escapeMrkdwn } from '../../src/slack/mrkdwn';
import { HOSTILE, HOSTILE_ESCAPED, leaksIn } from './hostile-text';

const problems = (method: string, body: unknown) => leaksIn(method, body).map((leak) => `${leak.where}: ${leak.problem}`);
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const plainText = (text: string) => ({ type: 'plain_text', text });

describe('the hostile-text check', () => {
  it('its escaped form is what escapeMrkdwn makes of the hostile text', () => {
    expect(escapeMrkdwn(HOSTILE)).toBe(HOSTILE_ESCAPED);
  });

  it('passes escaped mrkdwn, plain text as typed, and the bot’s own mentions, dates and channel links', () => {
    const body = {
      channel: 'U0ALUMNA',
      text: `Event: ${HOSTILE_ESCAPED} <@U0ALUMNA> <#C0EVENTS> <!date^1700000000^{time}|18:00 JST>`,
      blocks: [
        { type: 'header', text: plainText(HOSTILE) },
        { type: 'section', text: mrkdwn(HOSTILE_ESCAPED), fields: [mrkdwn(HOSTILE_ESCAPED)] },
        { type: 'actions', elements: [{ type: 'button', text: plainText(HOSTILE), value: JSON.stringify({ q: HOSTILE }), url: 'https://x.example/<' }] },
        { type: 'input', element: { type: 'plain_text_input', initial_value: HOSTILE } },
      ],
    };
    expect(problems('chat.postMessage', body)).toEqual([]);
    expect(problems('views.open', { view: { private_metadata: HOSTILE, blocks: body.blocks } })).toEqual([]);
    expect(problems('files.completeUploadExternal', { files: [{ id: 'F1', title: HOSTILE }], initial_comment: HOSTILE_ESCAPED })).toEqual([]);
  });

  it('finds raw markers in a message’s text, in mrkdwn objects anywhere, and in a file comment, even cut short', () => {
    expect(problems('chat.scheduleMessage', { text: `Reminder: ${HOSTILE}` })).toEqual(['chat.scheduleMessage.text: raw <!channel… in mrkdwn']);
    expect(problems('ack', { text: 'Profile: <!here', blocks: [] })).toEqual(['ack.text: raw <!here… in mrkdwn']);
    expect(problems('response_url', { blocks: [{ type: 'context', elements: [mrkdwn('x <@U0VICTIM>')] }] })).toEqual([
      'response_url.blocks[0].elements[0].text: raw <@U0VICTIM… in mrkdwn',
    ]);
    expect(problems('views.publish', { view: { blocks: [{ type: 'section', fields: [mrkdwn('<!subteam^S0TEAM|@team>')] }] } })).toEqual([
      'views.publish.view.blocks[0].fields[0].text: raw <!subteam… in mrkdwn',
    ]);
    expect(problems('files.completeUploadExternal', { initial_comment: '<https://evil.example|click me>' })).toEqual([
      'files.completeUploadExternal.initial_comment: raw <https://evil… in mrkdwn',
    ]);
  });

  it('finds text escaped twice in mrkdwn, and escaped in plain text', () => {
    expect(problems('chat.postMessage', { text: escapeMrkdwn(HOSTILE_ESCAPED) })).toEqual(['chat.postMessage.text: escaped twice (&amp;lt;) in mrkdwn']);
    expect(problems('chat.postMessage', { blocks: [{ type: 'header', text: plainText(HOSTILE_ESCAPED) }] })).toEqual([
      'chat.postMessage.blocks[0].text.text: escaped (&lt;!channel) in plain_text, which Slack shows as is',
    ]);
  });

  it('reports user text in a field it does not know, so a new kind of field must be classified', () => {
    expect(problems('chat.postMessage', { attachments: [{ fallback: HOSTILE }] })).toEqual([
      'chat.postMessage.attachments[0].fallback: raw <!channel… in a field this check does not know; classify it in test/helpers/hostile-text.ts',
    ]);
    expect(problems('views.open', { text: HOSTILE })).toHaveLength(1);
  });
});
