// net outreach list: the pipeline, grouped by stage.
import * as z from 'zod/mini';
import { isEnding, STAGES, stageRank } from '../../core/outreach.js';
import { check } from '../../core/validate.js';
import { listOutreach, OUTREACH_KEYS, type OutreachEntry } from '../../db/outreach.js';
import type { Context } from '../context.js';
import { nameLabelsOf } from '../labels.js';
import { pickFormat, writeMachine, writeTable, type FormatOptions } from '../render.js';

interface ListOptions extends FormatOptions {
  stage?: string;
  open?: boolean;
}

const stageSchema = z.enum(STAGES, { error: `is not a stage (${STAGES.join(', ')})` });

/** By stage along the pipeline, then the soonest next step, then name. */
function byStage(a: OutreachEntry, b: OutreachEntry): number {
  return (
    stageRank(a.stage) - stageRank(b.stage) ||
    (a.next_on ?? '9999').localeCompare(b.next_on ?? '9999') ||
    (isEnding(a.stage) ? b.updated_on.localeCompare(a.updated_on) : 0) ||
    a.name.localeCompare(b.name) ||
    a.contact_id - b.contact_id
  );
}

export default async function outreachList(ctx: Context, options: ListOptions): Promise<void> {
  const format = pickFormat(options);
  const stage = options.stage === undefined ? undefined : check(stageSchema, options.stage.trim().toLowerCase(), '--stage');
  const opened = await ctx.existingDatabase();
  const entries = opened ? (await listOutreach(opened.db, { stage, openOnly: options.open })).sort(byStage) : [];

  if (format !== 'human') {
    await writeMachine(ctx, format, entries, OUTREACH_KEYS, options);
    return;
  }
  if (entries.length === 0) {
    ctx.io.error(
      stage || options.open
        ? 'No outreach matches.\n'
        : 'Your outreach list is empty. Start with someone you want to reach: `net outreach add "Full Name" --why "…"`.\n',
    );
    return;
  }
  const row = (e: OutreachEntry) => [e.contact_id, e.name, e.company, e.why, e.via, e.channel, e.next_on ?? `ended ${e.updated_on}`, e.nudges];
  if (!ctx.io.stdoutIsTTY) {
    // Piped: one block, the stage first on every line, for grep and cut.
    await writeTable(ctx, [], entries.map((e) => [e.stage, ...row(e)]));
    return;
  }
  const c = await ctx.chalk();
  const label = await nameLabelsOf(ctx);
  const next = (e: OutreachEntry) => {
    if (e.next_on === null) return `ended ${e.updated_on}`;
    return e.nudges > 0 ? `${e.next_on} · ${e.nudges} nudge${e.nudges === 1 ? '' : 's'}` : e.next_on;
  };
  for (const s of STAGES) {
    const group = entries.filter((e) => e.stage === s);
    if (group.length === 0) continue;
    ctx.io.write(`${c.bold(s)} ${c.dim(`(${group.length})`)}\n`);
    await writeTable(
      ctx,
      [
        { header: 'ID', align: 'right' },
        { header: 'Name', max: 28, keep: true },
        { header: 'Company', max: 18 },
        { header: 'Why', flex: true },
        { header: 'Via', max: 18 },
        { header: 'Next', keep: true },
      ],
      // The channel is in `outreach next` and the machine output: at 80 columns, the names and the reason come first.
      group.map((e) => [e.contact_id, e.name, e.company, e.why, e.via === null || e.via_contact_id === null ? e.via : label(e.via_contact_id, e.via), next(e)]),
    );
  }
}
