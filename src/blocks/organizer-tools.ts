import type { KnownBlock } from '@slack/types';
import type { Messages } from '../i18n';
import { MEMBER_CSV_COLUMNS } from '../services/member-csv';
import { ACTIONS } from '../slack/ids';
import { plain } from './common';

/** The organizers' section of the App Home: announce an event, the member list, the CSV import. */
export function buildOrganizerTools({ t }: { t: Messages }): KnownBlock[] {
  const o = t.organizerTools;
  return [
    { type: 'divider' },
    { type: 'header', text: plain(o.header, 150) },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: ACTIONS.organizerAnnounceEvent, text: plain(o.announceEvent, 75) },
        { type: 'button', action_id: ACTIONS.organizerMembers, text: plain(o.members, 75) },
        { type: 'button', action_id: ACTIONS.organizerImportCsv, text: plain(o.importCsv, 75) },
      ],
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: o.hint }] },
  ];
}

/** The DM that tells an organizer how to import the spreadsheet: upload it in that DM. */
export function buildImportInstructions({ t }: { t: Messages }): { text: string } {
  return { text: t.organizerTools.importInstructions(MEMBER_CSV_COLUMNS.map((column) => `\`${column}\``).join(', ')) };
}
