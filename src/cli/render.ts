// One way out for every listing: a table on a TTY, tab-separated text when
// piped, or --json / --csv with the same rows in the same order.
import type { Cell, CsvRecord } from '../formats/csv.js';
import { UsageError } from '../core/errors.js';
import { codePoints, cutTo, wrapLines, type Measure } from '../core/text.js';
import { measureFor } from './width.js';
import type { Context } from './context.js';

export type MachineFormat = 'json' | 'csv';
export type Format = MachineFormat | 'human';

export interface FormatOptions {
  json?: boolean;
  csv?: boolean;
  raw?: boolean;
}

export function pickFormat(options: FormatOptions): Format {
  if (options.json && options.csv) throw new UsageError('--json and --csv cannot be used together', 'choose one');
  if (options.json) return 'json';
  if (options.csv) return 'csv';
  return 'human';
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Only the named columns of `record`, in order, a missing one as null: the contract, whatever else the record carries. */
export function pickRecordColumns(record: object, columns: readonly string[]): CsvRecord {
  const picked: CsvRecord = {};
  for (const key of columns) picked[key] = ((record as Record<string, Cell | undefined>)[key] ?? null) as Cell;
  return picked;
}

function pickColumns(records: readonly object[], columns: readonly string[]): CsvRecord[] {
  return records.map((record) => pickRecordColumns(record, columns));
}

/**
 * The element `index` of a JSON array written one element at a time, with
 * what comes before it: the same bytes as toJson(array) once jsonArrayEnd
 * closes it.
 */
export function jsonArrayElement(record: unknown, index: number): string {
  return `${index === 0 ? '[\n' : ',\n'}  ${JSON.stringify(record, null, 2).replace(/\n/g, '\n  ')}`;
}

/** The end of a JSON array of `count` elements written by jsonArrayElement. */
export function jsonArrayEnd(count: number): string {
  return count === 0 ? '[]\n' : '\n]\n';
}

/** writeMachine for records that come a page at a time: the same bytes, each page written as it comes. */
export async function writeMachinePages(
  ctx: Context,
  format: MachineFormat,
  pages: AsyncIterable<readonly object[]>,
  columns: readonly string[],
  options: { raw?: boolean } = {},
): Promise<void> {
  const csv = format === 'csv' ? await import('../formats/csv.js') : undefined;
  let count = 0;
  for await (const page of pages) {
    const picked = pickColumns(page, columns);
    if (csv) ctx.writeExact(csv.csvChunk(picked, columns, { ...options, header: count === 0 }));
    else ctx.writeExact(picked.map((record, k) => jsonArrayElement(record, count + k)).join(''));
    count += page.length;
  }
  if (!csv) ctx.writeExact(jsonArrayEnd(count));
  else if (count === 0) ctx.writeExact(csv.csvChunk([], columns, { ...options, header: true }));
}

export async function writeMachine(
  ctx: Context,
  format: MachineFormat,
  records: readonly object[],
  columns: readonly string[],
  options: { raw?: boolean } = {},
): Promise<void> {
  const picked = pickColumns(records, columns);
  if (format === 'json') {
    ctx.writeExact(toJson(picked));
    return;
  }
  const { toCsv } = await import('../formats/csv.js');
  ctx.writeExact(toCsv(picked, columns, options));
}

/** Cuts text to a width in columns, with an ellipsis; newlines become spaces. */
export function truncate(text: string, width: number, measure: Measure = codePoints): string {
  return cutTo(text, width, measure);
}

export interface TableColumn {
  header: string;
  /** Longest a cell may be on a TTY before it is cut with an ellipsis (not for the free text). */
  max?: number;
  align?: 'left' | 'right';
  /** The free text of the row (a promise, a reason, a note): it gets the room the others leave. */
  flex?: boolean;
  /** A name or a date: cut only when nothing else can give way. */
  keep?: boolean;
  /** On a TTY, colours a cell of this column (row by index), after it is cut or wrapped to width. */
  paint?: (cell: string, row: number) => string;
}

/**
 * A table: aligned columns under a bold header on a TTY (fitted to the
 * terminal width), tab-separated without colour when piped.
 */
export async function writeTable<Row = readonly Cell[]>(
  ctx: Context,
  columns: readonly TableColumn[],
  rows: readonly Row[],
  cellsOf: (row: Row) => readonly Cell[] = (row) => row as readonly Cell[],
): Promise<void> {
  const text = (cell: Cell): string => (cell === null ? '' : Array.isArray(cell) ? cell.join(', ') : String(cell));
  if (!ctx.io.stdoutIsTTY) {
    // A cell rarely holds a tab or a line break: looking is cheaper than a replace on each of 100,000 cells.
    const flat = (cell: string) => (cell.includes('\t') || cell.includes('\n') || cell.includes('\r') ? cell.replace(/[\t\n\r]+/g, ' ') : cell);
    // In chunks: 20,000 lines are never all held as text at once, twice (the line and the checked copy that is written).
    for (let start = 0; start < rows.length; start += 1000) {
      // The cells of each chunk are made here (cellsOf), not held for all rows first: 20,000 people's cells lived through every collection.
      const lines = rows.slice(start, start + 1000).map((row) => cellsOf(row).map((cell) => flat(text(cell))).join('\t'));
      ctx.io.write(`${lines.join('\n')}\n`);
    }
    return;
  }
  const { default: Table } = await import('cli-table3');
  const chalk = await ctx.chalk();
  const cells = rows.map((r) => cellsOf(r).map(text));
  const measure = await measureFor([...columns.map((c) => c.header), ...cells.flat()]);
  const widths = fitWidths(ctx.io.columns, columns, cells, measure);
  // Borderless, like gh and kubectl: at 80 columns every character of
  // border is one less for the text people read.
  const none = '';
  const table = new Table({
    head: columns.map((c) => chalk.bold.underline(c.header)),
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    chars: {
      top: none, 'top-mid': none, 'top-left': none, 'top-right': none,
      bottom: none, 'bottom-mid': none, 'bottom-left': none, 'bottom-right': none,
      left: none, 'left-mid': none, mid: none, 'mid-mid': none, right: none, 'right-mid': none,
      middle: COLUMN_GAP,
    },
    colAligns: columns.map((c) => c.align ?? 'left'),
  });
  // The free text wraps inside its column: whole, however narrow the terminal; the rest is cut to fit.
  const shown = (cell: string, i: number) => (columns[i]?.flex ? wrapLines(cell.replace(/\s+/g, ' ').trim(), widths[i], measure).join('\n') : truncate(cell, widths[i], measure));
  cells.forEach((row, r) =>
    table.push(
      row.map((cell, i) => {
        const fitted = shown(cell, i);
        return columns[i]?.paint?.(fitted, r) ?? fitted;
      }),
    ),
  );
  ctx.io.write(`${table.toString()}\n`);
}

const COLUMN_GAP = '  ';

/** The free text wraps in a column down to this width before anything else is cut. */
const FLEX_MIN = 16;
/** Other columns give way down to this. */
const COLUMN_MIN = 8;

/**
 * Column widths, in terminal columns, that fit the terminal. Each column
 * starts at its widest cell (up to its max; the free text has none). When the
 * row is too wide, the free text gives way first (it wraps, so nothing of it
 * is lost) down to 16, then the other columns, widest first, down to 8, and
 * only then names and everything else, down to 6: the free text gets the room
 * the others leave, and names are cut last.
 */
export function fitWidths(terminal: number, columns: readonly TableColumn[], rows: readonly string[][], measure: Measure = codePoints): number[] {
  const widths = columns.map((c, i) => {
    const natural = Math.max(measure(c.header), ...rows.map((r) => measure(r[i] ?? '')));
    return c.flex ? natural : Math.min(c.max ?? 60, natural);
  });
  const budget = Math.max(terminal, 40) - (columns.length - 1) * COLUMN_GAP.length - 1;
  let over = widths.reduce((a, b) => a + b, 0) - budget;
  const giveWay = (may: (i: number) => boolean, floor: (i: number) => number) => {
    while (over > 0) {
      let widest = -1;
      widths.forEach((w, i) => {
        if (may(i) && w > floor(i) && (widest === -1 || w > widths[widest])) widest = i;
      });
      if (widest === -1) return;
      widths[widest] -= 1;
      over -= 1;
    }
  };
  // Headers are never cut: no column gets narrower than its header.
  const header = (i: number) => measure(columns[i].header);
  giveWay((i) => columns[i].flex === true, (i) => Math.max(FLEX_MIN, header(i)));
  giveWay((i) => !columns[i].flex && !columns[i].keep, (i) => Math.max(COLUMN_MIN, header(i)));
  giveWay(() => true, (i) => Math.max(6, header(i)));
  return widths;
}

/** "today", "yesterday", "3 days ago": the one wording of the morning list. */
export { ago as daysAgo } from '../core/scheduler/wording.js';

/** "1 day", "3 days". */
export function pluralDays(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}
