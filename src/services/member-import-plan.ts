import type { MemberRow, NewMemberRow } from '../db/schema';
import type { MemberCsvRecord } from './member-csv';
import { DECLARATION_COLUMNS, DECLARATION_FIELD, type CsvDeclarations } from './member-csv-declarations';
import { holdsAPost, normaliseDeclarations } from './profile-rules';

/** What importing one spreadsheet row compares and stores: the shared rule of the import and its preview. */

/** The stored language of a member ("ja-JP" from Slack, or "ja" from a spreadsheet) as ja, en or null. */
function localeLanguage(locale: string | null): 'ja' | 'en' | null {
  const language = locale?.slice(0, 2).toLowerCase();
  return language === 'ja' || language === 'en' ? language : null;
}

/** A spreadsheet row with every declaration settled (see resolveRecord). */
export type ResolvedRecord = MemberCsvRecord & CsvDeclarations;

const DECLARATION_FIELDS = DECLARATION_COLUMNS.map((column) => DECLARATION_FIELD[column]);

function declarationsOf(source: Partial<CsvDeclarations>): Partial<CsvDeclarations> {
  // Only the fields given: a column the file lacks must not override what is stored.
  return Object.fromEntries(DECLARATION_FIELDS.filter((field) => source[field] !== undefined).map((field) => [field, source[field]]));
}

/** A stored member as the spreadsheet shows them; null without an email (it could not be imported back). */
export function toMemberCsvRecord(member: MemberRow): ResolvedRecord | null {
  if (!member.email) return null;
  return {
    email: member.email,
    name: member.name ?? '',
    memberType: member.memberType,
    yearJoined: member.yearJoined,
    yearLeft: member.yearLeft,
    organisation: member.organisation,
    title: member.title,
    formerDivisions: member.formerDivisions,
    topics: member.topics,
    helpText: member.helpText,
    helpKinds: member.helpKinds,
    monthlyCapacity: member.monthlyCapacity,
    shareWithStaff: member.shareWithStaff,
    shareWithAlumni: member.shareWithAlumni,
    coiDescription: member.coiDeclared ? member.coiDescription || null : null,
    locale: localeLanguage(member.locale),
    coiRelations: member.coiRelations,
    coiDivisions: member.coiDivisions,
    monthLeft: member.monthLeft,
    currentDivision: member.currentDivision,
    officialDuties: member.officialDuties,
    dutySectors: member.dutySectors,
    dutyOrganisations: member.dutyOrganisations,
  };
}

/**
 * The row as the import stores it: a declaration column the file lacks keeps what is stored, and
 * the declarations are normalised for the member type as the profile form does (staff keep only
 * their post's, alumni only their employer's, and a month left only with a year left).
 */
export function resolveRecord(existing: MemberRow | undefined, record: MemberCsvRecord): ResolvedRecord {
  const { ethicsSupervisorSlackUserId: _supervisor, ...declarations } = normaliseDeclarations({
    memberType: record.memberType,
    yearLeft: record.yearLeft,
    ...(existing ? declarationsOf(existing) : {}),
    ...declarationsOf(record),
  });
  return { ...record, ...declarations };
}

/** The spreadsheet fields an import writes (the email is the key). */
const IMPORTED_FIELDS = [
  'name',
  'memberType',
  'yearJoined',
  'yearLeft',
  'organisation',
  'title',
  'formerDivisions',
  'topics',
  'helpText',
  'helpKinds',
  'monthlyCapacity',
  'shareWithStaff',
  'shareWithAlumni',
  'coiDescription',
  'locale',
  ...DECLARATION_FIELDS,
] as const satisfies readonly Exclude<keyof ResolvedRecord, 'email'>[];
export type ImportedField = (typeof IMPORTED_FIELDS)[number];

/**
 * The stored columns for some of the spreadsheet's fields. A conflict of interest is declared by a
 * description or by an employer's relation (coiDeclaredFor in the form). The declarations stay
 * unconfirmed: the member confirms them (the yearly DM asks staff who never did).
 */
export function storedValues(record: ResolvedRecord, fields: readonly ImportedField[]): Partial<NewMemberRow> {
  const values: Partial<NewMemberRow> = {};
  for (const field of fields) {
    Object.assign(values, { [field]: record[field] });
    if (field === 'coiDescription' || field === 'coiRelations') {
      values.coiDeclared = record.coiDescription !== null || record.coiRelations.length > 0;
    }
  }
  // One who no longer holds a post keeps no ethics supervisor, as when saving the form (profile.ts).
  if (fields.includes('memberType') && !holdsAPost(record.memberType)) {
    Object.assign(values, { ethicsSupervisorSlackUserId: null, declarationsConfirmedAt: null });
  }
  return values;
}

/**
 * The fields where the spreadsheet differs from the stored member, compared as an export would
 * write them: a member stored with locale "ja-JP" and imported with "ja" has not changed.
 */
function changedFields(existing: MemberRow, record: ResolvedRecord): ImportedField[] {
  const current = toMemberCsvRecord(existing)!;
  return IMPORTED_FIELDS.filter((field) => JSON.stringify(current[field]) !== JSON.stringify(record[field]));
}

/** What importing one row does to the member with its email, and the row as it would be stored. */
export type RowPlan = { kind: 'created' | 'updated' | 'unchanged'; fields: readonly ImportedField[]; record: ResolvedRecord };

export function planRow(existing: MemberRow | undefined, row: MemberCsvRecord): RowPlan {
  const record = resolveRecord(existing, row);
  if (!existing) return { kind: 'created', fields: IMPORTED_FIELDS, record };
  const fields = changedFields(existing, record);
  return { kind: fields.length === 0 ? 'unchanged' : 'updated', fields, record };
}
