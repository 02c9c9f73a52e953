// net outreach add: a person you want to reach, and why, joins the pipeline.
import { addOutreach, type OutreachAdded } from '../../app/outreach-add.js';
import { AmbiguousError } from '../../core/errors.js';
import { check, emailSchema, nameSchema, optionalLine, splitList, urlSchema } from '../../core/validate.js';
import type { Context } from '../context.js';
import { colourPrompts } from '../prompt-colours.js';
import { readChannel, readNextDay, writeOutreachJson } from '../outreach-input.js';

interface OutreachAddOptions {
  why?: string;
  via?: string;
  channel?: string;
  company?: string;
  role?: string;
  linkedin?: string;
  email?: string[];
  interest?: string[];
  tag?: string[];
  knownFrom?: string;
  next?: string;
  new?: boolean;
  json?: boolean;
}

function readEmails(values: readonly string[] | undefined): string[] {
  const emails: string[] = [];
  for (const value of values ?? []) {
    for (const part of value.split(',')) {
      if (part.trim() === '') continue;
      const address = check(emailSchema, part, '--email');
      if (!emails.some((e) => e.toLowerCase() === address.toLowerCase())) emails.push(address);
    }
  }
  return emails;
}

export default async function outreachAdd(ctx: Context, nameArg: string, options: OutreachAddOptions): Promise<void> {
  const name = check(nameSchema, nameArg, 'NAME');
  const why = optionalLine(options.why, '--why') ?? null;
  const channel = readChannel(options.channel);
  const company = optionalLine(options.company, '--company');
  const role = optionalLine(options.role, '--role');
  const knownFrom = optionalLine(options.knownFrom, '--known-from');
  const linkedin = options.linkedin === undefined || options.linkedin.trim() === '' ? undefined : check(urlSchema, options.linkedin, '--linkedin');
  const emails = readEmails(options.email);
  const interests = splitList(options.interest, '--interest');
  const tags = splitList(options.tag, '--tag');
  const nextOn = (await readNextDay(ctx, options.next)) ?? ctx.today;
  const store = await ctx.database();
  const target = {
    name,
    why,
    via: options.via,
    channel,
    company,
    role,
    linkedin,
    knownFrom,
    emails,
    interests,
    tags,
    nextOn,
    createNew: options.new,
  };
  let result: OutreachAdded;
  try {
    result = await addOutreach(store, ctx, target);
  } catch (error) {
    // Several people answer to the name: on a terminal, say which one.
    if (!(error instanceof AmbiguousError) || !ctx.interactive || error.candidates.length === 0) throw error;
    colourPrompts(ctx);
    const { default: select } = await import('@inquirer/select');
    const choice = await select({
      message: `"${name}" matches several people: which one?`,
      choices: [...error.candidates.map((c) => ({ value: `#${c.id}`, name: `#${c.id} ${c.name}` })), { value: '', name: 'a new person' }],
    });
    result = await addOutreach(store, ctx, { ...target, name: choice === '' ? name : choice, createNew: choice === '' });
  }

  if (options.json) {
    await writeOutreachJson(ctx, store.db, result.id);
    return;
  }
  const who = `${result.name} (#${result.id}${result.created ? ', new contact' : ''})`;
  const when = nextOn === ctx.today ? 'today' : `on ${nextOn}`;
  const how = [result.channel ? `by ${result.channel}` : 'no channel chosen yet', result.viaName ? `through ${result.viaName}` : null]
    .filter(Boolean)
    .join(', ');
  const lines = [`Added ${who} to your outreach list: first step ${when}, ${how}.`];
  lines.push(
    result.viaName
      ? `  Ask ${result.viaName} for an introduction, or draft a first message: net outreach draft "${result.name}"`
      : `  Draft a personal first message: net outreach draft "${result.name}"`,
  );
  ctx.io.write(`${lines.join('\n')}\n`);
}
