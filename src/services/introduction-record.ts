import { stringify } from 'csv-stringify/sync';
import { createRepositories } from '../db/repositories';
import { createIntroductionRecordRepository, type IntroductionRecordItem, type RecordMember } from '../db/repositories/introduction-record';
import { createRoundRecordRepository, type RoundRecordPair, type RoundRecordPerson } from '../db/repositories/round-record';
import { addDays, isIsoDate, networkToday, startOfNetworkDay } from './calendar';
import { escapeFormula } from './csv-formula';
import type { ServiceDeps } from './deps';
import { ethicsMatchSummary, supervisorNotifiedCell } from './ethics-match';
import { requireOrganizer } from './event-lists';
import { roundEthicsNotices, roundEthicsSummary, roundPairOutcome, sharedTopicsText } from './round-record';
import { roundSideOf } from './round-rules';

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
function recordCells({ request, requester, alumnus, volunteers, supervisorDeliveryFailed }: IntroductionRecordItem): Record<RecordColumn, string> {
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
    supervisor_notified: supervisorNotifiedCell(request, supervisorDeliveryFailed),
    status: request.status,
    answered_at: iso(request.answeredAt),
    decline_reason: alumnusErased ? '' : typed(request.declineReason),
    reminder_sent_at: iso(request.reminderSentAt),
    volunteers: typed(volunteers.join('; ')),
  };
}

/** A person of a pair as the record names them, before the formula guard: an erased one only by their pseudonym. */
const roundName = (person: RoundRecordPerson) => (person.status === 'erased' ? person.pseudonym : (person.name ?? person.pseudonym));
const roundJoin = (people: RoundRecordPerson[], pick: (person: RoundRecordPerson) => string | null) =>
  typed(people.map((person) => (person.status === 'erased' ? '' : (pick(person) ?? ''))).join('; '));

/**
 * A round's pair as a row (kind `round`): the staff of the pair in the requester's columns, the
 * alumni in the alumnus's (`; `-separated in a trio), the topics they share as the topic, dated by
 * the round's start, its end as the due date, and what came of it as the status (met, not_yet,
 * skipped, no_answer). An erased person appears only as their pseudonym, and no finding is shown.
 */
function roundCells({ pair, round, people }: RoundRecordPair): Record<RecordColumn, string> {
  const persons = people.map(({ person }) => person);
  const staff = persons.filter((person) => roundSideOf(person) === 'staff');
  const alumni = persons.filter((person) => roundSideOf(person) === 'alumni');
  const anyErased = persons.some((person) => person.status === 'erased');
  const notices = roundEthicsNotices(pair.ethicsMatch);
  const outcome = roundPairOutcome(people);
  const empty = Object.fromEntries(INTRODUCTION_RECORD_COLUMNS.map((column) => [column, ''])) as Record<RecordColumn, string>;
  return {
    ...empty,
    request_id: pair.id,
    requested_at: iso(round.startsAt),
    kind: 'round',
    requester: typed(staff.map(roundName).join('; ')),
    requester_slack_user_id: staff.map((person) => (person.status === 'erased' ? person.pseudonym : (person.slackUserId ?? ''))).join('; '),
    requester_division: roundJoin(staff, (person) => person.currentDivision),
    alumnus: typed(alumni.map(roundName).join('; ')),
    alumnus_organisation: roundJoin(alumni, (person) => person.organisation),
    topic: typed(sharedTopicsText(pair.sharedTopics)),
    due_date: networkToday(round.endsAt),
    ethics_notices: [...(notices.interestedParty ? ['interested_party'] : []), ...(notices.postRetirement ? ['post_retirement'] : [])].join('; '),
    ethics_match: anyErased ? '' : typed(roundEthicsSummary(pair.ethicsMatch)),
    status: outcome.status,
    answered_at: iso(outcome.answeredAt),
  };
}

/** Who takes the record: an organizer (checked here), or the command line (whoever can reach the database). */
export type RecordReader = { organizerSlackUserId: string } | { commandLine: true };

/**
 * The introduction record for organizers as CSV, one row per request made from `from` through `to`
 * (network days, Japan time) and one per pair of the rounds that started on those days, and an `audit.exported` event saying who took it. Like the members
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
  const range = {
    from: input.from === undefined ? undefined : startOfNetworkDay(input.from),
    to: input.to === undefined ? undefined : startOfNetworkDay(addDays(input.to, 1)),
  };
  const items = await createIntroductionRecordRepository({ db: deps.db }).listCreatedBetween(range);
  const pairs = await createRoundRecordRepository({ db: deps.db }).listPairs(range);
  const cells = [...items.map(recordCells), ...pairs.map(roundCells)];
  // Both lists come sorted; a stable sort by time keeps requests before pairs at the same instant.
  cells.sort((a, b) => (a.requested_at === b.requested_at ? 0 : a.requested_at < b.requested_at ? -1 : 1));
  const rows = cells.map((row) => INTRODUCTION_RECORD_COLUMNS.map((column) => row[column]));
  const csv = stringify([[...INTRODUCTION_RECORD_COLUMNS], ...rows], { bom: true });
  await createRepositories(deps.db).audit.record({
    actor: 'organizerSlackUserId' in input.by ? input.by.organizerSlackUserId : 'cli',
    action: 'audit.exported',
    details: { from: input.from ?? null, to: input.to ?? null, count: rows.length, roundPairs: pairs.length },
    occurredAt: deps.clock(),
  });
  return { csv, count: rows.length };
}
