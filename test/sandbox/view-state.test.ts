import { describe, expect, it } from 'vitest';
import { encodeTyped } from '../../src/sandbox/interactions';
import { clientChecks, stateValues } from '../../src/sandbox/view-state';
import { Workspace } from '../../src/sandbox/workspace';

const option = (value: string) => ({ text: { type: 'plain_text', text: value.toUpperCase() }, value });
const input = (id: string, element: Record<string, unknown>, optional = false) => ({
  type: 'input',
  block_id: id,
  optional,
  label: { type: 'plain_text', text: id },
  element: { action_id: id, ...element },
});

/** One input of every kind the bot's modals use, each with an initial value. */
const blocks = [
  input('text', { type: 'plain_text_input', initial_value: 'hello' }),
  input('number', { type: 'number_input', is_decimal_allowed: false, min_value: '1', max_value: '10', initial_value: '2' }),
  input('static', { type: 'static_select', options: [option('a'), option('b')], initial_option: option('a') }),
  input('multi', { type: 'multi_static_select', option_groups: [{ label: { type: 'plain_text', text: 'g' }, options: [option('x'), option('y')] }] }, true),
  input('user', { type: 'users_select', initial_user: 'U0HANAKO' }),
  input('channel', { type: 'conversations_select', initial_conversation: 'C0ANNOUNCE' }),
  input('boxes', { type: 'checkboxes', options: [option('yes')] }, true),
  input('radio', { type: 'radio_buttons', options: [option('yes'), option('no')] }),
  input('date', { type: 'datepicker', initial_date: '2026-12-01' }, true),
  input('when', { type: 'datetimepicker', initial_date_time: 1_796_000_000 }),
  { type: 'actions', block_id: 'acts', elements: [{ type: 'button', action_id: 'go', text: { type: 'plain_text', text: 'Go' } }, { type: 'overflow', action_id: 'menu', options: [option('m')] }] },
];

describe('view state as Slack sends it', () => {
  it('untouched inputs carry their initial values, in each element type’s own shape', () => {
    expect(stateValues(blocks)).toEqual({
      text: { text: { type: 'plain_text_input', value: 'hello' } },
      number: { number: { type: 'number_input', value: '2' } },
      static: { static: { type: 'static_select', selected_option: option('a') } },
      multi: { multi: { type: 'multi_static_select', selected_options: [] } },
      user: { user: { type: 'users_select', selected_user: 'U0HANAKO' } },
      channel: { channel: { type: 'conversations_select', selected_conversation: 'C0ANNOUNCE' } },
      boxes: { boxes: { type: 'checkboxes', selected_options: [] } },
      radio: { radio: { type: 'radio_buttons', selected_option: null } },
      date: { date: { type: 'datepicker', selected_date: '2026-12-01' } },
      when: { when: { type: 'datetimepicker', selected_date_time: 1_796_000_000 } },
    });
  });

  it('entered values replace them; cleared text is null; chosen options are the view’s own option objects', () => {
    const values = stateValues(blocks, {
      text: { text: { value: '' } },
      static: { static: { selected: 'b' } },
      multi: { multi: { selected: ['y', 'x', 'forged'] } },
      user: { user: { user: null } },
      boxes: { boxes: { selected: ['yes'] } },
      radio: { radio: { selected: 'no' } },
      when: { when: { dateTime: 1_796_003_600 } },
    });
    expect(values.text?.text).toEqual({ type: 'plain_text_input', value: null });
    expect(values.static?.static?.selected_option).toEqual(option('b'));
    expect(values.multi?.multi?.selected_options).toEqual([option('x'), option('y')]);
    expect(values.user?.user?.selected_user).toBeNull();
    expect(values.boxes?.boxes?.selected_options).toEqual([option('yes')]);
    expect(values.radio?.radio?.selected_option).toEqual(option('no'));
    expect(values.when?.when?.selected_date_time).toBe(1_796_003_600);
  });

  it('the client refuses empty required fields and bad numbers before anything is sent, in the viewer’s language', () => {
    const values = stateValues(blocks, { text: { text: { value: '' } }, number: { number: { value: '2.5' } } });
    expect(clientChecks(blocks, values, 'en-US')).toEqual({
      text: 'This field is required.',
      number: 'Please enter a whole number.',
      radio: 'This field is required.',
    });
    const tooMany = stateValues(blocks, { number: { number: { value: '11' } }, radio: { radio: { selected: 'yes' } } });
    expect(clientChecks(blocks, tooMany, 'ja-JP')).toEqual({ number: '10 以下の数値を入力してください。' });
  });
});

describe('what a person types', () => {
  it('is escaped as Slack escapes it, with known @handles and #channels turned into references', () => {
    const ws = new Workspace();
    ws.addUser({ id: 'U0HANAKO', name: 'hanako', realName: '山田 花子', email: null, locale: 'ja-JP', tz: 'Asia/Tokyo' });
    ws.addConversation({ id: 'C0ANNOUNCE', name: 'announcements', kind: 'public', members: [] });
    expect(encodeTyped(ws, '@hanako see #announcements & <b> @nobody')).toBe(
      '<@U0HANAKO|hanako> see <#C0ANNOUNCE|announcements> &amp; &lt;b&gt; @nobody',
    );
  });
});
