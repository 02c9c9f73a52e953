// net outreach draft: a personal first message, built from what is known, or
// from a template; checked before it is printed.
import { readFile } from 'node:fs/promises';
import { buildDraft, sharedInterests, type DraftFacts } from '../../core/drafts.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { isDerivedHowMet } from '../../core/outreach.js';
import { check, textSchema } from '../../core/validate.js';
import { getStoredContact } from '../../db/contacts.js';
import { findActiveOutreach, findLatestOutreach, interestLists, networkInterestCounts } from '../../db/outreach.js';
import { resolveContact } from '../../db/resolve.js';
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

  const { db } = await ctx.database({ create: false });
  const { facts, channel, contactId } = await db.transaction().execute(async (trx) => {
    const contact = await resolveContact(trx, ref);
    const outreach = (await findActiveOutreach(trx, contact.id)) ?? (await findLatestOutreach(trx, contact.id));
    if (!outreach) {
      throw new NotFoundError(`${contact.name} is not on your outreach list`, `add them with \`net outreach add "${contact.name}" --why …\``);
    }
    const stored = await getStoredContact(trx, contact.id);
    const via = outreach.via_contact_id === null ? undefined : await getStoredContact(trx, outreach.via_contact_id);
    const own = await interestLists(trx, contact.id);
    const shared = sharedInterests({
      target: own,
      introducer: via ? await interestLists(trx, via.id) : null,
      networkInterests: await networkInterestCounts(trx, contact.id),
    });
    const howMet = stored?.how_met ?? null;
    const facts: DraftFacts = {
      name: contact.name,
      via: via?.name ?? null,
      sharedInterests: shared,
      knownFrom: howMet && !isDerivedHowMet(howMet, via?.name ?? null, outreach.why) ? howMet : null,
      company: stored?.company ?? null,
      role: stored?.role ?? null,
      why: outreach.why,
      interests: own.interests,
    };
    return { facts, channel: channelOption ?? outreach.channel, contactId: contact.id };
  });

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
    ctx.io.write(
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
