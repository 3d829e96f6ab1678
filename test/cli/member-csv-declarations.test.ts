import { describe, expect, it } from 'vitest';
import { ja } from '../../src/i18n/ja';
import { describeMemberCsvProblem, MEMBER_CSV_COLUMNS, MemberCsvError, parseMemberCsv } from '../../src/services/member-csv';
import { DECLARATION_COLUMNS } from '../../src/services/member-csv-declarations';
import { CURRENT_YEAR, csvFile, type CsvCells } from './member-csv-fixtures';

const parse = (text: string) => parseMemberCsv(text, { currentYear: CURRENT_YEAR });
const parseOne = (cells: CsvCells) => parse(csvFile([cells]))[0]!;
const rejection = (cells: CsvCells): MemberCsvError => {
  try {
    parse(csvFile([cells]));
  } catch (error) {
    if (error instanceof MemberCsvError) return error;
    throw error;
  }
  throw new Error('expected the file to be rejected');
};

const STAFF: CsvCells = { email: 'taro@meti.go.jp', member_type: 'staff', year_left: '', coi: '' };

describe('reading the ethics declarations', () => {
  it('reads an alumna’s employer relations and a staff member’s duties as keys, written as keys or labels in either language', () => {
    expect(parseOne({ coi_relations: 'contract; 補助金 ;A permit or licence;contract', coi_divisions: 'Energy Agency\nTrade Policy Bureau' })).toMatchObject({
      coiRelations: ['contract', 'subsidy', 'permit'],
      coiDivisions: 'Energy Agency\nTrade Policy Bureau',
    });
    expect(parseOne({ ...STAFF, official_duties: '許認可;Subsidies;procurement', duty_sectors: 'スタートアップ;Consulting;finance' })).toMatchObject({
      officialDuties: ['permits', 'subsidies', 'procurement'],
      dutySectors: ['startup', 'consulting', 'finance'],
    });
  });

  it('reads a month left as a number, a Japanese month or an English month name', () => {
    for (const [cell, month] of [['3', 3], ['03', 3], ['１２', 12], ['3月', 3], ['March', 3], ['sep', 9]] as const) {
      expect(parseOne({ month_left: cell }).monthLeft).toBe(month);
    }
  });

  it('reads a file made before the declaration columns, leaving the declarations out (the import keeps what is stored)', () => {
    const columns = MEMBER_CSV_COLUMNS.filter((column) => !(DECLARATION_COLUMNS as readonly string[]).includes(column));
    const row = parse(csvFile([{}], columns))[0]!;
    expect(row).toMatchObject({ email: 'hanako.sato@example.jp', memberType: 'alumni' });
    expect(Object.keys(row)).not.toContain('coiRelations');
    expect(Object.keys(row)).not.toContain('monthLeft');
  });

  it.each<[string, CsvCells, string, string]>([
    ['a relation is unknown', { coi_relations: 'contract;friendship' }, 'coi_relations', '"friendship" is not a known relation with the ministry (contract, subsidy, permit, regulatory or bid); use its key or its Japanese or English label'],
    ['a duty is unknown', { ...STAFF, official_duties: 'cooking' }, 'official_duties', '"cooking" is not a known matter of a post (permits, subsidies, procurement or inspection); use its key or its Japanese or English label'],
    ['a sector is unknown', { ...STAFF, duty_sectors: 'fishing' }, 'duty_sectors', '"fishing" is not a known sector; use its key or its Japanese or English label'],
    ['a month is out of range', { month_left: '13' }, 'month_left', '"13" is not a month from 1 to 12'],
    ['a month is not a month', { month_left: 'spring' }, 'month_left', '"spring" is not a month from 1 to 12'],
    ['a month left has no year left', { year_left: '', month_left: '4' }, 'month_left', 'a month left (4) needs the year left too; fill in year_left or leave month_left blank'],
    ['the current division is on two lines', { ...STAFF, current_division: 'Energy\nAgency' }, 'current_division', 'contains a tab or line break; this column takes one line'],
    ['the organisations are too long', { ...STAFF, duty_organisations: 'x'.repeat(1001) }, 'duty_organisations', 'is 1001 characters long; the limit is 1000'],
  ])('rejects the file when %s, naming the row and column', (_case, cells, column, message) => {
    const error = rejection(cells);
    expect(error.message).toBe(`Row 2, column ${column}: ${message}`);
    expect(error.column).toBe(column);
  });

  it('says what is wrong in Japanese too', () => {
    const texts = [
      rejection({ coi_relations: 'friendship' }),
      rejection({ ...STAFF, official_duties: 'cooking' }),
      rejection({ ...STAFF, duty_sectors: 'fishing' }),
      rejection({ month_left: '13' }),
      rejection({ year_left: '', month_left: '4' }),
    ].map((error) => describeMemberCsvProblem(ja.memberCsv, error.problem));
    expect(texts).toEqual([
      '「friendship」は省との関係（contract・subsidy・permit・regulatory・bid）のいずれでもありません。キー、または日本語か英語の名称を使ってください',
      '「cooking」は官職の所掌事務（permits・subsidies・procurement・inspection）のいずれでもありません。キー、または日本語か英語の名称を使ってください',
      '「fishing」は登録された業種ではありません。キー、または日本語か英語の名称を使ってください',
      '「13」は1〜12の月ではありません',
      '退職月（4月）には退職年も必要です。year_left を入力するか、month_left を空欄にしてください',
    ]);
  });

  it('takes a month left without a year from current staff, who have neither (the import drops it, as the form does)', () => {
    expect(parseOne({ ...STAFF, month_left: '4' }).monthLeft).toBe(4);
  });
});
