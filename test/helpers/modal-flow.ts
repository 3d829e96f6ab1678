import { expect } from 'vitest';
import { VIEWS } from '../../src/slack/ids';
import type { MockSlack } from './slack-api';

/** The view ID and hash the mocked Slack gives the loading modal. */
export const LOADING_VIEW = { id: 'V0LOADING', hash: '1700000000.loading' } as const;

/** Expects a modal opened at once with its loading view (views.open), then filled in (views.update). */
export function expectModalFlow(slack: MockSlack): MockSlack {
  return slack.expect('views.open', { view: LOADING_VIEW }).expect('views.update');
}

/**
 * What the modal was filled with: the last views.update, checked to replace the loading view that
 * was opened with the trigger (by its ID, with its hash).
 */
export function filledModal(slack: MockSlack): any {
  const opened = slack.bodies('views.open').at(-1);
  expect(opened?.view.callback_id).toBe(VIEWS.loading);
  const update = slack.bodies('views.update').at(-1);
  expect(update).toMatchObject({ view_id: LOADING_VIEW.id, hash: LOADING_VIEW.hash });
  return update!.view;
}

/** The sentence a modal was filled with instead of its form (a refusal, "temporarily unavailable"). */
export function modalNotice(slack: MockSlack): string {
  const view = filledModal(slack);
  expect(view.callback_id).toBe(VIEWS.modalNotice);
  expect(view.submit).toBeUndefined();
  return view.blocks.map((block: any) => block.text.text).join('\n');
}
