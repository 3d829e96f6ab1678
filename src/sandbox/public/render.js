// Block Kit → HTML strings. Interactive elements carry data-* attributes that app.js reads: a button
// or a choice outside input blocks sends block_actions (data-act); every stateful control is collected
// into `state` (data-input), as Slack does for view_submission and block_actions.
import { escapeHtml, renderMrkdwn, renderText, toLocalInput } from './mrkdwn.js';

export { escapeHtml, renderMrkdwn, renderText } from './mrkdwn.js';

const attr = (value) => escapeHtml(value ?? '');

function optionsOf(element) {
  if (Array.isArray(element.options)) return element.options;
  if (Array.isArray(element.option_groups)) return element.option_groups.flatMap((group) => group.options ?? []);
  return [];
}

const optionLabel = (option) => escapeHtml(option.text?.text ?? option.value);

/** The data-* attributes that name an element for block_actions and state. */
function ids(block, element, extra = '') {
  return `data-block-id="${attr(block.block_id)}" data-action-id="${attr(element.action_id)}" data-type="${attr(element.type)}"${extra}`;
}

/** <option>s; a placeholder option first unless `placeholder` is null (multi-selects have none). */
function selectOptions(items, chosen, placeholder) {
  const none = placeholder === null ? '' : `<option value="">${escapeHtml(placeholder)}</option>`;
  const isChosen = (value) => value !== undefined && chosen.includes(value);
  return none + items.map(({ value, label }) => `<option value="${attr(value)}"${isChosen(value) ? ' selected' : ''}>${escapeHtml(label)}</option>`).join('');
}

/** Who a users_select offers, and which conversations a conversations_select offers. */
function people(view) {
  return [...(view.users?.entries() ?? [])].filter(([, u]) => !u.isBot).map(([id, u]) => ({ value: id, label: `${u.realName} (@${u.name})` }));
}
function conversationChoices(view, element) {
  const include = element.filter?.include ?? ['public', 'private', 'im', 'mpim'];
  return [...(view.conversations?.entries() ?? [])]
    .filter(([, c]) => include.includes(c.kind))
    .map(([id, c]) => ({ value: id, label: c.kind === 'public' || c.kind === 'private' ? `#${c.name}` : c.label }));
}

/**
 * One element. `mode` is 'input' inside an input block (state only, collected on submit) or
 * 'action' elsewhere (a choice sends block_actions at once).
 */
export function renderElement(block, element, view, mode) {
  if (!element) return '';
  const act = mode === 'action' || element.dispatch_action ? ' data-act="change"' : '';
  // Every stateful element is collected into `state`, wherever it sits.
  const input = ' data-input="1"';
  const placeholder = element.placeholder?.text ?? (element.type.endsWith('select') ? (view.locale?.startsWith('ja') ? '選択してください' : 'Select an option') : '');
  const name = `${view.scope ?? 's'}:${block.block_id}:${element.action_id}`;
  switch (element.type) {
    case 'button': {
      const confirm = element.confirm ? ` data-confirm="${attr(JSON.stringify(element.confirm))}"` : '';
      const url = element.url ? ` data-url="${attr(element.url)}"` : '';
      const style = element.style ? ` ${attr(element.style)}` : '';
      return `<button type="button" class="bk-button${style}" data-act="click" ${ids(block, element, confirm + url)}>${renderText(element.text, view)}${element.url ? ' ↗' : ''}</button>`;
    }
    case 'overflow':
      return `<select class="bk-overflow" data-act="change" aria-label="More" ${ids(block, element)}>${selectOptions(optionsOf(element).map((o) => ({ value: o.value, label: o.text?.text ?? o.value })), [], '⋯')}</select>`;
    case 'static_select':
    case 'multi_static_select': {
      const multiple = element.type === 'multi_static_select';
      const chosen = multiple ? (element.initial_options ?? []).map((o) => o.value) : [element.initial_option?.value];
      const items = optionsOf(element).map((o) => ({ value: o.value, label: o.text?.text ?? o.value }));
      const size = multiple ? ` multiple size="${Math.min(6, items.length)}"` : '';
      return `<select class="bk-select"${size}${act}${input} ${ids(block, element)}>${selectOptions(items, chosen, multiple ? null : placeholder)}</select>`;
    }
    case 'users_select':
      return `<select class="bk-select"${act}${input} ${ids(block, element)}>${selectOptions(people(view), [element.initial_user], placeholder)}</select>`;
    case 'conversations_select':
    case 'channels_select':
      return `<select class="bk-select"${act}${input} ${ids(block, element)}>${selectOptions(conversationChoices(view, element), [element.initial_conversation ?? element.initial_channel], placeholder)}</select>`;
    case 'checkboxes':
    case 'radio_buttons': {
      const type = element.type === 'checkboxes' ? 'checkbox' : 'radio';
      const chosen = type === 'checkbox' ? (element.initial_options ?? []).map((o) => o.value) : [element.initial_option?.value];
      const items = optionsOf(element)
        .map(
          (o) =>
            `<label class="bk-choice"><input type="${type}" name="${attr(name)}" value="${attr(o.value)}"${chosen.includes(o.value) ? ' checked' : ''}><span>${renderText(o.text, view)}${o.description ? `<small>${renderText(o.description, view)}</small>` : ''}</span></label>`,
        )
        .join('');
      return `<div class="bk-choices"${act}${input} ${ids(block, element)}>${items}</div>`;
    }
    case 'datepicker':
      return `<input type="date" class="bk-field"${act}${input} ${ids(block, element)} value="${attr(element.initial_date)}">`;
    case 'timepicker':
      return `<input type="time" class="bk-field"${act}${input} ${ids(block, element)} value="${attr(element.initial_time)}">`;
    case 'datetimepicker': {
      const value = element.initial_date_time ? toLocalInput(element.initial_date_time, view.tz) : '';
      return `<input type="datetime-local" class="bk-field"${act}${input} ${ids(block, element)} value="${attr(value)}">`;
    }
    case 'plain_text_input':
      return element.multiline
        ? `<textarea class="bk-field" rows="4"${input} ${ids(block, element)} placeholder="${attr(placeholder)}"${element.max_length ? ` data-max="${element.max_length}"` : ''}>${escapeHtml(element.initial_value ?? '')}</textarea>`
        : `<input type="text" class="bk-field"${input} ${ids(block, element)} placeholder="${attr(placeholder)}" value="${attr(element.initial_value)}">`;
    case 'number_input':
      return `<input type="text" inputmode="${element.is_decimal_allowed ? 'decimal' : 'numeric'}" class="bk-field bk-number"${input} ${ids(block, element)} placeholder="${attr(placeholder)}" value="${attr(element.initial_value)}">`;
    case 'email_text_input':
    case 'url_text_input':
      return `<input type="${element.type === 'email_text_input' ? 'email' : 'url'}" class="bk-field"${input} ${ids(block, element)} placeholder="${attr(placeholder)}" value="${attr(element.initial_value)}">`;
    case 'image':
      return `<img class="bk-thumb" src="${attr(element.image_url)}" alt="${attr(element.alt_text)}">`;
    default:
      return `<span class="bk-unknown">[${escapeHtml(element.type)}]</span>`;
  }
}

function richText(element) {
  const walk = (node) => {
    if (node.type === 'text') return escapeHtml(node.text ?? '');
    if (node.type === 'link') return `<a href="${attr(node.url)}" target="_blank" rel="noopener">${escapeHtml(node.text ?? node.url)}</a>`;
    if (node.type === 'user') return `<span class="mention">@${escapeHtml(node.user_id)}</span>`;
    return (node.elements ?? []).map(walk).join(node.type === 'rich_text_list' ? '<br>' : '');
  };
  return walk(element).replace(/\n/g, '<br>');
}

/** One block; `view.errors` (block_id → message) shows under input blocks. */
export function renderBlock(block, view) {
  switch (block.type) {
    case 'header':
      return `<h3 class="bk-header">${renderText(block.text, view)}</h3>`;
    case 'divider':
      return '<hr class="bk-divider">';
    case 'section': {
      const fields = block.fields ? `<div class="bk-fields">${block.fields.map((f) => `<div>${renderText(f, view)}</div>`).join('')}</div>` : '';
      const accessory = block.accessory ? `<div class="bk-accessory">${renderElement(block, block.accessory, view, 'action')}</div>` : '';
      return `<div class="bk-section"><div class="bk-section-body">${block.text ? `<div class="bk-text">${renderText(block.text, view)}</div>` : ''}${fields}</div>${accessory}</div>`;
    }
    case 'context':
      return `<div class="bk-context">${(block.elements ?? [])
        .map((e) => (e.type === 'image' ? `<img class="bk-context-img" src="${attr(e.image_url)}" alt="${attr(e.alt_text)}">` : `<span>${renderText(e, view)}</span>`))
        .join('')}</div>`;
    case 'actions':
      return `<div class="bk-actions">${(block.elements ?? []).map((e) => renderElement(block, e, view, 'action')).join('')}</div>`;
    case 'input': {
      const error = view.errors?.[block.block_id];
      return `<div class="bk-input${error ? ' has-error' : ''}" data-input-block="${attr(block.block_id)}">
        <label class="bk-label">${renderText(block.label, view)}${block.optional ? ` <span class="bk-optional">${view.locale?.startsWith('ja') ? '（任意）' : '(optional)'}</span>` : ''}</label>
        ${renderElement(block, block.element, view, 'input')}
        ${block.hint ? `<div class="bk-hint">${renderText(block.hint, view)}</div>` : ''}
        <div class="bk-error" data-error-for="${attr(block.block_id)}">${error ? escapeHtml(error) : ''}</div>
      </div>`;
    }
    case 'image':
      return `<figure class="bk-image">${block.title ? `<figcaption>${renderText(block.title, view)}</figcaption>` : ''}<img src="${attr(block.image_url)}" alt="${attr(block.alt_text)}"></figure>`;
    case 'rich_text':
      return `<div class="bk-text">${richText(block)}</div>`;
    case 'markdown':
      return `<div class="bk-text">${renderMrkdwn(block.text, view)}</div>`;
    default:
      return `<div class="bk-unknown">[${escapeHtml(block.type)} block]</div>`;
  }
}

export function renderBlocks(blocks, view) {
  return (blocks ?? []).map((block) => renderBlock(block, view)).join('');
}
