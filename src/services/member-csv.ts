import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { LIMITS, MEMBER_TYPES, type MemberType } from './profile';
import { findTerm, HELP_KINDS, POLICY_TOPICS, type Term } from './taxonomy';

/** The network's spreadsheet columns, in the order an export writes them. */
export const MEMBER_CSV_COLUMNS = [
  'email',
  'name',
  'member_type',
  'year_joined',
  'year_left',
  'organisation',
  'title',
  'former_divisions',
  'topics',
  'help_text',
  'help_kinds',
  'capacity',
  'share_with_staff',
  'share_with_alumni',
  'coi',
  'locale',
] as const;
export type MemberCsvColumn = (typeof MEMBER_CSV_COLUMNS)[number];

/** One member as the spreadsheet describes them. */
export interface MemberCsvRecord {
  email: string;
  name: string;
  memberType: MemberType;
  yearJoined: number | null;
  yearLeft: number | null;
  organisation: string | null;
  title: string | null;
  formerDivisions: string | null;
  /** Taxonomy keys, in the order given. */
  topics: string[];
  helpText: string | null;
  helpKinds: string[];
  monthlyCapacity: number;
  /** null = never answered. */
  shareWithStaff: boolean | null;
  shareWithAlumni: boolean | null;
  /** The declared conflict of interest; null = none declared. */
  coiDescription: string | null;
  locale: 'ja' | 'en' | null;
}

export interface ParsedMemberRow extends MemberCsvRecord {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  row: number;
}

/** A file that cannot be imported; the message names the row and column. */
export class MemberCsvError extends Error {
  override readonly name = 'MemberCsvError';
  constructor(
    readonly row: number | null,
    readonly column: string | null,
    readonly detail: string,
  ) {
    super(`${row === null ? '' : `Row ${row}${column === null ? '' : `, column ${column}`}: `}${detail}`);
  }
}

/** A problem with one cell; parseMemberCsv adds the row and column. */
class CellError extends Error {}

function fail(detail: string): never {
  throw new CellError(detail);
}

/**
 * Spreadsheets run a cell starting with = + - @ as a formula, so the export prefixes such text with
 * an apostrophe (and an apostrophe-prefixed value with one more); the import removes one.
 */
const FORMULA_LIKE = /^'*[=+\-@]/;
const ESCAPED_FORMULA = /^'+[=+\-@]/;

function escapeFormula(value: string): string {
  return FORMULA_LIKE.test(value) ? `'${value}` : value;
}

function unescapeFormula(value: string): string {
  return ESCAPED_FORMULA.test(value) ? value.slice(1) : value;
}

const normalized = (raw: string) => raw.normalize('NFKC').trim();

function optionalText(raw: string, max: number): string | null {
  const value = unescapeFormula(raw.trim()).trim();
  if (value === '') return null;
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

function parseRecord(cell: <T>(column: MemberCsvColumn, read: (raw: string) => T) => T, currentYear: number): MemberCsvRecord {
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
  cell('year_left', () => {
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
function readHeader(cells: string[]): Map<MemberCsvColumn, number> {
  const positions = new Map<MemberCsvColumn, number>();
  cells.forEach((raw, index) => {
    const name = raw.trim();
    if (name === '') return;
    const column = MEMBER_CSV_COLUMNS.find((expected) => expected === name);
    if (!column) {
      throw new MemberCsvError(1, null, `unknown column "${name}" (the columns are ${MEMBER_CSV_COLUMNS.join(', ')})`);
    }
    if (positions.has(column)) throw new MemberCsvError(1, null, `column "${column}" appears twice`);
    positions.set(column, index);
  });
  const missing = MEMBER_CSV_COLUMNS.find((column) => !positions.has(column));
  if (missing) throw new MemberCsvError(1, null, `missing column "${missing}"`);
  return positions;
}

function readCsv(text: string): string[][] {
  try {
    // Blank lines are kept so that row numbers match the spreadsheet's.
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw new MemberCsvError(null, null, `the file is not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Reads the spreadsheet into validated members, or throws a MemberCsvError naming the first bad row
 * and column. Blank rows are skipped; an email may appear once.
 */
export function parseMemberCsv(text: string, context: { currentYear: number }): ParsedMemberRow[] {
  const [header, ...records] = readCsv(text);
  if (!header) throw new MemberCsvError(null, null, `the file is empty; its first row must name the columns`);
  const positions = readHeader(header);
  const rowOfEmail = new Map<string, number>();
  const rows: ParsedMemberRow[] = [];
  records.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((value) => value.trim() === '')) return;
    if (cells.length !== header.length) {
      throw new MemberCsvError(row, null, `expected ${header.length} values, found ${cells.length}`);
    }
    const stray = cells.findIndex((value, position) => header[position]!.trim() === '' && value.trim() !== '');
    if (stray >= 0) throw new MemberCsvError(row, null, `column ${stray + 1} has a value but no name in row 1`);
    const record = parseRecord((column, read) => {
      try {
        return read(cells[positions.get(column)!] ?? '');
      } catch (error) {
        if (error instanceof CellError) throw new MemberCsvError(row, column, error.message);
        throw error;
      }
    }, context.currentYear);
    const earlier = rowOfEmail.get(record.email);
    if (earlier !== undefined) throw new MemberCsvError(row, 'email', `${record.email} is already on row ${earlier}`);
    rowOfEmail.set(record.email, row);
    rows.push({ row, ...record });
  });
  return rows;
}

function consentCell(value: boolean | null): string {
  return value === null ? '' : value ? 'yes' : 'no';
}

function textCell(value: string | null): string {
  return value === null ? '' : escapeFormula(value);
}

/**
 * Writes members in the import's format. The byte-order mark makes Excel read the file as UTF-8
 * (it would show Japanese as mojibake otherwise); the import ignores it.
 */
export function formatMemberCsv(records: readonly MemberCsvRecord[]): string {
  const cells = (r: MemberCsvRecord): Record<MemberCsvColumn, string> => ({
    email: r.email,
    name: textCell(r.name),
    member_type: r.memberType,
    year_joined: r.yearJoined?.toString() ?? '',
    year_left: r.yearLeft?.toString() ?? '',
    organisation: textCell(r.organisation),
    title: textCell(r.title),
    former_divisions: textCell(r.formerDivisions),
    topics: r.topics.join(';'),
    help_text: textCell(r.helpText),
    help_kinds: r.helpKinds.join(';'),
    capacity: String(r.monthlyCapacity),
    share_with_staff: consentCell(r.shareWithStaff),
    share_with_alumni: consentCell(r.shareWithAlumni),
    coi: textCell(r.coiDescription),
    locale: r.locale ?? '',
  });
  const rows = records.map((record) => {
    const byColumn = cells(record);
    return MEMBER_CSV_COLUMNS.map((column) => byColumn[column]);
  });
  return stringify([[...MEMBER_CSV_COLUMNS], ...rows], { bom: true });
}
