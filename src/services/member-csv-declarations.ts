import { en } from '../i18n/en';
import { ja } from '../i18n/ja';
import { OFFICIAL_DUTIES, OFFICIAL_RELATIONS } from './ethics';
import { checkedCell, fail, normalized, optionalText, parseTerms } from './member-csv-cells';
import { LIMITS, type ProfileDeclarations } from './profile-rules';
import { SECTORS, type Term } from './taxonomy';

/**
 * The ethics declarations (issue 13) in the members spreadsheet. The columns are optional, so that
 * a spreadsheet made before them still imports: a column left out keeps what is stored.
 */
export const DECLARATION_COLUMNS = [
  'coi_relations',
  'coi_divisions',
  'month_left',
  'current_division',
  'official_duties',
  'duty_sectors',
  'duty_organisations',
] as const;
export type DeclarationColumn = (typeof DECLARATION_COLUMNS)[number];

/** The declarations a spreadsheet holds (not the ethics supervisor: a Slack user ID is no spreadsheet's to keep). */
export type CsvDeclarations = Omit<ProfileDeclarations, 'ethicsSupervisorSlackUserId'>;

export const DECLARATION_FIELD: Record<DeclarationColumn, keyof CsvDeclarations> = {
  coi_relations: 'coiRelations',
  coi_divisions: 'coiDivisions',
  month_left: 'monthLeft',
  current_division: 'currentDivision',
  official_duties: 'officialDuties',
  duty_sectors: 'dutySectors',
  duty_organisations: 'dutyOrganisations',
};

/** The form's labels in both languages, so that a cell may say 許認可 or "Subsidies" as well as the key. */
const RELATION_TERMS: readonly Term[] = OFFICIAL_RELATIONS.map((key) => ({
  key,
  en: en.declarations.relations[key],
  ja: ja.declarations.relations[key],
}));
const DUTY_TERMS: readonly Term[] = OFFICIAL_DUTIES.map((key) => ({
  key,
  en: en.declarations.duties[key],
  ja: ja.declarations.duties[key],
}));

const MONTH_NAMES = en.declarations.months.map((name) => name.toLowerCase());

/** A month as 1–12 (or 03, ３月, March, Mar); blank is not given. */
function parseMonth(raw: string): number | null {
  const value = normalized(raw).toLowerCase();
  if (value === '') return null;
  const digits = /^(\d{1,2})\s*月?$/.exec(value);
  const byName = MONTH_NAMES.findIndex((name) => name === value || (value.length >= 3 && name.slice(0, 3) === value.replace(/\.$/, '')));
  const month = digits ? Number(digits[1]) : byName + 1;
  if (!Number.isInteger(month) || month < 1 || month > 12) fail('monthInvalid', { value: raw.trim() });
  return month;
}

/** How each declaration column's cell is read; the values are checked here and kept as written (see normaliseDeclarations). */
export const DECLARATION_READERS: { [C in DeclarationColumn]: (raw: string) => CsvDeclarations[(typeof DECLARATION_FIELD)[C]] } = {
  coi_relations: (raw) => parseTerms(raw, RELATION_TERMS, 'relationUnknown'),
  coi_divisions: (raw) => optionalText(raw, LIMITS.coiDivisions),
  month_left: parseMonth,
  current_division: (raw) => optionalText(raw, LIMITS.currentDivision),
  official_duties: (raw) => parseTerms(raw, DUTY_TERMS, 'dutyUnknown'),
  duty_sectors: (raw) => parseTerms(raw, SECTORS, 'sectorUnknown'),
  duty_organisations: (raw) => optionalText(raw, LIMITS.dutyOrganisations),
};

/**
 * The declaration columns the file has, read and checked; those it lacks are left out of the
 * result (the import keeps what is stored). A month left needs the year left, as in the form.
 */
export function readDeclarations(
  readCell: <T>(column: DeclarationColumn, read: (raw: string) => T) => T,
  present: (column: DeclarationColumn) => boolean,
  member: { memberType: string; yearLeft: number | null },
): Partial<CsvDeclarations> {
  const declarations: Partial<CsvDeclarations> = {};
  for (const column of DECLARATION_COLUMNS) {
    if (!present(column)) continue;
    Object.assign(declarations, { [DECLARATION_FIELD[column]]: readCell(column, checkedCell(column, DECLARATION_READERS[column])) });
  }
  const { monthLeft } = declarations;
  if (monthLeft != null && member.memberType !== 'staff' && member.yearLeft === null) {
    readCell('month_left', () => fail('monthWithoutYear', { monthLeft }));
  }
  return declarations;
}
