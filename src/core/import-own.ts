// net's own export coming back (`net import json`, `net import csv`): records
// of contacts, interactions, follow-ups, favours and outreach as drafts. A
// record with a uid is a restore of that record; a contact row without one (a
// spreadsheet made by hand) fills and refreshes like any other source.
import { createHash } from 'node:crypto';
import { localDay } from './dates.js';
import { FieldReader, rowError } from './import-fields.js';
import { derivedUid, type OwnRecord } from './import-record.js';
import type { ContactDraft, ContactField, InteractionDraft, ParticipantRef, PlacementOptions, RowNote } from './import-types.js';
import {
  birthdaySchema,
  channelSchema,
  circleSchema,
  emailSchema,
  lineSchema,
  listItems,
  nameSchema,
  phoneSchema,
  urlSchema,
} from './validate.js';
import { DIRECTIONS, defaultDirection } from './vocabulary.js';
import type { KeyCounts } from './key-counts.js';

export const ENTITIES = ['contacts', 'interactions', 'followups', 'favours', 'outreach'] as const;
export type Entity = (typeof ENTITIES)[number];

/** The stages of an outreach (the outreach contract). */
export const OUTREACH_STAGES = ['target', 'contacted', 'replied', 'met', 'connected', 'declined', 'parked'] as const;

/** Which entity a file holds, from the keys of its records (or its CSV header). */
export function detectEntity(keys: readonly string[]): Entity | undefined {
  const has = (k: string) => keys.includes(k);
  if (has('kind') && has('score')) return undefined;
  if (has('stage')) return 'outreach';
  if (has('due_on') && has('text')) return 'followups';
  if (has('direction') && has('text') && has('occurred_on')) return 'favours';
  if (has('occurred_at') || (has('date') && has('contacts'))) return 'interactions';
  if (has('name')) return 'contacts';
  return undefined;
}

const lower = (s: string) => s.trim().toLowerCase();

export function ownContactDraft(record: OwnRecord, placement: PlacementOptions, warnings: RowNote[]): ContactDraft | { skip: string } {
  const uid = record.text('uid')?.trim() || null;
  const replace = uid !== null;
  const read = new FieldReader(record.at, replace, warnings);
  const nameText = record.text('name');
  if (!nameText) return { skip: 'no name' };
  const values: ContactDraft['values'] = {};
  const put = <K extends ContactField>(key: K, value: ContactDraft['values'][K] | undefined) => {
    if (value !== undefined) values[key] = value;
  };
  put('company', read.line(lineSchema, record.text('company'), 'company'));
  put('role', read.line(lineSchema, record.text('role'), 'role'));
  put('linkedin', read.optional(urlSchema, record.text('linkedin'), 'linkedin'));
  put('location', read.line(lineSchema, record.text('location'), 'location'));
  put('how_met', read.line(lineSchema, record.text('how_met'), 'how_met'));
  put('met_on', record.day('met_on'));
  const circle = record.text('circle');
  if (circle !== undefined && circle !== null) put('circle', read.required(circleSchema, lower(circle), 'circle'));
  put('cadence_days', record.integer('cadence_override', 0, 3650));
  put('rhythm_from', record.day('rhythm_from'));
  const channel = record.text('channel');
  put('channel', channel === undefined || channel === null ? channel : read.optional(channelSchema, lower(channel), 'channel'));
  put('notes', record.freeText('notes', read));
  put('birthday', read.optional(birthdaySchema, record.text('birthday'), 'birthday'));
  put('snoozed_until', record.day('snoozed_until'));
  put('archived_at', record.instant('archived_at'));
  put('name_prefix', read.line(lineSchema, record.text('name_prefix'), 'name_prefix'));
  put('name_suffix', read.line(lineSchema, record.text('name_suffix'), 'name_suffix'));

  const list = (key: string, schema: typeof lineSchema | typeof emailSchema, field: string): string[] | undefined => {
    const items = record.list(key);
    if (items === undefined) return undefined;
    const out: string[] = [];
    for (const item of listItems(items)) {
      const v = read.optional(schema, item, field);
      if (v && !out.some((o) => o.toLowerCase() === v.toLowerCase())) out.push(v);
    }
    return out;
  };
  const emails = list('emails', emailSchema, 'emails') ?? list('email', emailSchema, 'email');
  // Phones: net's export lists them all (`phones`, `phone_labels`); a hand-made sheet has one `phone`.
  const labelsOf = (key: string): Array<string | null> => (record.list(key) ?? []).map((l) => (l.trim() === '' ? null : l.trim()));
  const phoneLabels = labelsOf('phone_labels');
  const phoneTexts = record.list('phones') ?? (record.text('phone') ? [record.text('phone') as string] : record.text('phone') === null ? [] : undefined);
  const phones = phoneTexts?.flatMap((text, i) => {
    const phone = read.optional(phoneSchema, text, 'phone');
    return phone ? [{ phone, label: phoneLabels[i] ?? null }] : [];
  });
  const emailLabels = record.list('email_labels') === undefined ? undefined : labelsOf('email_labels');
  let tags = list('tags', lineSchema, 'tags') ?? list('tag', lineSchema, 'tag');
  if (placement.tags.length) tags = [...new Set([...(tags ?? []), ...placement.tags])];
  return {
    at: record.at,
    uid,
    name: read.required(nameSchema, nameText, 'name'),
    values,
    emails,
    emailLabels,
    phones,
    nicknames: list('nicknames', lineSchema, 'nicknames'),
    tags,
    interests: list('interests', lineSchema, 'interests') ?? list('interest', lineSchema, 'interest'),
    mode: replace ? 'replace' : 'fill',
    // A hand-made sheet is the person's own word: what it says overwrites.
    refresh: replace ? [] : (Object.keys(values) as ContactField[]),
    created_at: record.instant('created_at') ?? null,
    updated_at: record.instant('updated_at') ?? null,
  };
}

/** Channels checked once per distinct value: a 500,000-row file has a dozen. */
const channels = new Map<string, string>();
function checkedChannel(read: FieldReader, via: string): string {
  const known = channels.get(via);
  if (known !== undefined) return known;
  const channel = read.required(channelSchema, lower(via), 'via');
  channels.set(via, channel);
  return channel;
}

/** A day or a date-time as people write them; loaded only for rows that are not ISO. */
export type LooseDateParser = (text: string, field: string) => { day: string; instant: Date };

/** Names checked once per distinct text: a 500,000-row file names the same few thousand people again and again. */
const checkedNames = new Map<string, string>();
function checkedName(read: FieldReader, ref: string, field: string): string {
  const known = checkedNames.get(ref);
  if (known !== undefined) return known;
  const name = read.required(nameSchema, ref, field);
  if (checkedNames.size >= 100_000) checkedNames.clear();
  checkedNames.set(ref, name);
  return name;
}

/** Who took part, as the record names them; a name is checked as `net add` checks one, since it may become a new contact. */
function participantsOf(record: OwnRecord, read: FieldReader): ParticipantRef[] {
  const names = (record.list('contacts') ?? []).map((ref) => (/^#?\d+$/.test(ref) ? ref : checkedName(read, ref, 'contacts')));
  const uids = record.list('contact_uids');
  if (uids && uids.length > 0) {
    return uids.map((uid, i) => ({ kind: 'uid', uid, name: uids.length === names.length ? names[i] : null }));
  }
  return names.map((ref): ParticipantRef => {
    const id = /^#?(\d+)$/.exec(ref);
    return id ? { kind: 'id', id: Number(id[1]) } : { kind: 'name', name: ref };
  });
}

/**
 * An interaction. Without a uid or source_key (a hand-made CSV), its key is
 * made from what it says and how many identical rows came before it, so a
 * second import of the same file adds nothing and two equal calls on one day stay two.
 */
export function ownInteractionDraft(
  record: OwnRecord,
  parseLoose: LooseDateParser,
  seen: KeyCounts,
): InteractionDraft {
  const uid = record.text('uid')?.trim() || null;
  const read = new FieldReader(record.at, true, []);
  const occurredAt = record.instant('occurred_at');
  const dateText = record.text('date') ?? record.text('occurred_on');
  let occurred_at: string;
  let occurred_on: string;
  if (occurredAt) {
    occurred_at = occurredAt;
    occurred_on = dateText && /^\d{4}-\d{2}-\d{2}$/.test(dateText.trim()) ? dateText.trim() : localDay(new Date(occurredAt));
  } else {
    if (!dateText) throw rowError(record.at, 'date is empty');
    const parsed = parseLoose(dateText, 'date');
    occurred_at = parsed.instant.toISOString();
    occurred_on = parsed.day;
  }
  const via = record.text('via') ?? record.text('channel');
  const channel = via ? checkedChannel(read, via) : 'other';
  const dir = record.text('direction');
  const direction = dir ? lower(dir) : defaultDirection(channel);
  if (!(DIRECTIONS as readonly string[]).includes(direction)) {
    throw rowError(record.at, `direction "${dir}" is not one of ${DIRECTIONS.join(', ')}`);
  }
  const participants = participantsOf(record, read);
  if (participants.length === 0) throw rowError(record.at, 'contacts is empty: name who took part (names or ids separated by ";")');
  const noteText = record.text('note');
  const note = record.freeText('note', read) ?? null;
  let source_key = record.text('source_key')?.trim() || null;
  if (uid === null && source_key === null) {
    const people = participants.map((p) => (p.kind === 'id' ? `#${p.id}` : p.kind === 'uid' ? p.uid : p.name.toLowerCase())).sort();
    // The note as the file has it (before CRLF becomes LF): files imported by earlier versions keep their keys.
    const content = [occurred_on, channel, direction, people.join(';'), noteText ?? ''].join('\u0000');
    const hash = createHash('sha256').update(content).digest('hex');
    // The count of identical rows so far, keyed by 48 bits of the hash: small in memory for 500,000 rows.
    const slot = Number.parseInt(hash.slice(0, 12), 16);
    const n = seen.increment(slot);
    source_key = `csv:${hash.slice(0, 32)}${n === 1 ? '' : `-${n}`}`;
  }
  return {
    at: record.at,
    uid,
    occurred_at,
    occurred_on,
    channel,
    direction,
    note,
    source_key,
    participants,
    created_at: record.instant('created_at') ?? null,
    updated_at: record.instant('updated_at') ?? null,
  };
}

export interface ContactRef {
  uid: string | null;
  name: string | null;
}

export interface FollowupDraft {
  at: string;
  uid: string;
  contact: ContactRef;
  text: string;
  due_on: string;
  done_on: string | null;
  dropped_on: string | null;
  /** The other person's promise; false for one made to them (and for exports older than the key). */
  theirs: boolean;
  interaction_uid: string | null;
  created_at: string | null;
  updated_at: string | null;
}

/** `theirs` as exported (true/false in JSON and CSV), or as a sheet may say it (1/0, yes/no); absent or empty is false. */
function theirsOf(record: OwnRecord): boolean {
  const text = record.text('theirs');
  if (text === undefined || text === null) return false;
  const word = lower(text);
  if (['true', '1', 'yes', 'theirs'].includes(word)) return true;
  if (['false', '0', 'no', 'mine'].includes(word)) return false;
  throw rowError(record.at, `theirs "${text}" is not true or false`);
}

function requiredDay(record: OwnRecord, key: string): string {
  const day = record.day(key);
  if (!day) throw rowError(record.at, `${key} is empty`);
  return day;
}

function refOf(record: OwnRecord): ContactRef {
  const ref = record.contact('contact_uid', 'name');
  if (!ref.uid && !ref.name) throw rowError(record.at, 'contact_uid and name are both empty: whose record is this?');
  return ref;
}

export function ownFollowupDraft(record: OwnRecord): FollowupDraft {
  const read = new FieldReader(record.at, true, []);
  const contact = refOf(record);
  const text = read.required(lineSchema, record.text('text'), 'text');
  const due_on = requiredDay(record, 'due_on');
  return {
    at: record.at,
    uid: record.text('uid')?.trim() || derivedUid('followup', contact.uid ?? contact.name, text, due_on),
    contact,
    text,
    due_on,
    done_on: record.day('done_on') ?? null,
    dropped_on: record.day('dropped_on') ?? null,
    theirs: theirsOf(record),
    interaction_uid: record.text('interaction_uid')?.trim() || null,
    created_at: record.instant('created_at') ?? null,
    updated_at: record.instant('updated_at') ?? null,
  };
}

export interface FavourDraft {
  at: string;
  uid: string;
  contact: ContactRef;
  direction: 'given' | 'received';
  text: string;
  occurred_on: string;
  interaction_uid: string | null;
  created_at: string | null;
  updated_at: string | null;
}

export function ownFavourDraft(record: OwnRecord): FavourDraft {
  const read = new FieldReader(record.at, true, []);
  const contact = refOf(record);
  const direction = lower(record.text('direction') ?? '');
  if (direction !== 'given' && direction !== 'received') throw rowError(record.at, `direction "${direction}" is not given or received`);
  const text = read.required(lineSchema, record.text('text'), 'text');
  const occurred_on = requiredDay(record, 'occurred_on');
  return {
    at: record.at,
    uid: record.text('uid')?.trim() || derivedUid('favour', contact.uid ?? contact.name, direction, text, occurred_on),
    contact,
    direction,
    text,
    occurred_on,
    interaction_uid: record.text('interaction_uid')?.trim() || null,
    created_at: record.instant('created_at') ?? null,
    updated_at: record.instant('updated_at') ?? null,
  };
}
