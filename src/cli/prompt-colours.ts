// The prompts' colours follow net's decision (--color, --no-color, NO_COLOR …).
// inquirer colours through yoctocolors, which reads the environment once, when
// first loaded: so the environment says it before a prompt library loads.
import type { Context } from './context.js';

export function colourPrompts(ctx: Pick<Context, 'color' | 'env'>): void {
  // Only the real process: commands run in process by the tests never prompt.
  if (ctx.env !== process.env) return;
  if (ctx.color) {
    delete process.env.NO_COLOR;
    process.env.FORCE_COLOR = '1';
  } else {
    delete process.env.FORCE_COLOR;
    process.env.NO_COLOR = '1';
  }
}
