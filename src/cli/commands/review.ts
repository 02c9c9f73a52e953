// net review: the periodic look back. The review is computed as data (src/core/review),
// then printed either as JSON or as a report of coloured sections that fits
// 80 columns, without colour when piped.
import type { ChalkInstance } from 'chalk';
import { UsageError } from '../../core/errors.js';
import { formatInterval } from '../../core/intervals.js';
import { periodBetween, periodEnding, previousPeriod, type Period, type PeriodLength } from '../../core/review/period.js';
import { buildReview, type Review, type ReviewInput } from '../../core/review/report.js';
import { plainNames, withLabel, type NameLabel } from '../../core/namesakes.js';
import { codePoints, type Measure } from '../../core/text.js';
import { DEFAULT_SETTINGS } from '../../core/settings.js';
import type { Context } from '../context.js';
import { toJson, truncate } from '../render.js';
import { readDate } from '../dates.js';

export interface ReviewOptions {
  week?: boolean;
  month?: boolean;
  quarter?: boolean;
  since?: string;
  until?: string;
  json?: boolean;
  interactive?: boolean;
}

/** The period from the options: one of --week (default), --month, --quarter, --since; --until moves its end. */
export async function resolvePeriod(ctx: Context, options: ReviewOptions): Promise<Period> {
  const chosen = (['week', 'month', 'quarter'] as const).filter((k) => options[k]);
  if (chosen.length + (options.since === undefined ? 0 : 1) > 1) {
    throw new UsageError(`choose one period: ${[...chosen.map((k) => `--${k}`), ...(options.since === undefined ? [] : ['--since'])].join(', ')} were given`, 'e.g. `net review --month` or `net review --since 2026-01-01`');
  }
  let to = ctx.today;
  let from: string | undefined;
  if (options.since !== undefined || options.until !== undefined) {
    // chrono-node is heavy: loaded only when a date was typed.
    if (options.until !== undefined) {
      to = (await readDate(ctx, options.until, { field: '--until', direction: 'past' })).day;
      if (to > ctx.today) throw new UsageError(`--until: "${options.until}" is in the future (${to})`, 'a review looks back: use a day up to today');
    }
    if (options.since !== undefined) {
      from = (await readDate(ctx, options.since, { field: '--since', direction: 'past' })).day;
      if (from > to) throw new UsageError(`--since ${from} is after the end of the period (${to})`, 'give an earlier --since or a later --until');
    }
  }
  if (from !== undefined) return periodBetween(from, to);
  const length: PeriodLength = chosen[0] ?? 'week';
  return periodEnding(to, length);
}

function emptyInput(period: Period, today: string): ReviewInput {
  const none = { interactions: 0, people: 0, new_contacts: 0, by_channel: [] };
  return {
    period,
    previous: previousPeriod(period),
    today,
    settings: DEFAULT_SETTINGS,
    activity: none,
    previousActivity: none,
    weeks: [],
    contacts: [],
    inOutreach: new Set(),
    touchStats: new Map(),
    favours: { period: { given: 0, received: 0 }, overall: { given: 0, received: 0 }, perContact: [] },
    answeredReplies: [],
    keptFollowups: [],
    openFollowups: [],
    outreach: { stages: [], moves: [], added: 0, nudges: 0 },
  };
}

export default async function review(ctx: Context, options: ReviewOptions): Promise<void> {
  if (options.interactive) {
    if (options.json) throw new UsageError('--interactive and --json cannot be used together', 'run `net review --json` for the data');
    const { default: interactive } = await import('./review-interactive.js');
    await interactive(ctx);
    return;
  }
  const period = await resolvePeriod(ctx, options);
  const opened = await ctx.existingDatabase();
  let input = emptyInput(period, ctx.today);
  if (opened) {
    const { loadSettings } = await import('../../db/settings.js');
    const [{ inReadSnapshot }, { loadReviewInput }] = await Promise.all([import('../../db/read-snapshot.js'), import('../../db/review-data.js')]);
    input = await inReadSnapshot(opened.sqlite, async () =>
      loadReviewInput(opened, { period, previous: previousPeriod(period), today: ctx.today, settings: await loadSettings(opened.db) }),
    );
  }
  const { review: result } = buildReview(input);
  if (options.json) {
    ctx.writeExact(toJson(result));
    return;
  }
  const { nameLabelsOf } = await import('../labels.js');
  const { measureFor } = await import('../width.js');
  // Every text of the review is in its JSON: one look there says whether a wide character is,
  // and every person it names is there as a contact_id (only their namesakes need labels).
  const text = JSON.stringify(result);
  const measure = await measureFor([text]);
  const named = Array.from(text.matchAll(/"contact_id":(\d+)/g), (m) => Number(m[1]));
  ctx.io.write(renderReview(result, await ctx.chalk(), Math.max(60, Math.min(ctx.io.columns, 80)), await nameLabelsOf(ctx, named), measure));
}

// ---------------------------------------------------------------- rendering

/** How many rows a list shows in the report; --json has them all. */
const SHOWN = 5;
const BARS = '▁▂▃▄▅▆▇█';
const NBSP = '\u00a0';

interface Col {
  header: string;
  align?: 'right';
  /** A text column that gives up room (with an ellipsis) when the line is too long. */
  shrink?: boolean;
}

/** Aligned columns under dim headers, two spaces in, fitted to `width`: the widest shrinkable column gives way first. */
function table(c: ChalkInstance, cols: readonly Col[], rows: ReadonlyArray<readonly string[]>, width: number, len: Measure): string[] {
  const widths = cols.map((col, i) => Math.max(len(col.header), ...rows.map((r) => len(r[i] ?? ''))));
  const total = () => 2 + widths.reduce((a, b) => a + b, 0) + 2 * (cols.length - 1);
  while (total() > width) {
    let widest = -1;
    cols.forEach((col, i) => {
      if (col.shrink && widths[i] > 6 && (widest === -1 || widths[i] > widths[widest])) widest = i;
    });
    if (widest === -1) break;
    widths[widest] -= 1;
  }
  const line = (cells: readonly string[]) =>
    `  ${cells
      .map((cell, i) => {
        const text = truncate(cell, widths[i], len);
        const pad = ' '.repeat(Math.max(0, widths[i] - len(text)));
        return cols[i].align === 'right' ? pad + text : text + pad;
      })
      .join('  ')}`.trimEnd();
  return [c.dim(line(cols.map((col) => col.header))), ...rows.map(line)];
}

/** Word-wraps text at plain spaces; no-break spaces keep "label number" pairs together, and print as spaces. */
export function wrap(text: string, width: number, len: Measure = codePoints): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    if (line && len(`${line} ${word}`) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => l.replaceAll(NBSP, ' '));
}

const glue = (text: string) => text.replaceAll(' ', NBSP);

function more(c: ChalkInstance, total: number): string[] {
  return total > SHOWN ? [c.dim(`  … and ${total - SHOWN} more (net review --json lists them all)`)] : [];
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function days(n: number): string {
  return Number.isInteger(n) ? plural(n, 'day') : `${n} days`;
}

/** A count in at most `width` characters: 12345 becomes 12k when it must. */
function shortCount(n: number, width: number): string {
  const full = String(n);
  if (full.length <= width) return full;
  const thousands = `${Math.round(n / 1000)}k`;
  return thousands.length <= width ? thousands : `${Math.round(n / 1_000_000)}M`;
}

/** The twelve weeks as bars, the counts under them, and the first and last week. */
export function weeklyChart(c: ChalkInstance, weeks: Review['weekly'], width: number): string[] {
  const max = Math.max(0, ...weeks.map((w) => w.interactions));
  // Each week takes a cell and a space; counts too long for the width are shortened.
  const room = Math.floor((width - 2 + 1) / Math.max(weeks.length, 1)) - 1;
  const cell = Math.max(2, Math.min(room, String(max).length));
  const bars = weeks.map((w) => {
    if (w.interactions === 0 || max === 0) return ' '.repeat(cell);
    const level = Math.max(1, Math.ceil((w.interactions / max) * BARS.length));
    return BARS[level - 1].repeat(cell);
  });
  const counts = weeks.map((w) => shortCount(w.interactions, cell).padStart(cell));
  const span = (cell + 1) * weeks.length - 1;
  const first = weeks[0]?.week_start.slice(5) ?? '';
  const last = weeks[weeks.length - 1]?.week_start.slice(5) ?? '';
  const total = weeks.reduce((n, w) => n + w.interactions, 0);
  const average = weeks.length ? Math.round((total / weeks.length) * 10) / 10 : 0;
  const dates = `  ${first}${' '.repeat(Math.max(1, span - first.length - last.length))}${last}`;
  const legend = `weeks from Monday; ${average} a week`;
  return [
    `  ${c.cyan(bars.join(' '))}`.trimEnd(),
    `  ${counts.join(' ')}`,
    ...(dates.length + 3 + legend.length <= width ? [c.dim(`${dates}   ${legend}`)] : [c.dim(dates), c.dim(`  ${legend}`)]),
  ];
}

export function renderReview(r: Review, c: ChalkInstance, width: number, label: NameLabel = plainNames, measure: Measure = codePoints): string {
  const out: string[] = [];
  const section = (title: string) => out.push('', c.bold.cyan(title));
  /** A paragraph, two spaces in, wrapped to the width. */
  const para = (text: string, style: (s: string) => string = (s) => s) => out.push(...wrap(text, width - 2, measure).map((l) => style(`  ${l}`)));
  out.push(...wrap(`Review of ${glue(`${r.period.from} → ${r.period.to}`)} (${plural(r.period.days, 'day')})`, width, measure).map((l) => c.bold(l)));

  const a = r.activity;
  section('Activity');
  para(`${glue(plural(a.interactions, 'interaction'))} with ${glue(plural(a.people, 'person', 'people'))}, ${glue(plural(a.new_contacts, 'new contact'))}`);
  para(`${glue(`${signed(a.change.interactions)} interactions`)}, ${glue(`${signed(a.change.people)} people`)} against ${glue(`${a.previous.from} → ${a.previous.to}`)}`, c.dim);
  if (a.by_channel.length) para(a.by_channel.map((ch) => glue(`${ch.channel} ${ch.interactions}`)).join(' · '));

  section('Last 12 weeks');
  out.push(...weeklyChart(c, r.weekly, width));

  section('Circles');
  out.push(
    ...table(
      c,
      [{ header: 'circle' }, { header: 'size', align: 'right' }, { header: 'natural', align: 'right' }, { header: 'on rhythm', align: 'right' }, { header: 'due', align: 'right' }, { header: 'snoozed', align: 'right' }],
      r.circles.map((e) => [e.circle, String(e.size), e.natural_size === null ? '—' : String(e.natural_size), String(e.on_rhythm), String(e.overdue), String(e.snoozed)]),
      width,
      measure,
    ),
  );
  for (const e of r.circles) {
    if (e.advice) out.push(...wrap(`${e.circle}: ${e.advice}`, width - 4, measure).map((line, i) => c.yellow(`  ${i === 0 ? '!' : ' '} ${line}`)));
  }

  section('Fading');
  if (r.fading.length === 0) para('No relationship is cooling: every silence is within twice its usual gap.', c.green);
  else {
    out.push(
      ...table(
        c,
        [{ header: 'who', shrink: true }, { header: 'circle' }, { header: 'usually every', align: 'right' }, { header: 'silent for', align: 'right' }, { header: 'last contact' }],
        r.fading.slice(0, SHOWN).map((f) => [`${f.name} #${f.contact_id}`, f.circle, days(f.usual_gap_days), days(f.current_gap_days), f.last_contact]),
        width,
        measure,
      ),
      ...more(c, r.fading.length),
    );
  }

  const b = r.balance;
  section('Give and take');
  para(`this period: ${glue(`gave ${b.period.given}`)}, ${glue(`received ${b.period.received}`)} · overall: ${glue(`gave ${b.overall.given}`)}, ${glue(`received ${b.overall.received}`)}`);
  if (b.one_sided.length) {
    out.push(
      ...table(
        c,
        [{ header: 'most one-sided', shrink: true }, { header: 'given', align: 'right' }, { header: 'received', align: 'right' }],
        b.one_sided.map((p) => [`${p.name} #${p.contact_id}`, String(p.given), String(p.received)]),
        width,
        measure,
      ),
    );
  }

  const rp = r.replies;
  section('Replies');
  para(`${glue(`answered in time ${rp.answered_on_time}`)} · ${glue(`answered late ${rp.answered_late}`)} · ${glue(`still owed ${rp.still_owed}`)}${rp.overdue ? ` ${glue(`(${rp.overdue} past due)`)}` : ''}`);
  if (rp.owed.length) {
    out.push(
      ...table(
        c,
        [{ header: 'owed to', shrink: true }, { header: 'via' }, { header: 'since' }, { header: 'due' }, { header: 'late', align: 'right' }],
        rp.owed.slice(0, SHOWN).map((o) => [`${o.name} #${o.contact_id}`, o.channel, o.since, o.due_on, o.days_overdue > 0 ? days(o.days_overdue) : '']),
        width,
        measure,
      ),
      ...more(c, rp.owed.length),
    );
  }

  const f = r.followups;
  section('Follow-ups');
  para(`${glue(`kept on time ${f.kept_on_time}`)} · ${glue(`kept late ${f.kept_late}`)} · ${glue(`open ${f.open}`)}${f.overdue ? ` ${glue(`(${f.overdue} past due)`)}` : ''}`);
  if (f.overdue_items.length) {
    out.push(
      ...table(
        c,
        [{ header: 'id', align: 'right' }, { header: 'promise', shrink: true }, { header: 'to', shrink: true }, { header: 'due' }, { header: 'late', align: 'right' }],
        f.overdue_items.slice(0, SHOWN).map((o) => [String(o.id), o.text, label(o.contact_id, o.name), o.due_on, days(o.days_overdue)]),
        width,
        measure,
      ),
      ...more(c, f.overdue_items.length),
    );
  }

  const o = r.outreach;
  section('Outreach');
  const stage = (st: { stage: string; count: number }) => glue(`${st.stage} ${st.count}`);
  para(`${o.stages.slice(0, 5).map(stage).join(' → ')} · ${o.stages.slice(5).map(stage).join(' · ')}`);
  const moves = o.moves.map((m) => glue(`${m.from_stage} → ${m.to_stage} ${m.count}`));
  para(`this period: ${glue(plural(o.added, 'added', 'added'))}, ${glue(plural(o.nudges, 'nudge'))}${moves.length ? `, moves ${moves.join(' · ')}` : ', no moves'}`, c.dim);

  section('Rhythms');
  if (r.rhythms.length === 0) para('Every rhythm fits what happens (none is more than twice or less than half the usual gap).', c.green);
  else {
    out.push(
      ...table(
        c,
        [{ header: 'who', shrink: true }, { header: 'set' }, { header: 'usually' }, { header: 'try' }],
        r.rhythms.slice(0, SHOWN).map((s) => [`${s.name} #${s.contact_id}`, formatInterval(s.rhythm_days), days(s.usual_gap_days), `--every "${formatInterval(s.suggested_days)}"`]),
        width,
        measure,
      ),
      ...more(c, r.rhythms.length),
    );
    para('suggestions only: apply one with net edit ID --every "…"', c.dim);
  }

  section('Next week');
  r.next.forEach((step, i) => {
    const prefix = `  ${i + 1}. `;
    const text = step.contact_id === null || step.name === null ? step.text : withLabel(step.text, step.name, label(step.contact_id, step.name));
    out.push(...wrap(text, width - prefix.length, measure).map((line, j) => (j === 0 ? prefix : ' '.repeat(prefix.length)) + line));
  });
  return `${out.join('\n')}\n`;
}
