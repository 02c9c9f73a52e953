// net outreach next: who to approach now and how, the oldest due first.
import { dueOutreach, planNext, type OpenOutreach } from '../../core/outreach.js';
import { contactedDays, listOutreach, type OutreachEntry } from '../../db/outreach.js';
import type { Context } from '../context.js';
import { pickFormat, writeMachine, type FormatOptions } from '../render.js';

/** The keys of `net outreach next --json` (contract), in order. */
export const NEXT_KEYS = [
  'contact_id',
  'name',
  'company',
  'stage',
  'action',
  'suggestion',
  'channel',
  'via',
  'why',
  'next_on',
  'days_overdue',
  'nudges',
] as const;

type Open = OpenOutreach & { entry: OutreachEntry };

export default async function outreachNext(ctx: Context, options: FormatOptions): Promise<void> {
  const format = pickFormat(options);
  const opened = await ctx.existingDatabase();
  let open: Open[] = [];
  if (opened) {
    const entries = await listOutreach(opened.db, { openOnly: true });
    const firstMessages = await contactedDays(opened.db, entries.filter((e) => e.stage === 'contacted').map((e) => e.outreach_id));
    open = entries.map((entry) => ({
      entry,
      contactId: entry.contact_id,
      name: entry.name,
      stage: entry.stage,
      nextOn: entry.next_on,
      nudges: entry.nudges,
      channel: entry.channel,
      via: entry.via,
      lastMessageOn: entry.last_nudge_on ?? firstMessages.get(entry.outreach_id) ?? null,
      askedOn: entry.asked_on,
      createdAt: entry.created_at,
    }));
  }
  const due = dueOutreach(open, ctx.today).map((o) => {
    const step = planNext(o, ctx.today);
    const e = o.entry;
    return {
      contact_id: e.contact_id,
      name: e.name,
      company: e.company,
      stage: e.stage,
      action: step.action,
      suggestion: step.suggestion,
      channel: e.channel,
      via: e.via,
      why: e.why,
      next_on: e.next_on,
      days_overdue: step.daysOverdue,
      nudges: e.nudges,
    };
  });

  if (format !== 'human') {
    await writeMachine(ctx, format, due, NEXT_KEYS, options);
    return;
  }
  if (due.length === 0) {
    const upcoming = open.filter((o) => o.nextOn !== null).sort((a, b) => (a.nextOn ?? '').localeCompare(b.nextOn ?? ''))[0];
    ctx.io.error(
      open.length === 0
        ? 'No open outreach. Add someone you want to reach: `net outreach add "Full Name" --why "…"`.\n'
        : `Nothing to do on your outreach today.${upcoming ? ` Next: ${upcoming.name} on ${upcoming.nextOn}.` : ''}\n`,
    );
    return;
  }
  const c = await ctx.chalk();
  const lines: string[] = [];
  for (const d of due) {
    const since = d.days_overdue === 0 ? 'due today' : `due ${d.next_on} (${d.days_overdue} day${d.days_overdue === 1 ? '' : 's'} ago)`;
    const at = d.company ? ` (${d.company})` : '';
    // Late in red, today in yellow, as in net due.
    const paint = d.days_overdue > 0 ? c.red : d.days_overdue === 0 ? c.yellow : c.dim;
    lines.push(`${c.bold(d.name)}${at} · ${d.stage} · ${paint(since)}`);
    lines.push(`  ${d.action === 'park' ? c.yellow(d.suggestion) : d.suggestion}`);
    if (d.why) lines.push(`  ${c.dim('why:')} ${d.why}`);
  }
  ctx.io.write(`${lines.join('\n')}\n`);
}
