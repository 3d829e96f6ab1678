/**
 * The values of interactive elements, in Slack's `state.values` shape, from what the page says the
 * user entered (or each element's initial value when it says nothing), and the checks Slack's own
 * client makes before it sends a submission (required fields, numbers, lengths).
 */
type Json = Record<string, any>;

/** What the page sends for one element: the raw choice, whatever the element's type. */
export interface EnteredValue {
  value?: string | null;
  selected?: string | string[] | null;
  user?: string | null;
  users?: string[];
  conversation?: string | null;
  conversations?: string[];
  date?: string | null;
  time?: string | null;
  /** Unix seconds. */
  dateTime?: number | null;
}

/** block_id → action_id → entered value. */
export type Entered = Record<string, Record<string, EnteredValue>>;
export type StateValues = Record<string, Record<string, Json>>;

const STATEFUL = new Set([
  'plain_text_input', 'number_input', 'email_text_input', 'url_text_input', 'static_select', 'multi_static_select',
  'users_select', 'multi_users_select', 'conversations_select', 'multi_conversations_select', 'channels_select',
  'checkboxes', 'radio_buttons', 'datepicker', 'timepicker', 'datetimepicker', 'overflow',
]);

/** Every option of an element, option groups flattened. */
export function optionsOf(element: Json): Json[] {
  if (Array.isArray(element.options)) return element.options;
  if (Array.isArray(element.option_groups)) return element.option_groups.flatMap((group: Json) => group.options ?? []);
  return [];
}

const asList = (value: string | string[] | null | undefined): string[] =>
  value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
const blankToNull = (value: string | null | undefined) => (value === undefined || value === null || value === '' ? null : value);

/** One element's state entry, e.g. `{ type: 'static_select', selected_option: {…} }`. */
export function elementState(element: Json, entered: EnteredValue | undefined): Json {
  const type = String(element.type);
  const pick = (values: string[]) => optionsOf(element).filter((option) => values.includes(option.value));
  const has = (key: keyof EnteredValue) => entered !== undefined && key in entered;
  switch (type) {
    case 'plain_text_input':
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input':
      return { type, value: has('value') ? blankToNull(entered!.value) : (element.initial_value ?? null) };
    case 'static_select':
    case 'radio_buttons':
    case 'overflow': {
      const chosen = has('selected') ? asList(entered!.selected) : asList(element.initial_option?.value);
      return { type, selected_option: pick(chosen)[0] ?? null };
    }
    case 'multi_static_select':
    case 'checkboxes': {
      const chosen = has('selected') ? asList(entered!.selected) : (element.initial_options ?? []).map((o: Json) => o.value);
      return { type, selected_options: pick(chosen) };
    }
    case 'users_select':
      return { type, selected_user: has('user') ? blankToNull(entered!.user) : (element.initial_user ?? null) };
    case 'multi_users_select':
      return { type, selected_users: has('users') ? entered!.users : (element.initial_users ?? []) };
    case 'conversations_select':
      return { type, selected_conversation: has('conversation') ? blankToNull(entered!.conversation) : (element.initial_conversation ?? null) };
    case 'multi_conversations_select':
      return { type, selected_conversations: has('conversations') ? entered!.conversations : (element.initial_conversations ?? []) };
    case 'channels_select':
      return { type, selected_channel: has('conversation') ? blankToNull(entered!.conversation) : (element.initial_channel ?? null) };
    case 'datepicker':
      return { type, selected_date: has('date') ? blankToNull(entered!.date) : (element.initial_date ?? null) };
    case 'timepicker':
      return { type, selected_time: has('time') ? blankToNull(entered!.time) : (element.initial_time ?? null) };
    case 'datetimepicker':
      return { type, selected_date_time: has('dateTime') ? (entered!.dateTime ?? null) : (element.initial_date_time ?? null) };
    default:
      return { type };
  }
}

/** The stateful elements of some blocks, with their block. */
export function statefulElements(blocks: Json[]): Array<{ block: Json; element: Json }> {
  const found: Array<{ block: Json; element: Json }> = [];
  for (const block of blocks ?? []) {
    const candidates = block.type === 'input' ? [block.element] : block.type === 'actions' ? block.elements : block.type === 'section' ? [block.accessory] : [];
    for (const element of candidates ?? []) {
      if (element && STATEFUL.has(element.type) && typeof element.action_id === 'string') found.push({ block, element });
    }
  }
  return found;
}

/** `state.values` for a view or a message. Overflow menus hold no state between clicks. */
export function stateValues(blocks: Json[], entered: Entered = {}): StateValues {
  const values: StateValues = {};
  for (const { block, element } of statefulElements(blocks)) {
    if (element.type === 'overflow') continue;
    (values[block.block_id] ??= {})[element.action_id] = elementState(element, entered[block.block_id]?.[element.action_id]);
  }
  return values;
}

function isEmpty(state: Json): boolean {
  if ('value' in state) return state.value === null;
  if ('selected_option' in state) return state.selected_option === null;
  if ('selected_options' in state) return state.selected_options.length === 0;
  const [, first] = Object.entries(state).find(([key]) => key.startsWith('selected_')) ?? [];
  return first === null || first === undefined || (Array.isArray(first) && first.length === 0);
}

/** What Slack's client refuses before sending: block_id → message, in the viewer's language. */
export function clientChecks(blocks: Json[], values: StateValues, locale: string): Record<string, string> {
  const ja = locale.startsWith('ja');
  const errors: Record<string, string> = {};
  for (const block of blocks ?? []) {
    if (block.type !== 'input' || !block.element) continue;
    const element = block.element;
    const state = values[block.block_id]?.[element.action_id];
    if (!state) continue;
    if (isEmpty(state)) {
      if (!block.optional) errors[block.block_id] = ja ? 'この項目は必須です。' : 'This field is required.';
      continue;
    }
    if (element.type === 'number_input') {
      const number = Number(state.value);
      if (!Number.isFinite(number)) errors[block.block_id] = ja ? '数値を入力してください。' : 'Please enter a number.';
      else if (!element.is_decimal_allowed && !Number.isInteger(number)) errors[block.block_id] = ja ? '整数を入力してください。' : 'Please enter a whole number.';
      else if (element.min_value !== undefined && number < Number(element.min_value)) {
        errors[block.block_id] = ja ? `${element.min_value} 以上の数値を入力してください。` : `Please enter a number of at least ${element.min_value}.`;
      } else if (element.max_value !== undefined && number > Number(element.max_value)) {
        errors[block.block_id] = ja ? `${element.max_value} 以下の数値を入力してください。` : `Please enter a number of at most ${element.max_value}.`;
      }
    }
    if (element.type === 'plain_text_input' && typeof state.value === 'string') {
      const length = [...state.value].length;
      if (element.max_length !== undefined && length > element.max_length) {
        errors[block.block_id] = ja ? `${element.max_length} 文字以内で入力してください。` : `Please use at most ${element.max_length} characters.`;
      } else if (element.min_length !== undefined && length < element.min_length) {
        errors[block.block_id] = ja ? `${element.min_length} 文字以上で入力してください。` : `Please use at least ${element.min_length} characters.`;
      }
    }
  }
  return errors;
}
