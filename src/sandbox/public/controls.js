// Reading what a person entered into Block Kit controls, in the shape the stand-in expects
// (block_id → action_id → value), and the small dialogs the page needs.
import { label } from './labels.js';
import { escapeHtml, fromLocalInput, renderText } from './mrkdwn.js';

/** What one control holds now. */
export function readValue(el, tz) {
  const type = el.dataset.type;
  switch (type) {
    case 'plain_text_input':
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input':
      return { value: el.value };
    case 'static_select':
    case 'overflow':
      return { selected: el.value || null };
    case 'multi_static_select':
      return { selected: [...el.selectedOptions].map((o) => o.value).filter(Boolean) };
    case 'users_select':
      return { user: el.value || null };
    case 'conversations_select':
    case 'channels_select':
      return { conversation: el.value || null };
    case 'checkboxes':
      return { selected: [...el.querySelectorAll('input:checked')].map((i) => i.value) };
    case 'radio_buttons':
      return { selected: el.querySelector('input:checked')?.value ?? null };
    case 'datepicker':
      return { date: el.value || null };
    case 'timepicker':
      return { time: el.value || null };
    case 'datetimepicker':
      return { dateTime: fromLocalInput(el.value, tz) };
    default:
      return {};
  }
}

/** Every control inside a message or view. */
export function collectInputs(container, tz) {
  const entered = {};
  for (const el of container.querySelectorAll('[data-input]')) {
    (entered[el.dataset.blockId] ??= {})[el.dataset.actionId] = readValue(el, tz);
  }
  return entered;
}

/** Shows field errors (block_id → message) without touching what was typed. */
export function showErrors(container, errors = {}) {
  for (const slot of container.querySelectorAll('[data-error-for]')) {
    const message = errors[slot.dataset.errorFor] ?? '';
    slot.textContent = message;
    slot.closest('.bk-input')?.classList.toggle('has-error', message !== '');
  }
}

/** A Block Kit confirmation dialog; resolves true on confirm. */
export function confirmDialog(confirm, view) {
  const layer = document.getElementById('dialog-layer');
  layer.innerHTML = `<div class="modal-backdrop"><div class="modal dialog" role="alertdialog">
    <header><h2>${renderText(confirm.title, view)}</h2></header>
    <div class="modal-body">${renderText(confirm.text, view)}</div>
    <footer><button type="button" data-answer="no">${escapeHtml(confirm.deny?.text ?? label('cancel'))}</button>
    <button type="button" class="primary ${confirm.style === 'danger' ? 'danger' : ''}" data-answer="yes">${escapeHtml(confirm.confirm?.text ?? label('ok'))}</button></footer>
  </div></div>`;
  return new Promise((resolve) => {
    layer.querySelector('.dialog').addEventListener('click', (event) => {
      const answer = event.target.closest('[data-answer]')?.dataset.answer;
      if (!answer) return;
      layer.innerHTML = '';
      resolve(answer === 'yes');
    });
  });
}

/** A short-lived message at the corner of the page. */
export function toast(text, level = 'error') {
  const box = document.getElementById('toasts');
  const item = document.createElement('div');
  item.className = `toast ${level}`;
  item.textContent = text;
  box.append(item);
  setTimeout(() => item.remove(), 6000);
}
