// net edit: change a person's details, from options or, with none on a
// terminal, from the person as a text in $EDITOR. Both ways become the same
// options, checked the same way, and one call of the edit use case.
import { contactForm, editContact, type ContactChange } from '../../app/edit-contact.js';
import { FORM_HELP, formChanges, formText, isEmptyChange, parseForm } from '../../core/contact-form.js';
import { UsageError } from '../../core/errors.js';
import { formatInterval } from '../../core/intervals.js';
import { check, lineSchema, nameSchema, splitList } from '../../core/validate.js';
import type { Context } from '../context.js';
import { readContactOptions, warnOverloaded, type ContactOptions } from '../contact-input.js';
import { editText } from '../long-text.js';
import { toJson } from '../render.js';

interface EditOptions extends ContactOptions {
  rename?: string;
  untag?: string[];
  dropInterest?: string[];
  appendNote?: string;
  json?: boolean;
  /** Set only from the editor's text, where a list item can be deleted: the command line has no option for these. */
  dropEmail?: string[];
  dropNickname?: string[];
}

export default async function edit(ctx: Context, ref: string, options: EditOptions): Promise<void> {
  const change = await changeFromOptions(ctx, options);
  if (change === undefined) {
    if (!ctx.interactive) {
      throw new UsageError('nothing to change', 'give at least one option, e.g. `net edit NAME --circle close` (see `net edit --help`), or run it on a terminal to edit the person in $EDITOR');
    }
    return editInEditor(ctx, ref, options.json);
  }
  report(ctx, await editContact(await ctx.database({ create: false }), ctx, ref, change), options.json);
}

/** The options, checked, as one change; undefined when they change nothing. */
async function changeFromOptions(ctx: Context, options: EditOptions): Promise<ContactChange | undefined> {
  const input = await readContactOptions(ctx, options);
  const rename = options.rename === undefined ? undefined : check(nameSchema, options.rename, '--rename');
  const appendNote = options.appendNote === undefined ? undefined : check(lineSchema, options.appendNote, '--append-note');
  if (appendNote === '') throw new UsageError('--append-note: the line is empty');
  const change: ContactChange = {
    fields: { ...input.fields, ...(rename ? { name: rename } : {}) },
    addEmails: input.emails,
    addTags: input.tags,
    addInterests: input.interests,
    addNicknames: input.nicknames,
    removeTags: splitList(options.untag, '--untag'),
    removeInterests: splitList(options.dropInterest, '--no-interest'),
    removeEmails: options.dropEmail ?? [],
    removeNicknames: splitList(options.dropNickname, 'nicknames'),
    appendNote,
  };
  const lists = [change.addEmails, change.addTags, change.addInterests, change.addNicknames, change.removeTags, change.removeInterests, change.removeEmails, change.removeNicknames];
  const changes = Object.keys(change.fields).length + lists.reduce((n, list) => n + (list?.length ?? 0), 0) + (appendNote ? 1 : 0);
  return changes === 0 ? undefined : change;
}

function report(ctx: Context, { contact, overloaded }: Awaited<ReturnType<typeof editContact>>, json: boolean | undefined): void {
  warnOverloaded(ctx, overloaded);
  if (json) {
    ctx.writeExact(toJson(contact));
    return;
  }
  const rhythm = contact.cadence_days === null ? 'no rhythm' : `every ${formatInterval(contact.cadence_days)}`;
  ctx.io.write(`Updated ${contact.name} (#${contact.id}): ${contact.circle}, ${rhythm}.\n`);
}

/**
 * `net edit CONTACT` alone, on a terminal: the person as a text in $EDITOR.
 * What changed becomes the options of `net edit` (an emptied field is an
 * empty option, which clears it), so it is checked and saved as they are.
 */
async function editInEditor(ctx: Context, ref: string, json: boolean | undefined): Promise<void> {
  const store = await ctx.database({ create: false });
  const { id, values } = await contactForm(store, ref);
  const text = editText(ctx, formText(values), `Edit ${values.name} (#${id}). ${FORM_HELP}`, 'net edit');
  const edited = formChanges(values, parseForm(text));
  if (isEmptyChange(edited)) {
    ctx.io.error(`No change to ${values.name} (#${id}).\n`);
    return;
  }
  const o = edited.options;
  const change = await changeFromOptions(ctx, {
    rename: edited.rename,
    namePrefix: o.namePrefix,
    nameSuffix: o.nameSuffix,
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
    every: edited.every,
    email: edited.add.emails,
    dropEmail: edited.remove.emails,
    nickname: edited.add.nicknames,
    dropNickname: edited.remove.nicknames,
    tag: edited.add.tags,
    untag: edited.remove.tags,
    interest: edited.add.interests,
    dropInterest: edited.remove.interests,
  });
  // The text can differ only in ways that change nothing (a list in another order).
  if (change === undefined) {
    ctx.io.error(`No change to ${values.name} (#${id}).\n`);
    return;
  }
  report(ctx, await editContact(store, ctx, `#${id}`, change), json);
}
