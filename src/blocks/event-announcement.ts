import type { ActionsBlock, KnownBlock } from '@slack/types';
import type { EventRow } from '../db/schema/events';
import type { Messages } from '../i18n';
import type { EventView } from '../services/event-types';
import { ACTIONS, EVENT_MENU } from '../slack/ids';
import { escapeMrkdwnWithin, mention } from '../slack/mrkdwn';
import { both, buttonText, labelled, lines } from './bilingual';
import { option, plain } from './common';
import { feeAmount, knownFormat, knownPayer } from './event-costs';
import { googleCalendarUrl, networkTimeRange, slackDateTime, slackTimeRange } from './event-time';
import { BUDGET, context, countsLine, mrkdwnSection } from './events';

/**
 * The announcement in its channel. Members read different languages, so the channel's post
 * carries both (channelLanguages: the network's first); the title, place and details, typed by the
 * organizer, show once.
 */
type ChannelLanguages = readonly [Messages, Messages];

/** The cost as the channel reads it: the amount once, who pays in both languages. */
function channelCost(t: ChannelLanguages, event: EventRow): string | undefined {
  if (event.feePayer === 'free') return both(t, (m) => m.events.costs.payers.free);
  if (event.feePerPerson === null) return undefined;
  const payer = knownPayer(event.feePayer);
  const amount = feeAmount(t[0], event.feePerPerson);
  return payer ? `${amount} (${both(t, (m) => m.events.costs.payers[payer])})` : amount;
}

/** The facts: each label in both languages, each value (user text) once. */
function channelFactsText(t: ChannelLanguages, event: EventRow): string {
  const cost = channelCost(t, event);
  const format = knownFormat(event.format);
  return [
    labelled(t, (m) => m.events.labels.when, slackTimeRange(event)),
    labelled(t, (m) => m.events.labels.where, escapeMrkdwnWithin(event.place, BUDGET.place)),
    labelled(t, (m) => m.events.labels.audience, both(t, (m) => m.events.audiences[event.audience])),
    ...(cost ? [labelled(t, (m) => m.events.costs.labels.cost, cost)] : []),
    ...(format ? [labelled(t, (m) => m.events.costs.labels.format, both(t, (m) => m.events.costs.formats[format]))] : []),
    labelled(t, (m) => m.events.labels.organizer, mention(event.organizerSlackUserId)),
  ].join('\n');
}

function rsvpButtons(t: ChannelLanguages, event: EventRow): ActionsBlock {
  const say = (pick: (m: Messages) => string) => plain(buttonText(t, pick), 75);
  const menu = (key: keyof typeof EVENT_MENU) => option(buttonText(t, (m) => m.events.menu[key]), `${EVENT_MENU[key]}:${event.id}`);
  return {
    type: 'actions',
    elements: [
      { type: 'button', action_id: ACTIONS.rsvpGoing, style: 'primary', text: say((m) => m.events.answers.going), value: event.id },
      { type: 'button', action_id: ACTIONS.rsvpMaybe, text: say((m) => m.events.answers.maybe), value: event.id },
      { type: 'button', action_id: ACTIONS.rsvpNotGoing, text: say((m) => m.events.answers.not_going), value: event.id },
      { type: 'button', action_id: ACTIONS.addToCalendar, text: say((m) => m.events.addToCalendar), url: googleCalendarUrl(event) },
      // Everyone sees the overflow (Slack cannot show it to one person); the listener checks the organizer.
      { type: 'overflow', action_id: ACTIONS.eventOrganizerMenu, options: [menu('edit'), menu('cancel'), menu('attendees')] },
    ],
  };
}

/** The announcement, updated in place with the counts, edits and cancellation. */
export function buildEventAnnouncement({ t, view }: { t: ChannelLanguages; view: EventView }): KnownBlock[] {
  const { event } = view;
  const cancelled = event.status === 'cancelled';
  const header = cancelled ? `${both(t, (m) => m.events.cancelledTag)}: ${event.title}` : event.title;
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(header, 150) }];
  if (cancelled) blocks.push(mrkdwnSection(lines(t, (m) => m.events.cancelledText)));
  blocks.push(mrkdwnSection(channelFactsText(t, event)));
  if (event.description) blocks.push(mrkdwnSection(escapeMrkdwnWithin(event.description, BUDGET.description)));
  if (cancelled) return blocks;
  const deadline = event.rsvpDeadline ? slackDateTime(event.rsvpDeadline) : undefined;
  blocks.push(
    context(
      // Counts are numbers, not user text: a line per language reads best.
      lines(t, (m) => countsLine(m, view)),
      ...(deadline ? [labelled(t, (m) => m.events.labels.deadline, deadline)] : []),
    ),
    rsvpButtons(t, event),
  );
  return blocks;
}

/** The notification text beside the announcement's blocks (Japan time: notifications cannot localise). */
export function eventAnnouncementText(t: ChannelLanguages, event: EventRow): string {
  const title = escapeMrkdwnWithin(event.title, BUDGET.title);
  const when = networkTimeRange(event);
  if (event.status === 'cancelled') return `${both(t, (m) => m.events.cancelledTag)}: ${title} (${when})`;
  return `${both(t, (m) => m.events.labels.event)}: ${title} — ${when}, ${escapeMrkdwnWithin(event.place, BUDGET.place)}`;
}
