// net completion SHELL: the completion script, on stdout, to be saved or sourced.
import { completionScript, type ScriptShell } from '../../core/completion-scripts.js';
import type { Context } from '../context.js';

export default async function completion(ctx: Context, shell: ScriptShell): Promise<void> {
  ctx.writeExact(completionScript(shell));
}
