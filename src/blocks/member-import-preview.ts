import type { KnownBlock, SectionBlock } from '@slack/types';
import type { Messages } from '../i18n';
import type { DraftDecision, UploadProblem } from '../services/member-import-draft';
import { describeMemberCsvProblem } from '../services/member-csv';
import type { ImportPreview } from '../services/member-import-preview';
import { ACTIONS } from '../slack/ids';
import { escapeMrkdwn, escapeMrkdwnWithin } from '../slack/mrkdwn';
import { plain } from './common';

/**
 * Each list (new, changed) gets one section: within Slack's 3,000 characters, and both together
 * well within the about 13,000 characters a message's blocks may hold (msg_blocks_too_long).
 */
const LIST_MAX = 2_800;

export interface ImportMessage {
  text: string;
  blocks: KnownBlock[];
}

const section = (text: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const fileLabel = (fileName: string) => `\`${escapeMrkdwnWithin(fileName.replace(/`/g, "'"), 150)}\``;

/** As many lines as fit one section under a heading, then how many more. */
function listSection(t: Messages, heading: string, lines: string[]): SectionBlock {
  let text = heading;
  for (const [i, line] of lines.entries()) {
    // Room is kept for "…and N more" should a later line not fit.
    if (text.length + 1 + line.length > LIST_MAX - 40) return section(`${text}\n${t.memberImport.moreRows(lines.length - i)}`);
    text += `\n${line}`;
  }
  return section(text);
}

/** What importing an uploaded spreadsheet would do, with Confirm and Cancel carrying the draft. */
export function buildImportPreview(props: {
  t: Messages;
  fileName: string;
  draftId: string;
  total: number;
  preview: ImportPreview;
  lifetimeHours: number;
}): ImportMessage {
  const { t, preview } = props;
  const m = t.memberImport;
  const file = fileLabel(props.fileName);
  const blocks: KnownBlock[] = [
    section(`${m.previewTitle(file)}\n${m.previewCounts(props.total, preview.created.length, preview.updated.length, preview.unchanged)}`),
  ];
  if (preview.created.length > 0) {
    blocks.push(listSection(t, m.createdHeading, preview.created.map((row) => `• ${escapeMrkdwnWithin(row.email, 200)}`)));
  }
  if (preview.updated.length > 0) {
    const lines = preview.updated.map((row) => `• ${escapeMrkdwnWithin(row.email, 200)} — ${row.columns.join(', ')}`);
    blocks.push(listSection(t, m.updatedHeading, lines));
  }
  blocks.push(
    { type: 'context', elements: [{ type: 'mrkdwn', text: m.previewHintLinkLater(props.lifetimeHours) }] },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: ACTIONS.confirmMemberImport, style: 'primary', value: props.draftId, text: plain(m.confirm, 75) },
        { type: 'button', action_id: ACTIONS.cancelMemberImport, value: props.draftId, text: plain(m.cancel, 75) },
      ],
    },
  );
  return { text: m.previewFallback(escapeMrkdwnWithin(props.fileName, 150), preview.created.length, preview.updated.length), blocks };
}

/** Why an uploaded file cannot be imported (the row and column when the spreadsheet is wrong); no buttons. */
export function buildImportProblem(props: { t: Messages; fileName: string; problem: UploadProblem; maxBytes: number }): ImportMessage {
  const { t, problem } = props;
  const m = t.memberImport;
  const file = fileLabel(props.fileName);
  let text: string;
  if (problem.kind === 'not_csv') text = m.notCsv(file);
  else if (problem.kind === 'too_large') text = m.tooLarge(file, Math.floor(props.maxBytes / 1000));
  else if (problem.kind === 'not_utf8') text = m.notUtf8(file);
  else {
    const where =
      problem.row === null
        ? m.whereFile
        : problem.column === null
          ? m.whereRow(problem.row)
          : m.whereRowColumn(problem.row, `\`${escapeMrkdwn(problem.column)}\``);
    text = m.csvProblem(file, where, escapeMrkdwnWithin(describeMemberCsvProblem(t.memberCsv, problem), 1500));
  }
  return { text, blocks: [section(text)] };
}

/** What replaces the preview once Confirm or Cancel was pressed (or why nothing was done). */
export function buildImportDecision(props: { t: Messages; decision: DraftDecision; lifetimeHours: number }): ImportMessage {
  const { t, decision } = props;
  const m = t.memberImport;
  let text: string;
  switch (decision.kind) {
    case 'imported': {
      const s = decision.summary;
      text = m.importedLinkLater(fileLabel(decision.fileName), s.created, s.updated, s.unchanged);
      break;
    }
    case 'already_imported': {
      const s = decision.summary;
      const again = m.alreadyImported(fileLabel(decision.fileName));
      text = s ? `${again}\n${m.importedLinkLater(fileLabel(decision.fileName), s.created, s.updated, s.unchanged)}` : again;
      break;
    }
    case 'cancelled':
      text = m.cancelled(fileLabel(decision.fileName));
      break;
    case 'already_cancelled':
      text = m.alreadyCancelled(fileLabel(decision.fileName));
      break;
    case 'expired':
      text = m.expired(fileLabel(decision.fileName), props.lifetimeHours);
      break;
    case 'not_found':
      text = m.notFound;
      break;
  }
  return { text, blocks: [section(text)] };
}
