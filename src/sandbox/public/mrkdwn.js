// Slack's mrkdwn and <!date^…> formatting, as HTML strings. Pure functions: the page imports them,
// and the sandbox's tests run them in Node.

const EMOJI = {
  white_check_mark: '✅', warning: '⚠️', no_entry_sign: '🚫', tada: '🎉', pencil2: '✏️', information_source: 'ℹ️',
  handshake: '🤝', alarm_clock: '⏰', calendar: '📅', wave: '👋', bell: '🔔', memo: '📝', x: '❌', star: '⭐',
};

export function escapeHtml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const decodeEntities = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function emojify(html) {
  return html.replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] ?? whole);
}

/** Wall-clock parts of an instant in a time zone. */
export function zonedParts(epochMs, tz) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (type) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

const pad = (n) => String(n).padStart(2, '0');

/** Unix seconds → the value of an <input type=datetime-local> in a time zone. */
export function toLocalInput(epochSeconds, tz) {
  const p = zonedParts(epochSeconds * 1000, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The value of an <input type=datetime-local> read in a time zone → Unix seconds (null when empty). */
export function fromLocalInput(value, tz) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value ?? '');
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(guess, tz);
    guess += wanted - Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  }
  return Math.round(guess / 1000);
}

/** `<!date^…^{date_short_pretty} {time}|fallback>` in the reader's zone and language. */
export function formatSlackDate(epochSeconds, format, view) {
  const ms = epochSeconds * 1000;
  const locale = view.locale?.startsWith('ja') ? 'ja-JP' : 'en-US';
  const fmt = (options) => new Intl.DateTimeFormat(locale, { timeZone: view.tz, ...options }).format(new Date(ms));
  const dayNumber = (at) => {
    const p = zonedParts(at, view.tz);
    return Date.UTC(p.year, p.month - 1, p.day) / 86_400_000;
  };
  const pretty = (fallback) => {
    const diff = dayNumber(ms) - dayNumber(view.now ?? Date.now());
    const words = locale === 'ja-JP' ? { 0: '今日', 1: '明日', '-1': '昨日' } : { 0: 'Today', 1: 'Tomorrow', '-1': 'Yesterday' };
    return words[diff] ?? fallback;
  };
  const tokens = {
    date_num: () => { const p = zonedParts(ms, view.tz); return `${p.year}-${pad(p.month)}-${pad(p.day)}`; },
    date: () => fmt({ year: 'numeric', month: 'long', day: 'numeric' }),
    date_short: () => fmt({ year: 'numeric', month: 'short', day: 'numeric' }),
    date_long: () => fmt({ weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }),
    date_pretty: () => pretty(tokens.date()),
    date_short_pretty: () => pretty(tokens.date_short()),
    date_long_pretty: () => pretty(tokens.date_long()),
    time: () => fmt({ hour: 'numeric', minute: '2-digit' }),
    time_secs: () => fmt({ hour: 'numeric', minute: '2-digit', second: '2-digit' }),
    ago: () => {
      const minutes = Math.round(((view.now ?? Date.now()) - ms) / 60_000);
      const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      if (Math.abs(minutes) < 60) return rtf.format(-minutes, 'minute');
      if (Math.abs(minutes) < 1440) return rtf.format(-Math.round(minutes / 60), 'hour');
      return rtf.format(-Math.round(minutes / 1440), 'day');
    },
  };
  return format.replace(/\{(\w+)\}/g, (whole, token) => (tokens[token] ? tokens[token]() : whole));
}

/** One `<…>` token: a mention, channel, special mention, date or link. */
function renderToken(inner, view) {
  const [target, label] = splitOnce(inner, '|');
  if (target.startsWith('@')) {
    const user = view.users?.get(target.slice(1));
    return `<span class="mention">@${escapeHtml(user?.realName ?? label ?? target.slice(1))}</span>`;
  }
  if (target.startsWith('#')) {
    const channel = view.conversations?.get(target.slice(1));
    return `<span class="mention">#${escapeHtml(channel?.name ?? label ?? target.slice(1))}</span>`;
  }
  if (target.startsWith('!date^')) {
    const [, seconds, format, link] = target.split('^');
    const text = Number.isFinite(Number(seconds)) ? formatSlackDate(Number(seconds), format ?? '{date}', view) : (label ?? '');
    return link ? `<a href="${escapeHtml(link)}" target="_blank" rel="noopener">${escapeHtml(text)}</a>` : `<time>${escapeHtml(text)}</time>`;
  }
  if (target.startsWith('!')) {
    const name = target.slice(1).split('^')[0];
    return `<span class="mention">@${escapeHtml(label ?? name)}</span>`;
  }
  const href = decodeEntities(target);
  if (!/^(https?:|mailto:)/i.test(href)) return escapeHtml(`<${decodeEntities(inner)}>`);
  return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener">${escapeHtml(label !== undefined ? decodeEntities(label) : href)}</a>`;
}

function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/**
 * Slack mrkdwn → HTML: `<@U…>`, `<#C…>`, `<!date^…>`, links, *bold*, _italic_, ~strike~, `code`,
 * ```blocks```, > quotes, :emoji: and line breaks. `view` gives users, conversations, tz, locale, now.
 */
export function renderMrkdwn(text, view = {}) {
  const held = [];
  const hold = (html) => `\u0000${held.push(html) - 1}\u0000`;
  let out = String(text ?? '').replace(/<([^<>]+)>/g, (_whole, inner) => hold(renderToken(inner, view)));
  out = escapeHtml(decodeEntities(out));
  out = out.replace(/```([\s\S]*?)```/g, (_whole, code) => hold(`<pre>${code.replace(/^\n/, '')}</pre>`));
  out = out.replace(/`([^`\n]+)`/g, (_whole, code) => hold(`<code>${code}</code>`));
  const around = (mark, tag) => {
    const m = mark.replace(/[*~]/g, '\\$&');
    const pattern = new RegExp(`(?<![A-Za-z0-9${m}])${m}(?=\\S)([^\\n]*?\\S)${m}(?![A-Za-z0-9${m}])`, 'g');
    out = out.replace(pattern, (_whole, inner) => `<${tag}>${inner}</${tag}>`);
  };
  around('*', 'strong');
  around('_', 'em');
  around('~', 'del');
  out = out.replace(/(^|\n)&gt; ?([^\n]*)/g, (_whole, start, line) => `${start}<blockquote>${line}</blockquote>`);
  out = out.replace(/<\/blockquote>\n<blockquote>/g, '<br>');
  out = emojify(out).replace(/\n/g, '<br>');
  return out.replace(/\u0000(\d+)\u0000/g, (_whole, index) => held[Number(index)]);
}

/** A text object (plain_text or mrkdwn). */
export function renderText(object, view) {
  if (!object) return '';
  if (object.type === 'mrkdwn') return renderMrkdwn(object.text, view);
  return emojify(escapeHtml(object.text ?? ''));
}
