// net undo: take back a command's changes, as a new command.
import { planUndo, undoCommand } from '../../app/undo.js';
import { DeclinedError, NotFoundError, UsageError } from '../../core/errors.js';
import { readId } from '../../core/counts.js';
import type { Context } from '../context.js';
import { toJson } from '../render.js';
import { colourPrompts } from '../prompt-colours.js';

interface UndoOptions {
  yes?: boolean;
  force?: boolean;
  json?: boolean;
}

export default async function undo(ctx: Context, idArg: string | undefined, options: UndoOptions): Promise<void> {
  const id = idArg === undefined ? undefined : readId(idArg);
  const store = await ctx.existingDatabase();
  if (!store) throw new NotFoundError('nothing to undo: no command has changed your network yet');
  const plan = planUndo(store, id);
  const shown = plan.changes.slice(0, 15).map((line) => `  ${line}`);
  if (plan.changes.length > 15) shown.push(`  … and ${plan.changes.length - 15} more`);
  const what = `#${plan.target.id} ${plan.target.name} (${plan.target.at.slice(0, 10)}): ${plan.target.summary}`;
  if (!options.yes) {
    if (!ctx.interactive) throw new UsageError(`taking back ${what} needs --yes without a terminal`, `net undo ${plan.target.id} --yes`);
    ctx.io.error(`This takes back ${what}:\n${shown.join('\n')}\n`);
    colourPrompts(ctx);
    const { default: confirm } = await import('@inquirer/confirm');
    if (!(await confirm({ message: 'Take it back?', default: true }))) throw new DeclinedError('nothing was taken back');
  }
  const result = await undoCommand(store, ctx, plan.target.id, { force: options.force });
  if (options.json) {
    ctx.writeExact(toJson({ id: result.id, undid: plan.target.id, command: plan.target.name, summary: plan.target.summary, changes: plan.changes }));
    return;
  }
  ctx.io.write(`Took back ${what}.\n${options.yes ? `${shown.join('\n')}\n` : ''}  \`net undo\` again redoes it.\n`);
}
