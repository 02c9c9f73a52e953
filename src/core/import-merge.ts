// What an imported record does to a contact: a new contact, an update (and
// which fields change), or nothing at all.
import { sameCompany } from './companies.js';
import { CONTACT_FIELDS, type ContactDraft, type ContactField, type ContactValues } from './import-types.js';

export interface ContactState extends ContactValues {
  id: number;
  uid: string;
  name: string;
  emails: string[];
  tags: string[];
  interests: string[];
  created_at: string;
  updated_at: string;
}

export interface MergeResult {
  next: ContactState;
  /** The fields and lists that differ from what is stored; empty = unchanged. */
  changed: string[];
  listsChanged: { emails: boolean; tags: boolean; interests: boolean };
}

const DEFAULT_VALUES: ContactValues = {
  company: null,
  role: null,
  phone: null,
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
};

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

  const lists = { emails: false, tags: false, interests: false };
  for (const list of ['emails', 'tags', 'interests'] as const) {
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
