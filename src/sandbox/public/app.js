// The sandbox page: a small Slack client for one persona at a time. It renders the stand-in's
// snapshot (GET /sandbox/state), refreshes on every server-sent change, and turns clicks, choices,
// submissions and typed commands into the stand-in's /sandbox/* calls.
import { collectInputs, confirmDialog, readValue, showErrors, toast } from './controls.js';
import { label } from './labels.js';
import { escapeHtml, renderMrkdwn, zonedParts } from './mrkdwn.js';
import { renderBlocks } from './render.js';

const params = new URLSearchParams(location.search);
const page = { me: params.get('as') ?? '', at: params.get('c') ?? '', appTab: 'home', seen: {}, shown: {}, dismissed: new Set() };
let state;

const $ = (selector) => document.querySelector(selector);
const meUser = () => state.users.find((u) => u.id === page.me);
const tz = () => meUser()?.tz ?? 'Asia/Tokyo';

async function post(name, body) {
  const response = await fetch(`/sandbox/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ as: page.me, ...body }) });
  const result = await response.json();
  if (!result.ok) toast(`${name}: ${result.error}`);
  return result;
}

/** What the renderers need to know about the reader. */
function viewContext(extra = {}) {
  const me = meUser();
  return {
    users: new Map(state.users.map((u) => [u.id, u])),
    conversations: new Map(state.conversations.map((c) => [c.id, c])),
    tz: me?.tz ?? 'Asia/Tokyo',
    locale: me?.locale ?? 'en-US',
    now: state.clock.now,
    ...extra,
  };
}

let loading = false;
let again = false;
async function refresh() {
  if (loading) return void (again = true);
  loading = true;
  try {
    state = await (await fetch(`/sandbox/state?as=${encodeURIComponent(page.me)}`)).json();
    if (!meUser()) {
      page.me = state.users.find((u) => !u.isBot)?.id ?? '';
      return void (again = true);
    }
    if (page.at !== 'app' && !state.conversations.some((c) => c.id === page.at)) page.at = state.conversations.find((c) => c.kind === 'public')?.id ?? 'app';
    render();
    if (!page.started) {
      page.started = true;
      if (page.at === 'app') void post('home', { tab: page.appTab });
    }
  } finally {
    loading = false;
    if (again) {
      again = false;
      void refresh();
    }
  }
}

function setOnce(element, html) {
  if (page.shown[element.id] === html) return false;
  page.shown[element.id] = html;
  element.innerHTML = html;
  return true;
}

function render() {
  history.replaceState(null, '', `?as=${encodeURIComponent(page.me)}&c=${encodeURIComponent(page.at)}`);
  setOnce($('#persona'), state.users.filter((u) => !u.isBot).map((u) => `<option value="${u.id}"${u.id === page.me ? ' selected' : ''}>${escapeHtml(u.realName)} — ${escapeHtml(u.title ?? '')}</option>`).join(''));
  renderClock();
  renderSidebar();
  renderPane();
  renderModal();
  renderNotices();
  const failed = state.calls.filter((c) => !c.ok).length;
  setOnce($('#calls-summary'), `${label('webApiCalls')}${failed ? ` <span class="failed">(${failed} ${label('failed')})</span>` : ''}`);
  setOnce($('#calls-list'), state.calls.slice().reverse().map((c) => `<li class="${c.ok ? 'ok' : 'failed'}">${escapeHtml(c.method)}${c.ok ? '' : ` → ${escapeHtml(c.error)}`}</li>`).join(''));
}

function formatTime(epochMs, withDate) {
  const p = zonedParts(epochMs, tz());
  const time = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return withDate ? `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')} ${time}` : time;
}

/** How far the clock is ahead of real time: +3 d 4 h. */
function formatLead(offsetMs) {
  const hours = Math.round(offsetMs / 3_600_000);
  const days = Math.floor(hours / 24);
  return `+${days ? `${days} d ` : ''}${hours % 24} h`;
}

/** The sandbox time, which the app's clock follows, and the buttons that move it on. */
function renderClock() {
  const { now, offsetMs } = state.clock;
  const next = state.scheduled[0];
  const ahead = offsetMs >= 1_800_000 ? ` <span class="ahead">(${formatLead(offsetMs)})</span>` : '';
  setOnce($('#clock'), `<span class="now">🕒 ${escapeHtml(label('sandboxTime'))}: <b>${formatTime(now, true)}</b>${ahead}</span>
    <button type="button" data-ff="3600">${label('plusHour')}</button><button type="button" data-ff="86400">${label('plusDay')}</button><button type="button" data-ff="604800">${label('plusWeek')}</button>
    ${next ? `<button type="button" data-ff="${Math.max(1, Math.ceil(next.postAt - now / 1000))}" title="${escapeHtml(next.text)}">⏭ ${label('nextScheduled')} (${state.scheduled.length})</button>` : `<span class="muted">${label('nothingScheduled')}</span>`}
    <span class="muted">${escapeHtml(label('clockHint'))}</span>`);
}

function renderSidebar() {
  const count = (id) => (state.messages[id] ?? []).length;
  const item = (id, label, prefix) => {
    const unread = id !== page.at && count(id) > (page.seen[id] ?? 0);
    return `<a href="#" data-nav="${id}" class="${id === page.at ? 'current' : ''}${unread ? ' unread' : ''}">${prefix}${escapeHtml(label)}</a>`;
  };
  const channels = state.conversations.filter((c) => c.kind === 'public' || c.kind === 'private');
  const groups = state.conversations.filter((c) => c.kind === 'mpim');
  const dm = state.conversations.find((c) => c.kind === 'im');
  const appUnread = dm && page.at !== 'app' && count(dm.id) > (page.seen[dm.id] ?? 0);
  setOnce($('#sidebar'), `<h4>${label('channels')}</h4>${channels.map((c) => item(c.id, c.name, c.kind === 'private' ? '🔒 ' : '# ')).join('')}
    <h4>${label('directMessages')}</h4>${groups.map((c) => item(c.id, c.label, '👥 ')).join('') || `<span class="muted">${label('noneYet')}</span>`}
    <h4>${label('apps')}</h4><a href="#" data-nav="app" class="${page.at === 'app' ? 'current' : ''}${appUnread ? ' unread' : ''}">🌉 ${escapeHtml(state.bot.name)}</a>`);
}

function messageHtml(m, channelId) {
  const author = state.users.find((u) => u.id === m.user);
  const view = viewContext({ scope: `m${m.ts}` });
  const content = m.blocks?.length ? renderBlocks(m.blocks, view) : `<div class="bk-text">${renderMrkdwn(m.text, view)}</div>`;
  const files = m.files.map((f) => `<a class="file" href="${f.url}?download=1">📄 ${escapeHtml(f.title ?? f.name)} <small>${escapeHtml(f.name)} · ${f.size} B</small></a>`).join('');
  const shortcuts = state.surface.shortcuts.filter((s) => s.type === 'message');
  return `<div class="msg${m.ephemeral ? ' ephemeral' : ''}" data-source="message" data-channel="${channelId}" data-ts="${m.ts}">
    <div class="avatar">${escapeHtml((author?.realName ?? '?').slice(0, 1))}</div>
    <div class="msg-body"><div class="msg-meta"><b>${escapeHtml(author?.realName ?? m.user)}</b>${author?.isBot ? ' <span class="tag">APP</span>' : ''}
      <time>${formatTime(Number(m.ts) * 1000, false)}</time>${m.edited ? ` <span class="muted">(${label('edited')})</span>` : ''}${m.scheduled ? ` <span class="tag">${label('scheduled')}</span>` : ''}
      ${m.ephemeral ? ` <span class="muted">${label('onlyYou')}</span>` : ''}</div>
      <div class="msg-content">${content}</div>${files}</div>
    ${m.ephemeral ? '' : `<div class="msg-menu">${shortcuts.map((s) => `<button type="button" data-msg-shortcut="${s.callbackId}">⚡ ${escapeHtml(s.name)}</button>`).join('')}</div>`}
  </div>`;
}

function conversationHtml(conversation, title) {
  const messages = state.messages[conversation.id] ?? [];
  const placeholder = conversation.kind === 'im' ? `${label('messageTo')}: ${state.bot.name}` : `${label('messageTo')}: ${title} — ${label('typeSlash')}`;
  // Only in the DM with the app: where organizers hand it the member CSV.
  const attach = conversation.kind === 'im'
    ? `<label class="attach" title="${escapeHtml(label('attachHint'))}">📎 ${label('attachCsv')}<input type="file" accept=".csv,text/csv" data-upload hidden></label>`
    : '';
  return `<div class="messages" id="messages">${messages.map((m) => messageHtml(m, conversation.id)).join('') || `<p class="muted empty">${label('noMessages')}</p>`}</div>
    <form class="composer" data-channel="${conversation.id}" autocomplete="off">
      <div class="suggest" hidden></div>
      <input name="text" placeholder="${escapeHtml(placeholder)}" aria-label="${escapeHtml(label('messageTo'))}">
      ${attach}<button type="button" data-global-shortcuts title="${escapeHtml(label('shortcuts'))}">⚡</button><button type="submit" class="primary">${label('send')}</button>
      <div class="shortcut-menu" hidden>${state.surface.shortcuts.filter((s) => s.type === 'global').map((s) => `<button type="button" data-shortcut="${s.callbackId}">${escapeHtml(s.name)}</button>`).join('')}</div>
    </form>`;
}

function renderPane() {
  const pane = $('#pane');
  const dm = state.conversations.find((c) => c.kind === 'im');
  let html;
  if (page.at === 'app') {
    const tabs = `<header class="pane-header"><h2>🌉 ${escapeHtml(state.bot.name)}</h2><div class="tabs">
      <button type="button" data-tab="home" class="${page.appTab === 'home' ? 'current' : ''}">${label('home')}</button>
      <button type="button" data-tab="messages" class="${page.appTab === 'messages' ? 'current' : ''}">${label('messages')}</button></div></header>`;
    if (page.appTab === 'home') {
      const home = state.home;
      html = `${tabs}<div class="home" ${home ? `data-source="view" data-view-id="${home.id}"` : ''}>${home ? renderBlocks(home.definition.blocks, viewContext({ scope: 'home' })) : `<p class="muted empty">${label('noHome')}</p>`}</div>`;
    } else html = tabs + (dm ? conversationHtml(dm, state.bot.name) : `<p class="muted empty">${label('noMessages')}</p>`);
  } else {
    const conversation = state.conversations.find((c) => c.id === page.at);
    const title = conversation.kind === 'mpim' ? conversation.label : `#${conversation.name}`;
    const note = conversation.botIsMember || conversation.kind === 'mpim' ? '' : ` <span class="muted">(${label('appNotInChannel')})</span>`;
    html = `<header class="pane-header"><h2>${conversation.kind === 'private' ? '🔒 ' : ''}${escapeHtml(title)}${note}</h2></header>${conversationHtml(conversation, title)}`;
  }
  const list = $('#messages');
  const atBottom = !list || list.scrollTop + list.clientHeight >= list.scrollHeight - 40;
  const typed = pane.querySelector('.composer input')?.value ?? '';
  if (!setOnce(pane, html)) return;
  const input = pane.querySelector('.composer input');
  if (input) input.value = typed;
  const shown = page.at === 'app' ? dm?.id : page.at;
  if (shown && (page.at !== 'app' || page.appTab === 'messages')) page.seen[shown] = (state.messages[shown] ?? []).length;
  const messages = $('#messages');
  if (messages && atBottom) messages.scrollTop = messages.scrollHeight;
}

function renderModal() {
  const layer = $('#modal-layer');
  const top = state.modals.at(-1);
  if (!top) {
    layer.innerHTML = '';
    page.shown.modal = undefined;
    return;
  }
  const key = `${top.id}:${top.hash}`;
  if (page.shown.modal !== key) {
    page.shown.modal = key;
    const d = top.definition;
    const view = viewContext({ scope: top.id, errors: top.errors });
    layer.innerHTML = `<div class="modal-backdrop"><form class="modal" data-source="view" data-view-id="${top.id}" novalidate>
      <header>${state.modals.length > 1 ? `<button type="button" data-modal="back" aria-label="${label('back')}">‹</button>` : ''}<h2>${escapeHtml(d.title?.text ?? '')}</h2>
      <button type="button" data-modal="close-all" aria-label="${label('close')}">×</button></header>
      <div class="modal-problem" hidden></div>
      <div class="modal-body">${renderBlocks(d.blocks, view)}</div>
      <footer><button type="button" data-modal="back">${escapeHtml(d.close?.text ?? label('cancel'))}</button>
      ${d.submit ? `<button type="submit" class="primary">${escapeHtml(d.submit.text)}</button>` : ''}</footer></form></div>`;
  }
  const form = layer.querySelector('form');
  showErrors(form, top.errors);
  const problem = form.querySelector('.modal-problem');
  problem.hidden = !top.problem;
  problem.textContent = top.problem ?? '';
}

/** The persona's own notices pop up; the app's failed Web API calls stay in the calls panel. */
function renderNotices() {
  for (const notice of state.notices) {
    if (page.dismissed.has(notice.seq) || notice.level !== 'error' || notice.userId !== page.me) continue;
    page.dismissed.add(notice.seq);
    if (notice.at >= state.clock.now - 10_000) toast(notice.text);
  }
}

/** A click, an overflow option or a select: block_actions with the surface's current state. */
async function dispatchAction(el, value) {
  const container = el.closest('[data-source]');
  if (!container) return;
  const source = container.dataset.source === 'view' ? { viewId: container.dataset.viewId } : { channelId: container.dataset.channel, messageTs: container.dataset.ts };
  el.classList.add('busy');
  try {
    await post('action', { source, blockId: el.dataset.blockId, actionId: el.dataset.actionId, value, inputs: collectInputs(container, tz()) });
  } finally {
    el.classList.remove('busy');
  }
}

/** A file chosen in the DM composer: shared in the DM, and the app told (POST /sandbox/upload). */
async function attachFile(input) {
  const file = input.files?.[0];
  const channel = input.closest('form').dataset.channel;
  input.value = '';
  if (!file) return;
  const dataUrl = await new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
  await post('upload', { channel, name: file.name, mimetype: file.type, contentBase64: dataUrl.slice(dataUrl.indexOf(',') + 1) });
}

function navigate(target) {
  page.at = target;
  if (target === 'app') void post('home', { tab: page.appTab });
  render();
}

document.addEventListener('click', async (event) => {
  const t = event.target;
  const nav = t.closest('[data-nav]');
  if (nav) return void (event.preventDefault(), navigate(nav.dataset.nav));
  const tab = t.closest('[data-tab]');
  if (tab) return void ((page.appTab = tab.dataset.tab), navigate('app'));
  const button = t.closest('[data-act="click"]');
  if (button) {
    if (button.dataset.confirm && !(await confirmDialog(JSON.parse(button.dataset.confirm), viewContext()))) return;
    if (button.dataset.url) window.open(button.dataset.url, '_blank', 'noopener');
    return void dispatchAction(button, undefined);
  }
  const ff = t.closest('[data-ff]');
  if (ff) return void post('clock', { advanceSeconds: Number(ff.dataset.ff) });
  const messageShortcut = t.closest('[data-msg-shortcut]');
  if (messageShortcut) {
    const message = messageShortcut.closest('.msg');
    return void post('shortcut', { callbackId: messageShortcut.dataset.msgShortcut, channel: message.dataset.channel, messageTs: message.dataset.ts });
  }
  if (t.closest('[data-global-shortcuts]')) return void t.closest('form').querySelector('.shortcut-menu').toggleAttribute('hidden');
  const shortcut = t.closest('[data-shortcut]');
  if (shortcut) return void (shortcut.parentElement.hidden = true, post('shortcut', { callbackId: shortcut.dataset.shortcut }));
  const fill = t.closest('[data-fill]');
  if (fill) {
    const input = fill.closest('form').querySelector('input');
    input.value = fill.dataset.fill;
    input.focus();
    fill.parentElement.hidden = true;
    return;
  }
  const modalButton = t.closest('[data-modal]');
  if (modalButton) {
    const form = modalButton.closest('form');
    return void post('close', { viewId: form.dataset.viewId, all: modalButton.dataset.modal === 'close-all' });
  }
});

document.addEventListener('change', (event) => {
  if (event.target.matches('[data-upload]')) return void attachFile(event.target);
  if (event.target.id === 'persona') {
    page.me = event.target.value;
    page.seen = {};
    page.shown = {};
    page.started = false;
    return void refresh();
  }
  const el = event.target.closest('[data-act="change"]');
  if (!el) return;
  const value = readValue(el, tz());
  if (el.dataset.type === 'overflow') el.value = '';
  void dispatchAction(el, value);
});

document.addEventListener('input', (event) => {
  const input = event.target.closest('.composer input');
  if (!input) return;
  const suggest = input.form.querySelector('.suggest');
  const word = input.value.split(/\s/)[0];
  const matches = input.value.startsWith('/') && !input.value.includes(' ') ? state.surface.commands.filter((c) => c.command.startsWith(word)) : [];
  suggest.hidden = matches.length === 0;
  suggest.innerHTML = matches.map((c) => `<button type="button" data-fill="${c.command} "><b>${escapeHtml(c.command)}</b> ${escapeHtml(c.usageHint ?? '')}<small>${escapeHtml(c.description)}</small></button>`).join('');
});

document.addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  if (form.classList.contains('composer')) {
    const input = form.querySelector('input');
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    form.querySelector('.suggest').hidden = true;
    return void post('type', { channel: form.dataset.channel, text });
  }
  if (form.classList.contains('modal')) {
    const submit = form.querySelector('[type=submit]');
    submit.disabled = true;
    try {
      const result = await post('submit', { viewId: form.dataset.viewId, inputs: collectInputs(form, tz()) });
      if (result.errors) {
        showErrors(form, result.errors);
        form.querySelector('.has-error')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }
    } finally {
      submit.disabled = false;
    }
  }
});

new EventSource('/sandbox/events').onmessage = () => void refresh();
void refresh();
