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
