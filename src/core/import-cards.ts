// Address-book cards (Google Contacts CSV, vCard) as contact drafts.
import { FieldReader } from './import-fields.js';
import { isLinkedinProfile } from './import-match.js';
import type { AddressCard, ContactDraft, PlacementOptions, RowNote } from './import-types.js';
import { birthdaySchema, emailSchema, lineSchema, listItems, nameSchema, phoneSchema, textSchema, urlSchema } from './validate.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const clean = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() || null;

/**
 * The name to file someone under: the parts without the prefix and suffix
 * ("Dott.ssa", "Jr." are kept apart, so a draft does not open with them),
 * else the formatted name with them taken off, else a nickname, company or email.
 */
export function cardName(card: AddressCard): string | null {
  const parts = clean([card.given, card.middle, card.family].filter(Boolean).join(' '));
  let formatted = clean(card.formattedName);
  for (const affix of [clean(card.prefix), clean(card.suffix)]) {
    if (!formatted || !affix) continue;
    if (formatted.startsWith(`${affix} `)) formatted = formatted.slice(affix.length + 1);
    else if (formatted.endsWith(` ${affix}`)) formatted = formatted.slice(0, -affix.length - 1).replace(/,$/, '').trim();
  }
  return formatted ?? parts ?? clean(card.nickname) ?? clean(card.organization) ?? clean(card.emails[0]);
}

/** A label from vCard TYPE values or Google's: "mobile", "work", "home"; none for technical ones. */
export function labelOf(types: readonly string[]): string | null {
  const named = types.map((t) => t.trim().toLowerCase()).filter((t) => t !== '' && !['pref', 'voice', 'internet', 'x400', 'text', 'msg'].includes(t));
  const label = named[0] ?? null;
  return label === 'cell' ? 'mobile' : label;
}

/** Google's own groups, which every contact is in: not a person's tags. */
const SYSTEM_LABELS = new Set(['mycontacts', 'my contacts', 'starred', 'friends', 'family', 'coworkers', 'other contacts', 'imported on']);

function isSystemLabel(label: string): boolean {
  const key = label.trim().toLowerCase();
  return label.trim().startsWith('*') || SYSTEM_LABELS.has(key) || key.startsWith('imported on ');
}

/** The mobile first, then the preferred one, then the others in their order. */
function orderedPhones(phones: AddressCard['phones']): AddressCard['phones'] {
  const rank = (p: AddressCard['phones'][number]) => (p.types.some((t) => t === 'cell' || t === 'mobile') ? 0 : p.types.includes('pref') ? 1 : 2);
  return [...phones].sort((a, b) => rank(a) - rank(b));
}

export type CardResult = { draft: ContactDraft } | { skip: string };

export function cardToDraft(card: AddressCard, placement: PlacementOptions, warnings: RowNote[]): CardResult {
  const name = cardName(card);
  if (name === null) return { skip: 'no name, company or email' };
  const read = new FieldReader(card.at, false, warnings);
  const checkedName = read.required(nameSchema, name.length > 200 ? name.slice(0, 200) : name, 'name');

  const emails: string[] = [];
  const emailLabels: Array<string | null> = [];
  card.emails.forEach((raw, i) => {
    const email = read.optional(emailSchema, raw, 'email');
    if (!email || emails.some((e) => e.toLowerCase() === email.toLowerCase())) return;
    emails.push(email);
    emailLabels.push(labelOf(card.emailTypes?.[i] ?? []));
  });
  const tags: string[] = [];
  for (const raw of listItems([...card.categories.filter((c) => !isSystemLabel(c)), ...placement.tags])) {
    const tag = read.line(lineSchema, raw, 'tag');
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  const linkedinUrl = card.urls.find(isLinkedinProfile);
  const phones = orderedPhones(card.phones).flatMap((p) => {
    const phone = read.optional(phoneSchema, p.value, 'phone');
    return phone ? [{ phone, label: labelOf(p.types) }] : [];
  });
  const nicknames = listItems(card.nickname ? [card.nickname] : []).flatMap((n) => read.line(lineSchema, n, 'nickname') ?? []);
  const values: ContactDraft['values'] = {
    company: read.line(lineSchema, card.organization, 'organisation'),
    role: read.line(lineSchema, card.title, 'title'),
    name_prefix: read.line(lineSchema, card.prefix, 'name prefix'),
    name_suffix: read.line(lineSchema, card.suffix, 'name suffix'),
    linkedin: linkedinUrl ? read.optional(urlSchema, linkedinUrl, 'URL') : undefined,
    location: read.line(lineSchema, card.city, 'city'),
    notes: read.optional(textSchema, card.note, 'note'),
    birthday: read.optional(birthdaySchema, card.birthday, 'birthday'),
    circle: placement.circle ?? 'acquaintance',
  };
  const uid = card.uid && UUID.test(card.uid) ? card.uid.toLowerCase() : null;
  return {
    draft: {
      at: card.at,
      uid,
      name: checkedName,
      values,
      emails,
      emailLabels,
      phones,
      nicknames,
      tags,
      interests: undefined,
      mode: 'fill',
      refresh: [],
      created_at: null,
      updated_at: null,
    },
  };
}
