import type { EventInput } from '../../src/services/events';
import { EVENT_FIELDS } from '../../src/slack/ids';

/**
 * The cost, who pays and the format of an event form as Slack submits them (required of a new
 * event): a stand-up meetup where each attendee pays ¥3,000.
 */
export function eventCostValues(costs: { fee?: string; payer?: string; format?: string } = {}) {
  const f = EVENT_FIELDS;
  return {
    [f.feePerPerson]: { [f.feePerPerson]: { type: 'number_input', value: costs.fee ?? '3000' } },
    [f.feePayer]: { [f.feePayer]: { type: 'radio_buttons', selected_option: { value: costs.payer ?? 'each_attendee' } } },
    [f.format]: { [f.format]: { type: 'radio_buttons', selected_option: { value: costs.format ?? 'standing' } } },
  };
}

/** The same, as the service reads them. */
export const EVENT_COSTS = { feePerPerson: 3000, feePayer: 'each_attendee', format: 'standing' } as const;

/**
 * An event as the service reads a submitted form: a year-end meetup in Tokyo for alumni and staff,
 * no limit, no deadline, with its costs. A test states only what differs.
 */
export function eventInput(overrides: Partial<EventInput> = {}): EventInput {
  return {
    title: '年末交流会',
    startsAt: new Date('2026-12-05T09:00:00Z'),
    endsAt: new Date('2026-12-05T11:00:00Z'),
    place: '霞が関ビル 3F',
    description: null,
    audience: 'all',
    capacity: null,
    rsvpDeadline: null,
    channelId: 'C0ANNOUNCE',
    ...EVENT_COSTS,
    ...overrides,
  };
}
