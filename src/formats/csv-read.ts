// Reading CSV through csv-parse, streamed, with the row number of each record
// as a spreadsheet shows it (1-based, counting the header, preamble lines and
// empty lines; a cell with line breaks stays one row).
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { DataError } from '../core/errors.js';

export interface CsvRow {
  /** 1-based, as a spreadsheet numbers rows. */
  row: number;
  cells: string[];
}

/** An input file: a path, or "-" for standard input. */
export function openInput(path: string): Readable {
  return path === '-' ? process.stdin : createReadStream(path);
}

export function inputName(path: string): string {
  return path === '-' ? 'standard input' : path;
}

/** Turns an I/O or parse failure into a message that names the file and the line. */
export function csvError(error: unknown, file: string, lastRow: number): DataError {
  const e = error as { code?: string; message?: string; lines?: number };
  if (e.code === 'ENOENT') return new DataError(`${file}: no such file`);
  if (e.code === 'EISDIR') return new DataError(`${file} is a folder, not a file`);
  if (e.code === 'EACCES') return new DataError(`${file}: permission denied`);
  if (typeof e.lines === 'number' && typeof e.code === 'string') {
    const where = e.lines ? `line ${e.lines} (after row ${lastRow})` : `after row ${lastRow}`;
    const what = (e.message ?? '').replace(/ at line \d+.*$/s, '').replace(/^[^:]+: /, '');
    return new DataError(`${file}: ${where}: not valid CSV: ${what}`, 'check the quotes around that line; nothing was imported');
  }
  return new DataError(`${file}: cannot be read: ${e.message ?? String(error)}`);
}

/**
 * The records of a CSV stream. A byte-order mark is dropped, CRLF and LF both
 * end records, and rows may have any number of cells (callers check them).
 */
export async function* readCsvRows(input: Readable, file: string): AsyncGenerator<CsvRow> {
  // relax_quotes: a quote inside an unquoted cell (6'2" tall) is text, as spreadsheets read it.
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells };
    }
  } catch (error) {
    throw csvError(error, file, row);
  }
}

/** True when a row has no content: an empty line, or only empty cells. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** Header names as keys, trimmed, for looking up cells by column name. */
export function headerIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  return index;
}

export interface CsvTable {
  header: string[];
  /** Lower-case column name -> position. */
  index: Map<string, number>;
  headerRow: number;
}

export interface CsvTableRow {
  row: number;
  cells: string[];
  table: CsvTable;
}

/** The cell of a named column (case-insensitive), trimmed; undefined when the file has no such column. */
export function cell(row: CsvTableRow, column: string): string | undefined {
  const i = row.table.index.get(column.toLowerCase());
  if (i === undefined) return undefined;
  return (row.cells[i] ?? '').trim();
}

export function hasColumn(table: CsvTable, column: string): boolean {
  return table.index.has(column.toLowerCase());
}

export interface TableOptions {
  /** Recognises the header row among the first rows (exports may start with notes). */
  isHeader(lowerCells: readonly string[]): boolean;
  /** What the header should hold, for the message when none is found. */
  expected: string;
  /** How many rows may come before the header. */
  preamble?: number;
}

/** The data rows of a CSV file with a header, after any preamble; blank rows are left out. */
export async function* readCsvTable(input: Readable, file: string, options: TableOptions): AsyncGenerator<CsvTableRow> {
  let table: CsvTable | undefined;
  const preamble = options.preamble ?? 0;
  for await (const { row, cells } of readCsvRows(input, file)) {
    if (!table) {
      if (isBlankRow(cells)) continue;
      if (options.isHeader(cells.map((c) => c.trim().toLowerCase()))) {
        table = { header: cells.map((c) => c.trim()), index: headerIndex(cells), headerRow: row };
        continue;
      }
      if (row > preamble) {
        throw new DataError(`${file}: row ${row}: expected a header row with ${options.expected}`, 'is this the right file for this source?');
      }
      continue;
    }
    if (isBlankRow(cells)) continue;
    yield { row, cells, table };
  }
  if (!table) throw new DataError(`${file}: no header row with ${options.expected} (the file is empty or of another kind)`);
}
