// net import: bring people and history in from LinkedIn, an address book, a
// spreadsheet or net's own export. One transaction for the whole file: a bad
// row stops the import, names the row, and leaves the database as it was.
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { DATE_ORDERS, isDateOrder, type DateOrder } from '../../core/date-order.js';
import { showControls, UsageError } from '../../core/errors.js';
import { emptySummary, type ImportSummary, type RowFate, type RowNote } from '../../core/import-types.js';
import { check, circleSchema, splitList } from '../../core/validate.js';
import { applyImport } from '../../app/import-apply.js';
import { encodingNotes, utf8Chunks, Utf8Converter } from '../../formats/text-encoding.js';
import type { Context } from '../context.js';
import { toJson } from '../render.js';
import { knownDateOrder } from '../dates.js';
import * as sources from '../import-sources.js';
import { youngGenerationCap } from '../young-generation.js';

export const IMPORT_SOURCES = {
  linkedin: { run: sources.importLinkedin, what: 'LinkedIn connections' },
  'linkedin-messages': { run: sources.importLinkedinMessages, what: 'LinkedIn messages' },
  google: { run: sources.importGoogle, what: 'Google Contacts' },
  outlook: { run: sources.importOutlook, what: 'Outlook contacts' },
  vcf: { run: sources.importVcf, what: 'vCards' },
  vdir: { run: sources.importVdir, what: 'vdir address book' },
  csv: { run: sources.importCsv, what: 'CSV' },
  json: { run: sources.importJson, what: "net's JSON export" },
} as const;
type Source = keyof typeof IMPORT_SOURCES;

interface ImportOptions {
  dryRun?: boolean;
  circle?: string;
  tag?: string[];
  me?: string;
  strict?: boolean;
  interactions?: boolean;
  raw?: boolean;
  json?: boolean;
  dateOrder?: string;
}

function checkOptions(source: Source, options: ImportOptions): void {
  if (options.me !== undefined && source !== 'linkedin-messages') throw new UsageError('--me goes with linkedin-messages');
  if (options.interactions && source !== 'csv') throw new UsageError('--interactions goes with csv', 'a JSON export says what it holds');
  if (options.raw && source !== 'csv') throw new UsageError('--raw goes with csv');
  if (options.strict && source !== 'csv' && source !== 'json') throw new UsageError('--strict goes with csv --interactions');
  if (options.dateOrder !== undefined && !isDateOrder(options.dateOrder.trim().toLowerCase())) {
    throw new UsageError(`--date-order: "${options.dateOrder}" is not an order of dates`, `choose one of: ${DATE_ORDERS.join(', ')}`);
  }
}

const n = (count: number) => count.toLocaleString('en-US');

/** Text from the file (a name, a value quoted in a warning) on one line, its controls shown, never sent to the terminal. */
const safe = (text: string): string => showControls(text.replace(/[\n\t]/g, ' '));

function noteLines(title: string, notes: readonly RowNote[]): string[] {
  if (notes.length === 0) return [];
  const shown = notes.slice(0, 20).map((note) => `  ${safe(note.at)}: ${safe(note.message)}`);
  if (notes.length > 20) shown.push(`  … and ${n(notes.length - 20)} more`);
  return [`${title}:`, ...shown];
}

/** One line per row: what the import did or would do with it, and why. */
export function formatFates(rows: readonly RowFate[]): string {
  const width = Math.max(0, ...rows.map((r) => r.at.length));
  const lines = rows.map((r) => {
    const match = r.matched ? ` → #${r.matched.id} ${r.matched.name} (same ${r.matched.by})` : '';
    const fields = r.fields.length > 0 ? `: ${r.fields.join(', ')}` : '';
    const reason = r.reason ? ` — ${r.reason}` : '';
    return showControls(`${r.at.padEnd(width)}  ${r.outcome.padEnd(9)}  ${r.name}${match}${fields}${reason}`);
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function formatSummary(summary: ImportSummary, what: string): string {
  const rows = summary.added + summary.updated + summary.unchanged + summary.skipped.length;
  const lines = [
    `${summary.dryRun ? 'Dry run, nothing written: ' : ''}${n(rows)} ${rows === 1 ? summary.entity.replace(/s$/, '') : summary.entity} from ${safe(summary.file)} (${what}).`,
    `  added ${n(summary.added)}, updated ${n(summary.updated)}, unchanged ${n(summary.unchanged)}, skipped ${n(summary.skipped.length)}`,
  ];
  if (summary.createdContacts > 0) {
    lines.push(`  ${n(summary.createdContacts)} new contact${summary.createdContacts === 1 ? '' : 's'} for people the file names (circle acquaintance unless --circle)`);
  }
  lines.push(...noteLines('Skipped', summary.skipped), ...noteLines('Warnings', summary.warnings));
  for (const s of summary.spread) {
    const perDay = Math.max(1, Math.ceil(s.people / s.days));
    lines.push(`First touches of ${n(s.people)} new people in ${s.circle} spread over the next ${s.days} days (about ${perDay} a day).`);
  }
  lines.push(...summary.notes.map(safe));
  return `${lines.join('\n')}\n`;
}

export default async function importCommand(ctx: Context, sourceArg: string, file: string, options: ImportOptions): Promise<void> {
  const source = sourceArg.trim().toLowerCase() as Source;
  if (!Object.hasOwn(IMPORT_SOURCES, source)) {
    throw new UsageError(`"${sourceArg}" is not a source to import from`, `choose one of: ${Object.keys(IMPORT_SOURCES).join(', ')}`);
  }
  checkOptions(source, options);
  const circle = options.circle === undefined ? undefined : check(circleSchema, options.circle.trim().toLowerCase(), '--circle');
  const placement = { circle, tags: splitList(options.tag, '--tag') };
  const dryRun = Boolean(options.dryRun);
  const summary = emptySummary(source, file === '-' ? 'standard input' : file, 'rows', dryRun);
  if (options.json) summary.rows = [];

  // Read the file before opening (and perhaps creating) the database: a missing file changes nothing.
  let bytes: Buffer | undefined;
  if (source === 'vcf' || source === 'json') bytes = await sources.readBytes(file, ctx.io.stdin);
  else if (source === 'vdir') {
    if (file === '-' || !statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${file} is not a folder`, 'vdir takes a folder of .vcf files');
  } else if (file !== '-') {
    try {
      if (statSync(file).isDirectory()) throw new UsageError(`${file} is a folder, not a file`);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${file}: no such file`);
    }
  }

  const store = await ctx.database({ create: !dryRun });
  const converter = new Utf8Converter(summary.file, source !== 'vcf' && source !== 'json' && source !== 'vdir');
  // The file's order: as told, else as the person writes dates; unknown (null) under a C locale with no setting.
  const dateOrder = options.dateOrder === undefined ? await knownDateOrder(ctx) : (options.dateOrder.trim().toLowerCase() as DateOrder);
  let rowsRead = 0;
  const progress = ctx.io.stderrIsTTY;
  const capYoung = youngGenerationCap();
  const request = { name: `import ${source}`, summary, placement, strict: Boolean(options.strict), dryRun };
  await applyImport(store, ctx, request, (sinks) =>
    IMPORT_SOURCES[source].run({
      file: summary.file,
      input: () => Readable.from(utf8Chunks(file === '-' ? ctx.io.stdin() : createReadStream(file), converter)),
      bytes: async () => bytes ?? (await sources.readBytes(file, ctx.io.stdin)),
      converter,
      summary,
      placement,
      ...sinks,
      now: ctx.now,
      tick: () => {
        rowsRead += 1;
        capYoung(rowsRead);
        if (progress && rowsRead % 5000 === 0) ctx.io.error(`\rimporting… ${n(rowsRead)} rows`);
      },
      me: options.me,
      dateOrder,
      forceInteractions: Boolean(options.interactions),
      raw: Boolean(options.raw),
    }).then(() => void summary.notes.push(...encodingNotes(converter))),
  ).finally(() => {
    if (progress && rowsRead >= 5000) ctx.io.error('\r\x1b[K');
  });
  if (options.json) {
    ctx.writeExact(toJson(summary));
    return;
  }
  if (summary.rows) ctx.io.write(formatFates(summary.rows));
  ctx.io.write(formatSummary(summary, IMPORT_SOURCES[source].what));
}
