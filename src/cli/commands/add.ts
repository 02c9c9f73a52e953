// net add: a person joins the network.
import { addContact } from '../../app/add-contact.js';
import { UsageError } from '../../core/errors.js';
import { formatInterval } from '../../core/intervals.js';
import { check, nameSchema } from '../../core/validate.js';
import type { Context } from '../context.js';
import { readContactOptions, warnOverloaded, type ContactOptions } from '../contact-input.js';
import { readDate } from '../dates.js';
import { DEFAULT_SETTINGS } from '../../core/settings.js';
import { CIRCLES, type Circle } from '../../core/vocabulary.js';
import { loadSettings } from '../../db/settings.js';
import { toJson } from '../render.js';
import { colourPrompts } from '../prompt-colours.js';
import { longText } from '../long-text.js';

interface AddOptions extends ContactOptions {
  edit?: boolean;
  force?: boolean;
  json?: boolean;
}

/** What each circle is for, in the question that asks for one. */
const CIRCLE_WORDS: Record<Circle, string> = {
  inner: 'the few closest',
  close: 'trusted, regular',
  active: 'current work and projects',
  network: 'people you want to keep',
  acquaintance: 'met once, or know of them',
};

async function askForContact(ctx: Context, options: AddOptions): Promise<{ name: string; options: AddOptions }> {
  const [{ default: input }, { default: select }] = await Promise.all([import('@inquirer/input'), import('@inquirer/select')]);
  // The rhythms as configured (`net config set cadence.close …`), not the defaults.
  const opened = await ctx.existingDatabase();
  const settings = opened ? await loadSettings(opened.db) : DEFAULT_SETTINGS;
  const name = await input({ message: 'Name', required: true, validate: (v) => nameSchema.safeParse(v).success || 'a name, one line' });
  const company = await input({ message: 'Company (optional)', default: options.company });
  const role = await input({ message: 'Role (optional)', default: options.role });
  const metAt = await input({ message: 'How did you meet? (optional)', default: options.metAt });
  const knownSince = await input({
    message: 'Known since? (optional: "2015-09-01", "10 years ago"; blank for someone new)',
    default: options.knownSince ?? options.metOn,
    validate: async (v) => {
      if (v.trim() === '') return true;
      try {
        const { day } = await readDate(ctx, v, { field: 'known since', direction: 'past' });
        return day <= ctx.today || 'a day in the past';
      } catch (error) {
        return error instanceof Error ? error.message.replace(/^known since: /, '') : 'not a date';
      }
    },
  });
  const circle = await select({
    message: 'Circle',
    default: options.circle ?? 'network',
    choices: CIRCLES.map((c) => {
      const rhythm = settings.cadence[c];
      return { value: c, name: `${c} — ${CIRCLE_WORDS[c]} (${rhythm === null ? 'no rhythm' : `every ${formatInterval(rhythm)}`})` };
    }),
  });
  const blankToUndefined = (v: string) => (v.trim() === '' ? undefined : v);
  return {
    name,
    options: {
      ...options,
      company: blankToUndefined(company),
      role: blankToUndefined(role),
      metAt: blankToUndefined(metAt),
      knownSince: options.metOn === undefined ? blankToUndefined(knownSince) : options.knownSince,
      circle,
    },
  };
}

export default async function add(ctx: Context, nameArg: string | undefined, options: AddOptions): Promise<void> {
  let rawName = nameArg;
  let opts = options;
  if (rawName === undefined) {
    if (!ctx.interactive) throw new UsageError('missing NAME', 'usage: net add NAME [options] (prompts only on a terminal)');
    colourPrompts(ctx);
    ({ name: rawName, options: opts } = await askForContact(ctx, options));
  }
  const name = check(nameSchema, rawName, 'NAME');
  if (opts.edit || opts.note === '-') {
    opts = { ...opts, note: await longText(ctx, { text: opts.note, edit: opts.edit, field: '--note', purpose: `Notes about ${name}.` }) };
  }
  const input = await readContactOptions(ctx, opts);
  const { contact, overloaded } = await addContact(await ctx.database(), ctx, {
    fields: { ...input.fields, name },
    lists: { emails: input.emails, tags: input.tags, interests: input.interests, nicknames: input.nicknames },
    force: opts.force,
  });
  warnOverloaded(ctx, overloaded);
  if (opts.json) {
    ctx.writeExact(toJson(contact));
    return;
  }
  const rhythm = contact.cadence_days === null ? 'no rhythm' : `every ${formatInterval(contact.cadence_days)}`;
  ctx.io.write(`Added ${contact.name} (#${contact.id}) to ${contact.circle}, ${rhythm}.\n`);
}
