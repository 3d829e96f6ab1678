import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { en } from '../i18n/en';
import { escapeFormula } from './csv-formula';
import { CellError, parseRecord } from './member-csv-cells';
import { DECLARATION_COLUMNS, readDeclarations, type CsvDeclarations, type DeclarationColumn } from './member-csv-declarations';
import type { MemberType } from './profile-rules';

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
  ...DECLARATION_COLUMNS,
] as const;
export type MemberCsvColumn = (typeof MEMBER_CSV_COLUMNS)[number];

/** Columns a file may leave out (made before they existed): the import then keeps what is stored. */
const OPTIONAL_COLUMNS: ReadonlySet<MemberCsvColumn> = new Set<MemberCsvColumn>(DECLARATION_COLUMNS);

/**
 * One member as the spreadsheet describes them. The ethics declarations are each absent when the
 * file has no column for them; an export writes them all.
 */
export interface MemberCsvRecord extends Partial<CsvDeclarations> {
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

type ProblemCatalogue = typeof en.memberCsv;

/** Why a file, row or cell cannot be imported: a code of the `memberCsv` catalogue and its values. */
export type MemberCsvProblem = {
  [C in keyof ProblemCatalogue]: { code: C; params: Parameters<ProblemCatalogue[C]>[0] };
}[keyof ProblemCatalogue];

/** A problem in the reader's language (the catalogue of en.ts or ja.ts); values are not escaped. */
export function describeMemberCsvProblem(catalogue: ProblemCatalogue, problem: MemberCsvProblem): string {
  return (catalogue[problem.code] as (params: MemberCsvProblem['params']) => string)(problem.params);
}

/**
 * A file that cannot be imported, coded so that Slack can say why in the organizer's language; the
 * message (for the command line) is the English text, naming the row and column.
 */
export class MemberCsvError extends Error {
  override readonly name = 'MemberCsvError';
  constructor(
    readonly row: number | null,
    readonly column: string | null,
    readonly problem: MemberCsvProblem,
  ) {
    const where = row === null ? '' : `Row ${row}${column === null ? '' : `, column ${column}`}: `;
    super(`${where}${describeMemberCsvProblem(en.memberCsv, problem)}`);
  }
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
      throw new MemberCsvError(1, null, { code: 'unknownColumn', params: { name, columns: MEMBER_CSV_COLUMNS.join(', ') } });
    }
    if (positions.has(column)) throw new MemberCsvError(1, null, { code: 'duplicateColumn', params: { column } });
    positions.set(column, index);
  });
  const missing = MEMBER_CSV_COLUMNS.find((column) => !positions.has(column) && !OPTIONAL_COLUMNS.has(column));
  if (missing) throw new MemberCsvError(1, null, { code: 'missingColumn', params: { column: missing } });
  return positions;
}

function readCsv(text: string): string[][] {
  try {
    // Blank lines are kept so that row numbers match the spreadsheet's.
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MemberCsvError(null, null, { code: 'notCsv', params: { reason } });
  }
}

/**
 * Reads the spreadsheet into validated members, or throws a MemberCsvError naming the first bad row
 * and column. Blank rows are skipped; an email may appear once.
 */
export function parseMemberCsv(text: string, context: { currentYear: number }): ParsedMemberRow[] {
  const [header, ...records] = readCsv(text);
  if (!header) throw new MemberCsvError(null, null, { code: 'empty', params: {} });
  const positions = readHeader(header);
  const rowOfEmail = new Map<string, number>();
  const rows: ParsedMemberRow[] = [];
  records.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((value) => value.trim() === '')) return;
    if (cells.length !== header.length) {
      throw new MemberCsvError(row, null, { code: 'valueCount', params: { expected: header.length, found: cells.length } });
    }
    const stray = cells.findIndex((value, position) => header[position]!.trim() === '' && value.trim() !== '');
    if (stray >= 0) throw new MemberCsvError(row, null, { code: 'unnamedValue', params: { position: stray + 1 } });
    const readCell = <T>(column: MemberCsvColumn, read: (raw: string) => T): T => {
      try {
        return read(cells[positions.get(column)!] ?? '');
      } catch (error) {
        if (error instanceof CellError) throw new MemberCsvError(row, column, error.problem);
        throw error;
      }
    };
    const member = parseRecord(readCell, context.currentYear);
    const present = (column: DeclarationColumn) => positions.has(column);
    const record: MemberCsvRecord = { ...member, ...readDeclarations(readCell, present, member) };
    const earlier = rowOfEmail.get(record.email);
    if (earlier !== undefined) {
      throw new MemberCsvError(row, 'email', { code: 'duplicateEmail', params: { email: record.email, earlierRow: earlier } });
    }
    rowOfEmail.set(record.email, row);
    rows.push({ row, ...record });
  });
  return rows;
}

function consentCell(value: boolean | null): string {
  return value === null ? '' : value ? 'yes' : 'no';
}

function textCell(value: string | null | undefined): string {
  return value == null ? '' : escapeFormula(value);
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
    // Keys and numbers need no formula guard; the free texts do.
    coi_relations: (r.coiRelations ?? []).join(';'),
    coi_divisions: textCell(r.coiDivisions),
    month_left: r.monthLeft?.toString() ?? '',
    current_division: textCell(r.currentDivision),
    official_duties: (r.officialDuties ?? []).join(';'),
    duty_sectors: (r.dutySectors ?? []).join(';'),
    duty_organisations: textCell(r.dutyOrganisations),
  });
  const rows = records.map((record) => {
    const byColumn = cells(record);
    return MEMBER_CSV_COLUMNS.map((column) => byColumn[column]);
  });
  return stringify([[...MEMBER_CSV_COLUMNS], ...rows], { bom: true });
}
