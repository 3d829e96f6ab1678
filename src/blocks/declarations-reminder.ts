import type { KnownBlock } from '@slack/types';
import type { Messages } from '../i18n';
import { ACTIONS } from '../slack/ids';
import { plain } from './common';

/** The DM asking a staff member to confirm their ethics declarations, with Confirm as is / Edit. */
export function buildDeclarationsReminder({ t, months }: { t: Messages; months: number }): KnownBlock[] {
  const r = t.declarations.reminder;
  return [
    { type: 'section', text: { type: 'mrkdwn', text: r.text(months) } },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: ACTIONS.confirmDeclarations, style: 'primary', text: plain(r.confirm, 75) },
        { type: 'button', action_id: ACTIONS.openProfileModal, text: plain(r.edit, 75) },
      ],
    },
  ];
}
