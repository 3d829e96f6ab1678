import type { Button, HomeView, KnownBlock, ModalView, PlainTextElement, PlainTextOption } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { assertValidHome, assertValidMessage, assertValidModal } from './slack-limits';

const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
const opt = (value: string, text = value): PlainTextOption => ({ text: plain(text), value });
const options = (count: number) => Array.from({ length: count }, (_, i) => opt(`v${i}`));
const button = (fields: Partial<Button> = {}): Button => ({ type: 'button', action_id: 'go', text: plain('Go'), ...fields });
const x = (length: number) => 'x'.repeat(length);
/** For shapes @slack/types already refuses: the helper must still catch them in untyped JSON. */
const untyped = (block: unknown) => block as KnownBlock;

function modal(blocks: KnownBlock[], fields: Partial<ModalView> = {}): ModalView {
  return { type: 'modal', callback_id: 'cb', title: plain('Title'), submit: plain('Save'), close: plain('Cancel'), blocks, ...fields };
}
const input = (element: unknown, fields: Record<string, unknown> = {}) => untyped({ type: 'input', label: plain('Label'), element, ...fields });

/** A modal that uses every rule's subject within its limits. */
function goodModal(): ModalView {
  return modal(
    [
      { type: 'header', text: plain(x(150)) },
      { type: 'section', block_id: 'intro', text: mrkdwn(x(3000)), fields: Array.from({ length: 10 }, () => mrkdwn(x(2000))), accessory: button({ action_id: 'open' }) },
      { type: 'context', elements: Array.from({ length: 10 }, () => mrkdwn('c')) },
      {
        type: 'actions',
        block_id: 'acts',
        elements: [
          button({
            value: x(2000),
            url: `https://example.com/${x(2980)}`,
            text: plain(x(75)),
            style: 'danger',
            confirm: { title: plain(x(100)), text: plain(x(300)), confirm: plain(x(30)), deny: plain(x(30)) },
          }),
          ...Array.from({ length: 24 }, (_, i) => button({ action_id: `b${i}` })),
        ],
      },
      input({ type: 'plain_text_input', action_id: 'name', max_length: 3000, initial_value: x(3000), placeholder: plain(x(150)) }, { block_id: 'name', hint: plain(x(2000)), label: plain(x(2000)) }),
      input({ type: 'static_select', action_id: 'pick', options: [...options(99), opt(x(75), x(75))], initial_option: opt(x(75), x(75)) }, { block_id: 'pick' }),
      input({
        type: 'multi_static_select',
        action_id: 'grouped',
        max_selected_items: 2,
        option_groups: [{ label: plain('Group'), options: [opt('a'), { ...opt('b'), description: plain(x(75)) }] }],
        initial_options: [opt('a'), opt('b')],
      }),
      input({ type: 'checkboxes', action_id: 'ticks', options: options(10), initial_options: [opt('v9')] }),
      input({ type: 'radio_buttons', action_id: 'radio', options: [{ text: mrkdwn('*bold*'), value: 'r' }], initial_option: { text: mrkdwn('*bold*'), value: 'r' } }),
      input({ type: 'number_input', action_id: 'year', is_decimal_allowed: false, min_value: '1950', max_value: '2026', initial_value: '2026' }),
      { type: 'divider' },
    ],
    { private_metadata: x(3000), callback_id: x(255) },
  );
}

/** Calls `check`, expects it to throw, and returns the violation lines. */
function violations(check: () => void): string[] {
  try {
    check();
  } catch (error) {
    return (error as Error).message.split('\n').slice(1).map((line) => line.trim());
  }
  throw new Error('expected a Slack limit violation, but the check passed');
}

describe('a view within every limit', () => {
  it('passes as a modal, as a home view and as message blocks', () => {
    const view = goodModal();
    expect(() => assertValidModal(view)).not.toThrow();
    expect(() => assertValidHome({ type: 'home', blocks: view.blocks })).not.toThrow();
    expect(() => assertValidMessage(view.blocks.slice(0, 4).map(() => ({ type: 'section', text: mrkdwn('hi') })), 'hi')).not.toThrow();
  });

  it('allows the same action_id in different blocks', () => {
    const blocks: KnownBlock[] = [
      { type: 'actions', elements: [button({ action_id: 'same' })] },
      { type: 'actions', elements: [button({ action_id: 'same' })] },
    ];
    expect(() => assertValidMessage(blocks)).not.toThrow();
  });
});

/** One broken thing per case, and the line (path: reason) the helper must report for it. */
const modalCases: { rule: string; view: () => ModalView; line: RegExp }[] = [
  { rule: 'at most 100 blocks in a modal', view: () => modal(Array.from({ length: 101 }, () => ({ type: 'divider' }))), line: /^\$\.blocks: 101 blocks \(allowed 0–100\)$/ },
  { rule: 'section text at most 3000', view: () => modal([{ type: 'section', text: mrkdwn(x(3001)) }]), line: /^\$\.blocks\[0\]\.text\.text: .*3001 characters \(max 3000\)/ },
  { rule: 'section needs text or fields', view: () => modal([untyped({ type: 'section' })]), line: /^\$\.blocks\[0\]: section needs text or fields/ },
  { rule: 'at most 10 section fields', view: () => modal([{ type: 'section', fields: Array.from({ length: 11 }, () => mrkdwn('f')) }]), line: /^\$\.blocks\[0\]\.fields: 11 section fields/ },
  { rule: 'section field at most 2000', view: () => modal([{ type: 'section', fields: [mrkdwn('ok'), mrkdwn(x(2001))] }]), line: /^\$\.blocks\[0\]\.fields\[1\]\.text: .*2001 characters \(max 2000\)/ },
  { rule: 'header text at most 150', view: () => modal([{ type: 'header', text: plain(x(151)) }]), line: /^\$\.blocks\[0\]\.text\.text: header text is 151 characters \(max 150\)/ },
  { rule: 'header text is plain_text only', view: () => modal([untyped({ type: 'header', text: mrkdwn('*bold*') })]), line: /^\$\.blocks\[0\]\.text: header text must be a plain_text text object/ },
  { rule: 'modal title at most 24', view: () => modal([], { title: plain(x(25)) }), line: /^\$\.title\.text: modal title is 25 characters \(max 24\)/ },
  { rule: 'modal title is plain_text', view: () => modal([], { title: untyped(mrkdwn('Title')) as never }), line: /^\$\.title: modal title must be a plain_text text object/ },
  { rule: 'modal submit at most 24', view: () => modal([], { submit: plain(x(25)) }), line: /^\$\.submit\.text: modal submit is 25 characters/ },
  { rule: 'modal close at most 24', view: () => modal([], { close: plain(x(25)) }), line: /^\$\.close\.text: modal close is 25 characters/ },
  {
    rule: 'submit required with an input block',
    view: () => modal([input({ type: 'plain_text_input', action_id: 'a' })], { submit: undefined }),
    line: /^\$\.submit: submit is required when the modal has an input block/,
  },
  { rule: 'private_metadata at most 3000', view: () => modal([], { private_metadata: x(3001) }), line: /^\$\.private_metadata: private_metadata is 3001 characters \(max 3000\)/ },
  { rule: 'callback_id at most 255', view: () => modal([], { callback_id: x(256) }), line: /^\$\.callback_id: callback_id is 256 characters \(max 255\)/ },
  { rule: 'static select at most 100 options', view: () => modal([input({ type: 'static_select', action_id: 's', options: options(101) })]), line: /^\$\.blocks\[0\]\.element\.options: 101 options in static_select/ },
  { rule: 'multi-static select at most 100 options', view: () => modal([input({ type: 'multi_static_select', action_id: 's', options: options(101) })]), line: /^\$\.blocks\[0\]\.element\.options: 101 options in multi_static_select/ },
  {
    rule: 'at most 100 option groups',
    view: () => modal([input({ type: 'static_select', action_id: 's', option_groups: Array.from({ length: 101 }, () => ({ label: plain('g'), options: options(1) })) })]),
    line: /^\$\.blocks\[0\]\.element\.option_groups: 101 option groups/,
  },
  {
    rule: 'at most 100 options in an option group',
    view: () => modal([input({ type: 'static_select', action_id: 's', option_groups: [{ label: plain('g'), options: options(101) }] })]),
    line: /^\$\.blocks\[0\]\.element\.option_groups\[0\]\.options: 101 options in group/,
  },
  { rule: 'option text at most 75', view: () => modal([input({ type: 'static_select', action_id: 's', options: [opt('v', x(76))] })]), line: /^\$\.blocks\[0\]\.element\.options\[0\]\.text\.text: option text is 76 characters \(max 75\)/ },
  { rule: 'option value at most 75', view: () => modal([input({ type: 'static_select', action_id: 's', options: [opt(x(76), 'ok')] })]), line: /^\$\.blocks\[0\]\.element\.options\[0\]\.value: option value is 76 characters \(max 75\)/ },
  {
    rule: 'option description at most 75',
    view: () => modal([input({ type: 'checkboxes', action_id: 'c', options: [{ ...opt('v'), description: plain(x(76)) }] })]),
    line: /^\$\.blocks\[0\]\.element\.options\[0\]\.description\.text: option description is 76 characters/,
  },
  { rule: 'select option text is plain_text', view: () => modal([input({ type: 'static_select', action_id: 's', options: [{ text: mrkdwn('*a*'), value: 'a' }] })]), line: /^\$\.blocks\[0\]\.element\.options\[0\]\.text: option text must be a plain_text text object/ },
  { rule: 'checkboxes at most 10 options', view: () => modal([input({ type: 'checkboxes', action_id: 'c', options: options(11) })]), line: /^\$\.blocks\[0\]\.element\.options: 11 options in checkboxes \(allowed 1–10\)/ },
  { rule: 'radio buttons at most 10 options', view: () => modal([input({ type: 'radio_buttons', action_id: 'r', options: options(11) })]), line: /^\$\.blocks\[0\]\.element\.options: 11 options in radio_buttons \(allowed 1–10\)/ },
  {
    rule: 'initial_option among the options',
    view: () => modal([input({ type: 'static_select', action_id: 's', options: options(3), initial_option: opt('gone') })]),
    line: /^\$\.blocks\[0\]\.element\.initial_option: initial option "gone" is not among the options/,
  },
  {
    rule: 'initial_options among the options',
    view: () => modal([input({ type: 'checkboxes', action_id: 'c', options: options(3), initial_options: [opt('v1'), opt('old')] })]),
    line: /^\$\.blocks\[0\]\.element\.initial_options\[1\]: initial option "old" is not among the options/,
  },
  {
    rule: 'initial_options among grouped options',
    view: () => modal([input({ type: 'multi_static_select', action_id: 's', option_groups: [{ label: plain('g'), options: options(2) }], initial_options: [opt('v5')] })]),
    line: /^\$\.blocks\[0\]\.element\.initial_options\[0\]: initial option "v5" is not among the options/,
  },
  {
    rule: 'no more initial options than max_selected_items',
    view: () => modal([input({ type: 'multi_static_select', action_id: 's', max_selected_items: 1, options: options(3), initial_options: options(2) })]),
    line: /^\$\.blocks\[0\]\.element\.initial_options: 2 initial options \(max_selected_items 1\)/,
  },
  { rule: 'plain_text_input max_length at least 1', view: () => modal([input({ type: 'plain_text_input', action_id: 'a', max_length: 0 })]), line: /^\$\.blocks\[0\]\.element\.max_length: max_length 0 \(allowed 1–3000\)/ },
  { rule: 'plain_text_input max_length at most 3000', view: () => modal([input({ type: 'plain_text_input', action_id: 'a', max_length: 3001 })]), line: /^\$\.blocks\[0\]\.element\.max_length: max_length 3001 \(allowed 1–3000\)/ },
  {
    rule: 'initial_value no longer than max_length',
    view: () => modal([input({ type: 'plain_text_input', action_id: 'a', max_length: 100, initial_value: x(101) })]),
    line: /^\$\.blocks\[0\]\.element\.initial_value: initial_value \(max_length\) is 101 characters \(max 100\)/,
  },
  {
    rule: 'initial_value at most 3000 without max_length',
    view: () => modal([input({ type: 'plain_text_input', action_id: 'a', initial_value: x(3001) })]),
    line: /^\$\.blocks\[0\]\.element\.initial_value: .*3001 characters \(max 3000\)/,
  },
  {
    rule: 'number_input initial_value within min and max',
    view: () => modal([input({ type: 'number_input', action_id: 'n', is_decimal_allowed: false, min_value: '1950', max_value: '2026', initial_value: '2027' })]),
    line: /^\$\.blocks\[0\]\.element\.initial_value: initial_value 2027 is outside 1950–2026/,
  },
  { rule: 'input label at most 2000', view: () => modal([input({ type: 'plain_text_input', action_id: 'a' }, { label: plain(x(2001)) })]), line: /^\$\.blocks\[0\]\.label\.text: input label is 2001 characters/ },
  { rule: 'input label required', view: () => modal([input({ type: 'plain_text_input', action_id: 'a' }, { label: undefined })]), line: /^\$\.blocks\[0\]\.label: input label is required/ },
  { rule: 'input hint at most 2000', view: () => modal([input({ type: 'plain_text_input', action_id: 'a' }, { hint: plain(x(2001)) })]), line: /^\$\.blocks\[0\]\.hint\.text: input hint is 2001 characters/ },
  { rule: 'placeholder at most 150', view: () => modal([input({ type: 'plain_text_input', action_id: 'a', placeholder: plain(x(151)) })]), line: /^\$\.blocks\[0\]\.element\.placeholder\.text: placeholder is 151 characters \(max 150\)/ },
  { rule: 'action_id at most 255', view: () => modal([input({ type: 'plain_text_input', action_id: x(256) })]), line: /^\$\.blocks\[0\]\.element\.action_id: action_id is 256 characters \(max 255\)/ },
  { rule: 'block_id at most 255', view: () => modal([{ type: 'divider', block_id: x(256) }]), line: /^\$\.blocks\[0\]\.block_id: block_id is 256 characters \(max 255\)/ },
  {
    rule: 'block_ids unique within the surface',
    view: () => modal([{ type: 'divider', block_id: 'twice' }, { type: 'divider', block_id: 'twice' }]),
    line: /^\$\.blocks\[1\]\.block_id: block_id "twice" repeats \$\.blocks\[0\]\.block_id/,
  },
  {
    rule: 'view JSON under 250 kB',
    view: () => modal(Array.from({ length: 30 }, () => ({ type: 'section', text: mrkdwn('あ'.repeat(3000)) }))),
    line: /^\$: view JSON is \d+ bytes \(must stay under 250 kB: view_too_large\)/,
  },
  { rule: 'text objects are not empty', view: () => modal([{ type: 'section', text: mrkdwn('') }]), line: /^\$\.blocks\[0\]\.text\.text: text object has empty text/ },
  { rule: 'text objects are not blank', view: () => modal([], { close: plain('  ') }), line: /^\$\.close\.text: text object has empty text/ },
  { rule: 'a text slot holds plain_text or mrkdwn', view: () => modal([untyped({ type: 'section', text: { type: 'markdown', text: 'hi' } })]), line: /^\$\.blocks\[0\]\.text: section text must be a plain_text or mrkdwn text object/ },
  { rule: 'emoji only on plain_text', view: () => modal([untyped({ type: 'section', text: { type: 'mrkdwn', text: 'hi', emoji: true } })]), line: /^\$\.blocks\[0\]\.text\.emoji: emoji is only allowed on plain_text/ },
];

describe('assertValidModal refuses', () => {
  it.each(modalCases)('$rule', ({ view, line }) => {
    const found = violations(() => assertValidModal(view()));
    expect(found).toEqual([expect.stringMatching(line)]);
  });
});

const messageCases: { rule: string; blocks: () => KnownBlock[]; text?: string; line: RegExp }[] = [
  { rule: 'at most 50 blocks in a message', blocks: () => Array.from({ length: 51 }, () => ({ type: 'divider' })), line: /^\$\.blocks: 51 blocks \(allowed 0–50\)$/ },
  {
    rule: 'blocks JSON under 12,000 characters even when each block is within limits',
    blocks: () => Array.from({ length: 5 }, () => ({ type: 'section', text: mrkdwn(x(2500)) })),
    line: /^\$\.blocks: blocks JSON is \d+ characters \(keep under 12000: msg_blocks_too_long/,
  },
  { rule: 'at most 10 context elements', blocks: () => [{ type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('c')) }], line: /^\$\.blocks\[0\]\.elements: 11 context elements \(allowed 1–10\)/ },
  { rule: 'context elements are text or images', blocks: () => [untyped({ type: 'context', elements: [button()] })], line: /^\$\.blocks\[0\]\.elements\[0\]: context element must be image, plain_text or mrkdwn/ },
  {
    rule: 'at most 25 actions elements',
    blocks: () => [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button({ action_id: `b${i}` })) }],
    line: /^\$\.blocks\[0\]\.elements: 26 actions elements \(allowed 1–25\)/,
  },
  { rule: 'button text at most 75', blocks: () => [{ type: 'actions', elements: [button({ text: plain(x(76)) })] }], line: /^\$\.blocks\[0\]\.elements\[0\]\.text\.text: button text is 76 characters \(max 75\)/ },
  { rule: 'button text is plain_text', blocks: () => [{ type: 'actions', elements: [button({ text: untyped(mrkdwn('go')) as never })] }], line: /^\$\.blocks\[0\]\.elements\[0\]\.text: button text must be a plain_text text object/ },
  { rule: 'button value at most 2000', blocks: () => [{ type: 'actions', elements: [button({ value: x(2001) })] }], line: /^\$\.blocks\[0\]\.elements\[0\]\.value: button value is 2001 characters \(max 2000\)/ },
  { rule: 'button url at most 3000', blocks: () => [{ type: 'actions', elements: [button({ url: `https://e.x/${x(2989)}` })] }], line: /^\$\.blocks\[0\]\.elements\[0\]\.url: button url is 3001 characters \(max 3000\)/ },
  {
    rule: 'action_ids unique within one block',
    blocks: () => [{ type: 'actions', elements: [button({ action_id: 'same' }), button({ action_id: 'same' })] }],
    line: /^\$\.blocks\[0\]\.elements\[1\]\.action_id: action_id "same" repeats \$\.blocks\[0\]\.elements\[0\]\.action_id in the same block/,
  },
  {
    rule: 'confirm dialog title at most 100',
    blocks: () => [{ type: 'actions', elements: [button({ confirm: { title: plain(x(101)), text: plain('t'), confirm: plain('y'), deny: plain('n') } })] }],
    line: /^\$\.blocks\[0\]\.elements\[0\]\.confirm\.title\.text: confirm title is 101 characters \(max 100\)/,
  },
  {
    rule: 'confirm dialog text at most 300',
    blocks: () => [{ type: 'actions', elements: [button({ confirm: { title: plain('T'), text: mrkdwn(x(301)), confirm: plain('y'), deny: plain('n') } })] }],
    line: /^\$\.blocks\[0\]\.elements\[0\]\.confirm\.text\.text: confirm text is 301 characters \(max 300\)/,
  },
  {
    rule: 'confirm dialog confirm button at most 30',
    blocks: () => [{ type: 'actions', elements: [button({ confirm: { title: plain('T'), text: plain('t'), confirm: plain(x(31)), deny: plain('n') } })] }],
    line: /^\$\.blocks\[0\]\.elements\[0\]\.confirm\.confirm\.text: confirm button is 31 characters \(max 30\)/,
  },
  {
    rule: 'confirm dialog deny button at most 30',
    blocks: () => [{ type: 'actions', elements: [button({ confirm: { title: plain('T'), text: plain('t'), confirm: plain('y'), deny: plain(x(31)) } })] }],
    line: /^\$\.blocks\[0\]\.elements\[0\]\.confirm\.deny\.text: deny button is 31 characters \(max 30\)/,
  },
  { rule: 'overflow at most 5 options', blocks: () => [{ type: 'actions', elements: [{ type: 'overflow', action_id: 'o', options: options(6) }] }], line: /^\$\.blocks\[0\]\.elements\[0\]\.options: 6 options in overflow \(allowed 1–5\)/ },
  { rule: 'a non-empty fallback text', blocks: () => [{ type: 'divider' }], text: ' ', line: /^\$\.text: fallback text is empty/ },
];

describe('assertValidMessage refuses', () => {
  it.each(messageCases)('$rule', ({ blocks, text, line }) => {
    const found = violations(() => assertValidMessage(blocks(), text));
    expect(found).toEqual([expect.stringMatching(line)]);
  });
});

describe('assertValidHome refuses', () => {
  it('more than 100 blocks', () => {
    const home: HomeView = { type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) };
    expect(violations(() => assertValidHome(home))).toEqual(['$.blocks: 101 blocks (allowed 0–100)']);
  });

  it('private_metadata over 3000 and a callback_id over 255', () => {
    const home: HomeView = { type: 'home', callback_id: x(256), private_metadata: x(3001), blocks: [] };
    expect(violations(() => assertValidHome(home))).toEqual([
      '$.callback_id: callback_id is 256 characters (max 255)',
      '$.private_metadata: private_metadata is 3001 characters (max 3000)',
    ]);
  });
});

describe('the error', () => {
  it('lists every violation with its JSON path, not just the first', () => {
    const view = modal([
      { type: 'header', text: plain(x(151)) },
      { type: 'actions', elements: [button({ text: plain(x(76)), value: x(2001) })] },
    ], { title: plain(x(25)) });
    expect(() => assertValidModal(view)).toThrow(/^Modal breaks 4 Slack limit\(s\):\n/);
    expect(violations(() => assertValidModal(view))).toEqual([
      '$.title.text: modal title is 25 characters (max 24)',
      '$.blocks[0].text.text: header text is 151 characters (max 150)',
      '$.blocks[1].elements[0].text.text: button text is 76 characters (max 75)',
      '$.blocks[1].elements[0].value: button value is 2001 characters (max 2000)',
    ]);
  });

  it('finds a violation nested anywhere, in a block type it has no rule for', () => {
    const unknownBlock = untyped({ type: 'future_block', parts: [{ deep: { type: 'plain_text', text: '' } }] });
    expect(violations(() => assertValidMessage([unknownBlock]))).toEqual(['$.blocks[0].parts[0].deep.text: text object has empty text']);
  });
});
