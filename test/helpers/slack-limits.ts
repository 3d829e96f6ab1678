import type { HomeView, KnownBlock, ModalView } from '@slack/types';

/**
 * Checks what the app builds against Slack's documented Block Kit limits (docs.slack.dev, the
 * @slack/types JSDoc, the table in /work/shared/NOTES.md), so a view Slack would refuse fails a test
 * instead of a user's click. One generic walk over the JSON applies each rule wherever its block,
 * element or composition object appears, so new builders are covered without changes here.
 * Lengths are UTF-16 code units, like `truncate` in src/blocks/common.ts: never fewer than Slack's
 * characters. Kept in one file (past the usual ~200 lines) so every rule sits beside the walk.
 */

type Json = Record<string, unknown>;

interface Walk {
  problems: string[];
  /** block_id → where it first appeared, across the whole surface. */
  blockIds: Map<string, string>;
  /** action_id → where it first appeared, within the current top-level block. */
  actionIds: Map<string, string>;
}

const TEXT_TYPES = ['plain_text', 'mrkdwn'];
/** Options per element; Slack allows 100 in selects (and 100 option groups). */
const MAX_OPTIONS: Record<string, number> = { checkboxes: 10, radio_buttons: 10, overflow: 5 };
const MESSAGE_BLOCKS_MAX_CHARS = 12_000; // msg_blocks_too_long at about 13,000 (bolt-js issue 2509)
const VIEW_MAX_BYTES = 250_000; // view_too_large

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One problem per path: the most specific rule (a slot's own limit) runs first and wins. */
function problem(w: Walk, path: string, message: string): void {
  if (!w.problems.some((line) => line.startsWith(`${path}: `))) w.problems.push(`${path}: ${message}`);
}

function stringMax(w: Walk, value: unknown, path: string, max: number, what: string, required = false): void {
  if (value === undefined) {
    if (required) problem(w, path, `${what} is required`);
  } else if (typeof value !== 'string') problem(w, path, `${what} must be a string`);
  else if (value.length > max) problem(w, path, `${what} is ${value.length} characters (max ${max})`);
}

function countBetween(w: Walk, value: unknown, path: string, min: number, max: number, what: string): value is unknown[] {
  if (!Array.isArray(value)) {
    problem(w, path, `${what} must be an array`);
    return false;
  }
  if (value.length < min || value.length > max) problem(w, path, `${value.length} ${what} (allowed ${min}–${max})`);
  return true;
}

/** A text object in a named slot: of an allowed type, within `max`. (Emptiness: see textObject.) */
function textSlot(
  w: Walk,
  value: unknown,
  path: string,
  max: number,
  what: string,
  { plainOnly = false, required = false } = {},
): void {
  if (value === undefined) {
    if (required) problem(w, path, `${what} is required`);
    return;
  }
  const allowed = plainOnly ? ['plain_text'] : TEXT_TYPES;
  if (!isObject(value) || !allowed.includes(String(value.type))) {
    problem(w, path, `${what} must be a ${allowed.join(' or ')} text object`);
    return;
  }
  stringMax(w, value.text, `${path}.text`, max, what);
}

/** Every text object, wherever it is: non-empty text, at most 3000, type-specific flags only. */
function textObject(w: Walk, node: Json, path: string): void {
  if (typeof node.text !== 'string' || node.text.trim() === '') problem(w, `${path}.text`, 'text object has empty text');
  else stringMax(w, node.text, `${path}.text`, 3000, 'text');
  if (node.type === 'mrkdwn' && node.emoji !== undefined) problem(w, `${path}.emoji`, 'emoji is only allowed on plain_text');
  if (node.type === 'plain_text' && node.verbatim !== undefined) problem(w, `${path}.verbatim`, 'verbatim is only allowed on mrkdwn');
}

function option(w: Walk, node: unknown, path: string, plainOnly: boolean): void {
  if (!isObject(node)) return problem(w, path, 'option must be an object');
  textSlot(w, node.text, `${path}.text`, 75, 'option text', { plainOnly, required: true });
  stringMax(w, node.value, `${path}.value`, 75, 'option value', true);
  textSlot(w, node.description, `${path}.description`, 75, 'option description', { plainOnly });
  stringMax(w, node.url, `${path}.url`, 3000, 'option url');
}

/** options / option_groups of any element, and initial_option(s) among them (compared by value). */
function options(w: Walk, node: Json, path: string): void {
  const type = String(node.type);
  const plainOnly = type !== 'checkboxes' && type !== 'radio_buttons';
  const all: Json[] = [];
  if (node.options !== undefined && node.option_groups !== undefined) problem(w, path, 'has both options and option_groups');
  if (node.options !== undefined && countBetween(w, node.options, `${path}.options`, 1, MAX_OPTIONS[type] ?? 100, `options in ${type}`)) {
    node.options.forEach((item, i) => option(w, item, `${path}.options[${i}]`, plainOnly));
    all.push(...node.options.filter(isObject));
  }
  if (node.option_groups !== undefined && countBetween(w, node.option_groups, `${path}.option_groups`, 1, 100, 'option groups')) {
    node.option_groups.forEach((group, g) => {
      const at = `${path}.option_groups[${g}]`;
      if (!isObject(group)) return problem(w, at, 'option group must be an object');
      textSlot(w, group.label, `${at}.label`, 75, 'option group label', { plainOnly: true, required: true });
      if (countBetween(w, group.options, `${at}.options`, 1, 100, 'options in group')) {
        group.options.forEach((item, i) => option(w, item, `${at}.options[${i}]`, plainOnly));
        all.push(...group.options.filter(isObject));
      }
    });
  }
  const values = new Set(all.map((item) => item.value));
  const among = (chosen: unknown, at: string) => {
    if (!isObject(chosen) || !values.has(chosen.value)) problem(w, at, `initial option ${JSON.stringify(isObject(chosen) ? chosen.value : chosen)} is not among the options`);
  };
  if (node.initial_option !== undefined) among(node.initial_option, `${path}.initial_option`);
  if (Array.isArray(node.initial_options)) node.initial_options.forEach((chosen, i) => among(chosen, `${path}.initial_options[${i}]`));
}

function confirmDialog(w: Walk, node: unknown, path: string): void {
  if (!isObject(node)) return problem(w, path, 'confirm must be a confirmation dialog object');
  textSlot(w, node.title, `${path}.title`, 100, 'confirm title', { plainOnly: true, required: true });
  textSlot(w, node.text, `${path}.text`, 300, 'confirm text', { required: true });
  textSlot(w, node.confirm, `${path}.confirm`, 30, 'confirm button', { plainOnly: true, required: true });
  textSlot(w, node.deny, `${path}.deny`, 30, 'deny button', { plainOnly: true, required: true });
}

function style(w: Walk, node: Json, path: string): void {
  if (node.style !== undefined && node.style !== 'primary' && node.style !== 'danger') problem(w, `${path}.style`, 'style must be primary or danger');
}

function numberField(w: Walk, node: Json, key: string, path: string): number | undefined {
  const raw = node[key];
  if (raw === undefined) return undefined;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value)) problem(w, `${path}.${key}`, `${key} must be a number in a string`);
  else if (node.is_decimal_allowed !== true && !Number.isInteger(value)) problem(w, `${path}.${key}`, `${key} must be a whole number`);
  return Number.isFinite(value) ? value : undefined;
}

/** Rules by `type`: blocks and elements. Anything else is still walked for its text objects. */
const RULES: Record<string, (w: Walk, node: Json, path: string) => void> = {
  section(w, node, path) {
    if (node.text === undefined && node.fields === undefined) problem(w, path, 'section needs text or fields');
    textSlot(w, node.text, `${path}.text`, 3000, 'section text');
    if (node.fields !== undefined && countBetween(w, node.fields, `${path}.fields`, 1, 10, 'section fields')) {
      node.fields.forEach((item, i) => textSlot(w, item, `${path}.fields[${i}]`, 2000, 'section field', { required: true }));
    }
  },
  header(w, node, path) {
    textSlot(w, node.text, `${path}.text`, 150, 'header text', { plainOnly: true, required: true });
  },
  context(w, node, path) {
    if (countBetween(w, node.elements, `${path}.elements`, 1, 10, 'context elements')) {
      node.elements.forEach((item, i) => {
        if (!isObject(item) || !['image', ...TEXT_TYPES].includes(String(item.type))) problem(w, `${path}.elements[${i}]`, 'context element must be image, plain_text or mrkdwn');
      });
    }
  },
  actions(w, node, path) {
    countBetween(w, node.elements, `${path}.elements`, 1, 25, 'actions elements');
  },
  input(w, node, path) {
    textSlot(w, node.label, `${path}.label`, 2000, 'input label', { plainOnly: true, required: true });
    textSlot(w, node.hint, `${path}.hint`, 2000, 'input hint', { plainOnly: true });
    if (!isObject(node.element)) problem(w, `${path}.element`, 'input element is required');
  },
  image(w, node, path) {
    stringMax(w, node.alt_text, `${path}.alt_text`, 2000, 'image alt_text', true);
    stringMax(w, node.image_url, `${path}.image_url`, 3000, 'image_url');
    textSlot(w, node.title, `${path}.title`, 2000, 'image title', { plainOnly: true });
  },
  markdown(w, node, path) {
    stringMax(w, node.text, `${path}.text`, 12_000, 'markdown text', true);
  },
  button(w, node, path) {
    textSlot(w, node.text, `${path}.text`, 75, 'button text', { plainOnly: true, required: true });
    stringMax(w, node.value, `${path}.value`, 2000, 'button value');
    stringMax(w, node.url, `${path}.url`, 3000, 'button url');
    stringMax(w, node.accessibility_label, `${path}.accessibility_label`, 75, 'button accessibility_label');
    style(w, node, path);
  },
  plain_text_input(w, node, path) {
    const max = node.max_length ?? 3000;
    const min = node.min_length ?? 0;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 3000) problem(w, `${path}.max_length`, `max_length ${String(max)} (allowed 1–3000)`);
    if (typeof min !== 'number' || !Number.isInteger(min) || min < 0 || min > 3000 || (typeof max === 'number' && min > max)) {
      problem(w, `${path}.min_length`, `min_length ${String(min)} (allowed 0–3000 and at most max_length)`);
    }
    if (typeof max === 'number') stringMax(w, node.initial_value, `${path}.initial_value`, Math.min(max, 3000), 'initial_value (max_length)');
  },
  number_input(w, node, path) {
    const min = numberField(w, node, 'min_value', path);
    const max = numberField(w, node, 'max_value', path);
    const initial = numberField(w, node, 'initial_value', path);
    if (min !== undefined && max !== undefined && max < min) problem(w, `${path}.max_value`, `max_value ${max} is less than min_value ${min}`);
    if (initial !== undefined && ((min !== undefined && initial < min) || (max !== undefined && initial > max))) {
      problem(w, `${path}.initial_value`, `initial_value ${initial} is outside ${min ?? '−∞'}–${max ?? '∞'}`);
    }
  },
};

function walk(w: Walk, node: unknown, path: string): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(w, item, `${path}[${i}]`));
    return;
  }
  if (!isObject(node)) return;
  const type = typeof node.type === 'string' ? node.type : undefined;
  if (type !== undefined && TEXT_TYPES.includes(type)) textObject(w, node, path);
  if (node.block_id !== undefined) {
    stringMax(w, node.block_id, `${path}.block_id`, 255, 'block_id');
    const first = w.blockIds.get(String(node.block_id));
    if (first !== undefined) problem(w, `${path}.block_id`, `block_id ${JSON.stringify(node.block_id)} repeats ${first}`);
    else w.blockIds.set(String(node.block_id), `${path}.block_id`);
  }
  if (node.action_id !== undefined) {
    stringMax(w, node.action_id, `${path}.action_id`, 255, 'action_id');
    if (node.action_id === '') problem(w, `${path}.action_id`, 'action_id is empty');
    const first = w.actionIds.get(String(node.action_id));
    if (first !== undefined) problem(w, `${path}.action_id`, `action_id ${JSON.stringify(node.action_id)} repeats ${first} in the same block`);
    else w.actionIds.set(String(node.action_id), `${path}.action_id`);
  }
  if (type !== undefined && !TEXT_TYPES.includes(type)) {
    if (node.placeholder !== undefined) textSlot(w, node.placeholder, `${path}.placeholder`, 150, 'placeholder', { plainOnly: true });
    if (node.confirm !== undefined) confirmDialog(w, node.confirm, `${path}.confirm`);
    if (node.options !== undefined || node.option_groups !== undefined) options(w, node, path);
    if (type.startsWith('multi_') && node.max_selected_items !== undefined) {
      const max = node.max_selected_items;
      if (typeof max !== 'number' || max < 1) problem(w, `${path}.max_selected_items`, 'max_selected_items must be at least 1');
      else if (Array.isArray(node.initial_options) && node.initial_options.length > max) {
        problem(w, `${path}.initial_options`, `${node.initial_options.length} initial options (max_selected_items ${max})`);
      }
    }
    RULES[type]?.(w, node, path);
  }
  for (const [key, value] of Object.entries(node)) walk(w, value, `${path}.${key}`);
}

function blocks(w: Walk, value: unknown, path: string, max: number): void {
  if (!countBetween(w, value, path, 0, max, 'blocks')) return;
  value.forEach((block, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(block) || typeof block.type !== 'string') problem(w, at, 'block needs a type');
    w.actionIds = new Map();
    walk(w, block, at);
  });
}

function newWalk(): Walk {
  return { problems: [], blockIds: new Map(), actionIds: new Map() };
}

function view(w: Walk, surface: Json): void {
  stringMax(w, surface.callback_id, '$.callback_id', 255, 'callback_id');
  stringMax(w, surface.private_metadata, '$.private_metadata', 3000, 'private_metadata');
  stringMax(w, surface.external_id, '$.external_id', 255, 'external_id');
  for (const [key, value] of Object.entries(surface)) if (key !== 'blocks') walk(w, value, `$.${key}`);
  blocks(w, surface.blocks, '$.blocks', 100);
  const bytes = Buffer.byteLength(JSON.stringify(surface));
  if (bytes >= VIEW_MAX_BYTES) problem(w, '$', `view JSON is ${bytes} bytes (must stay under 250 kB: view_too_large)`);
}

function report(what: string, w: Walk): void {
  if (w.problems.length > 0) {
    throw new Error(`${what} breaks ${w.problems.length} Slack limit(s):\n  ${w.problems.join('\n  ')}`);
  }
}

export function assertValidModal(modal: ModalView): void {
  const w = newWalk();
  const surface = modal as unknown as Json;
  if (surface.type !== 'modal') problem(w, '$.type', 'type must be modal');
  textSlot(w, surface.title, '$.title', 24, 'modal title', { plainOnly: true, required: true });
  textSlot(w, surface.submit, '$.submit', 24, 'modal submit', { plainOnly: true });
  textSlot(w, surface.close, '$.close', 24, 'modal close', { plainOnly: true });
  const hasInput = Array.isArray(surface.blocks) && surface.blocks.some((block) => isObject(block) && block.type === 'input');
  if (hasInput && surface.submit === undefined) problem(w, '$.submit', 'submit is required when the modal has an input block');
  view(w, surface);
  report('Modal', w);
}

export function assertValidHome(home: HomeView): void {
  const w = newWalk();
  const surface = home as unknown as Json;
  if (surface.type !== 'home') problem(w, '$.type', 'type must be home');
  view(w, surface);
  report('Home view', w);
}

/** `text` is the notification fallback sent beside the blocks, if any. */
export function assertValidMessage(messageBlocks: KnownBlock[], text?: string): void {
  const w = newWalk();
  if (text !== undefined) {
    if (text.trim() === '') problem(w, '$.text', 'fallback text is empty');
    else stringMax(w, text, '$.text', 40_000, 'fallback text (Slack truncates past 40,000)');
  }
  blocks(w, messageBlocks, '$.blocks', 50);
  const chars = JSON.stringify(messageBlocks).length;
  if (chars > MESSAGE_BLOCKS_MAX_CHARS) {
    problem(w, '$.blocks', `blocks JSON is ${chars} characters (keep under ${MESSAGE_BLOCKS_MAX_CHARS}: msg_blocks_too_long near 13,000)`);
  }
  report('Message', w);
}
