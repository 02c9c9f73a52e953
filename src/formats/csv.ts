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

/** Prefixes a cell that a spreadsheet would take for a formula with "'". */
export function protectCell(text: string): string {
  if (!FORMULA_START.test(text)) return text;
  if (PLAIN_NUMBER_OR_PHONE.test(text)) return text;
  return `'${text}`;
}

/** Undoes protectCell, for importing net's own CSV. */
export function unprotectCell(text: string): string {
  if (text.startsWith("'") && FORMULA_START.test(text.slice(1)) && !PLAIN_NUMBER_OR_PHONE.test(text.slice(1))) {
    return text.slice(1);
  }
  return text;
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
