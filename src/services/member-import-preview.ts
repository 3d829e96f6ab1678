import { createMemberImportRepository } from '../db/repositories/member-import';
import type { ServiceDeps } from './deps';
import type { MemberCsvColumn, ParsedMemberRow } from './member-csv';
import { planRow, type ImportedField } from './member-import';

/** The spreadsheet column of each imported field, as a preview names what would change. */
const COLUMN_OF_FIELD: Record<ImportedField, MemberCsvColumn> = {
  name: 'name',
  memberType: 'member_type',
  yearJoined: 'year_joined',
  yearLeft: 'year_left',
  organisation: 'organisation',
  title: 'title',
  formerDivisions: 'former_divisions',
  topics: 'topics',
  helpText: 'help_text',
  helpKinds: 'help_kinds',
  monthlyCapacity: 'capacity',
  shareWithStaff: 'share_with_staff',
  shareWithAlumni: 'share_with_alumni',
  coiDescription: 'coi',
  locale: 'locale',
  coiRelations: 'coi_relations',
  coiDivisions: 'coi_divisions',
  monthLeft: 'month_left',
  currentDivision: 'current_division',
  officialDuties: 'official_duties',
  dutySectors: 'duty_sectors',
  dutyOrganisations: 'duty_organisations',
};

/** What an import of these rows would do, written nowhere (Slack linking happens later, by email). */
export interface ImportPreview {
  created: { row: number; email: string }[];
  /** Each member that would change, with the spreadsheet columns that differ. */
  updated: { row: number; email: string; columns: MemberCsvColumn[] }[];
  unchanged: number;
}

/** The import's dry run: the same matching by email and the same comparison (planRow), without a write. */
export async function previewImport(deps: ServiceDeps, rows: readonly ParsedMemberRow[]): Promise<ImportPreview> {
  const existing = await createMemberImportRepository({ db: deps.db }).findByEmails(rows.map((r) => r.email));
  const byEmail = new Map(existing.map((member) => [member.email!, member]));
  const preview: ImportPreview = { created: [], updated: [], unchanged: 0 };
  for (const record of rows) {
    const plan = planRow(byEmail.get(record.email), record);
    if (plan.kind === 'created') preview.created.push({ row: record.row, email: record.email });
    else if (plan.kind === 'updated') {
      preview.updated.push({ row: record.row, email: record.email, columns: plan.fields.map((field) => COLUMN_OF_FIELD[field]) });
    } else preview.unchanged++;
  }
  return preview;
}
