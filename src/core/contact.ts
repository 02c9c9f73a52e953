// A contact as commands show it: the stored fields with its lists and the
// rhythm that applies, in the shape of the JSON contract.
import type { Settings } from './settings.js';
import { effectiveCadence } from './settings.js';

export interface ContactRecord {
  id: number;
  uid: string;
  name: string;
  company: string | null;
  role: string | null;
  emails: string[];
  /** The label of each email, in the same order ("work", "home"); null where there is none. */
  email_labels: Array<string | null>;
  /** The first phone (for scripts that read one). */
  phone: string | null;
  phones: string[];
  phone_labels: Array<string | null>;
  nicknames: string[];
  /** "Dott.ssa", "Prof.": kept apart from the name, so a draft does not open with it. */
  name_prefix: string | null;
  name_suffix: string | null;
  linkedin: string | null;
  location: string | null;
  circle: string;
  /** The rhythm in days that applies (own or the circle's); null = none. */
  cadence_days: number | null;
  /** The person's own rhythm; null = the circle's, 0 = none. */
  cadence_override: number | null;
  channel: string | null;
  tags: string[];
  interests: string[];
  how_met: string | null;
  met_on: string | null;
  birthday: string | null;
  last_contact: string | null;
  archived: boolean;
  snoozed_until: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface StoredContact {
  id: number;
  uid: string;
  name: string;
  company: string | null;
  role: string | null;
  phone: string | null;
  linkedin: string | null;
  location: string | null;
  how_met: string | null;
  met_on: string | null;
  circle: string;
  cadence_days: number | null;
  channel: string | null;
  notes: string | null;
  birthday: string | null;
  archived_at: string | null;
  snoozed_until: string | null;
  created_at: string;
  updated_at: string;
  name_prefix: string | null;
  name_suffix: string | null;
}

/** The lists of a contact, as stored beside it. */
export interface StoredLists {
  emails: string[];
  email_labels: Array<string | null>;
  phones: string[];
  phone_labels: Array<string | null>;
  tags: string[];
  interests: string[];
  nicknames: string[];
}

export function emptyLists(): StoredLists {
  return { emails: [], email_labels: [], phones: [], phone_labels: [], tags: [], interests: [], nicknames: [] };
}

export function toContactRecord(
  row: StoredContact,
  lists: StoredLists & { last_contact: string | null },
  settings: Settings,
): ContactRecord {
  return {
    id: row.id,
    uid: row.uid,
    name: row.name,
    company: row.company,
    role: row.role,
    emails: lists.emails,
    email_labels: lists.email_labels,
    phone: lists.phones[0] ?? row.phone,
    phones: lists.phones,
    phone_labels: lists.phone_labels,
    nicknames: lists.nicknames,
    name_prefix: row.name_prefix,
    name_suffix: row.name_suffix,
    linkedin: row.linkedin,
    location: row.location,
    circle: row.circle,
    cadence_days: effectiveCadence(settings, row.circle, row.cadence_days),
    cadence_override: row.cadence_days,
    channel: row.channel,
    tags: lists.tags,
    interests: lists.interests,
    how_met: row.how_met,
    met_on: row.met_on,
    birthday: row.birthday,
    last_contact: lists.last_contact,
    archived: row.archived_at !== null,
    snoozed_until: row.snoozed_until,
    notes: row.notes,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** The keys of `net list --json` (contract), in order. */
export const LIST_KEYS = [
  'id',
  'name',
  'company',
  'role',
  'emails',
  'phone',
  'linkedin',
  'location',
  'circle',
  'cadence_days',
  'channel',
  'tags',
  'interests',
  'how_met',
  'met_on',
  'last_contact',
  'archived',
  'notes',
  'phones',
  'phone_labels',
  'email_labels',
  'nicknames',
  'name_prefix',
  'name_suffix',
] as const;
