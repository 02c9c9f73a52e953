// net edit: change a person's details.
import { ConflictError, UsageError } from '../../core/errors.js';
import { formatInterval } from '../../core/intervals.js';
import { check, nameSchema, splitList } from '../../core/validate.js';
import {
  addEmails,
  addInterests,
  addTags,
  findDuplicates,
  loadContactRecord,
  removeInterests,
  removeTags,
  touchContact,
  updateContact,
} from '../../db/contacts.js';
import { resolveContact } from '../../db/resolve.js';
import { loadSettings } from '../../db/settings.js';
import type { Context } from '../context.js';
import { readContactOptions, type ContactOptions } from '../contact-input.js';
import { toJson } from '../render.js';

interface EditOptions extends ContactOptions {
  rename?: string;
  untag?: string[];
  dropInterest?: string[];
  json?: boolean;
}

export default async function edit(ctx: Context, ref: string, options: EditOptions): Promise<void> {
  const input = await readContactOptions(ctx, options);
  const rename = options.rename === undefined ? undefined : check(nameSchema, options.rename, '--rename');
  const untag = splitList(options.untag, '--untag');
  const dropInterests = splitList(options.dropInterest, '--no-interest');
  const changes = Object.keys(input.fields).length + input.emails.length + input.tags.length + input.interests.length + untag.length + dropInterests.length + (rename ? 1 : 0);
  if (changes === 0) throw new UsageError('nothing to change', 'give at least one option, e.g. `net edit NAME --circle close` (see `net edit --help`)');

  const at = ctx.now.toISOString();
  const { db } = await ctx.database({ create: false });
  const settings = await loadSettings(db);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await resolveContact(trx, ref);
    if (rename) {
      const clash = await findDuplicates(trx, rename, [], id);
      if (clash.length > 0) throw new ConflictError(`${rename} is already the name of #${clash[0].id}`, 'choose another name');
    }
    if (input.emails.length > 0) {
      const clash = (await findDuplicates(trx, null, input.emails, id))[0];
      if (clash) throw new ConflictError(`${clash.reason.replace('same email ', '')} already belongs to #${clash.id} ${clash.name}`);
    }
    await updateContact(trx, id, { ...input.fields, ...(rename ? { name: rename } : {}) }, at);
    await addEmails(trx, id, input.emails);
    await addTags(trx, id, input.tags);
    await addInterests(trx, id, input.interests);
    await removeTags(trx, id, untag);
    await removeInterests(trx, id, dropInterests);
    await touchContact(trx, id, at);
    return id;
  });

  const contact = await loadContactRecord(db, settings, id);
  if (!contact) throw new Error(`contact #${id} vanished`);
  if (options.json) {
    ctx.io.write(toJson(contact));
    return;
  }
  const rhythm = contact.cadence_days === null ? 'no rhythm' : `every ${formatInterval(contact.cadence_days)}`;
  ctx.io.write(`Updated ${contact.name} (#${contact.id}): ${contact.circle}, ${rhythm}.\n`);
}
