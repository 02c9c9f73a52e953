// net edit: change a person's details.
import { contactForm, editContact } from '../../app/edit-contact.js';
import type { ContactRecord } from '../../core/contact.js';
import { FORM_HELP, formChanges, formText, isEmptyChange, parseForm } from '../../core/contact-form.js';
import { UsageError } from '../../core/errors.js';
import { formatInterval } from '../../core/intervals.js';
import { check, lineSchema, nameSchema, splitList } from '../../core/validate.js';
import type { Context } from '../context.js';
import { readContactOptions, type ContactOptions } from '../contact-input.js';
import { editText } from '../long-text.js';
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
  if (changes === 0) {
    if (!ctx.interactive) {
      throw new UsageError('nothing to change', 'give at least one option, e.g. `net edit NAME --circle close` (see `net edit --help`), or run it on a terminal to edit the person in $EDITOR');
    }
    return editInEditor(ctx, ref, options.json);
  }

  const contact = await editContact(await ctx.database({ create: false }), ctx, ref, {
    fields: { ...input.fields, ...(rename ? { name: rename } : {}) },
    addEmails: input.emails,
    addTags: input.tags,
    addInterests: input.interests,
    addNicknames: input.nicknames,
    removeTags: untag,
    removeInterests: dropInterests,
    appendNote,
  });
  report(ctx, contact, options.json);
}

function report(ctx: Context, contact: ContactRecord, json: boolean | undefined): void {
  if (json) {
    ctx.io.write(toJson(contact));
    return;
  }
  const rhythm = contact.cadence_days === null ? 'no rhythm' : `every ${formatInterval(contact.cadence_days)}`;
  ctx.io.write(`Updated ${contact.name} (#${contact.id}): ${contact.circle}, ${rhythm}.\n`);
}

/**
 * `net edit CONTACT` alone, on a terminal: the person as a text in $EDITOR;
 * what changed is checked as the options would be and saved as one command.
 */
async function editInEditor(ctx: Context, ref: string, json: boolean | undefined): Promise<void> {
  const store = await ctx.database({ create: false });
  const { id, values } = await contactForm(store, ref);
  const text = editText(ctx, formText(values), `Edit ${values.name} (#${id}). ${FORM_HELP}`, 'net edit');
  const change = formChanges(values, parseForm(text));
  if (isEmptyChange(change)) {
    ctx.io.error(`No change to ${values.name} (#${id}).\n`);
    return;
  }
  const o = change.options;
  const input = await readContactOptions(ctx, {
    company: o.company,
    role: o.role,
    phone: o.phone,
    linkedin: o.linkedin,
    location: o.location,
    circle: o.circle,
    channel: o.channel,
    birthday: o.birthday,
    metAt: o.metAt,
    metOn: o.metOn,
    note: o.notes,
    every: change.every === '' ? undefined : change.every,
    email: change.add.emails,
  });
  const fields = { ...input.fields, ...(change.rename !== undefined ? { name: check(nameSchema, change.rename, 'name') } : {}) };
  // An empty rhythm is the circle's again.
  if (change.every === '') fields.cadence_days = null;
  const contact = await editContact(store, ctx, `#${id}`, {
    fields,
    addEmails: input.emails,
    removeEmails: change.remove.emails,
    addTags: splitList(change.add.tags, 'tags'),
    removeTags: change.remove.tags,
    addInterests: splitList(change.add.interests, 'interests'),
    removeInterests: change.remove.interests,
  });
  report(ctx, contact, json);
}
