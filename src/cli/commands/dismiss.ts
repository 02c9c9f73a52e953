// net dismiss: close an item of the morning list for now, without inventing
// an interaction. Recorded: `net changes` lists it, `net undo` takes it back.
import { dismissItem } from '../../app/dismiss.js';
import { UsageError } from '../../core/errors.js';
import { DISMISS_KINDS, type DismissKind } from '../../core/scheduler.js';
import type { Context } from '../context.js';

interface DismissOptions {
  kind?: string;
}

function readKind(text: string | undefined): DismissKind | undefined {
  if (text === undefined) return undefined;
  const kind = text.trim().toLowerCase();
  const found = DISMISS_KINDS.find((k) => k === kind);
  if (!found) throw new UsageError(`--kind: "${text}" is not a kind of item to dismiss`, `choose one of: ${DISMISS_KINDS.join(', ')}`);
  return found;
}

export default async function dismiss(ctx: Context, ref: string, options: DismissOptions): Promise<void> {
  const kind = readKind(options.kind);
  const { contact, kind: closed, item, backOn } = await dismissItem(await ctx.database({ create: false }), ctx, ref, kind);
  const who = `${contact.name} (#${contact.id})`;
  const quoted = JSON.stringify(contact.name);
  const message: Record<DismissKind, string> = {
    reply: `Dismissed the reply owed to ${who}: it comes back when they write again.`,
    birthday: `Dismissed the birthday of ${who} (${item.due_on}) for this year.`,
    nurture: `Dismissed the second touch with ${who}: no new-contact reminder for them.`,
    outreach: `Dismissed today's outreach step with ${who}: it comes back when you plan the next one (net outreach next-on ${quoted} DATE).`,
    cadence: `Dismissed the reminder to reach out to ${who}: back on ${backOn}, a rhythm from today, as after a touch.`,
  };
  ctx.io.write(`${message[closed]}\n  \`net undo\` brings it back.\n`);
}
