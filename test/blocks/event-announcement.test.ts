import type { Overflow } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { channelLanguages } from '../../src/blocks/bilingual';
import { buildEventAnnouncement, eventAnnouncementText } from '../../src/blocks/event-announcement';
import { googleCalendarUrl } from '../../src/blocks/event-time';
import type { EventRow } from '../../src/db/schema/events';
import type { Locale } from '../../src/i18n';
import type { EventView } from '../../src/services/event-types';
import { ACTIONS, EVENT_MENU } from '../../src/slack/ids';
import { eventRow } from '../helpers/factories';
import { assertValidMessage } from '../helpers/slack-limits';
import { blocksOfType, buttonsIn, objectsIn, visibleText } from './inspect';

const NOW = new Date('2026-11-20T03:00:00Z');
const unix = (at: Date) => at.getTime() / 1000;
const view = (event: EventRow, counts: Partial<EventView['counts']> = {}, placesLeft: number | null = 12): EventView => ({
  event,
  counts: { going: 18, maybe: 4, notGoing: 2, waitlisted: 0, ...counts },
  placesLeft: event.capacity == null ? null : placesLeft,
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

  it('shows the fee once, and who pays and the format in both languages', () => {
    const event = eventRow({ feePerPerson: 12_000, feePayer: 'each_attendee', format: 'seated' });
    const text = visibleText(buildEventAnnouncement({ t: languages, view: view(event) }));
    const amount = first.events.costs.yen('12,000');
    expect(text).toContain(`*${pair((m) => m.costs.labels.cost)}:* ${amount} (${pair((m) => m.costs.payers.each_attendee)})`);
    expect(text).toContain(`*${pair((m) => m.costs.labels.format)}:* ${pair((m) => m.costs.formats.seated)}`);
    const free = visibleText(buildEventAnnouncement({ t: languages, view: view(eventRow({ feePerPerson: 0, feePayer: 'free', format: 'standing' })) }));
    expect(free).toContain(`*${pair((m) => m.costs.labels.cost)}:* ${pair((m) => m.costs.payers.free)}`);
    expect(free).toContain(pair((m) => m.costs.formats.standing));
  });

  it('an event made before the cost was asked shows no cost or format, and fits as before', () => {
    const event = eventRow({ feePerPerson: null, feePayer: null, format: null });
    const blocks = buildEventAnnouncement({ t: languages, view: view(event) });
    assertValidMessage(blocks, eventAnnouncementText(languages, event));
    expect(visibleText(blocks)).not.toContain(pair((m) => m.costs.labels.cost));
    expect(visibleText(blocks)).not.toContain(pair((m) => m.costs.labels.format));
  });

  it('gives the end its date when the event runs past midnight in Japan', () => {
    const event = eventRow({ startsAt: new Date('2026-12-05T13:00:00Z'), endsAt: new Date('2026-12-05T16:00:00Z') });
    expect(visibleText(buildEventAnnouncement({ t: languages, view: view(event) }))).toContain(
      `<!date^${unix(event.endsAt)}^{date_short_pretty} {time}|2026-12-06 01:00 JST>`,
    );
    expect(eventAnnouncementText(languages, event)).toContain('2026-12-05 22:00–2026-12-06 01:00 JST');
  });

  it('shows the counts on a line per language, the places left, and the waitlist only when someone waits', () => {
    const event = eventRow({ capacity: 30 });
    const open = visibleText(buildEventAnnouncement({ t: languages, view: view(event, { going: 18, maybe: 4, notGoing: 2 }, 12) }));
    expect(open).toContain(`${first.events.counts(18, 4, 2)} · ${first.events.placesLeft(12, 30)}\n${second.events.counts(18, 4, 2)}`);
    expect(open).not.toContain(first.events.waitlist(0));
    const full = visibleText(buildEventAnnouncement({ t: languages, view: view(event, { going: 30, waitlisted: 3 }, 0) }));
    expect(full).toContain(first.events.waitlist(3));
    expect(full).toContain(first.events.full);
    const unlimited = visibleText(buildEventAnnouncement({ t: languages, view: view(eventRow({ capacity: null, rsvpDeadline: null })) }));
    expect(unlimited).not.toContain(first.events.full);
    expect(unlimited).not.toContain(pair((m) => m.labels.deadline));
  });

  it('labels the answer buttons and the organizer menu in both languages, within Slack’s 75 characters', () => {
    const event = eventRow();
    const blocks = buildEventAnnouncement({ t: languages, view: view(event) });
    assertValidMessage(blocks, eventAnnouncementText(languages, event));
    expect(buttonsIn(blocks).map((button) => [button.action_id, button.text.text, button.value])).toEqual([
      [ACTIONS.rsvpGoing, pair((m) => m.answers.going), event.id],
      [ACTIONS.rsvpMaybe, pair((m) => m.answers.maybe), event.id],
      [ACTIONS.rsvpNotGoing, pair((m) => m.answers.not_going), event.id],
      [ACTIONS.addToCalendar, pair((m) => m.addToCalendar), undefined],
    ]);
    expect(buttonsIn(blocks)[3]!.url).toBe(googleCalendarUrl(event));
    const [menu] = objectsIn(blocks).filter((node) => node.type === 'overflow') as unknown as Overflow[];
    expect(menu!.action_id).toBe(ACTIONS.eventOrganizerMenu);
    expect(menu!.options.map((o) => [o.text.text, o.value])).toEqual([
      [pair((m) => m.menu.edit), `${EVENT_MENU.edit}:${event.id}`],
      [pair((m) => m.menu.cancel), `${EVENT_MENU.cancel}:${event.id}`],
      [pair((m) => m.menu.attendees), `${EVENT_MENU.attendees}:${event.id}`],
    ]);
  });

  it('gives the notification text in both languages, the title once', () => {
    const event = eventRow({ title: 'Meetup' });
    expect(eventAnnouncementText(languages, event)).toBe(`${pair((m) => m.labels.event)}: Meetup — 2026-12-05 18:00–20:00 JST, ${event.place}`);
    expect(eventAnnouncementText(languages, { ...event, status: 'cancelled' })).toBe(`${pair((m) => m.cancelledTag)}: Meetup (2026-12-05 18:00–20:00 JST)`);
  });

  it('once cancelled, says so in both languages in its header and text, with no buttons, menu or counts', () => {
    const event = eventRow({ status: 'cancelled', cancelledAt: NOW, title: 'Meetup' });
    const blocks = buildEventAnnouncement({ t: languages, view: view(event) });
    expect(blocksOfType(blocks, 'header')[0]!.text.text).toBe(`${pair((m) => m.cancelledTag)}: Meetup`);
    expect(visibleText(blocks)).toContain(`${first.events.cancelledText}\n${second.events.cancelledText}`);
    expect(visibleText(blocks)).not.toContain(first.events.counts(18, 4, 2));
    expect(objectsIn(blocks).filter((node) => node.type === 'overflow' || node.type === 'button')).toEqual([]);
  });
});
