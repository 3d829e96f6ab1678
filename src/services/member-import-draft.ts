import { createMemberImportDraftsRepository } from '../db/repositories/member-import-drafts';
import type { MemberImportDraftRow } from '../db/schema';
import type { ServiceDeps } from './deps';
import { AppError } from './errors';
import { MemberCsvError, parseMemberCsv, type MemberCsvProblem, type ParsedMemberRow } from './member-csv';
import { importMembers, type ImportSummary } from './member-import';
import { previewImport, type ImportPreview } from './member-import-preview';
import { isOrganizer } from './organizers';

/** How long an uploaded spreadsheet waits for Confirm; after that it is uploaded again. */
export const DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** The largest spreadsheet taken from Slack (about 2,000 members with long texts). */
export const MAX_UPLOAD_BYTES = 1_000_000;

/** Why an uploaded file cannot be imported. */
export type UploadProblem =
  | { kind: 'not_csv' }
  | { kind: 'too_large'; bytes: number }
  | { kind: 'not_utf8' }
  /** The spreadsheet is wrong here: coded, so that it is told in the organizer's language. */
  | ({ kind: 'csv'; row: number | null; column: string | null } & MemberCsvProblem);

/** What an upload in the DM made: a draft to confirm, a file that cannot be imported, or nothing new. */
export type DraftResult =
  | { kind: 'ready'; draftId: string; fileName: string; total: number; preview: ImportPreview }
  | { kind: 'invalid'; draftId: string; fileName: string; problem: UploadProblem }
  /** The same Slack file was handled already (a repeated event): its preview was posted once. */
  | { kind: 'repeated' };

/** Whether Slack's description of a file (name and type) looks like a CSV, before downloading it. */
export function looksLikeCsv(file: { name: string; filetype?: string }): boolean {
  return file.filetype === 'csv' || /\.csv$/i.test(file.name);
}

function readUpload(bytes: Uint8Array, currentYear: number): { rows: ParsedMemberRow[] } | { problem: UploadProblem } {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) return { problem: { kind: 'too_large', bytes: bytes.byteLength } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: { kind: 'not_utf8' } };
  }
  try {
    return { rows: parseMemberCsv(text, { currentYear }) };
  } catch (error) {
    if (!(error instanceof MemberCsvError)) throw error;
    return { problem: { kind: 'csv', row: error.row, column: error.column, ...error.problem } };
  }
}

/**
 * Reads a spreadsheet an organizer uploaded and keeps it as a draft, with what importing it would
 * do; nothing is imported until Confirm. A file that cannot be read is kept too (without rows), so
 * that a repeated event about the same file is recognised and answered once.
 */
export async function draftMemberImport(
  deps: ServiceDeps,
  input: { organizerSlackUserId: string; fileId: string; fileName: string; content: { bytes: Uint8Array } | { problem: UploadProblem } },
): Promise<DraftResult> {
  if (!(await isOrganizer(deps, input.organizerSlackUserId))) throw new AppError('not_organizer');
  const now = deps.clock();
  const read = 'problem' in input.content ? input.content : readUpload(input.content.bytes, now.getFullYear());
  const repo = createMemberImportDraftsRepository({ db: deps.db });
  const draft = await repo.insertIfNew({
    organizerSlackUserId: input.organizerSlackUserId,
    fileId: input.fileId,
    fileName: input.fileName,
    rows: 'rows' in read ? read.rows : null,
    problem: 'problem' in read ? read.problem : null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + DRAFT_LIFETIME_MS),
  });
  if (!draft) return { kind: 'repeated' };
  if ('problem' in read) return { kind: 'invalid', draftId: draft.id, fileName: draft.fileName, problem: read.problem };
  return { kind: 'ready', draftId: draft.id, fileName: draft.fileName, total: read.rows.length, preview: await previewImport(deps, read.rows) };
}

/** Forgets a draft whose preview could not be shown: nobody can confirm it. */
export async function discardDraft(deps: ServiceDeps, draftId: string): Promise<void> {
  await createMemberImportDraftsRepository({ db: deps.db }).delete(draftId);
}

/** What Confirm or Cancel did, or why it did nothing. */
export type DraftDecision =
  | { kind: 'imported'; fileName: string; summary: ImportSummary }
  | { kind: 'cancelled'; fileName: string }
  /** Confirmed or cancelled before (a double click, another instance): nothing happened now. */
  | { kind: 'already_imported'; fileName: string; summary: ImportSummary | null }
  | { kind: 'already_cancelled'; fileName: string }
  | { kind: 'expired'; fileName: string }
  /** No such draft of this organizer's that can be imported (a forged or garbled button). */
  | { kind: 'not_found' };

function alreadyDecided(draft: MemberImportDraftRow, now: Date): DraftDecision {
  if (draft.outcome === 'imported') {
    return { kind: 'already_imported', fileName: draft.fileName, summary: (draft.summary as ImportSummary | null) ?? null };
  }
  if (draft.outcome === 'cancelled') return { kind: 'already_cancelled', fileName: draft.fileName };
  if (draft.expiresAt.getTime() <= now.getTime()) return { kind: 'expired', fileName: draft.fileName };
  return { kind: 'not_found' };
}

/** The draft as its organizer may act on it, or why not. */
async function openDraft(deps: ServiceDeps, input: { draftId: string; slackUserId: string }) {
  if (!(await isOrganizer(deps, input.slackUserId))) throw new AppError('not_organizer');
  const draft = await createMemberImportDraftsRepository({ db: deps.db }).find(input.draftId);
  // Only the organizer who uploaded the file sees its preview; anyone else's click is forged.
  if (!draft || draft.organizerSlackUserId !== input.slackUserId) return { decided: { kind: 'not_found' } as const };
  if (draft.consumedAt || draft.expiresAt.getTime() <= deps.clock().getTime() || !draft.rows) {
    return { decided: alreadyDecided(draft, deps.clock()) };
  }
  return { draft };
}

class DraftTaken extends Error {}

/**
 * Confirm: imports the draft's rows as the CLI would (one transaction, matched by email), in the
 * organizer's name. Slack is not asked here: users.lookupByEmail allows about 50 calls a minute, so
 * a large file could not finish; each member is linked by email when they first use Kakehashi
 * (identify → slack-accounts.ts) or when a search first shows them (listeners/shared/experts.ts).
 * The draft is claimed in the import's transaction, so of two clicks or two instances exactly one imports.
 */
export async function confirmMemberImport(deps: ServiceDeps, input: { draftId: string; slackUserId: string }): Promise<DraftDecision> {
  const opened = await openDraft(deps, input);
  if (!opened.draft) return opened.decided;
  const { draft } = opened;
  const now = deps.clock();
  try {
    const summary = await importMembers(deps, draft.rows as ParsedMemberRow[], {
      actor: input.slackUserId,
      withinTransaction: async (tx) => {
        const claimed = await createMemberImportDraftsRepository({ db: tx }).claim({
          id: draft.id,
          organizerSlackUserId: input.slackUserId,
          outcome: 'imported',
          now,
        });
        if (!claimed) throw new DraftTaken();
      },
    });
    await createMemberImportDraftsRepository({ db: deps.db }).recordSummary(draft.id, { ...summary });
    return { kind: 'imported', fileName: draft.fileName, summary };
  } catch (error) {
    if (!(error instanceof DraftTaken)) throw error;
    const current = await createMemberImportDraftsRepository({ db: deps.db }).find(draft.id);
    return current ? alreadyDecided(current, now) : { kind: 'not_found' };
  }
}

/** Cancel: the draft is dropped (its rows forgotten); nothing is imported. */
export async function cancelMemberImport(deps: ServiceDeps, input: { draftId: string; slackUserId: string }): Promise<DraftDecision> {
  const opened = await openDraft(deps, input);
  if (!opened.draft) return opened.decided;
  const repo = createMemberImportDraftsRepository({ db: deps.db });
  const now = deps.clock();
  const claimed = await repo.claim({ id: opened.draft.id, organizerSlackUserId: input.slackUserId, outcome: 'cancelled', now });
  if (claimed) return { kind: 'cancelled', fileName: claimed.fileName };
  const current = await repo.find(opened.draft.id);
  return current ? alreadyDecided(current, now) : { kind: 'not_found' };
}

/**
 * Forgets what drafts hold of people once nobody can confirm them: the rows and the problem (which
 * may quote a cell) of drafts that expired or were confirmed or cancelled. Run by the periodic
 * sweeper on every instance: a plain UPDATE, so two instances sweeping at once do no harm.
 */
export async function clearSpentDrafts(deps: ServiceDeps): Promise<number> {
  return createMemberImportDraftsRepository({ db: deps.db }).clearSpent(deps.clock());
}
