import { z } from 'zod';
import { unescapeFormula } from './csv-formula';
import type { MemberCsvColumn, MemberCsvProblem, MemberCsvRecord } from './member-csv';
import { LIMITS, MEMBER_TYPES, type MemberType } from './profile-rules';
import { findTerm, HELP_KINDS, POLICY_TOPICS, type Term } from './taxonomy';
import { isBlankText, offendingCharacter, textProblem, type TextShape } from './typed-text';

/** Reading one cell of the members spreadsheet into a typed value, or a CellError saying why not. */

/** A problem with one cell, coded (see MemberCsvProblem); parseMemberCsv adds the row and column. */
export class CellError extends Error {
  constructor(readonly problem: MemberCsvProblem) {
    super(problem.code);
  }
}

export function fail<C extends MemberCsvProblem['code']>(code: C, ...params: ParamsArg<C>): never {
  throw new CellError({ code, params: params[0] ?? {} } as MemberCsvProblem);
}

/** The params a code takes, optional for the codes that take none. */
type ParamsArg<C extends MemberCsvProblem['code']> =
  Extract<MemberCsvProblem, { code: C }>['params'] extends Record<string, never>
    ? []
    : [Extract<MemberCsvProblem, { code: C }>['params']];

export const normalized = (raw: string) => raw.normalize('NFKC').trim();

/** Text columns of one line, as in the profile form: a tab or line break there is refused. */
const ONE_LINE_COLUMNS: readonly MemberCsvColumn[] = ['name', 'organisation', 'title', 'current_division'];

/**
 * Refuses a cell the Slack forms would refuse (typed-text.ts): a control character in any column
 * (Postgres cannot store NUL, and the rest are invisible), a tab or line break in a one-line one.
 */
function checkCharacters(column: MemberCsvColumn, raw: string): string {
  const shape: TextShape = ONE_LINE_COLUMNS.includes(column) ? 'line' : 'lines';
  const value = raw.trim();
  const problem = textProblem(value, shape);
  if (problem === 'controlCharacter') {
    fail('controlCharacter', { character: offendingCharacter(value, shape) ?? '' });
  }
  if (problem === 'lineBreak') fail('lineBreak');
  return raw;
}

/** A text cell; blank (nothing visible, as in the forms) is not given. */
export function optionalText(raw: string, max: number): string | null {
  const value = unescapeFormula(raw.trim()).trim();
  if (isBlankText(value)) return null;
  if (value.length > max) fail('tooLong', { length: value.length, max });
  return value;
}

const email = z.email();

function parseEmail(raw: string): string {
  const value = normalized(raw).toLowerCase();
  if (value === '') fail('emailRequired');
  if (!email.safeParse(value).success) fail('emailInvalid', { value });
  return value;
}

function parseName(raw: string): string {
  return optionalText(raw, LIMITS.name) ?? fail('nameRequired');
}

const MEMBER_TYPE_ALIASES: Record<MemberType, string[]> = {
  alumni: ['ob・og', 'ob/og', 'ob', 'og', 'ob・og(元職員)', '元職員', 'alumni (former staff)'],
  staff: ['現役職員', '職員', 'current staff'],
  returnee: ['出戻り', '出戻り(退職後に復帰)', 'returnee (left and came back)'],
};

function parseMemberType(raw: string): MemberType {
  const value = normalized(raw).toLowerCase();
  const found = MEMBER_TYPES.find((type) => type === value || MEMBER_TYPE_ALIASES[type].includes(value));
  return found ?? (value === '' ? fail('memberTypeRequired') : fail('memberTypeInvalid', { value }));
}

function parseYear(raw: string, outOfRange: 'yearJoinedOutOfRange' | 'yearLeftOutOfRange', currentYear: number): number | null {
  const value = normalized(raw);
  if (value === '') return null;
  if (!/^\d{4}$/.test(value)) fail('yearInvalid', { value });
  const year = Number(value);
  if (year < LIMITS.minYear || year > currentYear) fail(outOfRange, { year, min: LIMITS.minYear, max: currentYear });
  return year;
}

/** The codes of a list cell's unknown item: each takes the item as `value`. */
export type TermUnknownCode = 'topicUnknown' | 'helpKindUnknown' | 'relationUnknown' | 'dutyUnknown' | 'sectorUnknown';

/** A `;`-separated list of terms, each a key or a label in either language; repeats are dropped. */
export function parseTerms(raw: string, terms: readonly Term[], unknown: TermUnknownCode): string[] {
  const keys: string[] = [];
  for (const item of normalized(raw).split(';')) {
    if (item.trim() === '') continue;
    const term = findTerm(terms, item) ?? fail(unknown, { value: item.trim() });
    if (!keys.includes(term.key)) keys.push(term.key);
  }
  return keys;
}

function parseCapacity(raw: string): number {
  const value = normalized(raw);
  if (value === '') return 0;
  if (!/^\d+$/.test(value) || Number(value) > LIMITS.maxCapacity) {
    fail('capacityInvalid', { value, max: LIMITS.maxCapacity });
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
  return fail('consentInvalid', { value });
}

function parseLocale(raw: string): 'ja' | 'en' | null {
  const value = normalized(raw).toLowerCase();
  if (value === '') return null;
  return value === 'ja' || value === 'en' ? value : fail('localeInvalid', { value });
}

/** A cell reader that refuses first what the forms would refuse (see checkCharacters). */
export function checkedCell<T>(column: MemberCsvColumn, read: (raw: string) => T): (raw: string) => T {
  return (raw) => read(checkCharacters(column, raw));
}

export function parseRecord(readCell: <T>(column: MemberCsvColumn, read: (raw: string) => T) => T, currentYear: number): MemberCsvRecord {
  const cell = <T>(column: MemberCsvColumn, read: (raw: string) => T) => readCell(column, checkedCell(column, read));
  const record: MemberCsvRecord = {
    email: cell('email', parseEmail),
    name: cell('name', parseName),
    memberType: cell('member_type', parseMemberType),
    yearJoined: cell('year_joined', (raw) => parseYear(raw, 'yearJoinedOutOfRange', currentYear)),
    yearLeft: cell('year_left', (raw) => parseYear(raw, 'yearLeftOutOfRange', currentYear)),
    organisation: cell('organisation', (raw) => optionalText(raw, LIMITS.organisation)),
    title: cell('title', (raw) => optionalText(raw, LIMITS.jobTitle)),
    formerDivisions: cell('former_divisions', (raw) => optionalText(raw, LIMITS.formerDivisions)),
    topics: cell('topics', (raw) => parseTerms(raw, POLICY_TOPICS, 'topicUnknown')),
    helpText: cell('help_text', (raw) => optionalText(raw, LIMITS.helpText)),
    helpKinds: cell('help_kinds', (raw) => parseTerms(raw, HELP_KINDS, 'helpKindUnknown')),
    monthlyCapacity: cell('capacity', parseCapacity),
    shareWithStaff: cell('share_with_staff', parseConsent),
    shareWithAlumni: cell('share_with_alumni', parseConsent),
    coiDescription: cell('coi', (raw) => optionalText(raw, LIMITS.coiDescription)),
    locale: cell('locale', parseLocale),
  };
  const { memberType, yearJoined, yearLeft } = record;
  readCell('year_left', () => {
    if (yearLeft === null) return;
    if (memberType === 'staff') fail('staffYearLeft', { yearLeft });
    if (yearJoined !== null && yearLeft < yearJoined) fail('yearLeftBeforeJoined', { yearLeft, yearJoined });
  });
  return record;
}
