import type { KnownBlock } from '@slack/types';
import type { Messages } from '../i18n';
import { STALE_AFTER_MONTHS } from '../services/stale-profiles';
import { ACTIONS } from '../slack/ids';
import { plain } from './common';

/** The ephemeral "are you sure?" before erasing one's data. */
export function buildEraseConfirmation({ t }: { t: Messages }): KnownBlock[] {
  const p = t.profileCommand;
  return [
    { type: 'section', text: { type: 'mrkdwn', text: `:warning: ${p.deleteConfirm}` } },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.confirmErase,
          style: 'danger',
          text: plain(p.deleteButton, 75),
          confirm: {
            title: plain(p.deleteDialogTitle, 100),
            text: plain(p.deleteDialogText, 300),
            confirm: plain(p.deleteDialogConfirm, 30),
            deny: plain(p.deleteDialogDeny, 30),
            style: 'danger',
          },
        },
      ],
    },
  ];
}

/** The DM asking a member whose profile went stale to keep or edit it. */
export function buildStaleReminder({ t }: { t: Messages }): KnownBlock[] {
  return [
    { type: 'section', text: { type: 'mrkdwn', text: t.stale.reminder(STALE_AFTER_MONTHS) } },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: ACTIONS.keepProfile, style: 'primary', text: plain(t.stale.keep, 75) },
        { type: 'button', action_id: ACTIONS.openProfileModal, text: plain(t.stale.edit, 75) },
      ],
    },
  ];
}
