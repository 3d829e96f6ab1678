import { stringify } from 'csv-stringify/sync';
import { createRepositories } from '../db/repositories';
import { createIntroductionRecordRepository, type IntroductionRecordItem, type RecordMember } from '../db/repositories/introduction-record';
import { addDays, isIsoDate, startOfNetworkDay } from './calendar';
import { escapeFormula } from './csv-formula';
import type { ServiceDeps } from './deps';
import { ethicsMatchSummary, supervisorNotifiedCell } from './ethics-match';
import { requireOrganizer } from './event-lists';

/** The record's columns, in the order the file has them. */
export const INTRODUCTION_RECORD_COLUMNS = [
  'request_id',
  'requested_at',
  'kind',
  'requester',
  'requester_slack_user_id',
  'requester_division',
  'alumnus',
  'alumnus_organisation',
  'topic',
  'details',
  'purpose',
  'format',
  'due_date',
  'coi_disclosed',
  'coi_acknowledged_at',
  'ethics_notices',
  'ethics_match',
  'ethics_acknowledged_at',
  'supervisor_notified',
  'status',
  'answered_at',
  'decline_reason',
  'reminder_sent_at',
  'volunteers',
] as const;
type RecordColumn = (typeof INTRODUCTION_RECORD_COLUMNS)[number];

/** Network dates (YYYY-MM-DD), both inclusive; either may be left out. */
export interface RecordRange {
  from?: string;
  to?: string;
}

/** Why a range cannot be exported: a date that is not YYYY-MM-DD, or a start after the end. */
export type RecordRangeProblem = 'bad_date' | 'bad_range';

export class RecordRangeError extends Error {
  override readonly name = 'RecordRangeError';
  constructor(readonly problem: RecordRangeProblem) {
    super(problem === 'bad_date' ? 'dates must be real days written YYYY-MM-DD' : 'the start date is after the end date');
  }
}

/** What is wrong with the range, if anything (callers check before starting slow work). */
export function checkRecordRange({ from, to }: RecordRange): RecordRangeProblem | undefined {
  if ((from !== undefined && !isIsoDate(from)) || (to !== undefined && !isIsoDate(to))) return 'bad_date';
  if (from !== undefined && to !== undefined && from > to) return 'bad_range';
  return undefined;
}

const erased = (member: RecordMember | null) => member?.status === 'erased';
const iso = (value: Date | null) => value?.toISOString() ?? '';
/** Text someone typed: a spreadsheet must not run it as a formula. */
const typed = (value: string | null | undefined) => (value ? escapeFormula(value) : '');

/**
 * One request as a row. An erased member appears only as their pseudonym: never their name, Slack
 * ID, organisation, or words of theirs that could name them (a decline reason, a COI disclosure).
 */
function recordCells({ request, requester, alumnus, volunteers }: IntroductionRecordItem): Record<RecordColumn, string> {
  const requesterErased = erased(requester);
  const alumnusErased = erased(alumnus);
  return {
    request_id: request.id,
    requested_at: iso(request.createdAt),
    kind: request.kind,
    requester: requesterErased ? requester!.pseudonym : typed(request.requesterName ?? requester?.name),
    requester_slack_user_id: requesterErased ? requester!.pseudonym : request.requesterSlackUserId,
    requester_division: requesterErased ? '' : typed(request.requesterDivision),
    alumnus: alumnus === null ? '' : alumnusErased ? alumnus.pseudonym : typed(alumnus.name ?? alumnus.pseudonym),
    alumnus_organisation: alumnusErased ? '' : typed(alumnus?.organisation),
    topic: typed(request.topic),
    details: typed(request.details),
    purpose: request.purpose,
    format: request.format,
    due_date: request.dueDate,
    coi_disclosed: alumnusErased ? '' : typed(request.coiDisclosure),
    coi_acknowledged_at: iso(request.coiAcknowledgedAt),
    // The notices shown (interested_party, post_retirement); what matched names the alumnus's employer.
    ethics_notices: request.ethicsNotices.join('; '),
    ethics_match: alumnusErased || requesterErased ? '' : typed(ethicsMatchSummary(request.ethicsMatch)),
    ethics_acknowledged_at: iso(request.ethicsAcknowledgedAt),
    // Read from when the DM was delivered: kept after the requester's erasure clears the supervisor.
    supervisor_notified: supervisorNotifiedCell(request),
    status: request.status,
    answered_at: iso(request.answeredAt),
    decline_reason: alumnusErased ? '' : typed(request.declineReason),
    reminder_sent_at: iso(request.reminderSentAt),
    volunteers: typed(volunteers.join('; ')),
  };
}

/** Who takes the record: an organizer (checked here), or the command line (whoever can reach the database). */
export type RecordReader = { organizerSlackUserId: string } | { commandLine: true };

/**
 * The introduction record for organizers as CSV, one row per request made from `from` through `to`
 * (network days, Japan time), and an `audit.exported` event saying who took it. Like the members
 * export, the file starts with a byte-order mark so that Excel reads it as UTF-8. Organizers only
 * (AppError `not_organizer`), whatever the caller checked before.
 */
export async function exportIntroductionRecord(
  deps: ServiceDeps,
  input: RecordRange & { by: RecordReader },
): Promise<{ csv: string; count: number }> {
  if ('organizerSlackUserId' in input.by) await requireOrganizer(deps, input.by.organizerSlackUserId);
  const problem = checkRecordRange(input);
  if (problem) throw new RecordRangeError(problem);
  const items = await createIntroductionRecordRepository({ db: deps.db }).listCreatedBetween({
    from: input.from === undefined ? undefined : startOfNetworkDay(input.from),
    to: input.to === undefined ? undefined : startOfNetworkDay(addDays(input.to, 1)),
  });
  const rows = items.map((item) => {
    const cells = recordCells(item);
    return INTRODUCTION_RECORD_COLUMNS.map((column) => cells[column]);
  });
  const csv = stringify([[...INTRODUCTION_RECORD_COLUMNS], ...rows], { bom: true });
  await createRepositories(deps.db).audit.record({
    actor: 'organizerSlackUserId' in input.by ? input.by.organizerSlackUserId : 'cli',
    action: 'audit.exported',
    details: { from: input.from ?? null, to: input.to ?? null, count: items.length },
    occurredAt: deps.clock(),
  });
  return { csv, count: items.length };
}
