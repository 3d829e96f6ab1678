import { stringify } from 'csv-stringify/sync';
import { MEMBER_CSV_COLUMNS, type MemberCsvColumn } from '../../src/services/member-csv';

export type CsvCells = Partial<Record<MemberCsvColumn, string>>;

/** A realistic spreadsheet row for an alumna; a test states only the cells that differ. */
export function csvRow(overrides: CsvCells = {}): Record<MemberCsvColumn, string> {
  return {
    email: 'hanako.sato@example.jp',
    name: '佐藤 花子',
    member_type: 'alumni',
    year_joined: '2001',
    year_left: '2015',
    organisation: 'Acme Consulting',
    title: 'Partner',
    former_divisions: '資源エネルギー庁',
    topics: 'energy_gx;semiconductors',
    help_text: 'Happy to talk about GX finance.',
    help_kinds: 'talks;mentoring',
    capacity: '2',
    share_with_staff: 'yes',
    share_with_alumni: 'no',
    coi: '',
    locale: 'ja',
    // The ethics declarations: an alumna whose employer has none with the ministry.
    coi_relations: '',
    coi_divisions: '',
    month_left: '',
    current_division: '',
    official_duties: '',
    duty_sectors: '',
    duty_organisations: '',
    ...overrides,
  };
}

/** A whole file: the header (in `columns` order) and one line per row. */
export function csvFile(rows: CsvCells[], columns: readonly string[] = MEMBER_CSV_COLUMNS): string {
  const full = rows.map((row) => csvRow(row) as Record<string, string>);
  return stringify([[...columns], ...full.map((row) => columns.map((column) => row[column] ?? ''))]);
}

export const CURRENT_YEAR = 2025;
