import { describe, expect, it } from 'vitest';
import { readTypedNumber } from '../../src/services/typed-text';

describe('a number as a person typed it', () => {
  it('reads full-width, mixed and ASCII digits as the same number', () => {
    for (const typed of ['2019', '２０１９', '20１9', '　２０１９　', ' 2019\u200B']) expect(readTypedNumber(typed)).toBe(2019);
    expect(readTypedNumber('－３')).toBe(-3);
    expect(readTypedNumber('２．５')).toBe(2.5);
  });

  it('is null when nothing visible was typed', () => {
    for (const typed of [null, undefined, '', '　', ' \u200B ']) expect(readTypedNumber(typed)).toBeNull();
  });

  it('is NaN for anything else, so the field’s rule reports it', () => {
    for (const typed of ['二〇一九', '20 19', '２０１９年', '1e3', '0x10', 'abc', '٢٠١٩']) expect(readTypedNumber(typed)).toBeNaN();
  });
});
