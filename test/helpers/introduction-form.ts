import { INTRODUCTION_FIELDS } from '../../src/slack/ids';

/** The request form as a staff member fills it in (view.state.values); a test states what differs. */
export function introductionFormValues(overrides: { details?: string; division?: string; due?: string } = {}) {
  const f = INTRODUCTION_FIELDS;
  return {
    [f.purpose]: { [f.purpose]: { type: 'static_select', selected_option: { value: 'policy_research' } } },
    [f.details]: { [f.details]: { type: 'plain_text_input', value: overrides.details ?? 'FIP制度について' } },
    [f.format]: { [f.format]: { type: 'radio_buttons', selected_option: { value: 'call' } } },
    [f.dueDate]: { [f.dueDate]: { type: 'datepicker', selected_date: overrides.due ?? '2026-12-10' } },
    [f.requesterDivision]: { [f.requesterDivision]: { type: 'plain_text_input', value: overrides.division ?? '新エネルギー課' } },
  };
}
