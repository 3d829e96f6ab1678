import type { KnownBlock, Overflow } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  buildCancelConfirmation,
  buildEventAnnouncement,
  buildEventCancelledNotice,
  buildEventChangeNotice,
  buildEventList,
  buildHomeEvents,
  buildRsvpReminder,
  buildWaitlistPromotion,
  EVENT_LIST_LIMIT,
  eventAnnouncementText,
  HOME_EVENTS_LIMIT,
  HOME_ORGANIZED_EVENTS_LIMIT,
} from '../../src/blocks/events';
import { channelLanguages } from '../../src/blocks/bilingual';
import { buildEventModal } from '../../src/blocks/event-modal';
import { CALENDAR_URL_MAX, googleCalendarUrl } from '../../src/blocks/event-time';
import type { EventRow } from '../../src/db/schema/events';
import { t, type Locale } from '../../src/i18n';
import { EVENT_AUDIENCES, type EventChange, type EventView, type MyEventView } from '../../src/services/event-types';
import { ACTIONS, EVENT_FIELDS, EVENT_MENU, VIEWS } from '../../src/slack/ids';
import { ESCAPE_HEAVY_FILL, eventRow, maximalEventRow, TYPICAL_FILL } from '../helpers/factories';
import { assertValidHome, assertValidMessage, assertValidModal } from '../helpers/slack-limits';
import { blocksOfType, buttonsIn, initialValues, inputElement, mrkdwnTexts, objectsIn, visibleText } from './inspect';

const FILLS = [TYPICAL_FILL, ESCAPE_HEAVY_FILL];
const ALL_CHANGES: EventChange[] = ['title', 'time', 'place', 'description', 'capacity', 'rsvpDeadline', 'audience'];
const NOW = new Date('2026-11-20T03:00:00Z'); // 12:00 on 20 November in Tokyo
const HOSTILE = { title: '<!channel> party', place: '<https://evil.example|our office>', description: 'ask <@U0BOSS> & <!here>' };

const view = (event: EventRow, counts: Partial<EventView['counts']> = {}, placesLeft: number | null = 12): EventView => ({
  event,
  counts: { going: 18, maybe: 4, notGoing: 2, waitlisted: 0, ...counts },
  placesLeft: event.capacity == null ? null : placesLeft,
});
const mine = (event: EventRow, myAnswer: MyEventView['myAnswer'], myWaitlistPosition: number | null = null): MyEventView => ({
  ...view(event),
  myAnswer,
  myWaitlistPosition,
});
const unix = (at: Date) => at.getTime() / 1000;

/** Every message builder, for the checks that apply to all of them. */
function everyMessage(locale: Locale, event: EventRow): { name: string; blocks: KnownBlock[]; text?: string }[] {
  const messages = t(locale);
  const dm = (name: string, built: { text: string; blocks: KnownBlock[] }) => ({ name, ...built });
  return [
    { name: 'announcement', blocks: buildEventAnnouncement({ t: messages, view: view(event, { waitlisted: 9999 }, 0) }), text: eventAnnouncementText(messages, event) },
    {
      name: 'channel announcement (both languages)',
      blocks: buildEventAnnouncement({ t: channelLanguages(locale), view: view(event, { waitlisted: 9999 }, 0) }),
      text: eventAnnouncementText(channelLanguages(locale), event),
    },
    {
      name: 'cancelled channel announcement (both languages)',
      blocks: buildEventAnnouncement({ t: channelLanguages(locale), view: view({ ...event, status: 'cancelled' }) }),
      text: eventAnnouncementText(channelLanguages(locale), { ...event, status: 'cancelled' }),
    },
    {
      name: 'cancelled announcement',
      blocks: buildEventAnnouncement({ t: messages, view: view({ ...event, status: 'cancelled' }) }),
      text: eventAnnouncementText(messages, { ...event, status: 'cancelled' }),
    },
    { name: 'list', blocks: buildEventList({ t: messages, items: Array.from({ length: EVENT_LIST_LIMIT + 5 }, () => mine(event, 'going', 9999)) }) },
    dm('reminder', buildRsvpReminder({ t: messages, event })),
    dm('promotion', buildWaitlistPromotion({ t: messages, event })),
    dm('change notice', buildEventChangeNotice({ t: messages, event, changes: ALL_CHANGES })),
    dm('cancelled notice', buildEventCancelledNotice({ t: messages, event })),
    { name: 'cancel confirmation', blocks: buildCancelConfirmation({ t: messages, event }) },
  ];
}

describe.each(['ja', 'en'] as Locale[])('event blocks (%s)', (locale) => {
  const messages = t(locale);
  const m = messages.events;

  describe('the event modal', () => {
    it('announces a new event: empty texts, a week ahead at 18:30 in Tokyo, alumni only, the default channel', () => {
      const modal = buildEventModal({ t: messages, defaultChannelId: 'C0EVENTS', now: NOW });
      assertValidModal(modal);
      expect(modal.callback_id).toBe(VIEWS.event);
      expect(modal.private_metadata).toBe('');
      expect(modal.title.text).toBe(m.modalTitle);
      expect(inputElement(modal, EVENT_FIELDS.title).initial_value).toBeUndefined();
      expect(inputElement(modal, EVENT_FIELDS.startsAt).initial_date_time).toBe(unix(new Date('2026-11-27T09:30:00Z')));
      expect(inputElement(modal, EVENT_FIELDS.endsAt).initial_date_time).toBe(unix(new Date('2026-11-27T11:30:00Z')));
      expect(inputElement(modal, EVENT_FIELDS.rsvpDeadline).initial_date_time).toBeUndefined();
      expect(initialValues(inputElement(modal, EVENT_FIELDS.audience))).toEqual(['alumni']);
      expect((inputElement(modal, EVENT_FIELDS.audience).options as { value: string }[]).map((o) => o.value)).toEqual([...EVENT_AUDIENCES]);
      expect(inputElement(modal, EVENT_FIELDS.channel)).toMatchObject({
        type: 'conversations_select',
        initial_conversation: 'C0EVENTS',
        filter: { include: ['public', 'private'] },
      });
      expect(inputElement(modal, EVENT_FIELDS.capacity)).toMatchObject({ type: 'number_input', is_decimal_allowed: false, min_value: '1' });
      const optional = blocksOfType(modal.blocks, 'input').flatMap((block) => (block.optional ? [block.block_id] : []));
      expect(optional.sort()).toEqual([EVENT_FIELDS.capacity, EVENT_FIELDS.description, EVENT_FIELDS.rsvpDeadline].sort());
      expect(inputElement(buildEventModal({ t: messages, now: NOW }), EVENT_FIELDS.channel).initial_conversation).toBeUndefined();
    });

    it('edits an event with every field prefilled, its ID in private_metadata, at the longest lengths', () => {
      for (const fill of FILLS) {
        const event = maximalEventRow({ audience: 'all', channelId: 'C0OTHER' }, fill);
        const modal = buildEventModal({ t: messages, event, defaultChannelId: 'C0EVENTS', now: NOW });
        assertValidModal(modal);
        expect(modal.private_metadata).toBe(event.id);
        expect(modal.title.text).toBe(m.editTitle);
        expect(inputElement(modal, EVENT_FIELDS.title).initial_value).toBe(event.title);
        expect(inputElement(modal, EVENT_FIELDS.startsAt).initial_date_time).toBe(unix(event.startsAt));
        expect(inputElement(modal, EVENT_FIELDS.endsAt).initial_date_time).toBe(unix(event.endsAt));
        expect(inputElement(modal, EVENT_FIELDS.place).initial_value).toBe(event.place);
        expect(inputElement(modal, EVENT_FIELDS.description).initial_value).toBe(event.description);
        expect(initialValues(inputElement(modal, EVENT_FIELDS.audience))).toEqual(['all']);
        expect(inputElement(modal, EVENT_FIELDS.capacity).initial_value).toBe(String(event.capacity));
        expect(inputElement(modal, EVENT_FIELDS.rsvpDeadline).initial_date_time).toBe(unix(event.rsvpDeadline!));
        // The announcement stays where it was posted: no channel to choose when editing.
        expect(() => inputElement(modal, EVENT_FIELDS.channel)).toThrow();
      }
    });

    it('leaves the optional fields empty when the event has no details, capacity or deadline', () => {
      const modal = buildEventModal({ t: messages, event: eventRow({ description: null, capacity: null, rsvpDeadline: null }), now: NOW });
      assertValidModal(modal);
      expect(inputElement(modal, EVENT_FIELDS.description).initial_value).toBeUndefined();
      expect(inputElement(modal, EVENT_FIELDS.capacity).initial_value).toBeUndefined();
      expect(inputElement(modal, EVENT_FIELDS.rsvpDeadline).initial_date_time).toBeUndefined();
    });
  });

  describe('every message', () => {
    it.each(FILLS)('fits Slack at the longest lengths and the largest counts (fill %j)', (fill) => {
      for (const { name, blocks, text } of everyMessage(locale, maximalEventRow({}, fill))) {
        expect(() => assertValidMessage(blocks, text), name).not.toThrow();
      }
    });

    it('escapes what the organizer typed: no mention, broadcast or link reaches mrkdwn', () => {
      for (const { name, blocks, text } of everyMessage(locale, eventRow({ ...HOSTILE, organizerSlackUserId: 'U0ORG' }))) {
        for (const shown of [...mrkdwnTexts(blocks), text ?? '']) {
          expect(shown, name).not.toMatch(/<!channel>|<!here>|<https:\/\/evil|<@U0BOSS>/);
          expect(shown.match(/<@[^>]*>/g) ?? [], name).toEqual(shown.includes('<@') ? ['<@U0ORG>'] : []);
        }
      }
      const shown = mrkdwnTexts(buildEventAnnouncement({ t: messages, view: view(eventRow(HOSTILE)) })).join('\n');
      expect(shown).toContain('&lt;https://evil.example|our office&gt;');
      expect(shown).toContain('ask &lt;@U0BOSS&gt; &amp; &lt;!here&gt;');
    });
  });

  describe('the announcement', () => {
    it('shows the time in each reader’s zone with a Japan-time fallback, the place, audience and organizer', () => {
      const event = eventRow({ audience: 'all' });
      const text = visibleText(buildEventAnnouncement({ t: messages, view: view(event) }));
      expect(text).toContain(m.whenLine(`<!date^${unix(event.startsAt)}^{date_short_pretty} {time}|2026-12-05 18:00 JST> – <!date^${unix(event.endsAt)}^{time}|20:00 JST>`));
      expect(text).toContain(m.whereLine(event.place));
      expect(text).toContain(m.audienceLine(m.audiences.all));
      expect(text).toContain(m.organizerLine('<@U0ORGANIZER>'));
      expect(text).toContain(event.description);
      expect(text).toContain(m.deadlineLine(`<!date^${unix(event.rsvpDeadline!)}^{date_short_pretty} {time}|2026-12-01 23:59 JST>`));
      expect(eventAnnouncementText(messages, event)).toBe(m.notification(event.title, '2026-12-05 18:00–20:00 JST', event.place));
    });

    it('gives the end its date when the event runs past midnight in Japan', () => {
      const event = eventRow({ startsAt: new Date('2026-12-05T13:00:00Z'), endsAt: new Date('2026-12-05T16:00:00Z') });
      expect(visibleText(buildEventAnnouncement({ t: messages, view: view(event) }))).toContain(
        `<!date^${unix(event.endsAt)}^{date_short_pretty} {time}|2026-12-06 01:00 JST>`,
      );
      expect(eventAnnouncementText(messages, event)).toContain('2026-12-05 22:00–2026-12-06 01:00 JST');
    });

    it('shows the counts, the places left, and the waitlist only when someone waits', () => {
      const event = eventRow({ capacity: 30 });
      const open = visibleText(buildEventAnnouncement({ t: messages, view: view(event, { going: 18, maybe: 4, notGoing: 2 }, 12) }));
      expect(open).toContain(m.counts(18, 4, 2));
      expect(open).toContain(m.placesLeft(12, 30));
      expect(open).not.toContain(m.waitlist(0));
      expect(open).not.toContain(m.full);
      const full = visibleText(buildEventAnnouncement({ t: messages, view: view(event, { going: 30, waitlisted: 3 }, 0) }));
      expect(full).toContain(m.waitlist(3));
      expect(full).toContain(m.full);
      const unlimited = visibleText(buildEventAnnouncement({ t: messages, view: view(eventRow({ capacity: null, rsvpDeadline: null })) }));
      expect(unlimited).not.toContain(m.full);
      expect(unlimited).not.toContain(m.placesLeft(12, 30));
      expect(unlimited).not.toContain(m.deadlineLine(''));
    });

    it('has Going, Maybe and Can’t go carrying the event, a calendar link and the organizer menu', () => {
      const event = eventRow();
      const blocks = buildEventAnnouncement({ t: messages, view: view(event) });
      const buttons = buttonsIn(blocks);
      expect(buttons.map((button) => [button.action_id, button.text.text, button.value, button.style])).toEqual([
        [ACTIONS.rsvpGoing, m.answers.going, event.id, 'primary'],
        [ACTIONS.rsvpMaybe, m.answers.maybe, event.id, undefined],
        [ACTIONS.rsvpNotGoing, m.answers.not_going, event.id, undefined],
        [ACTIONS.addToCalendar, m.addToCalendar, undefined, undefined],
      ]);
      expect(buttons[3]!.url).toBe(googleCalendarUrl(event));
      const [menu] = objectsIn(blocks).filter((node) => node.type === 'overflow') as unknown as Overflow[];
      expect(menu!.action_id).toBe(ACTIONS.eventOrganizerMenu);
      expect(menu!.options.map((o) => [o.text.text, o.value])).toEqual([
        [m.menu.edit, `${EVENT_MENU.edit}:${event.id}`],
        [m.menu.cancel, `${EVENT_MENU.cancel}:${event.id}`],
        [m.menu.attendees, `${EVENT_MENU.attendees}:${event.id}`],
      ]);
    });

    it('once cancelled, says so and offers no buttons, menu or counts', () => {
      const event = eventRow({ status: 'cancelled', cancelledAt: NOW });
      const blocks = buildEventAnnouncement({ t: messages, view: view(event) });
      expect(blocksOfType(blocks, 'header')[0]!.text.text).toBe(m.cancelledHeader(event.title));
      expect(visibleText(blocks)).toContain(m.cancelledText);
      expect(visibleText(blocks)).not.toContain(m.counts(18, 4, 2));
      expect(blocksOfType(blocks, 'actions')).toEqual([]);
      expect(objectsIn(blocks).filter((node) => node.type === 'overflow' || node.type === 'button')).toEqual([]);
      expect(eventAnnouncementText(messages, event)).toBe(m.cancelledNotification(event.title, '2026-12-05 18:00–20:00 JST'));
    });
  });

  describe('the lists', () => {
    it('the /alumni-event list shows each event with counts and my answer, or says there is none', () => {
      const going = eventRow({ title: 'Going one' });
      const blocks = buildEventList({
        t: messages,
        items: [mine(going, 'going'), mine(eventRow(), null), mine(eventRow(), 'going', 3), mine(eventRow(), 'not_going')],
      });
      assertValidMessage(blocks);
      const text = visibleText(blocks);
      expect(text).toContain(m.listTitle);
      expect(text).toContain(m.myAnswer(m.answers.going));
      expect(text).toContain(m.myAnswer(m.notAnswered));
      expect(text).toContain(m.myAnswer(m.waitlisted(3)));
      expect(text).toContain(m.myAnswer(m.answers.not_going));
      expect(text).toContain(m.counts(18, 4, 2));
      expect(text).toContain(going.place);
      expect(text).toContain(`<!date^${unix(going.startsAt)}^{date_short_pretty} {time}|2026-12-05 18:00 JST>`);
      const empty = buildEventList({ t: messages, items: [] });
      assertValidMessage(empty);
      expect(visibleText(empty)).toContain(m.noUpcoming);
    });

    it('the list shows at most its limit and says how many more there are', () => {
      const blocks = buildEventList({ t: messages, items: Array.from({ length: EVENT_LIST_LIMIT + 3 }, () => mine(eventRow(), 'maybe')) });
      expect(blocksOfType(blocks, 'section')).toHaveLength(EVENT_LIST_LIMIT);
      expect(visibleText(blocks)).toContain(m.more(3));
    });

    it.each(FILLS)('the App Home events fit the home limits with every list full of the longest events (fill %j)', (fill) => {
      const upcoming = Array.from({ length: HOME_EVENTS_LIMIT + 5 }, () => mine(maximalEventRow({}, fill), 'going', 9999));
      const organized = Array.from({ length: HOME_ORGANIZED_EVENTS_LIMIT + 5 }, () => view(maximalEventRow({}, fill), { waitlisted: 9999 }, 0));
      const blocks = buildHomeEvents({ t: messages, upcoming, organized });
      assertValidHome({ type: 'home', blocks });
      expect(blocks.length).toBeLessThanOrEqual(HOME_EVENTS_LIMIT + HOME_ORGANIZED_EVENTS_LIMIT + 6);
    });

    it('the App Home shows my answers, and the counts of events I organize only to an organizer', () => {
      const text = visibleText(buildHomeEvents({ t: messages, upcoming: [mine(eventRow(), 'maybe')], organized: [view(eventRow(), {}, 12)] }));
      expect(text).toContain(m.myAnswer(m.answers.maybe));
      expect(text).toContain(m.organizedHeader);
      expect(text).toContain(m.counts(18, 4, 2));
      const member = visibleText(buildHomeEvents({ t: messages, upcoming: [] }));
      expect(member).toContain(m.noUpcoming);
      expect(member).not.toContain(m.organizedHeader);
      expect(visibleText(buildHomeEvents({ t: messages, upcoming: [], organized: [] }))).toContain(m.noOrganized);
    });
  });

  describe('the DMs', () => {
    it('the reminder gives the start, the facts and where to change the answer', () => {
      const event = eventRow();
      const { text, blocks } = buildRsvpReminder({ t: messages, event });
      expect(text).toBe(m.reminderText(event.title, '2026-12-05 18:00 JST'));
      expect(visibleText(blocks)).toContain(m.reminder(event.title, `<!date^${unix(event.startsAt)}^{date_short_pretty} {time}|2026-12-05 18:00 JST>`));
      expect(visibleText(blocks)).toContain(m.changeAnswer('<#C0EVENTS>'));
    });

    it('the waitlist promotion says the member is now going', () => {
      const event = eventRow();
      const { text, blocks } = buildWaitlistPromotion({ t: messages, event });
      expect(text).toBe(m.promotionText(event.title));
      expect(visibleText(blocks)).toContain(m.promotion(event.title));
    });

    it('the change notice names what changed and shows the new values', () => {
      const event = eventRow({ capacity: null, rsvpDeadline: null, description: 'New programme' });
      const { text, blocks } = buildEventChangeNotice({ t: messages, event, changes: ['time', 'capacity', 'rsvpDeadline', 'description'] });
      expect(text).toBe(m.changedText(event.title));
      const shown = visibleText(blocks);
      expect(shown).toContain(m.changedWhat([m.changes.time, m.changes.capacity, m.changes.rsvpDeadline, m.changes.description].join(', ')));
      expect(shown).toContain(m.capacityLine(m.noLimit));
      expect(shown).toContain(m.deadlineLine(m.noDeadline));
      expect(shown).toContain(m.detailsLine('New programme'));
      const placeOnly = visibleText(buildEventChangeNotice({ t: messages, event, changes: ['place'] }).blocks);
      expect(placeOnly).toContain(m.whereLine(event.place));
      expect(placeOnly).not.toContain(m.capacityLine(m.noLimit));
    });

    it('the cancellation notice names the event and its time', () => {
      const event = eventRow();
      const { text, blocks } = buildEventCancelledNotice({ t: messages, event });
      expect(text).toBe(m.cancelledNoticeText(event.title, '2026-12-05 18:00–20:00 JST'));
      expect(visibleText(blocks)).toContain(`*${event.title}*`);
    });

    it('the cancel question has Cancel and Keep buttons carrying the event', () => {
      const event = eventRow();
      const blocks = buildCancelConfirmation({ t: messages, event });
      expect(visibleText(blocks)).toContain(m.cancelQuestion(event.title));
      expect(buttonsIn(blocks).map((button) => [button.action_id, button.text.text, button.value, button.style])).toEqual([
        [ACTIONS.confirmCancelEvent, m.cancelButton, event.id, 'danger'],
        [ACTIONS.keepEvent, m.keepButton, event.id, undefined],
      ]);
    });
  });
});

describe('the Google Calendar link', () => {
  it('carries the title, the UTC times, the place and the details', () => {
    const event = eventRow({ title: '忘年会 & 近況報告', place: 'https://zoom.us/j/123?pwd=a&b=c', description: '会費 5,000円\n持ち物なし' });
    const url = new URL(googleCalendarUrl(event));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('text')).toBe(event.title);
    expect(url.searchParams.get('dates')).toBe('20261205T090000Z/20261205T110000Z');
    expect(url.searchParams.get('location')).toBe(event.place);
    expect(url.searchParams.get('details')).toBe(event.description);
    expect(new URL(googleCalendarUrl(eventRow({ description: null }))).searchParams.has('details')).toBe(false);
  });

  it.each([TYPICAL_FILL, ESCAPE_HEAVY_FILL, '経', '😀'])('stays within 3,000 characters for the longest texts (fill %j), cutting the details first', (fill) => {
    const event = maximalEventRow({}, fill);
    const link = googleCalendarUrl(event);
    expect(link.length).toBeLessThanOrEqual(CALENDAR_URL_MAX);
    const params = new URL(link).searchParams;
    expect(params.get('dates')).toBe('20261205T090000Z/20261205T110000Z');
    expect(event.title.startsWith(params.get('text')!.replace(/…$/, ''))).toBe(true);
    expect(event.place.startsWith(params.get('location')!.replace(/…$/, ''))).toBe(true);
  });

  it('survives a lone surrogate pasted into the title', () => {
    expect(new URL(googleCalendarUrl(eventRow({ title: 'broken \uD83D emoji' }))).searchParams.get('text')).toBe('broken \uFFFD emoji');
  });
});

describe.each(['ja', 'en'] as Locale[])('the announcement in a shared channel, network language %s', (locale) => {
  const languages = channelLanguages(locale);
  const [first, second] = languages;
  const pair = (pick: (m: typeof first.events) => string) => `${pick(first.events)} / ${pick(second.events)}`;

  it('labels every fact in both languages, the network’s first, and shows what the organizer typed once', () => {
    const event = eventRow({ audience: 'all', title: 'Year-end & co', place: 'Kasumigaseki <3F>', description: 'Bring a friend' });
    const blocks = buildEventAnnouncement({ t: languages, view: view(event) });
    const text = visibleText(blocks);
    const when = `<!date^${unix(event.startsAt)}^{date_short_pretty} {time}|2026-12-05 18:00 JST> – <!date^${unix(event.endsAt)}^{time}|20:00 JST>`;
    expect(text).toContain(`*${pair((m) => m.labels.when)}:* ${when}`);
    expect(text).toContain(`*${pair((m) => m.labels.where)}:* Kasumigaseki &lt;3F&gt;`);
    expect(text).toContain(`*${pair((m) => m.labels.audience)}:* ${pair((m) => m.audiences.all)}`);
    expect(text).toContain(`*${pair((m) => m.labels.organizer)}:* <@U0ORGANIZER>`);
    expect(text).toContain(`*${pair((m) => m.labels.deadline)}:* <!date^${unix(event.rsvpDeadline!)}^`);
    for (const typed of ['Year-end & co', 'Kasumigaseki &lt;3F&gt;', 'Bring a friend']) expect(text.split(typed), typed).toHaveLength(2);
  });

  it('shows the counts on a line per language', () => {
    const event = eventRow({ capacity: 30 });
    const text = visibleText(buildEventAnnouncement({ t: languages, view: view(event, { going: 18, maybe: 4, notGoing: 2 }, 12) }));
    expect(text).toContain(`${first.events.counts(18, 4, 2)} · ${first.events.placesLeft(12, 30)}\n${second.events.counts(18, 4, 2)}`);
  });

  it('labels the answer buttons and the organizer menu in both languages, within Slack’s 75 characters', () => {
    const event = eventRow();
    const blocks = buildEventAnnouncement({ t: languages, view: view(event) });
    assertValidMessage(blocks, eventAnnouncementText(languages, event));
    expect(buttonsIn(blocks).map((button) => [button.action_id, button.text.text])).toEqual([
      [ACTIONS.rsvpGoing, pair((m) => m.answers.going)],
      [ACTIONS.rsvpMaybe, pair((m) => m.answers.maybe)],
      [ACTIONS.rsvpNotGoing, pair((m) => m.answers.not_going)],
      [ACTIONS.addToCalendar, pair((m) => m.addToCalendar)],
    ]);
    const [menu] = objectsIn(blocks).filter((node) => node.type === 'overflow') as unknown as Overflow[];
    expect(menu!.options.map((o) => o.text.text)).toEqual([pair((m) => m.menu.edit), pair((m) => m.menu.cancel), pair((m) => m.menu.attendees)]);
  });

  it('gives the notification text in both languages, the title once', () => {
    const event = eventRow({ title: 'Meetup' });
    expect(eventAnnouncementText(languages, event)).toBe(`${pair((m) => m.labels.event)}: Meetup — 2026-12-05 18:00–20:00 JST, ${event.place}`);
    expect(eventAnnouncementText(languages, { ...event, status: 'cancelled' })).toBe(`${pair((m) => m.cancelledTag)}: Meetup (2026-12-05 18:00–20:00 JST)`);
  });

  it('once cancelled, says so in both languages in its header and text, with no buttons', () => {
    const event = eventRow({ status: 'cancelled', cancelledAt: NOW, title: 'Meetup' });
    const blocks = buildEventAnnouncement({ t: languages, view: view(event) });
    expect(blocksOfType(blocks, 'header')[0]!.text.text).toBe(`${pair((m) => m.cancelledTag)}: Meetup`);
    expect(visibleText(blocks)).toContain(`${first.events.cancelledText}\n${second.events.cancelledText}`);
    expect(buttonsIn(blocks)).toEqual([]);
  });

  it('the DMs about the event stay in the reader’s one language', () => {
    const event = eventRow();
    const reminder = visibleText(buildRsvpReminder({ t: second, event }).blocks);
    expect(reminder).toContain(second.events.whereLine(event.place));
    expect(reminder).not.toContain(first.events.labels.where);
  });
});
