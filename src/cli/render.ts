// One way out for every listing: a table on a TTY, tab-separated text when
// piped, or --json / --csv with the same rows in the same order.
import type { Cell, CsvRecord } from '../formats/csv.js';
import { UsageError } from '../core/errors.js';
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

export async function writeMachine(
  ctx: Context,
  format: MachineFormat,
  records: readonly object[],
  columns: readonly string[],
  options: { raw?: boolean } = {},
): Promise<void> {
  // Only the named columns, in order: the contract, whatever else the records carry.
  const picked: CsvRecord[] = records.map((r) =>
    Object.fromEntries(columns.map((k) => [k, ((r as Record<string, Cell | undefined>)[k] ?? null) as Cell])),
  );
  if (format === 'json') {
    ctx.io.write(toJson(picked));
    return;
  }
  const { toCsv } = await import('../formats/csv.js');
  ctx.io.write(toCsv(picked, columns, options));
}

/** Cuts text to a width, with an ellipsis; newlines become spaces. */
export function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (width <= 1) return flat.slice(0, Math.max(0, width));
  const chars = Array.from(flat);
  return chars.length <= width ? flat : `${chars.slice(0, width - 1).join('')}…`;
}

export interface TableColumn {
  header: string;
  /** Longest a cell may be on a TTY before it is cut with an ellipsis. */
  max?: number;
  align?: 'left' | 'right';
  /** On a TTY, colours a cell of this column (row by index), after it is cut to width. */
  paint?: (cell: string, row: number) => string;
}

/**
 * A table: aligned columns under a bold header on a TTY (fitted to the
 * terminal width), tab-separated without colour when piped.
 */
export async function writeTable(ctx: Context, columns: readonly TableColumn[], rows: readonly Cell[][]): Promise<void> {
  const text = (cell: Cell): string => (cell === null ? '' : Array.isArray(cell) ? cell.join(', ') : String(cell));
  if (!ctx.io.stdoutIsTTY) {
    const lines = rows.map((row) => row.map((cell) => text(cell).replace(/[\t\n\r]+/g, ' ')).join('\t'));
    ctx.io.write(lines.length ? `${lines.join('\n')}\n` : '');
    return;
  }
  const { default: Table } = await import('cli-table3');
  const chalk = await ctx.chalk();
  const widths = fitWidths(ctx.io.columns, columns, rows.map((r) => r.map(text)));
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
  rows.forEach((row, r) =>
    table.push(
      row.map((cell, i) => {
        const shown = truncate(text(cell), widths[i]);
        return columns[i].paint?.(shown, r) ?? shown;
      }),
    ),
  );
  ctx.io.write(`${table.toString()}\n`);
}

const COLUMN_GAP = '  ';

/** Column widths that fit the terminal: the widest columns give up room first. */
export function fitWidths(terminal: number, columns: readonly TableColumn[], rows: readonly string[][]): number[] {
  const natural = columns.map((c, i) =>
    Math.min(c.max ?? 60, Math.max(Array.from(c.header).length, ...rows.map((r) => Array.from(r[i] ?? '').length))),
  );
  const budget = Math.max(terminal, 40) - (columns.length - 1) * COLUMN_GAP.length - 1;
  const widths = [...natural];
  while (widths.reduce((a, b) => a + b, 0) > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest] <= 6) break;
    widths[widest] -= 1;
  }
  return widths;
}

/** "today", "yesterday", "3 days ago". */
export function daysAgo(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** "1 day", "3 days". */
export function pluralDays(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}
