import type { KnownBlock, SectionBlock } from '@slack/types';
import type { EventRow } from '../db/schema/events';
import type { Messages } from '../i18n';
import type { MealNotice } from '../services/ethics';
import type { CancellationAudience } from '../services/events';
import type { EventChange, EventView, MyEventView } from '../services/event-types';
import { ACTIONS } from '../slack/ids';
import { escapeMrkdwnWithin, mention } from '../slack/mrkdwn';
import { plain } from './common';
import { costLines, costShort, feeAmount } from './event-costs';
import { networkDateTime, networkTimeRange, slackDateTime, slackTimeRange } from './event-time';
import { defaultEthicsTexts, type EthicsTexts } from '../services/ethics-texts';

/** Events the App Home lists in each section; 2–3 blocks per section beyond one per event. */
export const HOME_EVENTS_LIMIT = 10;
export const HOME_ORGANIZED_EVENTS_LIMIT = 10;
/** Events the `/alumni-event list` reply shows: 10 of the longest stay under a message's ~12,000 characters. */
export const EVENT_LIST_LIMIT = 10;

// Budgets (after escaping) for user text: an announcement or notice of the longest, all-`&` text
// stays far within a section's 3,000 characters and a message's ~12,000.
export const BUDGET = { title: 300, place: 1000, description: 2500 } as const;
// In lists, ten events share one message or the home tab: shorter; the announcement has the full text.
const LIST_BUDGET = { title: 200, place: 300 } as const;

export const mrkdwnSection = (text: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
export const context = (...texts: string[]): KnownBlock => ({ type: 'context', elements: texts.map((text) => ({ type: 'mrkdwn' as const, text })) });

/** "Going 3 · Maybe 1 · Can't go 2 · Waitlist 4" and, with a capacity, the places left. */
export function countsLine(t: Messages, { event, counts, placesLeft }: EventView): string {
  const m = t.events;
  const parts = [m.counts(counts.going, counts.maybe, counts.notGoing)];
  if (counts.waitlisted > 0) parts.push(m.waitlist(counts.waitlisted));
  if (event.capacity != null && placesLeft != null) parts.push(placesLeft > 0 ? m.placesLeft(placesLeft, event.capacity) : m.full);
  return parts.join(' · ');
}

/** The facts every message about an event repeats: when, where, who can join, the cost, and who organizes. */
function factsText(t: Messages, event: EventRow): string {
  const m = t.events;
  return [
    m.whenLine(slackTimeRange(event)),
    m.whereLine(escapeMrkdwnWithin(event.place, BUDGET.place)),
    m.audienceLine(m.audiences[event.audience]),
    ...costLines(t, event),
    m.organizerLine(mention(event.organizerSlackUserId)),
  ].join('\n');
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
      ...[costShort(t, event)].filter((line) => line !== undefined),
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
    context(m.changedWhat(changes.map((change) => m.changes[change]).join(t.common.listSeparator))),
    mrkdwnSection(lines.join('\n')),
  ];
  if (changes.includes('description')) {
    blocks.push(mrkdwnSection(m.detailsLine(event.description ? escapeMrkdwnWithin(event.description, BUDGET.description) : t.common.notSet)));
  }
  blocks.push(context(m.changeAnswer(channelLink(event))));
  return { text: m.changedText(titleOf(event)), blocks };
}

/**
 * The DM to members whose answer was withdrawn because the event is no longer open to them (an
 * edit made it alumni-only): the title they knew and who can join now, nothing more of the event.
 */
export function buildNoLongerOpenNotice({ t, event }: EventDmProps): EventMessage {
  const m = t.events;
  return {
    text: m.noLongerOpenText(titleOf(event)),
    blocks: [mrkdwnSection(m.noLongerOpen(titleOf(event))), mrkdwnSection(m.audienceLine(m.audiences[event.audience]))],
  };
}

/**
 * The ethics notice to a staff member going to an event with an interested party (from what both
 * declared; who, the DM does not say), as mealNoticeFor decided: `advance_notice`, their own share
 * of a seated meal is over the threshold: notify the ethics supervisor in advance; `hospitality`, a
 * seated meal paid by the organizers or free: pay their own share. It informs; it is not legal advice.
 */
export function buildMealNotice({
  t,
  event,
  notice,
  thresholdYen,
  supervisorSlackUserId,
  texts = defaultEthicsTexts(t),
}: EventDmProps & {
  notice: MealNotice;
  thresholdYen: number;
  supervisorSlackUserId: string | null;
  /** The rule texts in the reader's language (ethicsTexts(config.ethicsTexts, locale)); the catalogue's when absent. */
  texts?: EthicsTexts;
}): EventMessage {
  const c = t.events.costs;
  const title = titleOf(event);
  const hospitality = notice === 'hospitality';
  return {
    text: hospitality ? c.hospitalityNoticeText(title) : c.mealNoticeText(title),
    blocks: [
      mrkdwnSection(hospitality ? texts.hospitalityNotice(title) : texts.mealNotice(title, feeAmount(t, thresholdYen))),
      mrkdwnSection(factsText(t, event)),
      ...(supervisorSlackUserId ? [context(c.mealNoticeSupervisor(mention(supervisorSlackUserId)))] : []),
      context(texts.notLegalAdvice),
    ],
  };
}

/** The DM to members who had answered, when the organizer cancels. */
export function buildEventCancelledNotice({ t, event }: EventDmProps): EventMessage {
  const m = t.events;
  return {
    text: m.cancelledNoticeText(titleOf(event), networkTimeRange(event)),
    blocks: [mrkdwnSection(m.cancelledNotice(titleOf(event), slackTimeRange(event)))],
  };
}

/**
 * The ephemeral "Cancel this event?" asked of the organizer, saying who cancelling tells (`told`,
 * from previewCancellation; the listener always gives it), with two buttons carrying the event ID.
 */
export function buildCancelConfirmation({ t, event, told }: EventDmProps & { told?: CancellationAudience }): KnownBlock[] {
  const m = t.events;
  return [
    mrkdwnSection(told ? `${m.cancelQuestion(titleOf(event))}\n${m.cancelTold(told)}` : m.cancelQuestion(titleOf(event))),
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: ACTIONS.confirmCancelEvent, style: 'danger', text: plain(m.cancelButton, 75), value: event.id },
        { type: 'button', action_id: ACTIONS.keepEvent, text: plain(m.keepButton, 75), value: event.id },
      ],
    },
  ];
}
