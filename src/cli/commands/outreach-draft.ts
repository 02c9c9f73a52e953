// net outreach draft: a personal first message, built from what is known, or
// from a template; checked before it is printed.
import { readFile } from 'node:fs/promises';
import { draftFacts } from '../../app/outreach-draft.js';
import { buildDraft } from '../../core/drafts.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { check, textSchema } from '../../core/validate.js';
import type { Context } from '../context.js';
import { readChannel } from '../outreach-input.js';
import { toJson } from '../render.js';

interface DraftOptions {
  template?: string;
  channel?: string;
  force?: boolean;
  json?: boolean;
}

async function readTemplate(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new NotFoundError(`--template: cannot read "${path}" (${code})`, 'give the path of a text file with {{placeholders}}');
  }
  return check(textSchema, text, '--template');
}

export default async function outreachDraft(ctx: Context, ref: string, options: DraftOptions): Promise<void> {
  const channelOption = readChannel(options.channel);
  const template = options.template === undefined ? undefined : await readTemplate(options.template);

  const { facts, channel: chosen, contactId } = await draftFacts(await ctx.database({ create: false }), ref);
  const channel = channelOption ?? chosen;

  if (channel === null) ctx.io.error('net: no channel is chosen for this outreach: drafted as an email (choose one with --channel)\n');
  const draft = buildDraft(facts, channel, template);
  if (draft.problems.length > 0 && !options.force) {
    const list = draft.problems.map((p) => `\n  - ${p.message}`).join('');
    throw new ConflictError(
      `the draft for ${facts.name} is not personal enough:${list}`,
      template === undefined
        ? `add what you know (\`net edit "${facts.name}" --interest … --company …\`), or print it anyway with --force`
        : 'fix the template, or print it anyway with --force',
    );
  }
  for (const p of draft.problems) ctx.io.error(`net: warning: ${p.message}\n`);
  for (const w of draft.warnings) ctx.io.error(`net: note: ${w}\n`);

  if (options.json) {
    ctx.writeExact(
      toJson({
        contact_id: contactId,
        name: facts.name,
        channel,
        style: draft.style,
        text: draft.text,
        length: draft.length,
        limit: draft.limit,
        shared_interests: facts.sharedInterests,
        problems: draft.problems.map((p) => p.message),
        warnings: draft.warnings,
      }),
    );
    return;
  }
  ctx.io.write(`${draft.text}\n`);
  if (draft.limit !== null && ctx.io.stderrIsTTY) ctx.io.error(`(${draft.length}/${draft.limit} characters)\n`);
}
