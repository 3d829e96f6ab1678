import { describe, expect, it } from 'vitest';
import { parseMemberCsv } from '../../src/services/member-csv';
import { CURRENT_YEAR, csvFile, type CsvCells } from './member-csv-fixtures';

const parse = (cells: CsvCells) => parseMemberCsv(csvFile([cells]), { currentYear: CURRENT_YEAR });
const errorFor = (cells: CsvCells) => {
  try {
    parse(cells);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the file to be rejected');
};

describe('the members import refuses what the Slack forms refuse', () => {
  it.each<[string, CsvCells, string]>([
    ['a NUL in the name', { name: '佐藤\u0000花子' }, 'Row 2, column name: contains a control character (U+0000), which cannot be stored; remove it'],
    ['a bell in the help text', { help_text: 'ring\u0007' }, 'Row 2, column help_text: contains a control character (U+0007), which cannot be stored; remove it'],
    ['a DEL in the organisation', { organisation: 'Acme\u007F' }, 'Row 2, column organisation: contains a control character (U+007F), which cannot be stored; remove it'],
    ['a C1 control in the declared conflict', { coi: 'Advises\u0085Acme' }, 'Row 2, column coi: contains a control character (U+0085), which cannot be stored; remove it'],
    ['a NUL in a column that is not text', { topics: 'dx\u0000' }, 'Row 2, column topics: contains a control character (U+0000), which cannot be stored; remove it'],
    ['a tab in the name', { name: '佐藤\t花子' }, 'Row 2, column name: contains a tab or line break; this column takes one line'],
    ['a line break in the title', { title: 'Partner\nAdvisor' }, 'Row 2, column title: contains a tab or line break; this column takes one line'],
    ['a name of invisible characters only', { name: '\u200B\u200C\u200D\uFEFF\u2060 ' }, 'Row 2, column name: a name is required'],
    ['a name of full-width spaces only', { name: '\u3000\u3000' }, 'Row 2, column name: a name is required'],
  ])('when %s', (_case, cells, message) => {
    expect(errorFor(cells)).toBe(message);
  });

  it('reads optional text of invisible characters only as not given', () => {
    expect(parse({ organisation: '\u200B', title: '\uFEFF', former_divisions: '\u2060', help_text: '\u200C \u200D', coi: '\u200B' })[0]).toMatchObject({
      organisation: null,
      title: null,
      formerDivisions: null,
      helpText: null,
      coiDescription: null,
    });
  });

  it('keeps tabs and line breaks in the columns of several lines, and trims those around a one-line cell', () => {
    expect(parse({ name: ' 佐藤 花子\n', help_text: 'one\ttwo\r\nthree', former_divisions: 'A\nB' })[0]).toMatchObject({
      name: '佐藤 花子',
      helpText: 'one\ttwo\r\nthree',
      formerDivisions: 'A\nB',
    });
  });
});
