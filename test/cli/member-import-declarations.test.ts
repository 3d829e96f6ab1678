import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import type { ServiceDeps } from '../../src/services/deps';
import { MEMBER_CSV_COLUMNS, parseMemberCsv } from '../../src/services/member-csv';
import { DECLARATION_COLUMNS } from '../../src/services/member-csv-declarations';
import { exportMembers, importMembers } from '../../src/services/member-import';
import { previewImport } from '../../src/services/member-import-preview';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { CURRENT_YEAR, csvFile, type CsvCells } from './member-csv-fixtures';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let now: Date;
let deps: ServiceDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: () => now, staffEmailDomains: ['meti.go.jp'] };
});
afterAll(async () => database.close());
beforeEach(async () => {
  await resetDatabase(database);
  now = new Date('2025-03-01T09:00:00Z');
});

/** An alumna whose employer has a contract and a bid with the ministry; she left in March 2015. */
const HANAKO: CsvCells = { coi_relations: '契約;bid', coi_divisions: 'Energy Agency', month_left: '3月' };
/** A staff member whose post handles permits and subsidies for start-ups. */
const TARO: CsvCells = {
  email: 'taro@meti.go.jp',
  name: 'Taro Yamada',
  member_type: 'staff',
  year_left: '',
  current_division: 'Energy Agency, Energy Conservation Division',
  official_duties: 'Permits and licences;補助金',
  duty_sectors: 'startup;スタートアップ',
  duty_organisations: 'Acme\nBeta Corp',
};

const WITHOUT_DECLARATIONS = MEMBER_CSV_COLUMNS.filter((column) => !(DECLARATION_COLUMNS as readonly string[]).includes(column));
const rowsOf = (cells: CsvCells[], columns?: readonly string[]) => parseMemberCsv(csvFile(cells, columns), { currentYear: CURRENT_YEAR });
const memberByEmail = async (email: string) => (await createRepositories(database.db).members.findByEmail(email))!;

describe('importing the ethics declarations', () => {
  it('stores an alumna’s employer relations, divisions and month left, and a staff member’s post, as keys', async () => {
    await importMembers(deps, rowsOf([HANAKO, TARO]));

    expect(await memberByEmail('hanako.sato@example.jp')).toMatchObject({
      coiRelations: ['contract', 'bid'],
      coiDivisions: 'Energy Agency',
      monthLeft: 3,
      // The relations declare a conflict of interest, as ticking them does in the form.
      coiDeclared: true,
      coiDescription: null,
      currentDivision: null,
      officialDuties: [],
    });
    expect(await memberByEmail('taro@meti.go.jp')).toMatchObject({
      currentDivision: 'Energy Agency, Energy Conservation Division',
      officialDuties: ['permits', 'subsidies'],
      dutySectors: ['startup'],
      dutyOrganisations: 'Acme\nBeta Corp',
      coiRelations: [],
      // Not confirmed by the member: the yearly reminder asks them to confirm.
      declarationsConfirmedAt: null,
      ethicsSupervisorSlackUserId: null,
    });
  });

  it('keeps only the declarations of the member type, as the profile form does', async () => {
    const staffWithAlumniFields: CsvCells = { ...TARO, coi_relations: 'contract', coi_divisions: 'Trade Bureau', month_left: '4' };
    const alumnaWithStaffFields: CsvCells = { ...HANAKO, current_division: 'Energy Agency', official_duties: 'permits', duty_sectors: 'finance', duty_organisations: 'Acme' };
    const returnee: CsvCells = { ...TARO, email: 'akiko@example.jp', member_type: 'returnee', year_left: '2018', month_left: '6', coi_relations: 'subsidy' };
    await importMembers(deps, rowsOf([alumnaWithStaffFields, staffWithAlumniFields, returnee]));

    expect(await memberByEmail('taro@meti.go.jp')).toMatchObject({ coiRelations: [], coiDivisions: null, monthLeft: null, coiDeclared: false });
    expect(await memberByEmail('hanako.sato@example.jp')).toMatchObject({
      currentDivision: null,
      officialDuties: [],
      dutySectors: [],
      dutyOrganisations: null,
      coiRelations: ['contract', 'bid'],
    });
    expect(await memberByEmail('akiko@example.jp')).toMatchObject({
      monthLeft: 6,
      officialDuties: ['permits', 'subsidies'],
      coiRelations: [],
      coiDeclared: false,
    });
  });

  it('keeps the stored declarations when the file has no declaration columns, and reports the member unchanged', async () => {
    await importMembers(deps, rowsOf([HANAKO, TARO]));
    const before = await memberByEmail('taro@meti.go.jp');

    const rows = rowsOf([HANAKO, TARO], WITHOUT_DECLARATIONS);
    expect(await previewImport(deps, rows)).toEqual({ created: [], updated: [], unchanged: 2 });
    expect(await importMembers(deps, rows)).toEqual({ created: 0, updated: 0, unchanged: 2, linked: 0 });
    expect(await memberByEmail('taro@meti.go.jp')).toEqual(before);
  });

  it('clears the post and the ethics supervisor of staff who become alumni, even from a file without declaration columns', async () => {
    await importMembers(deps, rowsOf([TARO]));
    const taro = await memberByEmail('taro@meti.go.jp');
    await createRepositories(database.db).members.update(taro.id, { ethicsSupervisorSlackUserId: 'U0BOSS', declarationsConfirmedAt: now });

    await importMembers(deps, rowsOf([{ ...TARO, member_type: 'alumni', year_left: '2024' }], WITHOUT_DECLARATIONS));

    expect(await memberByEmail('taro@meti.go.jp')).toMatchObject({
      memberType: 'alumni',
      currentDivision: null,
      officialDuties: [],
      dutySectors: [],
      dutyOrganisations: null,
      ethicsSupervisorSlackUserId: null,
      declarationsConfirmedAt: null,
    });
  });

  it('names the declaration columns that would change in the preview', async () => {
    await importMembers(deps, rowsOf([HANAKO, TARO]));
    const rows = rowsOf([{ ...HANAKO, coi_relations: 'contract' }, { ...TARO, duty_sectors: 'finance', duty_organisations: '' }]);

    expect(await previewImport(deps, rows)).toEqual({
      created: [],
      updated: [
        { row: 2, email: 'hanako.sato@example.jp', columns: ['coi_relations'] },
        { row: 3, email: 'taro@meti.go.jp', columns: ['duty_sectors', 'duty_organisations'] },
      ],
      unchanged: 0,
    });
  });

  it('clears the conflict of interest when the last relation is removed and no description is given', async () => {
    await importMembers(deps, rowsOf([HANAKO]));
    await importMembers(deps, rowsOf([{ ...HANAKO, coi_relations: '' }]));
    expect(await memberByEmail('hanako.sato@example.jp')).toMatchObject({ coiRelations: [], coiDeclared: false });
  });
});

describe('exporting the ethics declarations', () => {
  it('writes them as keys and guarded texts, and an export imported again gives the same declarations and the same file', async () => {
    await importMembers(deps, rowsOf([HANAKO, { ...TARO, duty_organisations: '=Acme\n+Beta' }]));
    const first = (await exportMembers(deps)).csv;
    expect(first).toContain(',contract;bid,Energy Agency,3,');
    expect(first).toContain(`,,,"Energy Agency, Energy Conservation Division",permits;subsidies,startup,"'=Acme`);
    const declarations = async () => {
      const { coiRelations, coiDivisions, monthLeft, coiDeclared, currentDivision, officialDuties, dutySectors, dutyOrganisations } =
        await memberByEmail('taro@meti.go.jp');
      const hanako = await memberByEmail('hanako.sato@example.jp');
      return {
        taro: { currentDivision, officialDuties, dutySectors, dutyOrganisations },
        hanako: { coiRelations: hanako.coiRelations, coiDivisions: hanako.coiDivisions, monthLeft: hanako.monthLeft, coiDeclared: hanako.coiDeclared },
        taroAlumniFields: { coiRelations, coiDivisions, monthLeft, coiDeclared },
      };
    };
    const stored = await declarations();
    expect(stored.taro.dutyOrganisations).toBe('=Acme\n+Beta');

    await resetDatabase(database);
    await importMembers(deps, parseMemberCsv(first, { currentYear: CURRENT_YEAR }));

    expect(await declarations()).toEqual(stored);
    expect((await exportMembers(deps)).csv).toBe(first);
  });
});
