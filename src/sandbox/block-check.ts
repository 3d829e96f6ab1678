/**
 * The checks Slack makes before it accepts blocks or a view, kept to what makes a request fail
 * outright: each problem is a line as Slack puts it in `response_metadata.messages`
 * (`[ERROR] … [json-pointer:/blocks/0/text]`). The full limits are checked by the builders' tests
 * (test/helpers/slack-limits.ts); the sandbox only has to refuse what Slack refuses loudly.
 */
type Json = Record<string, unknown>;

const BLOCK_TYPES = new Set([
  'section', 'header', 'context', 'divider', 'actions', 'input', 'image', 'rich_text', 'file', 'video', 'markdown',
]);
const ELEMENT_TYPES = new Set([
  'button', 'overflow', 'static_select', 'external_select', 'multi_static_select', 'multi_external_select',
  'users_select', 'multi_users_select', 'conversations_select', 'multi_conversations_select', 'channels_select',
  'multi_channels_select', 'checkboxes', 'radio_buttons', 'datepicker', 'timepicker', 'datetimepicker',
  'plain_text_input', 'number_input', 'email_text_input', 'url_text_input', 'image', 'rich_text_input', 'file_input',
]);

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function error(problems: string[], message: string, pointer: string): void {
  problems.push(`[ERROR] ${message} [json-pointer:${pointer}]`);
}

function text(problems: string[], value: unknown, pointer: string, max: number, plainOnly = false): void {
  if (!isObject(value) || (value.type !== 'plain_text' && value.type !== 'mrkdwn') || (plainOnly && value.type !== 'plain_text')) {
    return error(problems, `must be a ${plainOnly ? 'plain_text' : 'text'} object`, pointer);
  }
  if (typeof value.text !== 'string' || value.text.length === 0) return error(problems, 'must be more than 0 characters', `${pointer}/text`);
  if (value.text.length > max) error(problems, `must be less than ${max + 1} characters`, `${pointer}/text`);
}

function element(problems: string[], value: unknown, pointer: string): void {
  if (!isObject(value) || typeof value.type !== 'string' || !ELEMENT_TYPES.has(value.type)) {
    return error(problems, 'must provide a valid element type', `${pointer}/type`);
  }
  if (value.type === 'button') text(problems, value.text, `${pointer}/text`, 75, true);
  if (value.action_id !== undefined && (typeof value.action_id !== 'string' || value.action_id.length > 255)) {
    error(problems, 'must be a string of at most 255 characters', `${pointer}/action_id`);
  }
}

function block(problems: string[], value: unknown, pointer: string): void {
  if (!isObject(value) || typeof value.type !== 'string') return error(problems, 'must be an object with a type', pointer);
  if (!BLOCK_TYPES.has(value.type)) return error(problems, 'must provide a valid block type', `${pointer}/type`);
  switch (value.type) {
    case 'section':
      if (value.text === undefined && value.fields === undefined) error(problems, 'must provide text or fields', pointer);
      if (value.text !== undefined) text(problems, value.text, `${pointer}/text`, 3000);
      if (value.fields !== undefined) {
        if (!Array.isArray(value.fields) || value.fields.length > 10) error(problems, 'must be an array of at most 10 items', `${pointer}/fields`);
        else value.fields.forEach((field, i) => text(problems, field, `${pointer}/fields/${i}`, 2000));
      }
      if (value.accessory !== undefined) element(problems, value.accessory, `${pointer}/accessory`);
      break;
    case 'header':
      text(problems, value.text, `${pointer}/text`, 150, true);
      break;
    case 'context':
      if (!Array.isArray(value.elements) || value.elements.length < 1 || value.elements.length > 10) {
        error(problems, 'must provide 1 to 10 elements', `${pointer}/elements`);
      }
      break;
    case 'actions':
      if (!Array.isArray(value.elements) || value.elements.length < 1 || value.elements.length > 25) {
        error(problems, 'must provide 1 to 25 elements', `${pointer}/elements`);
      } else value.elements.forEach((item, i) => element(problems, item, `${pointer}/elements/${i}`));
      break;
    case 'input':
      text(problems, value.label, `${pointer}/label`, 2000, true);
      element(problems, value.element, `${pointer}/element`);
      break;
  }
}

/** Problems with `blocks` for a surface (an empty list: Slack would accept them). */
export function checkBlocks(blocks: unknown, surface: 'message' | 'modal' | 'home'): string[] {
  const problems: string[] = [];
  if (!Array.isArray(blocks)) {
    error(problems, 'must be an array of blocks', '/blocks');
    return problems;
  }
  const max = surface === 'message' ? 50 : 100;
  if (blocks.length > max) error(problems, `no more than ${max} items allowed`, '/blocks');
  const seen = new Set<string>();
  blocks.forEach((item, i) => {
    block(problems, item, `/blocks/${i}`);
    const id = isObject(item) ? item.block_id : undefined;
    if (id === undefined) return;
    if (typeof id !== 'string' || id.length === 0 || id.length > 255) error(problems, 'must be a string of 1 to 255 characters', `/blocks/${i}/block_id`);
    else if (seen.has(id)) error(problems, `block_id ${id} is used more than once`, `/blocks/${i}/block_id`);
    else seen.add(id);
  });
  return problems;
}

/** Problems with a view for views.open/push/update (modal) or views.publish (home). */
export function checkView(view: unknown, surface: 'modal' | 'home'): string[] {
  const problems: string[] = [];
  if (!isObject(view)) {
    error(problems, 'must be a view object', '/view');
    return problems;
  }
  if (view.type !== surface) error(problems, `must be "${surface}"`, '/view/type');
  if (surface === 'modal') {
    text(problems, view.title, '/view/title', 24, true);
    if (view.submit !== undefined) text(problems, view.submit, '/view/submit', 24, true);
    if (view.close !== undefined) text(problems, view.close, '/view/close', 24, true);
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) error(problems, 'submit is required when an input block is within the blocks array', '/view/submit');
  }
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000) {
    error(problems, 'must be less than 3001 characters', '/view/private_metadata');
  }
  if (view.callback_id !== undefined && (typeof view.callback_id !== 'string' || view.callback_id.length > 255)) {
    error(problems, 'must be a string of at most 255 characters', '/view/callback_id');
  }
  problems.push(...checkBlocks(view.blocks, surface).map((line) => line.replace('[json-pointer:/blocks', '[json-pointer:/view/blocks')));
  return problems;
}

/** Slack gives every block without a block_id one of its own; payloads then carry it. */
export function assignBlockIds(blocks: unknown, nextId: () => string): Json[] {
  if (!Array.isArray(blocks)) return [];
  return blocks.map((item) => (isObject(item) && item.block_id === undefined ? { ...item, block_id: nextId() } : item)) as Json[];
}
