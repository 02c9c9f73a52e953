// net capture mail | calendar: read a source into the inbox and say what
// happened to what was read.
import { captureCalendar, captureMail, type CaptureSummary } from '../../app/capture.js';
import type { IgnoreReason } from '../../core/capture-rules.js';
import { addDays } from '../../core/dates.js';
import { showControls } from '../../core/errors.js';
import type { Context } from '../context.js';
import { readDate } from '../dates.js';
import { toJson } from '../render.js';

interface CaptureOptions {
  since?: string;
  until?: string;
  json?: boolean;
}

/** A local day's first instant. */
const startOf = (day: string) => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

const n = (value: number) => value.toLocaleString('en-US');

const IGNORED_WORDS: Record<IgnoreReason, string> = {
  'mailing list': 'from mailing lists',
  'automated sender': 'from automated senders',
  'too many recipients': 'to too many people',
  'no readable date': 'without a readable date',
  'nobody else': 'with nobody else in them',
  cancelled: 'cancelled',
  declined: 'declined',
  'too many attendees': 'with too many attendees',
};

function report(ctx: Context, summary: CaptureSummary, source: string, what: 'message' | 'meeting', options: CaptureOptions): void {
  if (options.json) {
    ctx.writeExact(toJson(summary));
    return;
  }
  const many = `${what}s`;
  const lines = [`Read ${n(summary.read)} ${summary.read === 1 ? what : many} from ${showControls(source)}: ${n(summary.added)} new in the inbox, ${n(summary.known)} captured before.`];
  const ignored = Object.entries(summary.ignored).map(([reason, count]) => `${n(count)} ${IGNORED_WORDS[reason as IgnoreReason]}`);
  if (summary.earlier > 0) ignored.push(`${n(summary.earlier)} before --since`);
  if (ignored.length > 0) lines.push(`Left out: ${ignored.join(', ')}.`);
  lines.push(
    summary.proposals === 0
      ? 'Nothing with people of your network waits in the inbox.'
      : `The inbox has ${n(summary.proposals)} ${summary.proposals === 1 ? 'proposal' : 'proposals'}: \`net inbox\` to go through them.`,
  );
  if (summary.strangers > 0) lines.push(`${n(summary.strangers)} ${summary.strangers === 1 ? 'address is' : 'addresses are'} nobody's in your network: \`net inbox --strangers\`.`);
  ctx.io.error(`${lines.join('\n')}\n`);
  for (const problem of summary.unreadable.slice(0, 10)) ctx.io.error(`net: could not read ${showControls(problem)}\n`);
  if (summary.unreadable.length > 10) ctx.io.error(`net: … and ${summary.unreadable.length - 10} more that could not be read\n`);
}

export async function mail(ctx: Context, source: string, options: CaptureOptions): Promise<void> {
  const since = options.since === undefined ? undefined : startOf((await readDate(ctx, options.since, { field: '--since', direction: 'past' })).day).toISOString();
  const store = await ctx.database();
  const progress = ctx.io.stderrIsTTY;
  const summary = await captureMail(store, ctx, {
    source,
    since,
    stdin: () => ctx.io.stdin(),
    onProgress: progress ? (read) => ctx.io.error(`\rcapturing… ${n(read)} messages`) : undefined,
  }).finally(() => {
    if (progress) ctx.io.error('\r\x1b[K');
  });
  report(ctx, summary, source, 'message', options);
}

export async function calendar(ctx: Context, source: string, options: CaptureOptions): Promise<void> {
  const sinceDay = options.since === undefined ? addDays(ctx.today, -30) : (await readDate(ctx, options.since, { field: '--since', direction: 'past' })).day;
  const untilDay = options.until === undefined ? ctx.today : (await readDate(ctx, options.until, { field: '--until', direction: 'future' })).day;
  const store = await ctx.database();
  const summary = await captureCalendar(store, ctx, { source, since: startOf(sinceDay), until: startOf(addDays(untilDay, 1)) });
  report(ctx, summary, source, 'meeting', options);
}
