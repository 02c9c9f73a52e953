// Reading CSV through csv-parse, streamed, with the row number of each record
// as a spreadsheet shows it (1-based, counting the header, preamble lines and
// empty lines; a cell with line breaks stays one row).
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { DataError } from '../core/errors.js';

export interface CsvRow {
  /** 1-based, as a spreadsheet numbers rows. */
  row: number;
  cells: string[];
}

/** Turns an I/O or parse failure into a message that names the file and the line. */
export function csvError(error: unknown, file: string, lastRow: number): DataError {
  // Already a message for the person (the file's encoding, say).
  if (error instanceof DataError) return error;
  const e = error as { code?: string; message?: string; lines?: number };
  if (e.code === 'ENOENT') return new DataError(`${file}: no such file`);
  if (e.code === 'EISDIR') return new DataError(`${file} is a folder, not a file`);
  if (e.code === 'EACCES') return new DataError(`${file}: permission denied`);
  if (typeof e.lines === 'number' && typeof e.code === 'string') {
    const what = (e.message ?? '').replace(/ at line \d+.*$/s, '');
    return new DataError(`${file}: row ${lastRow + 1}: not valid CSV (${what})`, 'check the quotes of that row; nothing was imported');
  }
  return new DataError(`${file}: cannot be read: ${e.message ?? String(error)}`);
}

// relax_quotes: a quote inside an unquoted cell (6'2" tall) is text, as spreadsheets read it.
const PARSE_OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: false } as const;

/**
 * The objects of a stream in batches of what is ready: one await per batch
 * instead of one per record, which is most of the cost of a 500,000-row file
 * read through layers of async iteration.
 */
async function* batchesOf<T>(stream: Readable): AsyncGenerator<T[]> {
  let failure: unknown;
  let ended = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  stream.on('readable', signal);
  stream.on('end', () => {
    ended = true;
    signal();
  });
  stream.on('error', (error) => {
    failure = error;
    signal();
  });
  for (;;) {
    const batch: T[] = [];
    for (let item = stream.read() as T | null; item !== null; item = stream.read() as T | null) batch.push(item);
    if (batch.length) yield batch;
    if (failure) throw failure;
    if (ended) return;
    if (batch.length === 0) await new Promise<void>((resolve) => (wake = resolve));
  }
}

/**
 * The records of a CSV stream, in batches. A byte-order mark is dropped, CRLF
 * and LF both end records, and rows may have any number of cells (callers
 * check them). `firstRow` is the row number of the stream's first record.
 */
export async function* readCsvRows(input: Readable, file: string, firstRow = 1): AsyncGenerator<CsvRow[]> {
  const parser = parse({ bom: true, ...PARSE_OPTIONS });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let row = firstRow - 1;
  try {
    for await (const records of batchesOf<string[]>(parser)) yield records.map((cells) => ({ row: ++row, cells }));
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

const HEAD_BYTES = 64 * 1024;

/**
 * Finds the header in the first bytes of the stream and returns the stream
 * from the header on. csv-parse takes the length of the first record as the
 * expected one and builds an error object (with a stack) for every record of
 * another length: with a one-cell "Notes:" line first, that was most of the
 * time of a 30,000-row import. Starting at the header avoids it.
 */
async function fromHeader(
  input: Readable,
  file: string,
  options: TableOptions,
): Promise<{ rest: Readable; header: string[]; headerRow: number } | undefined> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < HEAD_BYTES) {
    const next = await iterator.next().catch((error: unknown) => {
      throw csvError(error, file, 0);
    });
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    chunks.push(chunk);
    size += chunk.length;
  }
  let head = Buffer.concat(chunks);
  if (head.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) head = head.subarray(3);
  // Only whole lines of the head are read here; a record cut at its end is read again in full later.
  const lastNewline = ended ? head.length : head.lastIndexOf(0x0a) + 1;
  const text = head.subarray(0, lastNewline).toString('utf8');
  // Record by record (each parse stops at the k-th record), so a malformed row after the
  // header is left to the main parser, which names its row.
  let records: Array<{ record: string[]; raw: string }> = [];
  for (let k = 1; k <= (options.preamble ?? 0) + 1; k++) {
    try {
      records = parseSync(text, { ...PARSE_OPTIONS, raw: true, to: k }) as unknown as Array<{ record: string[]; raw: string }>;
    } catch (error) {
      throw csvError(error, file, k - 1);
    }
    const last = records[k - 1];
    if (!last || (!isBlankRow(last.record) && options.isHeader(last.record.map((c) => c.trim().toLowerCase())))) break;
  }
  // csv-parse's raw text of a record ends with its delimiter, except the "\n" of a CRLF.
  let offset = 0;
  const advance = (raw: string) => {
    offset += raw.length;
    if (raw.endsWith('\r') && text[offset] === '\n') offset += 1;
  };
  for (const [i, { record, raw }] of records.entries()) {
    advance(raw);
    if (!isBlankRow(record) && options.isHeader(record.map((c) => c.trim().toLowerCase()))) {
      const restBytes = head.subarray(Math.min(Buffer.byteLength(text.slice(0, offset)), head.length));
      async function* rest(): AsyncGenerator<Buffer> {
        if (restBytes.length) yield restBytes;
        if (!ended) for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value as Buffer;
      }
      return { rest: Readable.from(rest()), header: record, headerRow: i + 1 };
    }
  }
  return undefined;
}

/** The data rows of a CSV file with a header, after any preamble, in batches; blank rows are left out. */
export async function* readCsvTable(input: Readable, file: string, options: TableOptions): AsyncGenerator<CsvTableRow[]> {
  const found = await fromHeader(input, file, options);
  if (!found) {
    throw new DataError(`${file}: no header row with ${options.expected} in its first rows`, 'is this the right file for this source?');
  }
  const table: CsvTable = { header: found.header.map((c) => c.trim()), index: headerIndex(found.header), headerRow: found.headerRow };
  for await (const rows of readCsvRows(found.rest, file, found.headerRow + 1)) {
    const batch: CsvTableRow[] = [];
    for (const { row, cells } of rows) if (!isBlankRow(cells)) batch.push({ row, cells, table });
    if (batch.length) yield batch;
  }
}
