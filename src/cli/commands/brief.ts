// net brief CONTACT...: what to know before seeing each person, from the
// record only. On a terminal a readable block per person; --json an array of
// briefs (keys in the README).
import { briefFor } from '../../app/brief.js';
import type { Context } from '../context.js';
import { layoutBriefs } from '../brief-render.js';
import { nameLabelsOf } from '../labels.js';
import { toJson } from '../render.js';
import { measureFor } from '../width.js';

interface BriefOptions {
  json?: boolean;
}

export default async function brief(ctx: Context, refs: string[], options: BriefOptions): Promise<void> {
  const briefs = await briefFor(await ctx.database({ create: false }), ctx, refs);
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
  ctx.io.write(`${lines.join('\n')}\n`);
}
