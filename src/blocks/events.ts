import type { ActionsBlock, InputBlock, KnownBlock, ModalView, SectionBlock } from '@slack/types';
import type { EventRow } from '../db/schema/events';
import type { Messages } from '../i18n';
import { addDays, NETWORK_TIME_ZONE, networkToday, startOfNetworkDay } from '../services/calendar';
import { EVENT_AUDIENCES, EVENT_LIMITS, type EventChange, type EventView, type MyEventView } from '../services/event-types';
import { ACTIONS, EVENT_FIELDS, EVENT_MENU, VIEWS } from '../slack/ids';
import { escapeMrkdwnWithin, mention } from '../slack/mrkdwn';
import { option, plain } from './common';


/** Events the App Home lists in each section; 2–3 blocks per section beyond one per event. */
export const HOME_EVENTS_LIMIT = 10;
export const HOME_ORGANIZED_EVENTS_LIMIT = 10;
/** Events the `/alumni-event list` reply shows: 10 of the longest stay under a message's ~12,000 characters. */
export const EVENT_LIST_LIMIT = 10;

/** The longest Google Calendar link kept: Slack refuses a button URL past 3,000 characters. */
export const CALENDAR_URL_MAX = 3000;

// Budgets (after escaping) for user text: an announcement or notice of the longest, all-`&` text
// stays far within a section's 3,000 characters and a message's ~12,000.
const BUDGET = { title: 300, place: 1000, description: 2500 } as const;
// In lists, ten events share one message or the home tab: shorter; the announcement has the full text.
const LIST_BUDGET = { title: 200, place: 300 } as const;

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

const unix = (at: Date) => Math.floor(at.getTime() / 1000);

/** Slack shows each reader the time in their own zone; the fallback is Japan time. */
export function slackDateTime(at: Date): string {
  return `<!date^${unix(at)}^{date_short_pretty} {time}|${networkDateTime(at)}>`;
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

function input(
  blockId: string,
  label: string,
  element: InputBlock['element'],
  extra: { hint?: string; optional?: boolean } = {},
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label, 2000),
    element,
    optional: extra.optional ?? false,
    ...(extra.hint ? { hint: plain(extra.hint, 2000) } : {}),
  };
}

/** A new event starts a week ahead at 18:30 in Japan, the usual after-work time, for two hours. */
function defaultTimes(now: Date): { startsAt: Date; endsAt: Date } {
  const startsAt = new Date(startOfNetworkDay(addDays(networkToday(now), 7)).getTime() + 18.5 * 3_600_000);
  return { startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000) };
}

export interface EventModalProps {
  t: Messages;
  /** The event being edited; absent to announce a new one. */
  event?: EventRow;
  /** Preselected channel for a new event (e.g. where the command was typed). */
  defaultChannelId?: string;
  now: Date;
}

/** The organizer's form to announce an event, or to edit one (prefilled, its ID in private_metadata). */
export function buildEventModal({ t, event, defaultChannelId, now }: EventModalProps): ModalView {
  const m = t.events;
  const times = event ?? defaultTimes(now);
  const channelId = event?.channelId ?? defaultChannelId;
  const audience = event?.audience ?? 'alumni';
  return {
    type: 'modal',
    callback_id: VIEWS.event,
    private_metadata: event?.id ?? '',
    title: plain(event ? m.editTitle : m.modalTitle, 24),
    submit: plain(event ? m.save : m.post, 24),
    close: plain(m.close, 24),
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: event ? m.editIntro : m.modalIntro }] },
      input(EVENT_FIELDS.title, m.titleLabel, {
        type: 'plain_text_input',
        action_id: EVENT_FIELDS.title,
        max_length: EVENT_LIMITS.title,
        placeholder: plain(m.titlePlaceholder, 150),
        ...(event ? { initial_value: event.title.slice(0, EVENT_LIMITS.title) } : {}),
      }),
      input(
        EVENT_FIELDS.startsAt,
        m.startsAt,
        { type: 'datetimepicker', action_id: EVENT_FIELDS.startsAt, initial_date_time: unix(times.startsAt) },
        { hint: m.timeHint },
      ),
      input(EVENT_FIELDS.endsAt, m.endsAt, { type: 'datetimepicker', action_id: EVENT_FIELDS.endsAt, initial_date_time: unix(times.endsAt) }),
      input(EVENT_FIELDS.place, m.place, {
        type: 'plain_text_input',
        action_id: EVENT_FIELDS.place,
        max_length: EVENT_LIMITS.place,
        placeholder: plain(m.placePlaceholder, 150),
        ...(event ? { initial_value: event.place.slice(0, EVENT_LIMITS.place) } : {}),
      }),
      input(
        EVENT_FIELDS.description,
        m.description,
        {
          type: 'plain_text_input',
          action_id: EVENT_FIELDS.description,
          multiline: true,
          max_length: EVENT_LIMITS.description,
          placeholder: plain(m.descriptionPlaceholder, 150),
          ...(event?.description ? { initial_value: event.description.slice(0, EVENT_LIMITS.description) } : {}),
        },
        { optional: true },
      ),
      input(EVENT_FIELDS.audience, m.audience, {
        type: 'radio_buttons',
        action_id: EVENT_FIELDS.audience,
        options: EVENT_AUDIENCES.map((value) => option(m.audiences[value], value)),
        initial_option: option(m.audiences[audience], audience),
      }),
      input(
        EVENT_FIELDS.capacity,
        m.capacity,
        {
          type: 'number_input',
          action_id: EVENT_FIELDS.capacity,
          is_decimal_allowed: false,
          min_value: '1',
          max_value: String(EVENT_LIMITS.maxCapacity),
          ...(event?.capacity != null ? { initial_value: String(event.capacity) } : {}),
        },
        { optional: true, hint: m.capacityHint },
      ),
      input(
        EVENT_FIELDS.rsvpDeadline,
        m.rsvpDeadline,
        {
          type: 'datetimepicker',
          action_id: EVENT_FIELDS.rsvpDeadline,
          ...(event?.rsvpDeadline ? { initial_date_time: unix(event.rsvpDeadline) } : {}),
        },
        { optional: true, hint: m.rsvpDeadlineHint },
      ),
      // An announcement stays where it was posted: the channel is chosen once.
      ...(event
        ? []
        : [
            input(
              EVENT_FIELDS.channel,
              m.channel,
              {
                type: 'conversations_select',
                action_id: EVENT_FIELDS.channel,
                filter: { include: ['public', 'private'] },
                ...(channelId ? { initial_conversation: channelId } : {}),
              },
              { hint: m.channelHint },
            ),
          ]),
    ],
  };
}

const mrkdwnSection = (text: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (...texts: string[]): KnownBlock => ({ type: 'context', elements: texts.map((text) => ({ type: 'mrkdwn' as const, text })) });

/** "Going 3 · Maybe 1 · Can't go 2 · Waitlist 4" and, with a capacity, the places left. */
function countsLine(t: Messages, { event, counts, placesLeft }: EventView): string {
  const m = t.events;
  const parts = [m.counts(counts.going, counts.maybe, counts.notGoing)];
  if (counts.waitlisted > 0) parts.push(m.waitlist(counts.waitlisted));
  if (event.capacity != null && placesLeft != null) parts.push(placesLeft > 0 ? m.placesLeft(placesLeft, event.capacity) : m.full);
  return parts.join(' · ');
}

/** The facts every message about an event repeats: when, where, who can join, and who organizes. */
function factsText(t: Messages, event: EventRow): string {
  const m = t.events;
  return [
    m.whenLine(slackTimeRange(event)),
    m.whereLine(escapeMrkdwnWithin(event.place, BUDGET.place)),
    m.audienceLine(m.audiences[event.audience]),
    m.organizerLine(mention(event.organizerSlackUserId)),
  ].join('\n');
}

function rsvpButtons(t: Messages, event: EventRow): ActionsBlock {
  const m = t.events;
  const menu = (key: keyof typeof EVENT_MENU) => option(m.menu[key], `${EVENT_MENU[key]}:${event.id}`);
  return {
    type: 'actions',
    elements: [
      { type: 'button', action_id: ACTIONS.rsvpGoing, style: 'primary', text: plain(m.answers.going, 75), value: event.id },
      { type: 'button', action_id: ACTIONS.rsvpMaybe, text: plain(m.answers.maybe, 75), value: event.id },
      { type: 'button', action_id: ACTIONS.rsvpNotGoing, text: plain(m.answers.not_going, 75), value: event.id },
      { type: 'button', action_id: ACTIONS.addToCalendar, text: plain(m.addToCalendar, 75), url: googleCalendarUrl(event) },
      // Everyone sees the overflow (Slack cannot show it to one person); the listener checks the organizer.
      { type: 'overflow', action_id: ACTIONS.eventOrganizerMenu, options: [menu('edit'), menu('cancel'), menu('attendees')] },
    ],
  };
}

/** The announcement in the channel, updated in place with the counts, edits and cancellation. */
export function buildEventAnnouncement({ t, view }: { t: Messages; view: EventView }): KnownBlock[] {
  const m = t.events;
  const { event } = view;
  const cancelled = event.status === 'cancelled';
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(cancelled ? m.cancelledHeader(event.title) : event.title, 150) },
  ];
  if (cancelled) blocks.push(mrkdwnSection(m.cancelledText));
  blocks.push(mrkdwnSection(factsText(t, event)));
  if (event.description) blocks.push(mrkdwnSection(escapeMrkdwnWithin(event.description, BUDGET.description)));
  if (cancelled) return blocks;
  blocks.push(
    context(countsLine(t, view), ...(event.rsvpDeadline ? [m.deadlineLine(slackDateTime(event.rsvpDeadline))] : [])),
    rsvpButtons(t, event),
  );
  return blocks;
}

/** The notification text beside the announcement's blocks (Japan time: notifications cannot localise). */
export function eventAnnouncementText(t: Messages, event: EventRow): string {
  const title = escapeMrkdwnWithin(event.title, BUDGET.title);
  const when = networkTimeRange(event);
  return event.status === 'cancelled'
    ? t.events.cancelledNotification(title, when)
    : t.events.notification(title, when, escapeMrkdwnWithin(event.place, BUDGET.place));
}

/** One event in a list: title, time, place, then a line of counts or the reader's answer. */
function listItem(t: Messages, event: EventRow, status: string): SectionBlock {
  const m = t.events;
  const title = escapeMrkdwnWithin(event.title, LIST_BUDGET.title);
  return mrkdwnSection(
    [
      event.status === 'cancelled' ? `*${title}* (${m.cancelledTag})` : `*${title}*`,
      slackTimeRange(event),
      escapeMrkdwnWithin(event.place, LIST_BUDGET.place),
      status,
    ].join('\n'),
  );
}

function myAnswerText(t: Messages, item: MyEventView): string {
  const m = t.events;
  if (item.myWaitlistPosition != null) return m.myAnswer(m.waitlisted(item.myWaitlistPosition));
  return m.myAnswer(item.myAnswer ? m.answers[item.myAnswer] : m.notAnswered);
}

function listSection<T extends EventView>(
  t: Messages,
  header: string,
  empty: string,
  items: readonly T[],
  limit: number,
  status: (item: T) => string,
): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(header, 150) }];
  if (items.length === 0) blocks.push(context(empty));
  for (const item of items.slice(0, limit)) blocks.push(listItem(t, item.event, status(item)));
  if (items.length > limit) blocks.push(context(t.events.more(items.length - limit)));
  return blocks;
}

/** The ephemeral reply to `/alumni-event list`: upcoming events with counts and the reader's answer. */
export function buildEventList({ t, items }: { t: Messages; items: MyEventView[] }): KnownBlock[] {
  const m = t.events;
  return listSection(t, m.listTitle, m.noUpcoming, items, EVENT_LIST_LIMIT, (item) => `${countsLine(t, item)}\n${myAnswerText(t, item)}`);
}

/** The App Home's events: upcoming ones with my answer, and for organizers the ones they run. */
export function buildHomeEvents({ t, upcoming, organized }: { t: Messages; upcoming: MyEventView[]; organized?: EventView[] }): KnownBlock[] {
  const m = t.events;
  const blocks: KnownBlock[] = [
    { type: 'divider' },
    ...listSection(t, m.listTitle, m.noUpcoming, upcoming, HOME_EVENTS_LIMIT, (item) => myAnswerText(t, item)),
  ];
  if (organized) {
    blocks.push(
      { type: 'divider' },
      ...listSection(t, m.organizedHeader, m.noOrganized, organized, HOME_ORGANIZED_EVENTS_LIMIT, (item) => countsLine(t, item)),
    );
  }
  return blocks;
}

export interface EventMessage {
  /** The notification text (Japan time, escaped). */
  text: string;
  blocks: KnownBlock[];
}

interface EventDmProps {
  t: Messages;
  event: EventRow;
}

const titleOf = (event: EventRow) => escapeMrkdwnWithin(event.title, BUDGET.title);
const channelLink = (event: EventRow) => `<#${event.channelId}>`;

/** The DM a day before to those going; scheduled ahead, so it carries no counts that could go stale. */
export function buildRsvpReminder({ t, event }: EventDmProps): EventMessage {
  const m = t.events;
  return {
    text: m.reminderText(titleOf(event), networkDateTime(event.startsAt)),
    blocks: [
      mrkdwnSection(m.reminder(titleOf(event), slackDateTime(event.startsAt))),
      mrkdwnSection(factsText(t, event)),
      context(m.changeAnswer(channelLink(event))),
    ],
  };
}

/** The DM to a member moved from the waitlist to Going. */
export function buildWaitlistPromotion({ t, event }: EventDmProps): EventMessage {
  const m = t.events;
  return {
    text: m.promotionText(titleOf(event)),
    blocks: [mrkdwnSection(m.promotion(titleOf(event))), mrkdwnSection(factsText(t, event)), context(m.changeAnswer(channelLink(event)))],
  };
}

/** The DM to members going or waiting after an edit: what changed, then the event as it now is. */
export function buildEventChangeNotice({ t, event, changes }: EventDmProps & { changes: EventChange[] }): EventMessage {
  const m = t.events;
  const lines = [factsText(t, event)];
  if (changes.includes('capacity')) lines.push(m.capacityLine(event.capacity == null ? m.noLimit : String(event.capacity)));
  if (changes.includes('rsvpDeadline')) lines.push(m.deadlineLine(event.rsvpDeadline ? slackDateTime(event.rsvpDeadline) : m.noDeadline));
  const blocks: KnownBlock[] = [
    mrkdwnSection(m.changedNotice(titleOf(event))),
    context(m.changedWhat(changes.map((change) => m.changes[change]).join(', '))),
    mrkdwnSection(lines.join('\n')),
  ];
  if (changes.includes('description')) {
    blocks.push(mrkdwnSection(m.detailsLine(event.description ? escapeMrkdwnWithin(event.description, BUDGET.description) : t.common.notSet)));
  }
  blocks.push(context(m.changeAnswer(channelLink(event))));
  return { text: m.changedText(titleOf(event)), blocks };
}

/** The DM to members who had answered, when the organizer cancels. */
export function buildEventCancelledNotice({ t, event }: EventDmProps): EventMessage {
  const m = t.events;
  return {
    text: m.cancelledNoticeText(titleOf(event), networkTimeRange(event)),
    blocks: [mrkdwnSection(m.cancelledNotice(titleOf(event), slackTimeRange(event)))],
  };
}

/** The ephemeral "Cancel this event?" asked of the organizer, with two buttons carrying the event ID. */
export function buildCancelConfirmation({ t, event }: EventDmProps): KnownBlock[] {
  const m = t.events;
  return [
    mrkdwnSection(m.cancelQuestion(titleOf(event))),
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: ACTIONS.confirmCancelEvent, style: 'danger', text: plain(m.cancelButton, 75), value: event.id },
        { type: 'button', action_id: ACTIONS.keepEvent, text: plain(m.keepButton, 75), value: event.id },
      ],
    },
  ];
}
