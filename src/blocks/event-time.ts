import type { EventRow } from '../db/schema/events';
import { NETWORK_TIME_ZONE } from '../services/calendar';

/** The longest Google Calendar link kept: Slack refuses a button URL past 3,000 characters. */
export const CALENDAR_URL_MAX = 3000;

const japanFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: NETWORK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function networkParts(at: Date): { date: string; time: string } {
  const part = Object.fromEntries(japanFormat.formatToParts(at).map(({ type, value }) => [type, value]));
  return { date: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` };
}

/** A time as Japan reads it, e.g. `2026-12-05 18:00 JST`: the fallback where Slack cannot localise. */
export function networkDateTime(at: Date): string {
  const { date, time } = networkParts(at);
  return `${date} ${time} JST`;
}

/** `2026-12-05 18:00–20:00 JST` (the end's date is repeated when it falls on another day). */
export function networkTimeRange(event: Pick<EventRow, 'startsAt' | 'endsAt'>): string {
  const start = networkParts(event.startsAt);
  const end = networkParts(event.endsAt);
  return `${start.date} ${start.time}–${end.date === start.date ? '' : `${end.date} `}${end.time} JST`;
}

/** Slack's timestamps (date tokens, datetimepickers) are UNIX seconds. */
export const unix = (at: Date) => Math.floor(at.getTime() / 1000);

/** Slack shows each reader the time in their own zone; the fallback is Japan time. */
export function slackDateTime(at: Date): string {
  return `<!date^${unix(at)}^{date_short_pretty} {time}|${networkDateTime(at)}>`;
}

/** A day without its time (e.g. when a profile was last confirmed), in the reader's own zone. */
export function slackDate(at: Date): string {
  return `<!date^${unix(at)}^{date_short_pretty}|${networkParts(at).date}>`;
}

/**
 * Start – end for mrkdwn. An end on the same day (in Japan) shows its time only; a reader far from
 * Japan may then see an end past their midnight without its date, which reads naturally enough.
 */
export function slackTimeRange(event: Pick<EventRow, 'startsAt' | 'endsAt'>): string {
  const end = networkParts(event.endsAt);
  const sameDay = networkParts(event.startsAt).date === end.date;
  const endToken = sameDay ? `<!date^${unix(event.endsAt)}^{time}|${end.time} JST>` : slackDateTime(event.endsAt);
  return `${slackDateTime(event.startsAt)} – ${endToken}`;
}

function calendarStamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** encodeURIComponent throws on a lone surrogate; a pasted half-emoji must not break the link. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** URL-encodes at most `max` characters of encoding, cutting whole characters and marking the cut. */
function encodeWithin(text: string, max: number): string {
  const encoded = encodeURIComponent(wellFormed(text));
  if (encoded.length <= max) return encoded;
  const ellipsis = encodeURIComponent('…');
  let result = '';
  for (const char of wellFormed(text)) {
    const piece = encodeURIComponent(char);
    if (result.length + piece.length > max - ellipsis.length) break;
    result += piece;
  }
  return result + ellipsis;
}

/**
 * A Google Calendar "add event" link. Japanese text takes 9 characters per character once encoded,
 * so the title and place are capped and the details get what is left under 3,000.
 */
export function googleCalendarUrl(event: Pick<EventRow, 'title' | 'startsAt' | 'endsAt' | 'place' | 'description'>): string {
  const base = 'https://calendar.google.com/calendar/render?action=TEMPLATE';
  const dates = `&dates=${calendarStamp(event.startsAt)}/${calendarStamp(event.endsAt)}`;
  const text = `&text=${encodeWithin(event.title, 900)}`;
  const location = `&location=${encodeWithin(event.place, 1200)}`;
  let url = `${base}${text}${dates}${location}`;
  const room = CALENDAR_URL_MAX - url.length - '&details='.length;
  if (event.description && room > 0) url += `&details=${encodeWithin(event.description, room)}`;
  return url;
}
