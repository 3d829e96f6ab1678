/**
 * What text a person types may contain, for every form and the members spreadsheet. Postgres
 * refuses NUL in text (the save failed with a database error), and the other control characters
 * are invisible in Slack and in spreadsheets, so they are refused where they were typed. Text
 * with nothing visible in it counts as not given.
 */

/** One line (a name, a title), or several (a description), where tabs and line breaks belong. */
export type TextShape = 'line' | 'lines';

/** Why typed text cannot be kept: a control character, or a tab or line break in a one-line field. */
export type TextProblem = 'controlCharacter' | 'lineBreak';

/**
 * Whitespace (including the ideographic space) and the characters Unicode says to draw as
 * nothing: zero-width space, non-joiner and joiner, word joiner, BOM, soft hyphen, bidi marks,
 * variation selectors, Hangul fillers.
 */
const NOTHING_VISIBLE = /^[\s\p{Default_Ignorable_Code_Point}]*$/u;
/** C0 controls but tab, LF and CR; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const TAB_OR_LINE_BREAK = /[\t\n\r]/u;

/** True when the text shows nothing: only whitespace and invisible characters. */
export function isBlankText(text: string): boolean {
  return NOTHING_VISIBLE.test(text);
}

/** What is wrong with the text for a field of this shape, if anything. */
export function textProblem(text: string, shape: TextShape): TextProblem | undefined {
  if (CONTROL.test(text)) return 'controlCharacter';
  if (shape === 'line' && TAB_OR_LINE_BREAK.test(text)) return 'lineBreak';
  return undefined;
}

/** The first character a problem is about, as U+XXXX (for the spreadsheet's error messages). */
export function offendingCharacter(text: string, shape: TextShape): string | undefined {
  const found = CONTROL.exec(text) ?? (shape === 'line' ? TAB_OR_LINE_BREAK.exec(text) : null);
  return found ? `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/**
 * Typed text as it may be stored: null when nothing visible was typed (a required field then
 * reports "required" through its usual rule), or the problem that keeps it from being stored.
 */
export function readTypedText(
  raw: string | null | undefined,
  shape: TextShape,
): { ok: true; text: string | null } | { ok: false; problem: TextProblem } {
  if (raw === null || raw === undefined) return { ok: true, text: null };
  const problem = textProblem(raw, shape);
  if (problem) return { ok: false, problem };
  return { ok: true, text: isBlankText(raw) ? null : raw };
}

/** A typed number: ASCII digits, optionally signed, with at most one decimal point. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A number as a person typed it: null when nothing visible was typed, NaN when it is not a number
 * (the field's own rule then reports it). Japanese input methods type full-width digits, signs and
 * spaces (`２０１９`, `20１9`, `　２　`), which NFKC turns into their ASCII forms, so they read as
 * the same numbers. Every number typed in a form is read here.
 */
export function readTypedNumber(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.normalize('NFKC').replace(/[\s\p{Default_Ignorable_Code_Point}]+/gu, ' ').trim();
  if (text === '') return null;
  return NUMBER.test(text) ? Number(text) : Number.NaN;
}
