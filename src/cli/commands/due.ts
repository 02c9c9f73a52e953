// net due: the morning list of the relationships that need attention, ranked.
import { UsageError } from '../../core/errors.js';
import { DUE_KEYS, dueWhen, type AttentionItem, type ScoreTerm } from '../../core/scheduler.js';
import type { Context } from '../context.js';
import { addHints, dueReport } from '../due-report.js';
import { pickFormat, writeMachine, writeTable, type FormatOptions, type TableColumn } from '../render.js';

/** Below this many columns the table leaves out the conversation hint. */
const NARROW_TERMINAL = 116;

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
  // zod loads only when there is a value to check: `net due` starts without it.
  let limit: number | undefined;
  if (options.limit !== undefined) {
    const { check, positiveIntSchema } = await import('../../core/validate.js');
    limit = check(positiveIntSchema, options.limit, '--limit');
  }

  const report = await dueReport(ctx, { on: options.on });
  if (mode !== 'human') {
    // Machine output lists every item unless --limit is given.
    const items = limit === undefined ? report.items : report.items.slice(0, limit);
    if (mode === 'ics') {
      const { dueItemsToIcs } = await import('../../formats/ics.js');
      ctx.io.write(dueItemsToIcs(await addHints(ctx, items), { now: ctx.now, today: report.day }));
      return;
    }
    const rows = options.explain && mode === 'json' ? items.map((i) => ({ ...i, terms: termsObject(i) })) : items;
    const columns = options.explain && mode === 'json' ? [...DUE_KEYS, 'terms'] : DUE_KEYS;
    await writeMachine(ctx, mode, rows as unknown as object[], columns, options);
    return;
  }

  // The human list stops at due.limit unless told otherwise.
  const max = options.all ? report.items.length : (limit ?? report.settings.due_limit);
  const shown = await addHints(ctx, report.items.slice(0, max));
  const onDay = report.day === ctx.today ? 'today' : `on ${report.day}`;
  if (report.items.length === 0) {
    ctx.io.error(
      report.hasNetwork
        ? `Nothing due ${onDay}. Your relationships are on rhythm: a good day to reach out to someone new.\n`
        : 'Nothing due: your network is empty. Add someone with `net add "Full Name"`, or try `net demo`.\n',
    );
    return;
  }
  // On a narrow terminal the reason needs the room more than the hint does.
  const withHint = !ctx.io.stdoutIsTTY || ctx.io.columns >= NARROW_TERMINAL;
  const columns: TableColumn[] = [{ header: 'Who', max: 24 }, { header: 'Why', max: 56 }, { header: 'Due' }, { header: 'Via' }];
  if (withHint) columns.push({ header: 'Hint', max: 30 });
  if (options.explain) columns.push({ header: 'Score', max: 60 });
  await writeTable(
    ctx,
    columns,
    shown.map((i) => {
      const row = [i.name, i.summary, dueWhen(i.days_overdue), i.channel ?? ''];
      if (withHint) row.push(i.hint ?? '');
      if (options.explain) row.push(explainScore(i.score, i.terms));
      return row;
    }),
  );
  const more = report.items.length - shown.length;
  if (more > 0) {
    const on = options.on === undefined ? '' : ` --on ${JSON.stringify(options.on)}`;
    ctx.io.error(`…and ${more} more ${onDay}: \`net due${on} --all\` lists them all.\n`);
  }
}
