// net add: a person joins the network.
import { addContact } from '../../app/add-contact.js';
import { UsageError } from '../../core/errors.js';
import { formatInterval } from '../../core/intervals.js';
import { check, nameSchema } from '../../core/validate.js';
import type { Context } from '../context.js';
import { readContactOptions, type ContactOptions } from '../contact-input.js';
import { toJson } from '../render.js';
import { colourPrompts } from '../prompt-colours.js';
import { longText } from '../long-text.js';

interface AddOptions extends ContactOptions {
  edit?: boolean;
  force?: boolean;
  json?: boolean;
}

async function askForContact(options: AddOptions): Promise<{ name: string; options: AddOptions }> {
  const [{ default: input }, { default: select }] = await Promise.all([import('@inquirer/input'), import('@inquirer/select')]);
  const name = await input({ message: 'Name', required: true, validate: (v) => nameSchema.safeParse(v).success || 'a name, one line' });
  const company = await input({ message: 'Company (optional)', default: options.company });
  const role = await input({ message: 'Role (optional)', default: options.role });
  const metAt = await input({ message: 'How did you meet? (optional)', default: options.metAt });
  const circle = await select({
    message: 'Circle',
    default: options.circle ?? 'network',
    choices: [
      { value: 'inner', name: 'inner — the few closest (every 2 weeks)' },
      { value: 'close', name: 'close — trusted, regular (every 30 days)' },
      { value: 'active', name: 'active — current work and projects (every 60 days)' },
      { value: 'network', name: 'network — people you want to keep (every 120 days)' },
      { value: 'acquaintance', name: 'acquaintance — no rhythm' },
    ],
  });
  const blankToUndefined = (v: string) => (v.trim() === '' ? undefined : v);
  return {
    name,
    options: { ...options, company: blankToUndefined(company), role: blankToUndefined(role), metAt: blankToUndefined(metAt), circle },
  };
}

export default async function add(ctx: Context, nameArg: string | undefined, options: AddOptions): Promise<void> {
  let rawName = nameArg;
  let opts = options;
  if (rawName === undefined) {
    if (!ctx.interactive) throw new UsageError('missing NAME', 'usage: net add NAME [options] (prompts only on a terminal)');
    colourPrompts(ctx);
    ({ name: rawName, options: opts } = await askForContact(options));
  }
  const name = check(nameSchema, rawName, 'NAME');
  if (opts.edit || opts.note === '-') {
    opts = { ...opts, note: await longText(ctx, { text: opts.note, edit: opts.edit, field: '--note', purpose: `Notes about ${name}.` }) };
  }
  const input = await readContactOptions(ctx, opts);
  const contact = await addContact(await ctx.database(), ctx, {
    fields: { ...input.fields, name },
    lists: { emails: input.emails, tags: input.tags, interests: input.interests, nicknames: input.nicknames },
    force: opts.force,
  });
  if (opts.json) {
    ctx.io.write(toJson(contact));
    return;
  }
  const rhythm = contact.cadence_days === null ? 'no rhythm' : `every ${formatInterval(contact.cadence_days)}`;
  ctx.io.write(`Added ${contact.name} (#${contact.id}) to ${contact.circle}, ${rhythm}.\n`);
}
