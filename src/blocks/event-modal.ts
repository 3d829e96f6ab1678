import type { ModalView } from '@slack/types';
import type { EventRow } from '../db/schema/events';
import type { Messages } from '../i18n';
import { addDays, networkToday, startOfNetworkDay } from '../services/calendar';
import { EVENT_FEE_PAYERS, EVENT_FORMATS } from '../services/ethics';
import { EVENT_AUDIENCES, EVENT_LIMITS } from '../services/event-types';
import { EVENT_FIELDS, VIEWS } from '../slack/ids';
import { inputBlock, option, plain } from './common';
import { unix } from './event-time';

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

/**
 * The fee per person, who pays and the format: required of a new event (Slack submits the form only
 * with them), optional when editing one made before they were asked (null), so it still saves.
 * Sponsorship by companies is not accepted for events open to staff: the form says so beside them,
 * and that staff going with an interested party pay their own share where the organizers pay.
 */
function costBlocks(t: Messages, event: EventRow | undefined): ModalView['blocks'] {
  const m = t.events.costs;
  const payer = EVENT_FEE_PAYERS.find((value) => value === event?.feePayer);
  const format = EVENT_FORMATS.find((value) => value === event?.format);
  const optional = (known: unknown) => ({ optional: event !== undefined && (known === null || known === undefined) });
  return [
    inputBlock(
      EVENT_FIELDS.feePerPerson,
      m.feeLabel,
      {
        type: 'number_input',
        action_id: EVENT_FIELDS.feePerPerson,
        is_decimal_allowed: false,
        min_value: '0',
        max_value: String(EVENT_LIMITS.maxFee),
        ...(event?.feePerPerson != null ? { initial_value: String(event.feePerPerson) } : {}),
      },
      { ...optional(event?.feePerPerson), hint: m.feeHint },
    ),
    inputBlock(
      EVENT_FIELDS.feePayer,
      m.payerLabel,
      {
        type: 'radio_buttons',
        action_id: EVENT_FIELDS.feePayer,
        options: EVENT_FEE_PAYERS.map((value) => option(m.payers[value], value)),
        ...(payer ? { initial_option: option(m.payers[payer], payer) } : {}),
      },
      optional(payer),
    ),
    inputBlock(
      EVENT_FIELDS.format,
      m.formatLabel,
      {
        type: 'radio_buttons',
        action_id: EVENT_FIELDS.format,
        options: EVENT_FORMATS.map((value) => option(m.formats[value], value)),
        ...(format ? { initial_option: option(m.formats[format], format) } : {}),
      },
      optional(format),
    ),
    { type: 'context', elements: [{ type: 'mrkdwn', text: m.formEthics }] },
  ];
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
      inputBlock(EVENT_FIELDS.title, m.titleLabel, {
        type: 'plain_text_input',
        action_id: EVENT_FIELDS.title,
        max_length: EVENT_LIMITS.title,
        placeholder: plain(m.titlePlaceholder, 150),
        ...(event ? { initial_value: event.title.slice(0, EVENT_LIMITS.title) } : {}),
      }),
      inputBlock(
        EVENT_FIELDS.startsAt,
        m.startsAt,
        { type: 'datetimepicker', action_id: EVENT_FIELDS.startsAt, initial_date_time: unix(times.startsAt) },
        { hint: m.timeHint },
      ),
      inputBlock(EVENT_FIELDS.endsAt, m.endsAt, { type: 'datetimepicker', action_id: EVENT_FIELDS.endsAt, initial_date_time: unix(times.endsAt) }),
      inputBlock(EVENT_FIELDS.place, m.place, {
        type: 'plain_text_input',
        action_id: EVENT_FIELDS.place,
        max_length: EVENT_LIMITS.place,
        placeholder: plain(m.placePlaceholder, 150),
        ...(event ? { initial_value: event.place.slice(0, EVENT_LIMITS.place) } : {}),
      }),
      inputBlock(
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
      inputBlock(EVENT_FIELDS.audience, m.audience, {
        type: 'radio_buttons',
        action_id: EVENT_FIELDS.audience,
        options: EVENT_AUDIENCES.map((value) => option(m.audiences[value], value)),
        initial_option: option(m.audiences[audience], audience),
      }),
      inputBlock(
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
      ...costBlocks(t, event),
      inputBlock(
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
            inputBlock(
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
