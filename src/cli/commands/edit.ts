// net edit: change a person's details.
import { editContact } from '../../app/edit-contact.js';
import { UsageError } from '../../core/errors.js';
import { formatInterval } from '../../core/intervals.js';
import { check, lineSchema, nameSchema, splitList } from '../../core/validate.js';
import type { Context } from '../context.js';
import { readContactOptions, warnOverloaded, type ContactOptions } from '../contact-input.js';
import { toJson } from '../render.js';

interface EditOptions extends ContactOptions {
  rename?: string;
  untag?: string[];
  dropInterest?: string[];
  appendNote?: string;
  json?: boolean;
}

export default async function edit(ctx: Context, ref: string, options: EditOptions): Promise<void> {
  const input = await readContactOptions(ctx, options);
  const rename = options.rename === undefined ? undefined : check(nameSchema, options.rename, '--rename');
  const untag = splitList(options.untag, '--untag');
  const dropInterests = splitList(options.dropInterest, '--no-interest');
  const appendNote = options.appendNote === undefined ? undefined : check(lineSchema, options.appendNote, '--append-note');
  if (appendNote === '') throw new UsageError('--append-note: the line is empty');
  const changes =
    Object.keys(input.fields).length + input.emails.length + input.tags.length + input.interests.length + input.nicknames.length + untag.length + dropInterests.length + (rename ? 1 : 0) + (appendNote ? 1 : 0);
  if (changes === 0) throw new UsageError('nothing to change', 'give at least one option, e.g. `net edit NAME --circle close` (see `net edit --help`)');

  const { contact, overloaded } = await editContact(await ctx.database({ create: false }), ctx, ref, {
    fields: { ...input.fields, ...(rename ? { name: rename } : {}) },
    addEmails: input.emails,
    addTags: input.tags,
    addInterests: input.interests,
    addNicknames: input.nicknames,
    removeTags: untag,
    removeInterests: dropInterests,
    appendNote,
  });
  warnOverloaded(ctx, overloaded);
  if (options.json) {
    ctx.writeExact(toJson(contact));
    return;
  }
  const rhythm = contact.cadence_days === null ? 'no rhythm' : `every ${formatInterval(contact.cadence_days)}`;
  ctx.io.write(`Updated ${contact.name} (#${contact.id}): ${contact.circle}, ${rhythm}.\n`);
}
