import { ROUND_MAX_DAYS } from './round-rules';
import { ethicsMatchSummary, supervisorNotifiedCell } from './ethics-match';
import { stringify } from 'csv-stringify/sync';
import { createRepositories } from '../db/repositories';
import {
  createContactLogRepository,
  type ContactEventAttendance,
  type ContactIntroduction,
  type ContactPerson,
} from '../db/repositories/contact-log';
import { createEventsRepository } from '../db/repositories/events';
import { createRoundRecordRepository } from '../db/repositories/round-record';
import { addDays, networkToday, startOfNetworkDay } from './calendar';
import { escapeFormula } from './csv-formula';
import type { ServiceDeps } from './deps';
import { requireOrganizer } from './event-lists';
import { isCurrentOfficial } from './identity';
import { checkRecordRange, RecordRangeError, type RecordRange } from './introduction-record';
import { roundCells, roundContactDay } from './contact-log-rounds';

/**
 * The contact log's columns, in the order the file has them: a lobbying register's shape (date,
 * people, organisations, subject, format, who paid) with the ethics notices of each introduction.
 */
export const CONTACT_LOG_COLUMNS = [
  'date',
  'kind',
  'staff',
  'staff_division',
  'alumni',
  'alumni_organisation',
  'subject',
  'format',
  /** What came of it: an introduction made (`accepted`), an event `attended`, a round's pair `met` / `not_yet` / `skipped` / `no_answer`. */
  'outcome',
  'interested_party_notice',
  'post_retirement_notice',
  'meal_notice',
  'ethics_match',
  'notice_acknowledged_at',
  'supervisor_notified',
  'paid_by',
  'fee_per_person',
  'reference_id',
] as const;
export type ContactColumn = (typeof CONTACT_LOG_COLUMNS)[number];

/** Who takes the log: an organizer (checked here), or the command line (whoever can reach the database). */
export type ContactLogReader = { organizerSlackUserId: string } | { commandLine: true };

/** The audit trail's action for a contact log export (the introduction record's is `audit.exported`). */
export const CONTACT_LOG_EXPORTED = 'contacts.exported';

const erased = (person: ContactPerson | null) => person?.status === 'erased';
/** Text someone typed: a spreadsheet must not run it as a formula. */
const typed = (value: string | null | undefined) => (value ? escapeFormula(value) : '');
const yesNo = (value: boolean) => (value ? 'yes' : 'no');
/** A person as the log names them, before the formula guard: an erased one only by their pseudonym. */
const rawName = (person: ContactPerson) => (erased(person) ? person.pseudonym : (person.name ?? person.pseudonym));
const nameOf = (person: ContactPerson) => typed(rawName(person));

/**
 * An introduction as a row, dated the day it was made (accepted), in Japan. Erased people appear
 * only as their pseudonym: no name, division, organisation, nor the match summary, which names
 * divisions and employers.
 */
function introductionCells({ request, requester, alumnus, supervisorDeliveryFailed }: ContactIntroduction): Record<ContactColumn, string> {
  const requesterErased = erased(requester);
  const alumnusErased = erased(alumnus);
  return {
    date: request.answeredAt ? networkToday(request.answeredAt) : '',
    kind: 'introduction',
    staff: requesterErased
      ? requester!.pseudonym
      : typed(request.requesterName ?? requester?.name ?? request.requesterSlackUserId),
    // The division the request was made from; the profile's current one when none was given.
    staff_division: requesterErased ? '' : typed(request.requesterDivision ?? requester?.currentDivision),
    alumni: alumnus === null ? '' : nameOf(alumnus),
    alumni_organisation: alumnusErased ? '' : typed(alumnus?.organisation),
    subject: typed(request.topic),
    format: request.format,
    outcome: 'accepted',
    interested_party_notice: yesNo(request.ethicsNotices.includes('interested_party')),
    post_retirement_notice: yesNo(request.ethicsNotices.includes('post_retirement')),
    meal_notice: '',
    ethics_match: requesterErased || alumnusErased ? '' : typed(ethicsMatchSummary(request.ethicsMatch)),
    notice_acknowledged_at: request.ethicsAcknowledgedAt?.toISOString() ?? '',
    supervisor_notified: supervisorNotifiedCell(request, supervisorDeliveryFailed),
    // An introduction costs nothing the bot knows of.
    paid_by: '',
    fee_per_person: '',
    reference_id: request.id,
  };
}

/**
 * A staff member at an event as a row, dated the day it took place, in Japan, with the alumni who
 * went too (names and organisations in the same order), and the meal notices they were given before
 * it (`advance_notice`, `hospitality`; `no` for none). The introductions' notice columns stay empty.
 */
function eventCells({ event, staff, alumni, mealNotices }: StaffAtEvent): Record<ContactColumn, string> {
  return {
    date: networkToday(event.startsAt),
    kind: 'event',
    staff: nameOf(staff),
    staff_division: erased(staff) ? '' : typed(staff.currentDivision),
    // Guarded once, as one cell: only the cell's start can make it a formula.
    alumni: typed(alumni.map(rawName).join('; ')),
    alumni_organisation: typed(alumni.map((person) => (erased(person) ? '' : (person.organisation ?? ''))).join('; ')),
    subject: typed(event.title),
    format: event.format ?? '',
    outcome: 'attended',
    interested_party_notice: '',
    post_retirement_notice: '',
    meal_notice: mealNotices.length > 0 ? mealNotices.join('; ') : 'no',
    ethics_match: '',
    notice_acknowledged_at: '',
    supervisor_notified: '',
    paid_by: event.feePayer ?? '',
    // A number the form checked (0: free); empty for events made before it was asked.
    fee_per_person: event.feePerPerson === null ? '' : String(event.feePerPerson),
    reference_id: event.id,
  };
}

type Row = { date: string; order: number; cells: Record<ContactColumn, string> };

/** A staff member at an event, with the alumni who went too, and the meal notices they were given. */
interface StaffAtEvent {
  event: ContactEventAttendance['event'];
  staff: ContactPerson;
  alumni: ContactPerson[];
  mealNotices: string[];
}

/** One entry per staff member at each event: who is staff is the one rule (isCurrentOfficial), everyone else counts as alumni. */
function staffAtEvents(
  held: ContactEventAttendance[],
  given: Array<{ eventId: string; memberId: string; meal: string }>,
  staffEmailDomains: readonly string[],
): StaffAtEvent[] {
  return held.flatMap(({ event, attendees }) => {
    const official = (person: ContactPerson) => isCurrentOfficial(person, staffEmailDomains);
    const alumni = attendees.filter((person) => !official(person));
    return attendees.filter(official).map((staff) => {
      const mine = given.filter((notice) => notice.eventId === event.id && notice.memberId === staff.id).map((notice) => notice.meal);
      return { event, staff, alumni, mealNotices: [...new Set(mine)] };
    });
  });
}

/**
 * The contact log for the ethics officer as CSV: one row per introduction staff asked for that was
 * made (accepted) from `from` through `to`, and one per staff member with a place at an event held
 * on those days, and one per round's pair with staff in it, on the day they said they met or else the
 * round's start (network days, Japan time, both inclusive), by date, introductions, then events, then pairs on the same day. Recorded in the audit trail as `contacts.exported`, saying who took it. The file
 * starts with a byte-order mark so that Excel reads it as UTF-8. Organizers only.
 */
export async function exportContactLog(
  deps: ServiceDeps,
  input: RecordRange & { by: ContactLogReader },
): Promise<{ csv: string; count: number }> {
  if ('organizerSlackUserId' in input.by) await requireOrganizer(deps, input.by.organizerSlackUserId);
  const problem = checkRecordRange(input);
  if (problem) throw new RecordRangeError(problem);
  const range = {
    from: input.from === undefined ? undefined : startOfNetworkDay(input.from),
    to: input.to === undefined ? undefined : startOfNetworkDay(addDays(input.to, 1)),
  };
  const repo = createContactLogRepository({ db: deps.db });
  const now = deps.clock();
  // Asked "as staff" (organizers do) by someone whose profile holds no post: no contact with staff.
  const introductions = (await repo.listIntroductions(range)).filter(
    ({ requester }) => requester === null || isCurrentOfficial(requester, deps.staffEmailDomains),
  );
  const held = await repo.listEventAttendance({ ...range, now });
  const given = await createEventsRepository({ db: deps.db }).mealNoticesGiven(held.map(({ event }) => event.id));
  const attendance = staffAtEvents(held, given, deps.staffEmailDomains);
  // Every round's pair with staff in it is listed (the issue: every pairing), with its outcome, on
  // the day someone said they met, else the round's start; chosen by that same day, so the rounds
  // that could hold such a day are read (a round lasts at most four weeks).
  const earliestRound = range.from === undefined ? undefined : new Date(range.from.getTime() - ROUND_MAX_DAYS * 24 * 60 * 60_000);
  const pairs = (await createRoundRecordRepository({ db: deps.db }).listPairs({ from: earliestRound, to: range.to })).filter(({ round, people }) => {
    const day = roundContactDay(round, people);
    const within = (input.from === undefined || day >= input.from) && (input.to === undefined || day <= input.to);
    return within && people.some(({ person }) => isCurrentOfficial(person, deps.staffEmailDomains));
  });
  const rows: Row[] = [
    ...introductions.map((item) => ({ order: 0, cells: introductionCells(item) })),
    ...attendance.map((item) => ({ order: 1, cells: eventCells(item) })),
    ...pairs.map((item) => ({ order: 2, cells: roundCells(item, deps.staffEmailDomains) })),
  ].map((row) => ({ ...row, date: row.cells.date }));
  // Each list comes sorted; a stable sort by day keeps that order within a day.
  rows.sort((a, b) => (a.date === b.date ? a.order - b.order : a.date < b.date ? -1 : 1));
  const csv = stringify([[...CONTACT_LOG_COLUMNS], ...rows.map((row) => CONTACT_LOG_COLUMNS.map((column) => row.cells[column]))], {
    bom: true,
  });
  await createRepositories(deps.db).audit.record({
    actor: 'organizerSlackUserId' in input.by ? input.by.organizerSlackUserId : 'cli',
    action: CONTACT_LOG_EXPORTED,
    details: {
      from: input.from ?? null,
      to: input.to ?? null,
      count: rows.length,
      introductions: introductions.length,
      eventAttendances: attendance.length,
      roundPairs: pairs.length,
    },
    occurredAt: now,
  });
  return { csv, count: rows.length };
}
