// What an imported record does to a contact: a new contact, an update (and
// which fields change), or nothing at all.
import { sameCompany } from './companies.js';
import { phoneKey } from './duplicates.js';
import { CONTACT_FIELDS, type ContactDraft, type ContactField, type ContactValues, type PhoneEntry } from './import-types.js';

export interface ContactState extends ContactValues {
  id: number;
  uid: string;
  name: string;
  emails: string[];
  /** Labels of the emails by address (an address without one is absent). */
  emailLabels: Record<string, string>;
  phones: PhoneEntry[];
  nicknames: string[];
  tags: string[];
  interests: string[];
  created_at: string;
  updated_at: string;
}

export type ContactList = 'emails' | 'phones' | 'nicknames' | 'tags' | 'interests';

export interface MergeResult {
  next: ContactState;
  /** The fields and lists that differ from what is stored; empty = unchanged. */
  changed: string[];
  listsChanged: Record<ContactList, boolean>;
}

const DEFAULT_VALUES: ContactValues = {
  company: null,
  role: null,
  linkedin: null,
  location: null,
  how_met: null,
  met_on: null,
  circle: 'acquaintance',
  cadence_days: null,
  rhythm_from: null,
  channel: null,
  notes: null,
  birthday: null,
  snoozed_until: null,
  archived_at: null,
  name_prefix: null,
  name_suffix: null,
};

/** Phones of both: the stored ones, then the new numbers (a number with other spacing is the same number). */
function unitePhones(stored: readonly PhoneEntry[], incoming: readonly PhoneEntry[]): PhoneEntry[] {
  const key = (p: PhoneEntry) => phoneKey(p.phone) ?? p.phone;
  const seen = new Set(stored.map(key));
  const out = stored.map((p) => ({ ...p }));
  for (const p of incoming) {
    const k = key(p);
    const known = out.find((q) => key(q) === k);
    // A number stored without a label takes the label the source gives it.
    if (known && known.label === null && p.label !== null) known.label = p.label;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ ...p });
  }
  return out;
}

const samePhones = (a: readonly PhoneEntry[], b: readonly PhoneEntry[]) =>
  a.length === b.length && a.every((p, i) => p.phone === b[i].phone && p.label === b[i].label);

/** The labels of a draft's emails, by address. */
function labelsOf(draft: ContactDraft): Record<string, string> {
  const labels: Record<string, string> = {};
  (draft.emails ?? []).forEach((email, i) => {
    const label = draft.emailLabels?.[i];
    if (label) labels[email] = label;
  });
  return labels;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return sameList([...a].sort(), [...b].sort());
}

/** Adds the items not there yet (emails and tags without regard to case). */
function union(stored: readonly string[], incoming: readonly string[], caseless: boolean): string[] {
  const key = (s: string) => (caseless ? s.toLowerCase() : s);
  const seen = new Set(stored.map(key));
  const out = [...stored];
  for (const item of incoming) {
    if (!seen.has(key(item))) {
      seen.add(key(item));
      out.push(item);
    }
  }
  return out;
}

/** The contact a draft creates when no one matches. */
export function newContact(draft: ContactDraft, uid: string, at: string): ContactState {
  const values: ContactValues = { ...DEFAULT_VALUES };
  for (const field of CONTACT_FIELDS) {
    const value = draft.values[field];
    if (value !== undefined && value !== null) (values as unknown as Record<ContactField, unknown>)[field] = value;
  }
  return {
    id: 0,
    uid: draft.uid ?? uid,
    name: draft.name,
    ...values,
    emails: draft.emails ?? [],
    emailLabels: labelsOf(draft),
    phones: unitePhones([], draft.phones ?? []),
    nicknames: draft.nicknames ?? [],
    tags: draft.tags ?? [],
    interests: draft.interests ?? [],
    created_at: draft.created_at ?? at,
    updated_at: draft.updated_at ?? draft.created_at ?? at,
  };
}

/** Applies a draft to a stored contact. */
export function mergeContact(stored: ContactState, draft: ContactDraft, at: string): MergeResult {
  const next: ContactState = { ...stored };
  const changed: string[] = [];
  const set = (field: ContactField, value: ContactValues[ContactField]) => {
    // "Mediobanca S.p.A." for a stored "Mediobanca" (or the other way) is the same company: keep what is
    // stored, unless it holds a line break that input no longer lets in (an older database's).
    if (field === 'company' && typeof value === 'string' && sameCompany(stored.company, value) && !/[\r\n]/.test(stored.company ?? '')) return;
    if (stored[field] !== value) {
      (next as unknown as Record<ContactField, unknown>)[field] = value;
      changed.push(field);
    }
  };
  const replace = draft.mode === 'replace';
  if (replace && draft.name !== stored.name) {
    next.name = draft.name;
    changed.push('name');
  }
  for (const field of CONTACT_FIELDS) {
    const value = draft.values[field];
    if (value === undefined) continue;
    if (replace) set(field, value);
    else if (value !== null && (stored[field] === null || draft.refresh.includes(field))) set(field, value);
  }

  const lists: Record<ContactList, boolean> = { emails: false, phones: false, nicknames: false, tags: false, interests: false };
  for (const list of ['emails', 'nicknames', 'tags', 'interests'] as const) {
    const incoming = draft[list];
    if (incoming === undefined) continue;
    const merged = replace ? incoming : union(stored[list], incoming, list !== 'interests');
    const same = list === 'emails' ? sameList(merged, stored[list]) : sameSet(merged, stored[list]);
    if (!same) {
      next[list] = merged;
      lists[list] = true;
      changed.push(list);
    }
  }
  const incomingLabels = labelsOf(draft);
  const emailLabels = replace && draft.emails !== undefined ? incomingLabels : { ...incomingLabels, ...stored.emailLabels };
  const sameLabels = (a: Record<string, string>, b: Record<string, string>) =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
  if (Object.keys(incomingLabels).length > 0 && !sameLabels(emailLabels, stored.emailLabels)) {
    next.emailLabels = emailLabels;
    lists.emails = true;
    if (!changed.includes('emails')) changed.push('emails');
  }
  if (draft.phones !== undefined) {
    const phones = replace ? unitePhones([], draft.phones) : unitePhones(stored.phones, draft.phones);
    if (!samePhones(phones, stored.phones)) {
      next.phones = phones;
      lists.phones = true;
      changed.push('phones');
    }
  }

  if (replace) {
    // A record coming back from an export keeps its own dates, so that the round trip is exact.
    if (draft.created_at !== null && draft.created_at !== stored.created_at) {
      next.created_at = draft.created_at;
      changed.push('created_at');
    }
    if (draft.updated_at !== null && draft.updated_at !== stored.updated_at) {
      next.updated_at = draft.updated_at;
      if (changed.length === 0 || !changed.includes('updated_at')) changed.push('updated_at');
    } else if (changed.length > 0 && draft.updated_at === null) {
      next.updated_at = at;
    }
  } else if (changed.length > 0) {
    next.updated_at = at;
  }
  return { next, changed, listsChanged: lists };
}
