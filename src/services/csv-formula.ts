/**
 * The formula guard of every CSV Kakehashi writes (members, attendees, the introduction record),
 * after OWASP's CSV-injection guidance. Spreadsheets run a cell as a formula when it starts with
 * = + - or @, and some skip leading spaces, tabs and line breaks first; so typed text whose first
 * non-whitespace character is one of those is written with an apostrophe in front, which
 * spreadsheets show as text. Text already starting with apostrophes before such a character gets
 * one more, so that the members import (unescapeFormula) removes exactly the one the export added
 * and export → import → export gives the same file.
 *
 * Only typed text goes through the guard. Numbers and dates (years, capacity, waitlist positions,
 * timestamps) are written by the code, are never negative and are never guarded, so a numeric
 * column stays a number; a typed "-5" in a text column is guarded like any other text.
 */
const FORMULA_LIKE = /^'*\s*[=+\-@]/u;
const ESCAPED_FORMULA = /^'+\s*[=+\-@]/u;

/** Typed text as a CSV cell that a spreadsheet will not run. */
export function escapeFormula(value: string): string {
  return FORMULA_LIKE.test(value) ? `'${value}` : value;
}

/** Undoes escapeFormula on a cell read back from a spreadsheet. */
export function unescapeFormula(value: string): string {
  return ESCAPED_FORMULA.test(value) ? value.slice(1) : value;
}
