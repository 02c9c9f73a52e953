// net due: the morning list of the relationships that need attention, ranked.
// On a terminal, aligned columns without borders so that the reason keeps its
// room at 80 columns; piped, tab-separated lines for scripts.
import { readCount } from '../../core/counts.js';
import { showControls, UsageError } from '../../core/errors.js';
import { DUE_KEYS, dueWhen, type AttentionItem, type ScoreTerm } from '../../core/scheduler.js';
import type { Context } from '../context.js';
import { addHints, dueReport } from '../due-report.js';
import { nameLabelsOf } from '../labels.js';
import { codePoints, cutTo, wrapLines, type Measure } from '../../core/text.js';
import { pickFormat, writeMachine, writeTable, type FormatOptions, type TableColumn } from '../render.js';
import { measureFor } from '../width.js';

interface DueOptions extends FormatOptions {
  on?: string;
  limit?: string;
  all?: boolean;
  ics?: boolean;
  explain?: boolean;
}

/** "12.5 = reply 12 + circle 0.5": the terms that add up to a score. */
export function explainScore(score: number, terms: readonly ScoreTerm[]): string {
  return `${score} = ${terms.map((t) => `${t.name} ${t.points}`).join(' + ')}`;
}

function termsObject(item: AttentionItem): Record<string, number> {
  return Object.fromEntries(item.terms.map((t) => [t.name, t.points]));
}

function pickMode(options: DueOptions): 'human' | 'json' | 'csv' | 'ics' {
  if (options.ics && (options.json || options.csv)) throw new UsageError('--ics cannot be used with --json or --csv', 'choose one');
  if (options.ics) return 'ics';
  return pickFormat(options);
}

export default async function due(ctx: Context, options: DueOptions): Promise<void> {
  const mode = pickMode(options);
  if (options.all && options.limit !== undefined) throw new UsageError('--limit and --all cannot be used together', 'choose one');
  const limit = options.limit === undefined ? undefined : readCount(options.limit, '--limit');

  // Machine output lists every item unless --limit is given; the human list stops at due.limit unless told otherwise.
  const report = await dueReport(ctx, { on: options.on, limit: options.all ? undefined : mode === 'human' ? (limit ?? 'setting') : limit });
  if (mode !== 'human') {
    const items = report.items;
    if (mode === 'ics') {
      const { dueItemsToIcs } = await import('../../formats/ics.js');
      ctx.writeExact(dueItemsToIcs(await addHints(ctx, items), { now: ctx.now, today: report.day }));
      return;
    }
    const rows = options.explain && mode === 'json' ? items.map((i) => ({ ...i, terms: termsObject(i) })) : items;
    const columns = options.explain && mode === 'json' ? [...DUE_KEYS, 'terms'] : DUE_KEYS;
    await writeMachine(ctx, mode, rows as unknown as object[], columns, options);
    return;
  }

  const label = await nameLabelsOf(ctx, report.items.map((i) => i.contact_id));
  const shown = (await addHints(ctx, report.items)).map((i) => ({ ...i, name: label(i.contact_id, i.name) }));
  const onDay = report.day === ctx.today ? 'today' : `on ${report.day}`;
  if (report.total === 0) {
    ctx.io.error(
      report.hasNetwork
        ? `Nothing due ${onDay}. Your relationships are on rhythm: a good day to reach out to someone new.\n`
        : 'Nothing due: your network is empty. Add someone with `net add "Full Name"`, or try `net demo`.\n',
    );
    return;
  }
  if (ctx.io.stdoutIsTTY) await writeDueList(ctx, shown, options.explain === true);
  else await writePlain(ctx, shown, options.explain === true);
  const more = report.total - shown.length;
  if (more > 0) {
    const on = options.on === undefined ? '' : ` --on ${JSON.stringify(options.on)}`;
    ctx.io.error(`…and ${more} more ${onDay}: \`net due${on} --all\` lists them all.\n`);
  }
}

/** Piped: one tab-separated line per item (who, why, due, via, hint[, score]) for scripts. */
async function writePlain(ctx: Context, items: readonly AttentionItem[], explain: boolean): Promise<void> {
  const columns: TableColumn[] = [{ header: 'Who' }, { header: 'Why' }, { header: 'Due' }, { header: 'Via' }, { header: 'Hint' }];
  if (explain) columns.push({ header: 'Score' });
  const rows = items.map((i) => {
    const row = [i.name, i.summary, dueWhen(i.days_overdue), i.channel ?? '', i.hint ?? ''];
    if (explain) row.push(explainScore(i.score, i.terms));
    return row;
  });
  await writeTable(ctx, columns, rows);
}

/** On a terminal: aligned columns without borders, so that the reason keeps the room. */
async function writeDueList(ctx: Context, items: readonly AttentionItem[], explain: boolean): Promise<void> {
  const chalk = await ctx.chalk();
  const rows: DueRow[] = items.map((i) => ({
    who: i.name,
    why: i.summary,
    due: dueWhen(i.days_overdue),
    late: i.days_overdue,
    via: i.channel ?? '',
    hint: i.hint,
    score: explain ? `score ${explainScore(i.score, i.terms)}` : null,
  }));
  // string-width loads only when a name, reason or hint has a wide character.
  const measure = await measureFor(rows.flatMap((r) => [r.who, r.why, r.hint ?? '']));
  const lines = layoutDueList(
    rows,
    ctx.io.columns,
    {
      head: (text) => chalk.bold(text),
      hint: (text) => chalk.dim(text),
      due: (text, late) => (late > 0 ? chalk.red(text) : late === 0 ? chalk.yellow(text) : text),
    },
    measure,
  );
  ctx.io.write(`${lines.join('\n')}\n`);
}

export interface DueRow {
  who: string;
  why: string;
  due: string;
  /** Days past the due day: above 0 late, 0 today. */
  late: number;
  via: string;
  hint: string | null;
  /** "score 16 = reply 12 + circle 4", with --explain. */
  score: string | null;
}

export interface DuePaint {
  head(text: string): string;
  hint(text: string): string;
  /** The due cell: red when late, yellow for today. */
  due(text: string, late: number): string;
}

const GAP = '  ';
/** Under each row, the lines of the hint and the score start here. */
const INDENT = '  ';
const MAX_WHO = 24;
/** The reason column never gets narrower than this, however narrow the terminal. */
const MIN_WHY = 20;

/**
 * The morning list for a terminal `width` columns wide. The reason is never cut:
 * it wraps inside its column when the terminal is too narrow. The hint is a
 * column only when every hint fits whole; otherwise it is a dimmed line under
 * its row, cut at the edge. The score, with --explain, is a line of its own,
 * wrapped, never cut.
 */
export function layoutDueList(rows: readonly DueRow[], width: number, paint: DuePaint, measure: Measure = codePoints): string[] {
  const length = measure;
  const cut = (text: string, room: number) => cutTo(text, room, measure);
  const wrapWords = (text: string, room: number) => wrapLines(text, room, measure);
  const clean = rows.map((r) => ({
    who: cellText(r.who),
    why: cellText(r.why),
    due: cellText(r.due),
    late: r.late,
    via: cellText(r.via),
    hint: r.hint === null ? '' : cellText(r.hint),
    score: r.score === null ? null : cellText(r.score),
  }));
  const natural = (header: string, cells: string[]) => Math.max(length(header), ...cells.map(length));
  const who = Math.min(MAX_WHO, natural('Who', clean.map((r) => r.who)));
  const due = natural('Due', clean.map((r) => r.due));
  const via = natural('Via', clean.map((r) => r.via));
  const whyNatural = natural('Why', clean.map((r) => r.why));
  const hintNatural = natural('Hint', clean.map((r) => r.hint));
  const hasHints = clean.some((r) => r.hint !== '');
  const fixed = who + due + via + 3 * GAP.length;
  const hintColumn = hasHints && fixed + whyNatural + GAP.length + hintNatural <= width;
  const why = Math.min(whyNatural, Math.max(MIN_WHY, width - fixed));
  const below = Math.max(MIN_WHY, width - INDENT.length);

  // Pad the plain text, colour afterwards: escape codes have no width.
  const padded = (cells: string[], widths: number[]) => cells.map((c, i) => c + ' '.repeat(Math.max(0, widths[i] - length(c))));
  const columns = [who, why, due, via];
  const head = padded(['Who', 'Why', 'Due', 'Via'], columns).join(GAP);
  const out = [paint.head(hintColumn ? `${head}${GAP}Hint` : head.trimEnd())];
  for (const r of clean) {
    const [first, ...rest] = wrapWords(r.why, why);
    const cells = padded([cut(r.who, who), first ?? '', r.due, r.via], columns);
    // The due cell coloured without its padding: escape codes have no width.
    cells[2] = paint.due(r.due, r.late) + cells[2].slice(r.due.length);
    const row = cells.join(GAP);
    out.push(hintColumn && r.hint ? `${row}${GAP}${paint.hint(r.hint)}` : row.trimEnd());
    for (const more of rest) out.push(`${' '.repeat(who)}${GAP}${more}`);
    if (r.score !== null) for (const part of wrapWords(r.score, below)) out.push(INDENT + part);
    if (!hintColumn && r.hint) out.push(INDENT + paint.hint(cut(r.hint, below)));
  }
  return out;
}

/** One line of user text, safe for a terminal: whitespace flattened, control characters shown. */
function cellText(text: string): string {
  return showControls(text.replace(/\s+/g, ' ').trim());
}
