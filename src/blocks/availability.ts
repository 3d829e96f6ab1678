import type { KnownBlock } from '@slack/types';
import type { Messages } from '../i18n';
import { ACTIONS } from '../slack/ids';
import { escapeMrkdwnWithin } from '../slack/mrkdwn';
import { plain } from './common';

/**
 * "You are not suggested to staff until <day>" with "Available again", on the App Home and the
 * profile modal: a date set when declining would otherwise hide a member for months without a
 * trace. The button carries no ID: whose date it clears comes from the clicker.
 */
export function buildUnavailableNotice(t: Messages, until: string): KnownBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: t.availability.notice(escapeMrkdwnWithin(until, 40)) },
    accessory: { type: 'button', action_id: ACTIONS.clearUnavailable, text: plain(t.availability.availableAgain, 75) },
  };
}
