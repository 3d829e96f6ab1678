import { ethicsTexts } from '../../src/services/ethics-texts';
import type { KnownBlock, Overflow } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  buildCancelConfirmation,
  buildEventCancelledNotice,
  buildEventChangeNotice,
  buildEventList,
  buildHomeEvents,
  buildMealNotice,
  buildRsvpReminder,
  buildWaitlistPromotion,
  EVENT_LIST_LIMIT,
  HOME_EVENTS_LIMIT,
  HOME_ORGANIZED_EVENTS_LIMIT,
} from '../../src/blocks/events';
import { channelLanguages } from '../../src/blocks/bilingual';
import { buildEventAnnouncement, eventAnnouncementText } from '../../src/blocks/event-announcement';
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
const ALL_CHANGES: EventChange[] = ['title', 'time', 'place', 'description', 'capacity', 'rsvpDeadline', 'audience', 'cost', 'format'];
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
    { name: 'list', blocks: buildEventList({ t: messages, items: Array.from({ length: EVENT_LIST_LIMIT + 5 }, () => mine(event, 'going', 9999)) }) },
    dm('reminder', buildRsvpReminder({ t: messages, event })),
    dm('promotion', buildWaitlistPromotion({ t: messages, event })),
    dm('change notice', buildEventChangeNotice({ t: messages, event, changes: ALL_CHANGES })),
    dm('cancelled notice', buildEventCancelledNotice({ t: messages, event })),
    dm('meal notice', buildMealNotice({ t: messages, event, notice: 'advance_notice', thresholdYen: 10_000, supervisorSlackUserId: 'U0SUPER' })),
    dm('hospitality notice', buildMealNotice({ t: messages, event, notice: 'hospitality', thresholdYen: 10_000, supervisorSlackUserId: 'U0SUPER' })),
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
      // The fee, who pays and the format are required of a new event, with nothing chosen for the organizer.
      expect(inputElement(modal, EVENT_FIELDS.feePerPerson)).toMatchObject({ type: 'number_input', is_decimal_allowed: false, min_value: '0' });
      expect(inputElement(modal, EVENT_FIELDS.feePerPerson).initial_value).toBeUndefined();
      expect((inputElement(modal, EVENT_FIELDS.feePayer).options as { value: string }[]).map((o) => o.value)).toEqual(['each_attendee', 'organizers', 'free']);
      expect((inputElement(modal, EVENT_FIELDS.format).options as { value: string }[]).map((o) => o.value)).toEqual(['standing', 'seated', 'no_meal']);
      expect(initialValues(inputElement(modal, EVENT_FIELDS.feePayer))).toEqual([]);
      expect(initialValues(inputElement(modal, EVENT_FIELDS.format))).toEqual([]);
      // No sponsorship; and where the organizers pay (an option offered), staff with an interested party pay their own share.
      expect(visibleText(modal.blocks)).toContain(m.costs.formEthics);
      expect(m.costs.formEthics).toMatch(locale === 'ja' ? /幹事負担.*自分の分を負担/ : /organizers pay.*pay their own share/);
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
        expect(inputElement(modal, EVENT_FIELDS.feePerPerson).initial_value).toBe(String(event.feePerPerson));
        expect(initialValues(inputElement(modal, EVENT_FIELDS.feePayer))).toEqual([event.feePayer]);
        expect(initialValues(inputElement(modal, EVENT_FIELDS.format))).toEqual([event.format]);
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

    it('edits an event made before the cost was asked: the cost fields empty and optional, so it still saves', () => {
      const modal = buildEventModal({ t: messages, event: eventRow({ feePerPerson: null, feePayer: null, format: null }), now: NOW });
      assertValidModal(modal);
      const costs = blocksOfType(modal.blocks, 'input').filter((block) =>
        [EVENT_FIELDS.feePerPerson, EVENT_FIELDS.feePayer, EVENT_FIELDS.format].includes(block.block_id as never),
      );
      expect(costs.map((block) => block.optional)).toEqual([true, true, true]);
      expect(inputElement(modal, EVENT_FIELDS.feePerPerson).initial_value).toBeUndefined();
      expect(initialValues(inputElement(modal, EVENT_FIELDS.format))).toEqual([]);
      const current = buildEventModal({ t: messages, event: eventRow(), now: NOW });
      expect(blocksOfType(current.blocks, 'input').filter((block) => block.block_id === EVENT_FIELDS.format)[0]!.optional).toBe(false);
    });
  });

  describe('the cost and format', () => {
    const c = m.costs;
    it('the DMs and lists show the fee, who pays and the format; an event made before shows none of them', () => {
      const event = eventRow({ feePerPerson: 12_000, feePayer: 'each_attendee', format: 'seated' });
      const reminder = visibleText(buildRsvpReminder({ t: messages, event }).blocks);
      expect(reminder).toContain(c.costLine(c.perPerson(c.yen('12,000'), c.payers.each_attendee)));
      expect(reminder).toContain(c.formatLine(c.formats.seated));
      const list = visibleText(buildEventList({ t: messages, items: [mine(event, 'going')] }));
      expect(list).toContain(`${c.yen('12,000')} · ${c.payers.each_attendee} · ${c.formats.seated}`);
      const home = visibleText(buildHomeEvents({ t: messages, upcoming: [mine(event, 'going')] }));
      expect(home).toContain(c.formats.seated);
      const old = eventRow({ feePerPerson: null, feePayer: null, format: null });
      const oldText = visibleText([...buildRsvpReminder({ t: messages, event: old }).blocks, ...buildEventList({ t: messages, items: [mine(old, 'going')] })]);
      for (const absent of [c.costLine(''), c.formatLine(''), c.formats.seated, c.formats.standing, c.payers.each_attendee]) expect(oldText).not.toContain(absent);
    });

    it('a free event says free of charge, without an amount', () => {
      const event = eventRow({ feePerPerson: 0, feePayer: 'free', format: 'standing' });
      const shown = visibleText(buildWaitlistPromotion({ t: messages, event }).blocks);
      expect(shown).toContain(c.costLine(c.payers.free));
      expect(shown).not.toContain(c.yen('0'));
      expect(visibleText(buildEventList({ t: messages, items: [mine(event, 'going')] }))).toContain(`${c.payers.free} · ${c.formats.standing}`);
    });

    it('the change notice names a change of cost or format and shows the new ones', () => {
      const event = eventRow({ feePerPerson: 3_000, feePayer: 'organizers', format: 'seated' });
      const shown = visibleText(buildEventChangeNotice({ t: messages, event, changes: ['cost', 'format'] }).blocks);
      expect(shown).toContain(m.changedWhat(`${m.changes.cost}${messages.common.listSeparator}${m.changes.format}`));
      expect(shown).toContain(c.costLine(c.perPerson(c.yen('3,000'), c.payers.organizers)));
    });

    it('the ethics reminder names the rule, the threshold, the supervisor declared, and that it is not legal advice', () => {
      const event = eventRow({ title: 'Dinner <!channel>', feePerPerson: 12_000, feePayer: 'each_attendee', format: 'seated' });
      const { text, blocks } = buildMealNotice({ t: messages, event, notice: 'advance_notice', thresholdYen: 10_000, supervisorSlackUserId: 'U0SUPER' });
      assertValidMessage(blocks, text);
      expect(text).toBe(c.mealNoticeText('Dinner &lt;!channel&gt;'));
      const shown = visibleText(blocks);
      expect(shown).toContain(c.mealNotice('Dinner &lt;!channel&gt;', c.yen('10,000')));
      expect(shown).toMatch(locale === 'ja' ? /国家公務員倫理規程/ : /National Public Service Ethics Code/);
      expect(shown).toContain(c.mealNoticeSupervisor('<@U0SUPER>'));
      expect(shown).toContain(messages.introductionEthics.notLegalAdvice);
      expect(shown).toMatch(locale === 'ja' ? /法的助言ではありません/ : /not legal advice/);
      expect(visibleText(buildMealNotice({ t: messages, event, notice: 'advance_notice', thresholdYen: 10_000, supervisorSlackUserId: null }).blocks)).not.toContain(
        c.mealNoticeSupervisor(''),
      );
    });

    it('the hospitality notice (a seated meal the organizers pay for) asks them to pay their own share, with no threshold, and is not legal advice', () => {
      const event = eventRow({ title: 'Dinner <!channel>', feePerPerson: 8_000, feePayer: 'organizers', format: 'seated' });
      const { text, blocks } = buildMealNotice({ t: messages, event, notice: 'hospitality', thresholdYen: 10_000, supervisorSlackUserId: 'U0SUPER' });
      assertValidMessage(blocks, text);
      expect(text).toBe(c.hospitalityNoticeText('Dinner &lt;!channel&gt;'));
      const shown = visibleText(blocks);
      expect(shown).toContain(c.hospitalityNotice('Dinner &lt;!channel&gt;'));
      expect(shown).not.toContain(c.yen('10,000'));
      expect(shown).toContain(c.costLine(c.perPerson(c.yen('8,000'), c.payers.organizers)));
      expect(shown).toContain(c.mealNoticeSupervisor('<@U0SUPER>'));
      expect(shown).toContain(messages.introductionEthics.notLegalAdvice);
    });

    it('uses the organizers’ rule texts when they replaced them (ETHICS_TEXTS_FILE)', () => {
      const event = eventRow({ title: 'Dinner', feePerPerson: 12_000, feePayer: 'each_attendee', format: 'seated' });
      const texts = ethicsTexts(
        { [locale]: { mealNotice: 'OWN MEAL RULE for {title} over {threshold}', hospitalityNotice: 'OWN HOSPITALITY RULE for {title}', notLegalAdvice: 'OWN DISCLAIMER' } },
        locale,
      );
      const meal = visibleText(buildMealNotice({ t: messages, event, notice: 'advance_notice', thresholdYen: 10_000, supervisorSlackUserId: null, texts }).blocks);
      expect(meal).toContain(`OWN MEAL RULE for Dinner over ${c.yen('10,000')}`);
      expect(meal).toContain('OWN DISCLAIMER');
      const hospitality = visibleText(buildMealNotice({ t: messages, event, notice: 'hospitality', thresholdYen: 10_000, supervisorSlackUserId: null, texts }).blocks);
      expect(hospitality).toContain('OWN HOSPITALITY RULE for Dinner');
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
          // Only the mentions the bot writes: the organizer, and the ethics supervisor the member declared.
          for (const mentioned of shown.match(/<@[^>]*>/g) ?? []) expect(['<@U0ORG>', '<@U0SUPER>'], name).toContain(mentioned);
        }
      }
      const shown = mrkdwnTexts(buildEventAnnouncement({ t: channelLanguages(locale), view: view(eventRow(HOSTILE)) })).join('\n');
      expect(shown).toContain('&lt;https://evil.example|our office&gt;');
      expect(shown).toContain('ask &lt;@U0BOSS&gt; &amp; &lt;!here&gt;');
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
      expect(shown).toContain(m.changedWhat([m.changes.time, m.changes.capacity, m.changes.rsvpDeadline, m.changes.description].join(messages.common.listSeparator)));
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
