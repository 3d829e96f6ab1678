import { z } from 'zod';
import { unescapeFormula } from './csv-formula';
import type { MemberCsvColumn, MemberCsvRecord } from './member-csv';
import { LIMITS, MEMBER_TYPES, type MemberType } from './profile-rules';
import { findTerm, HELP_KINDS, POLICY_TOPICS, type Term } from './taxonomy';
import { isBlankText, offendingCharacter, textProblem, type TextShape } from './typed-text';

/** Reading one cell of the members spreadsheet into a typed value, or a CellError saying why not. */

/** A problem with one cell; parseMemberCsv adds the row and column. */
export class CellError extends Error {}

function fail(detail: string): never {
  throw new CellError(detail);
}

const normalized = (raw: string) => raw.normalize('NFKC').trim();

/** Text columns of one line, as in the profile form: a tab or line break there is refused. */
const ONE_LINE_COLUMNS: readonly MemberCsvColumn[] = ['name', 'organisation', 'title'];

/**
 * Refuses a cell the Slack forms would refuse (typed-text.ts): a control character in any column
 * (Postgres cannot store NUL, and the rest are invisible), a tab or line break in a one-line one.
 */
function checkCharacters(column: MemberCsvColumn, raw: string): string {
  const shape: TextShape = ONE_LINE_COLUMNS.includes(column) ? 'line' : 'lines';
  const value = raw.trim();
  const problem = textProblem(value, shape);
  if (problem === 'controlCharacter') {
    fail(`contains a control character (${offendingCharacter(value, shape)}), which cannot be stored; remove it`);
  }
  if (problem === 'lineBreak') fail('contains a tab or line break; this column takes one line');
  return raw;
}

/** A text cell; blank (nothing visible, as in the forms) is not given. */
function optionalText(raw: string, max: number): string | null {
  const value = unescapeFormula(raw.trim()).trim();
  if (isBlankText(value)) return null;
  if (value.length > max) fail(`is ${value.length} characters long; the limit is ${max}`);
  return value;
}

const email = z.email();

function parseEmail(raw: string): string {
  const value = normalized(raw).toLowerCase();
  if (value === '') fail('an email address is required');
  if (!email.safeParse(value).success) fail(`"${value}" is not a valid email address`);
  return value;
}

function parseName(raw: string): string {
  return optionalText(raw, LIMITS.name) ?? fail('a name is required');
}

const MEMBER_TYPE_ALIASES: Record<MemberType, string[]> = {
  alumni: ['ob・og', 'ob/og', 'ob', 'og', 'ob・og(元職員)', '元職員', 'alumni (former staff)'],
  staff: ['現役職員', '職員', 'current staff'],
  returnee: ['出戻り', '出戻り(退職後に復帰)', 'returnee (left and came back)'],
};

function parseMemberType(raw: string): MemberType {
  const value = normalized(raw).toLowerCase();
  const found = MEMBER_TYPES.find((type) => type === value || MEMBER_TYPE_ALIASES[type].includes(value));
  return found ?? fail(value === '' ? 'a member type is required' : `"${value}" is not alumni, staff or returnee`);
}

function parseYear(raw: string, label: string, currentYear: number): number | null {
  const value = normalized(raw);
  if (value === '') return null;
  if (!/^\d{4}$/.test(value)) fail(`"${value}" is not a year such as 2001`);
  const year = Number(value);
  if (year < LIMITS.minYear || year > currentYear) {
    fail(`the ${label} (${year}) is not between ${LIMITS.minYear} and ${currentYear}`);
  }
  return year;
}

function parseTerms(raw: string, terms: readonly Term[], label: string): string[] {
  const keys: string[] = [];
  for (const item of normalized(raw).split(';')) {
    if (item.trim() === '') continue;
    const term = findTerm(terms, item) ?? fail(`"${item.trim()}" is not a known ${label}; use its key or its Japanese or English label`);
    if (!keys.includes(term.key)) keys.push(term.key);
  }
  return keys;
}

function parseCapacity(raw: string): number {
  const value = normalized(raw);
  if (value === '') return 0;
  if (!/^\d+$/.test(value) || Number(value) > LIMITS.maxCapacity) {
    fail(`"${value}" is not a whole number from 0 to ${LIMITS.maxCapacity}`);
  }
  return Number(value);
}

const YES = ['yes', 'はい', 'true'];
const NO = ['no', 'いいえ', 'false'];

function parseConsent(raw: string): boolean | null {
  const value = normalized(raw).toLowerCase();
  if (value === '') return null;
  if (YES.includes(value)) return true;
  if (NO.includes(value)) return false;
  return fail(`"${value}" is not yes or no (leave it blank when the member has not answered)`);
}

function parseLocale(raw: string): 'ja' | 'en' | null {
  const value = normalized(raw).toLowerCase();
  if (value === '') return null;
  return value === 'ja' || value === 'en' ? value : fail(`"${value}" is not ja or en`);
}

export function parseRecord(readCell: <T>(column: MemberCsvColumn, read: (raw: string) => T) => T, currentYear: number): MemberCsvRecord {
  const cell = <T>(column: MemberCsvColumn, read: (raw: string) => T) => readCell(column, (raw) => read(checkCharacters(column, raw)));
  const record: MemberCsvRecord = {
    email: cell('email', parseEmail),
    name: cell('name', parseName),
    memberType: cell('member_type', parseMemberType),
    yearJoined: cell('year_joined', (raw) => parseYear(raw, 'year joined', currentYear)),
    yearLeft: cell('year_left', (raw) => parseYear(raw, 'year left', currentYear)),
    organisation: cell('organisation', (raw) => optionalText(raw, LIMITS.organisation)),
    title: cell('title', (raw) => optionalText(raw, LIMITS.jobTitle)),
    formerDivisions: cell('former_divisions', (raw) => optionalText(raw, LIMITS.formerDivisions)),
    topics: cell('topics', (raw) => parseTerms(raw, POLICY_TOPICS, 'topic')),
    helpText: cell('help_text', (raw) => optionalText(raw, LIMITS.helpText)),
    helpKinds: cell('help_kinds', (raw) => parseTerms(raw, HELP_KINDS, 'kind of help')),
    monthlyCapacity: cell('capacity', parseCapacity),
    shareWithStaff: cell('share_with_staff', parseConsent),
    shareWithAlumni: cell('share_with_alumni', parseConsent),
    coiDescription: cell('coi', (raw) => optionalText(raw, LIMITS.coiDescription)),
    locale: cell('locale', parseLocale),
  };
  const { memberType, yearJoined, yearLeft } = record;
  readCell('year_left', () => {
    if (yearLeft === null) return;
    if (memberType === 'staff') fail(`current staff have no year left (${yearLeft}); leave it blank or use alumni or returnee`);
    if (yearJoined !== null && yearLeft < yearJoined) {
      fail(`the year left (${yearLeft}) is before the year joined (${yearJoined})`);
    }
  });
  return record;
}

/**
 * Maps each expected column to its position in the file; rejects a missing, unknown or repeated
 * column. Unnamed columns (spreadsheets often add empty ones at the end) are left out.
 */
