// net brief CONTACT...: what to know before seeing each person, from the
// record only. On a terminal a readable block per person; --json an array of
// briefs (keys in the README).
import { briefFor, briefToday } from '../../app/brief.js';
import type { Brief } from '../../core/brief.js';
import { UsageError } from '../../core/errors.js';
import type { Context } from '../context.js';
import { layoutBriefs } from '../brief-render.js';
import { nameLabelsOf } from '../labels.js';
import { toJson } from '../render.js';
import { measureFor } from '../width.js';

interface BriefOptions {
  json?: boolean;
  today?: boolean;
}

/** The meetings of the day, one line each, before their people's briefs. */
function agenda(meetings: Awaited<ReturnType<typeof briefToday>>['meetings']): string[] {
  const time = (iso: string) => {
    const at = new Date(iso);
    return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  };
  return meetings.map((m) => `${time(m.occurred_at)}  ${m.subject ?? '(no title)'} — ${m.contacts.map((c) => c.name).join(', ')}`);
}

export default async function brief(ctx: Context, refs: string[], options: BriefOptions): Promise<void> {
  if (options.today && refs.length > 0) throw new UsageError('give people or --today, not both');
  if (!options.today && refs.length === 0) throw new UsageError('say who: names or ids, or --today for the people of today\'s meetings', 'e.g. net brief giulia, or net brief --today');
  let briefs: Brief[];
  let head: string[] = [];
  if (options.today) {
    const store = await ctx.existingDatabase();
    const today = store ? await briefToday(store, ctx) : { meetings: [], briefs: [] };
    if (today.meetings.length === 0 && !options.json) {
      ctx.io.error('No captured meeting today with people of your network. Capture your calendar first: `net capture calendar FILE.ics`.\n');
      return;
    }
    briefs = today.briefs;
    head = [...agenda(today.meetings), ''];
  } else {
    briefs = await briefFor(await ctx.database({ create: false }), ctx, refs);
  }
  if (options.json) {
    ctx.writeExact(toJson(briefs));
    return;
  }
  const chalk = await ctx.chalk();
  const terminal = ctx.io.stdoutIsTTY;
  // string-width loads only when some text of the briefs has a wide character.
  const measure = terminal ? await measureFor([JSON.stringify(briefs)]) : undefined;
  const lines = layoutBriefs(briefs, {
    width: terminal ? ctx.io.columns : null,
    paint: { head: (text) => chalk.bold(text), label: (text) => chalk.dim(text) },
    measure,
    label: await nameLabelsOf(ctx),
  });
  ctx.io.write(`${[...head, ...lines].join('\n')}\n`);
}
