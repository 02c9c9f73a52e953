// Address-book cards (Google Contacts CSV, vCard) as contact drafts.
import { FieldReader } from './import-fields.js';
import { isLinkedinProfile } from './import-match.js';
import type { AddressCard, ContactDraft, PlacementOptions, RowNote } from './import-types.js';
import { birthdaySchema, emailSchema, lineSchema, listItems, nameSchema, phoneSchema, textSchema, urlSchema } from './validate.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The name to file someone under: the formatted name, else the parts, else a nickname, company or email. */
export function cardName(card: AddressCard): string | null {
  const parts = [card.prefix, card.given, card.middle, card.family, card.suffix].filter((p): p is string => !!p && p.trim() !== '');
  const candidates = [card.formattedName, parts.join(' '), card.nickname, card.organization, card.emails[0]];
  for (const c of candidates) {
    const name = c?.replace(/\s+/g, ' ').trim();
    if (name) return name;
  }
  return null;
}

/** Mobile first, then the preferred one, then the first. */
function pickPhone(phones: AddressCard['phones']): AddressCard['phones'][number] | undefined {
  return (
    phones.find((p) => p.types.some((t) => t === 'cell' || t === 'mobile')) ??
    phones.find((p) => p.types.includes('pref')) ??
    phones[0]
  );
}

export type CardResult = { draft: ContactDraft } | { skip: string };

export function cardToDraft(card: AddressCard, placement: PlacementOptions, warnings: RowNote[]): CardResult {
  const name = cardName(card);
  if (name === null) return { skip: 'no name, company or email' };
  const read = new FieldReader(card.at, false, warnings);
  const checkedName = read.required(nameSchema, name.length > 200 ? name.slice(0, 200) : name, 'name');

  const emails: string[] = [];
  for (const raw of card.emails) {
    const email = read.optional(emailSchema, raw, 'email');
    if (email && !emails.some((e) => e.toLowerCase() === email.toLowerCase())) emails.push(email);
  }
  const tags: string[] = [];
  for (const raw of listItems([...card.categories, ...placement.tags])) {
    const tag = read.line(lineSchema, raw, 'tag');
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  const linkedinUrl = card.urls.find(isLinkedinProfile);
  const phone = pickPhone(card.phones);
  const values: ContactDraft['values'] = {
    company: read.line(lineSchema, card.organization, 'organisation'),
    role: read.line(lineSchema, card.title, 'title'),
    phone: phone ? read.optional(phoneSchema, phone.value, 'phone') : undefined,
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
      tags,
      interests: undefined,
      mode: 'fill',
      refresh: [],
      created_at: null,
      updated_at: null,
    },
  };
}
