// CSV as conventions.md fixes it: RFC 4180 through csv-stringify, a header row
// with the JSON keys, arrays joined with "; ", and cells that a spreadsheet
// would run as formulas defused with a leading "'" (unless raw).
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | null | readonly string[] | readonly number[];
export type CsvRecord = Record<string, Cell>;

const FORMULA_START = /^[=+\-@\t\r]/;
// Quoted besides what csv-stringify quotes (the delimiter, quotes, \n): a CR
// anywhere, which spreadsheets read as the end of a row (an unquoted
// "a\r=cmd" would become a row starting with a formula), and edge spaces.
const QUOTED_MATCH = /^\s|\s$|[\r\n]/;
const PLAIN_NUMBER_OR_PHONE = /^[+-]?[\d\s+\-().]*\d[\d\s+\-().]*$/;
/** The first characters of a cell that may need a prefix: "'" and those of FORMULA_START. */
const STARTS_TO_CHECK = new Set([..."'=+-@\t\r"].map((c) => c.charCodeAt(0)));

/**
 * A cell a spreadsheet would run as a formula, or one that only looks
 * protected already ("'=x" as stored): the "'"s aside, it starts a formula.
 */
function needsPrefix(text: string): boolean {
  // Most cells start with none of ' = + - @ tab CR: answered without a regular expression (6.5 million cells in an export of 500,000 interactions).
  if (!STARTS_TO_CHECK.has(text.charCodeAt(0))) return false;
  const bare = text.replace(/^'+/, '');
  return FORMULA_START.test(bare) && !PLAIN_NUMBER_OR_PHONE.test(bare);
}

/**
 * Prefixes a cell that a spreadsheet would take for a formula with "'"; so
 * also a stored "'=x" (as "''=x"), which the import would otherwise read as
 * the protected "=x".
 */
export function protectCell(text: string): string {
  return needsPrefix(text) ? `'${text}` : text;
}

/** Undoes protectCell, for importing net's own CSV. */
export function unprotectCell(text: string): string {
  return text.startsWith("'") && needsPrefix(text.slice(1)) ? text.slice(1) : text;
}

export function cellText(value: Cell): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

export function toCsv(records: readonly CsvRecord[], columns: readonly string[], options: { raw?: boolean } = {}): string {
  const rows = records.map((record) =>
    columns.map((key) => {
      const text = cellText(record[key] ?? null);
      return options.raw ? text : protectCell(text);
    }),
  );
  return stringify([columns as string[], ...rows], { record_delimiter: '\n', quoted_match: QUOTED_MATCH });
}

/**
 * CSV in pieces, for long exports written as they are read: the header alone
 * (`header: true`, no records needed) or records without it. Same quoting and
 * protection as toCsv.
 */
export function csvChunk(
  records: readonly CsvRecord[],
  columns: readonly string[],
  options: { raw?: boolean; header?: boolean } = {},
): string {
  const rows = records.map((record) =>
    columns.map((key) => {
      const text = cellText(record[key] ?? null);
      return options.raw ? text : protectCell(text);
    }),
  );
  return stringify(options.header ? [columns as string[], ...rows] : rows, { record_delimiter: '\n', quoted_match: QUOTED_MATCH });
}

/** A cell's text as CSV writes it: lists joined with "; ", protected against formulas unless raw. */
export function csvCellText(value: Cell, raw = false): string {
  const text = cellText(value);
  return raw ? text : protectCell(text);
}

/** Rows of cell texts (already protected) as CSV lines, quoted as toCsv quotes them. */
export function csvLines(rows: readonly string[][]): string {
  return stringify(rows as string[][], { record_delimiter: '\n', quoted_match: QUOTED_MATCH });
}
