import { describe, expect, it } from 'vitest';
import { isBlankText, offendingCharacter, readTypedText, textProblem } from '../../src/services/typed-text';

describe('text with nothing visible', () => {
  it.each([
    ['zero-width space', '\u200B'],
    ['zero-width non-joiner and joiner', '\u200C\u200D'],
    ['byte-order mark', '\uFEFF'],
    ['word joiner', '\u2060'],
    ['spaces, tabs and line breaks', ' \t\r\n '],
    ['ideographic (full-width) spaces', '\u3000\u3000'],
    ['a mix, with a no-break space and a soft hyphen', ' \u200B\u00A0\u00AD\u2060\uFEFF'],
    ['nothing at all', ''],
  ])('counts as blank: %s', (_case, text) => {
    expect(isBlankText(text)).toBe(true);
    expect(readTypedText(text, 'lines')).toEqual({ ok: true, text: null });
  });

  it('is kept as typed once anything visible is in it, invisible characters and all', () => {
    expect(isBlankText('\u200B佐藤\u200B')).toBe(false);
    expect(readTypedText(' \u200BHanako ', 'line')).toEqual({ ok: true, text: ' \u200BHanako ' });
    expect(readTypedText('👍🏽', 'line')).toEqual({ ok: true, text: '👍🏽' });
  });

  it('reads a field Slack did not send as not given', () => {
    expect(readTypedText(null, 'line')).toEqual({ ok: true, text: null });
    expect(readTypedText(undefined, 'lines')).toEqual({ ok: true, text: null });
  });
});

describe('control characters', () => {
  it.each([
    ['NUL', 'Ta\u0000ro', 'U+0000'],
    ['bell', 'a\u0007', 'U+0007'],
    ['vertical tab', 'a\u000Bb', 'U+000B'],
    ['form feed', 'a\u000Cb', 'U+000C'],
    ['escape', '\u001B[31mred', 'U+001B'],
    ['DEL', 'a\u007Fb', 'U+007F'],
    ['C1 next line', 'a\u0085b', 'U+0085'],
    ['C1 CSI', 'a\u009Bb', 'U+009B'],
  ])('are refused in any field: %s', (_case, text, codePoint) => {
    expect(textProblem(text, 'line')).toBe('controlCharacter');
    expect(textProblem(text, 'lines')).toBe('controlCharacter');
    expect(readTypedText(text, 'lines')).toEqual({ ok: false, problem: 'controlCharacter' });
    expect(offendingCharacter(text, 'lines')).toBe(codePoint);
  });

  it('a NUL hidden among invisible characters is refused, not read as blank', () => {
    expect(readTypedText('\u200B\u0000 ', 'line')).toEqual({ ok: false, problem: 'controlCharacter' });
  });

  it('tabs and line breaks belong in a field of several lines, not in a one-line field', () => {
    for (const text of ['one\ttwo', 'one\ntwo', 'one\r\ntwo']) {
      expect(readTypedText(text, 'lines')).toEqual({ ok: true, text });
      expect(readTypedText(text, 'line')).toEqual({ ok: false, problem: 'lineBreak' });
    }
    expect(offendingCharacter('one\ttwo', 'line')).toBe('U+0009');
    expect(offendingCharacter('one\ttwo', 'lines')).toBeUndefined();
  });

  it('leaves ordinary text alone: Japanese, punctuation, emoji, the no-break and ideographic spaces', () => {
    for (const text of ['佐藤 花子', 'Acme, "Consulting" <b>', '再エネ\u3000投資', 'R&D\u00A0team', '🌱 GX']) {
      expect(textProblem(text, 'line')).toBeUndefined();
    }
  });
});
