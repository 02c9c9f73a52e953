// net export: every record of an entity, for scripts, spreadsheets, address
// books and calendars. Records are streamed from SQLite to the output, so a
// large network is written in constant memory.
import { UsageError } from '../../core/errors.js';
import type { Cell } from '../../formats/csv.js';
import { inBlocks, type TextSink } from '../../formats/text-sink.js';
import { EXPORT_KEYS, EXPORTERS, type ExportRecord, type StoredEntity } from '../../db/export-records.js';
import { writeVcards, writeVdir } from '../vcard-export.js';
import type { Context } from '../context.js';
import { jsonArrayElement, jsonArrayEnd, pickRecordColumns } from '../render.js';
import { youngGenerationCap } from '../young-generation.js';

export const EXPORT_ENTITIES = ['contacts', 'interactions', 'followups', 'outreach', 'favours', 'due'] as const;
type ExportEntity = (typeof EXPORT_ENTITIES)[number];
type ExportFormat = 'csv' | 'json' | 'jsonl' | 'vcf' | 'ics';

interface ExportOptions {
  csv?: boolean;
  json?: boolean;
  jsonl?: boolean;
  vcf?: boolean;
  ics?: boolean;
  vdir?: string;
  out?: string;
  raw?: boolean;
  vcardVersion?: string;
  force?: boolean;
}

function pickExportFormat(entity: ExportEntity, options: ExportOptions): ExportFormat {
  const chosen = (['csv', 'json', 'jsonl', 'vcf', 'ics'] as const).filter((f) => options[f]);
  if (chosen.length > 1) throw new UsageError(`${chosen.map((f) => `--${f}`).join(' and ')} cannot be used together`, 'choose one format');
  const format = chosen[0] ?? 'csv';
  if (format === 'vcf' && entity !== 'contacts') throw new UsageError(`--vcf is for contacts, not ${entity}`, 'try `net export contacts --vcf`');
  if (format === 'ics' && entity !== 'due') throw new UsageError(`--ics is for due, not ${entity}`, 'try `net export due --ics`');
  if (options.raw && format !== 'csv') throw new UsageError('--raw changes only CSV output', 'drop --raw, or use --csv');
  if (options.vdir !== undefined) {
    if (entity !== 'contacts') throw new UsageError(`--vdir is for contacts, not ${entity}`, 'try `net export contacts --vdir FOLDER`');
    if (chosen.length || options.out !== undefined) throw new UsageError('--vdir writes vCard files of its own', 'drop the other format or --out');
    return 'vcf';
  }
  if (options.vcardVersion !== undefined && format !== 'vcf') throw new UsageError('--vcard-version goes with --vcf');
  return format;
}

function vcardVersion(text: string | undefined): 3 | 4 {
  if (text === undefined) return 3;
  const t = text.trim();
  if (t === '3' || t === '3.0') return 3;
  if (t === '4' || t === '4.0') return 4;
  throw new UsageError(`--vcard-version: "${text}" is not 3 or 4`);
}

/** A cell for CSV: lists of text joined with "; ", lists of objects (outreach events) as JSON. */
function csvCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.some((v) => v !== null && typeof v === 'object') ? JSON.stringify(value) : (value as string[]);
  if (typeof value === 'object') return JSON.stringify(value);
  return value as Cell;
}

/** Progress on stderr, only on a terminal: a counter rewritten in place. */
function progress(ctx: Context, what: string): { tick(n: number): void; done(): void } {
  if (!ctx.io.stderrIsTTY) return { tick: () => {}, done: () => {} };
  let shown = false;
  return {
    tick(n) {
      if (n % 5000 === 0) {
        ctx.io.error(`\rexporting ${what}… ${n.toLocaleString('en-US')}`);
        shown = true;
      }
    },
    done() {
      if (shown) ctx.io.error('\r\x1b[K');
    },
  };
}

async function writeRecords(
  sink: TextSink,
  records: Iterable<object>,
  columns: readonly string[],
  format: 'csv' | 'json' | 'jsonl',
  options: { raw?: boolean; tick(n: number): void },
): Promise<number> {
  let count = 0;
  if (format === 'jsonl') {
    // JSON Lines: one compact object a line, for jq -c and line-by-line readers.
    for (const record of records) {
      sink.write(`${JSON.stringify(pickRecordColumns(record, columns))}\n`);
      options.tick(++count);
    }
    return count;
  }
  if (format === 'json') {
    // The same bytes as JSON.stringify(array, null, 2), one record at a time.
    for (const record of records) {
      sink.write(jsonArrayElement(pickRecordColumns(record, columns), count));
      options.tick(++count);
    }
    sink.write(jsonArrayEnd(count));
    return count;
  }
  const { csvCellText, csvLines } = await import('../../formats/csv.js');
  sink.write(csvLines([[...columns]]));
  let batch: string[][] = [];
  for (const record of records) {
    const cells: string[] = [];
    for (const key of columns) cells.push(csvCellText(csvCell((record as ExportRecord)[key]), options.raw));
    batch.push(cells);
    options.tick(++count);
    // Small batches: rows held longer than a few young-generation collections
    // are promoted, and the old generation then grows by the whole export.
    if (batch.length === 250) {
      sink.write(csvLines(batch));
      batch = [];
    }
  }
  if (batch.length) sink.write(csvLines(batch));
  return count;
}

async function writeDue(ctx: Context, sink: TextSink, format: ExportFormat, raw: boolean | undefined): Promise<number> {
  // Exactly the rows of `net due --json`: every item, ranked.
  const { dueReport, addHints } = await import('../due-report.js');
  const { DUE_KEYS } = await import('../../core/scheduler.js');
  const report = await dueReport(ctx);
  if (format === 'ics') {
    const { dueItemsToIcs } = await import('../../formats/ics.js');
    sink.write(dueItemsToIcs(await addHints(ctx, report.items), { now: ctx.now, today: report.day }));
    return report.items.length;
  }
  return writeRecords(sink, report.items, DUE_KEYS, format as 'csv' | 'json' | 'jsonl', { raw, tick: () => {} });
}

export default async function exportCommand(ctx: Context, entityArg: string, options: ExportOptions): Promise<void> {
  const entity = entityArg.trim().toLowerCase() as ExportEntity;
  if (!(EXPORT_ENTITIES as readonly string[]).includes(entity)) {
    throw new UsageError(`"${entityArg}" is not something to export`, `choose one of: ${EXPORT_ENTITIES.join(', ')}`);
  }
  const format = pickExportFormat(entity, options);
  // `--out -` is standard output, as for most tools that take a file.
  const file = options.out === '-' ? undefined : options.out;
  if (options.force && file === undefined && options.vdir === undefined) throw new UsageError('--force goes with --out FILE', 'it lets --out replace an existing SQLite file');
  const version = format === 'vcf' ? vcardVersion(options.vcardVersion) : 3;

  if (options.vdir !== undefined) {
    const folder = options.vdir;
    const opened = await ctx.existingDatabase();
    const { checkOutputPath } = await import('../../db/output-guard.js');
    const meter = progress(ctx, entity);
    const guard = (path: string) => checkOutputPath(path, { dbPath: ctx.dbPath, force: options.force });
    const count = await writeVdir(folder, opened ? EXPORTERS.contacts(opened.sqlite) : [], version, guard, meter.tick).finally(() => meter.done());
    if (!ctx.quiet) ctx.io.error(`Exported ${count.toLocaleString('en-US')} ${count === 1 ? 'contact' : 'contacts'} to ${folder}, one vCard file each.\n`);
    return;
  }

  let sink: TextSink = { write: (text) => ctx.writeExact(text), close: () => {}, abort: () => {} };
  if (file !== undefined) {
    if (file.trim() === '') throw new UsageError('--out: the file name is empty');
    const { checkOutputPath } = await import('../../db/output-guard.js');
    checkOutputPath(file, { dbPath: ctx.dbPath, force: options.force });
    const { atomicFile } = await import('../../formats/atomic-file.js');
    sink = atomicFile(file);
  }
  sink = inBlocks(sink);
  const meter = progress(ctx, entity);
  const capYoung = youngGenerationCap();
  const tick = (n: number): void => {
    meter.tick(n);
    capYoung(n);
  };
  let count: number;
  try {
    if (entity === 'due') count = await writeDue(ctx, sink, format, options.raw);
    else {
      const opened = await ctx.existingDatabase();
      const records: Iterable<ExportRecord> = opened ? EXPORTERS[entity as StoredEntity](opened.sqlite) : [];
      count =
        format === 'vcf'
          ? await writeVcards(sink, records, version, tick)
          : await writeRecords(sink, records, EXPORT_KEYS[entity as StoredEntity], format as 'csv' | 'json' | 'jsonl', { raw: options.raw, tick });
    }
    sink.close();
  } catch (error) {
    sink.abort();
    throw error;
  } finally {
    meter.done();
  }
  if (file !== undefined && !ctx.quiet) {
    const nouns: Record<ExportEntity, [string, string]> = {
      contacts: ['contact', 'contacts'],
      interactions: ['interaction', 'interactions'],
      followups: ['follow-up', 'follow-ups'],
      outreach: ['outreach', 'outreach'],
      favours: ['favour', 'favours'],
      due: ['due item', 'due items'],
    };
    ctx.io.error(`Exported ${count.toLocaleString('en-US')} ${nouns[entity][count === 1 ? 0 : 1]} to ${file}.\n`);
  }
}
