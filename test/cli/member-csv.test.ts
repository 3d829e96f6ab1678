import { describe, expect, it } from 'vitest';
import { formatMemberCsv, MEMBER_CSV_COLUMNS, parseMemberCsv, type MemberCsvRecord } from '../../src/services/member-csv';
import { CURRENT_YEAR, csvFile, type CsvCells } from './member-csv-fixtures';

const parse = (text: string) => parseMemberCsv(text, { currentYear: CURRENT_YEAR });
const parseOne = (cells: CsvCells) => parse(csvFile([cells]))[0]!;
const errorFor = (text: string) => {
  try {
    parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the file to be rejected');
};

describe('reading the spreadsheet', () => {
  it('turns a complete row into a typed member, numbered as the spreadsheet row', () => {
    expect(parse(csvFile([{ email: ' Hanako.Sato@Example.JP ', coi: 'Advises Acme on GX' }]))).toEqual([
      {
        row: 2,
        email: 'hanako.sato@example.jp',
        name: '佐藤 花子',
        memberType: 'alumni',
        yearJoined: 2001,
        yearLeft: 2015,
        organisation: 'Acme Consulting',
        title: 'Partner',
        formerDivisions: '資源エネルギー庁',
        topics: ['energy_gx', 'semiconductors'],
        helpText: 'Happy to talk about GX finance.',
        helpKinds: ['talks', 'mentoring'],
        monthlyCapacity: 2,
        shareWithStaff: true,
        shareWithAlumni: false,
        coiDescription: 'Advises Acme on GX',
        locale: 'ja',
        coiRelations: [],
        coiDivisions: null,
        monthLeft: null,
        currentDivision: null,
        officialDuties: [],
        dutySectors: [],
        dutyOrganisations: null,
      },
    ]);
  });

  it('accepts the columns in any order', () => {
    const reversed = [...MEMBER_CSV_COLUMNS].reverse();
    expect(parse(csvFile([{}], reversed))).toEqual(parse(csvFile([{}])));
  });

  it('reads blank optional cells as not given: no years, no texts, capacity 0, consents never answered', () => {
    const blank = { year_joined: '', year_left: '', organisation: '', title: '', former_divisions: '', topics: '' };
    const more = { help_text: ' ', help_kinds: '', capacity: '', share_with_staff: '', share_with_alumni: '', locale: '' };
    expect(parseOne({ ...blank, ...more })).toMatchObject({
      yearJoined: null,
      yearLeft: null,
      organisation: null,
      title: null,
      formerDivisions: null,
      topics: [],
      helpText: null,
      helpKinds: [],
      monthlyCapacity: 0,
      shareWithStaff: null,
      shareWithAlumni: null,
      coiDescription: null,
      locale: null,
    });
  });

  it('stores topics and kinds of help as keys, whether written as keys or as Japanese or English labels', () => {
    const row = parseOne({ topics: '半導体; Trade policy ;energy_gx;;半導体', help_kinds: '講演・勉強会;Mentoring young staff' });
    expect(row.topics).toEqual(['semiconductors', 'trade', 'energy_gx']);
    expect(row.helpKinds).toEqual(['talks', 'mentoring']);
  });

  it('understands Japanese member types and answers, and full-width digits', () => {
    expect(parseOne({ member_type: 'OB・OG', share_with_staff: 'はい', share_with_alumni: 'いいえ' })).toMatchObject({
      memberType: 'alumni',
      shareWithStaff: true,
      shareWithAlumni: false,
    });
    expect(parseOne({ member_type: '出戻り', year_joined: '２００１', capacity: '３' })).toMatchObject({
      memberType: 'returnee',
      yearJoined: 2001,
      monthlyCapacity: 3,
    });
    expect(parseOne({ member_type: '現役職員', year_left: '', share_with_staff: 'TRUE' })).toMatchObject({
      memberType: 'staff',
      shareWithStaff: true,
    });
  });

  it('accepts a UTF-8 byte-order mark, skips blank rows but keeps counting them', () => {
    const text = `\ufeff${csvFile([{}])}\n,,,,,,,,,,,,,,,\n${csvFile([{ email: 'taro@example.jp', year_left: 'x' }]).split('\n')[1]}\n`;
    expect(() => parse(text)).toThrow('Row 5, column year_left:');
    expect(parse(`\ufeff${csvFile([{}])}\n\n`)).toHaveLength(1);
  });

  it('numbers rows as the spreadsheet does when a cell spans several lines', () => {
    const text = csvFile([{ help_text: 'line one\nline two\nline three' }, { email: 'taro@example.jp', capacity: '11' }]);
    expect(errorFor(text)).toBe('Row 3, column capacity: "11" is not a whole number from 0 to 10');
  });

  it('ignores empty unnamed columns that spreadsheets add at the end', () => {
    const text = csvFile([{}]).replace(/\n/g, ',,\n');
    expect(parse(text)).toEqual(parse(csvFile([{}])));
  });

  it('reads a file with only the header as no members', () => {
    expect(parse(csvFile([]))).toEqual([]);
  });
});

describe('rejecting a file, naming the row and column', () => {
  it.each<[string, CsvCells, string]>([
    ['the year left is before the year joined', { year_joined: '2001', year_left: '1990' }, 'Row 2, column year_left: the year left (1990) is before the year joined (2001)'],
    ['current staff have a year left', { member_type: 'staff', year_left: '2010' }, 'Row 2, column year_left: current staff have no year left (2010); leave it blank or use alumni or returnee'],
    ['a year is out of range', { year_joined: '1949' }, 'Row 2, column year_joined: the year joined (1949) is not between 1950 and 2025'],
    ['a year is in the future', { year_left: '2026' }, 'Row 2, column year_left: the year left (2026) is not between 1950 and 2025'],
    ['a year is not a year', { year_joined: 'H13' }, 'Row 2, column year_joined: "H13" is not a year such as 2001'],
    ['the email is missing', { email: ' ' }, 'Row 2, column email: an email address is required'],
    ['the email is not an address', { email: 'hanako at example.jp' }, 'Row 2, column email: "hanako at example.jp" is not a valid email address'],
    ['the name is missing', { name: '' }, 'Row 2, column name: a name is required'],
    ['the name is too long', { name: 'あ'.repeat(101) }, 'Row 2, column name: is 101 characters long; the limit is 100'],
    ['the help text is too long', { help_text: 'x'.repeat(1001) }, 'Row 2, column help_text: is 1001 characters long; the limit is 1000'],
    ['the member type is unknown', { member_type: 'friend' }, 'Row 2, column member_type: "friend" is not alumni, staff or returnee'],
    ['a topic is unknown', { topics: 'dx;fishing' }, 'Row 2, column topics: "fishing" is not a known topic; use its key or its Japanese or English label'],
    ['a kind of help is unknown', { help_kinds: 'cooking' }, 'Row 2, column help_kinds: "cooking" is not a known kind of help; use its key or its Japanese or English label'],
    ['the capacity is negative', { capacity: '-1' }, 'Row 2, column capacity: "-1" is not a whole number from 0 to 10'],
    ['a consent is neither yes nor no', { share_with_alumni: 'maybe' }, 'Row 2, column share_with_alumni: "maybe" is not yes or no (leave it blank when the member has not answered)'],
    ['the locale is unknown', { locale: 'fr' }, 'Row 2, column locale: "fr" is not ja or en'],
  ])('when %s', (_case, cells, message) => {
    expect(errorFor(csvFile([cells]))).toBe(message);
  });

  it('when an email appears twice (in any case), naming both rows', () => {
    const text = csvFile([{}, { email: 'taro@example.jp' }, { email: 'HANAKO.SATO@example.jp' }]);
    expect(errorFor(text)).toBe('Row 4, column email: hanako.sato@example.jp is already on row 2');
  });

  it('when a column is missing, unknown or repeated', () => {
    const withoutCoi = MEMBER_CSV_COLUMNS.filter((column) => column !== 'coi');
    expect(errorFor(csvFile([{}], withoutCoi))).toBe('Row 1: missing column "coi"');
    expect(errorFor(csvFile([{}], [...MEMBER_CSV_COLUMNS, 'sector']))).toMatch(/^Row 1: unknown column "sector" \(the columns are email, name, /);
    expect(errorFor(csvFile([{}], [...MEMBER_CSV_COLUMNS, 'email']))).toBe('Row 1: column "email" appears twice');
  });

  it('when a row has more or fewer values than the header', () => {
    expect(errorFor(`${csvFile([{}])}a@example.jp,Taro\n`)).toBe('Row 3: expected 23 values, found 2');
  });

  it('when the file is empty or not CSV', () => {
    expect(errorFor('')).toBe('the file is empty; its first row must name the columns');
    expect(errorFor(`${csvFile([{}])}"unclosed,quote\n`)).toMatch(/^the file is not valid CSV: /);
  });

  it('reports the first bad row of several', () => {
    const text = csvFile([{}, { email: 'a@example.jp', locale: 'de' }, { email: 'b@example.jp', capacity: 'lots' }]);
    expect(errorFor(text)).toBe('Row 3, column locale: "de" is not ja or en');
  });
});

describe('writing the spreadsheet', () => {
  const record: MemberCsvRecord = {
    email: 'hanako.sato@example.jp',
    name: '佐藤 花子',
    memberType: 'returnee',
    yearJoined: 2001,
    yearLeft: 2015,
    organisation: 'Acme, "Consulting"',
    title: null,
    formerDivisions: null,
    topics: ['energy_gx', 'trade'],
    helpText: 'Line one\nline two',
    helpKinds: [],
    monthlyCapacity: 0,
    shareWithStaff: true,
    shareWithAlumni: null,
    coiDescription: 'Advises Acme',
    locale: null,
    coiRelations: [],
    coiDivisions: null,
    monthLeft: 3,
    currentDivision: 'Energy Agency',
    officialDuties: ['permits', 'subsidies'],
    dutySectors: ['startup'],
    dutyOrganisations: '=Acme\nBeta Corp',
  };

  it('writes the import format, with a byte-order mark so that Excel reads UTF-8', () => {
    const lines = formatMemberCsv([record]).split('\n');
    expect(lines[0]).toBe(`\ufeff${MEMBER_CSV_COLUMNS.join(',')}`);
    expect(lines[1]).toBe('hanako.sato@example.jp,佐藤 花子,returnee,2001,2015,"Acme, ""Consulting""",,,energy_gx;trade,"Line one');
    expect(lines[2]).toBe(`line two",,0,yes,,Advises Acme,,,,3,Energy Agency,permits;subsidies,startup,"'=Acme`);
    expect(lines[3]).toBe('Beta Corp"');
  });

  it('reads back what it wrote', () => {
    const other: MemberCsvRecord = { ...record, email: 'taro@example.jp', memberType: 'staff', yearLeft: null, coiDescription: null, locale: 'en' };
    const rows = parse(formatMemberCsv([record, other]));
    expect(rows).toEqual([
      { row: 2, ...record },
      { row: 3, ...other },
    ]);
  });

  it('keeps text that a spreadsheet would run as a formula from being run, and reads it back unchanged', () => {
    const risky = ['=HYPERLINK("http://evil.example")', '+81 3 1234', '-  bullet', '@SUM(A1)', "'=already quoted", "'plain"];
    const records = risky.map((text, i) => ({ ...record, email: `m${i}@example.jp`, name: text, helpText: null }));
    const csv = formatMemberCsv(records);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).toContain(`m3@example.jp,'@SUM(A1),`);
    expect(parse(csv).map((row) => row.name)).toEqual(risky);
  });
});
