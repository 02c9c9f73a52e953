// net outreach add: a person you want to reach, and why, joins the pipeline.
import { AmbiguousError, ConflictError, UsageError } from '../../core/errors.js';
import { nameKey } from '../../core/names.js';
import { derivedHowMet, TARGET_CIRCLE } from '../../core/outreach.js';
import { check, emailSchema, nameSchema, optionalLine, splitList, urlSchema } from '../../core/validate.js';
import { addEmails, addInterests, addTags, getStoredContact, insertContact, updateContact, type ContactFields } from '../../db/contacts.js';
import { findActiveOutreach, findLatestOutreach, insertOutreach, insertOutreachEvent } from '../../db/outreach.js';
import { resolveContact } from '../../db/resolve.js';
import type { Context } from '../context.js';
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
  if (options.via !== undefined && options.via.trim() === '') throw new UsageError('--via: the introducer is empty');
  const at = ctx.now.toISOString();

  const { db } = await ctx.database();
  const result = await db.transaction().execute(async (trx) => {
    // The target: an id, or exactly this name. A near match is a different person to reach, so it is not reused.
    let contactId: number | undefined;
    if (/^#?\d+$/.test(name)) {
      contactId = (await resolveContact(trx, name)).id;
    } else {
      const same = await trx.selectFrom('contacts').select(['id', 'name']).where('name_key', '=', nameKey(name)).execute();
      if (same.length > 1) {
        throw new AmbiguousError(
          `"${name}" is the name of several people: ${same.map((c) => `#${c.id} ${c.name}`).join(', ')}`,
          'use the id, e.g. `net outreach add "#12"`',
        );
      }
      contactId = same[0]?.id;
    }
    const via = options.via === undefined ? undefined : await resolveContact(trx, options.via);
    if (via && via.id === contactId) throw new UsageError(`--via: ${via.name} cannot introduce you to themselves`);

    const existing = contactId === undefined ? undefined : await getStoredContact(trx, contactId);
    if (existing?.archived_at) {
      throw new ConflictError(`${existing.name} is archived`, `bring them back first with \`net unarchive "${existing.name}"\``);
    }
    if (existing) {
      const active = await findActiveOutreach(trx, existing.id);
      if (active) {
        throw new ConflictError(
          `${existing.name} is already on your outreach list (stage ${active.stage}, next step ${active.next_on})`,
          `move it with \`net outreach step "${existing.name}" STAGE\`; see it with \`net outreach list\``,
        );
      }
    }
    // A person reached before: what was known then stays, unless said anew.
    const previous = existing ? await findLatestOutreach(trx, existing.id) : undefined;
    const viaId = via?.id ?? previous?.via_contact_id ?? null;
    const viaName = via?.name ?? (viaId === null ? null : ((await getStoredContact(trx, viaId))?.name ?? null));
    const reason = why ?? previous?.why ?? null;

    const given: Partial<ContactFields> = {};
    if (company !== undefined) given.company = company;
    if (role !== undefined) given.role = role;
    if (linkedin !== undefined) given.linkedin = linkedin;
    if (knownFrom !== undefined) given.how_met = knownFrom;
    let id: number;
    if (existing) {
      id = existing.id;
      if (Object.keys(given).length > 0) await updateContact(trx, id, given, at);
      await addEmails(trx, id, emails);
      await addInterests(trx, id, interests);
      await addTags(trx, id, tags);
    } else {
      id = await insertContact(
        trx,
        { ...given, name, circle: TARGET_CIRCLE, how_met: given.how_met ?? derivedHowMet(viaName, reason) },
        { emails, interests, tags },
        at,
      );
    }

    // The channel: as said, else as last time, else where they can be found.
    const stored = await getStoredContact(trx, id);
    const hasEmail = emails.length > 0 || (await trx.selectFrom('contact_emails').select('email').where('contact_id', '=', id).executeTakeFirst()) !== undefined;
    const chosen =
      channel ?? previous?.channel ?? stored?.channel ?? (stored?.linkedin ? 'linkedin' : hasEmail ? 'email' : null);

    const outreachId = await insertOutreach(
      trx,
      { contact_id: id, why: reason, via_contact_id: viaId, channel: chosen, stage: 'target', next_on: nextOn },
      at,
    );
    await insertOutreachEvent(
      trx,
      { outreach_id: outreachId, kind: 'add', from_stage: null, to_stage: 'target', occurred_on: ctx.today, note: reason, interaction_id: null },
      at,
    );
    return { id, name: stored?.name ?? name, created: !existing, viaName, channel: chosen };
  });

  if (options.json) {
    await writeOutreachJson(ctx, db, result.id);
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
