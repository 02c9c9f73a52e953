// Outreach records of net's own export, with their events (the steps and
// nudges, kept so that the history of an outreach survives the round trip).
import { FieldReader, rowError } from './import-fields.js';
import { OUTREACH_STAGES, type ContactRef } from './import-own.js';
import { derivedUid, OwnRecord } from './import-record.js';
import { channelSchema } from './validate.js';

export interface OutreachEventDraft {
  uid: string;
  kind: string;
  from_stage: string | null;
  to_stage: string | null;
  occurred_on: string;
  note: string | null;
  interaction_uid: string | null;
  created_at: string | null;
}

export interface OutreachDraft {
  at: string;
  uid: string;
  contact: ContactRef;
  stage: string;
  why: string | null;
  via: ContactRef | null;
  channel: string | null;
  next_on: string | null;
  nudges: number;
  last_nudge_on: string | null;
  ended_on: string | null;
  created_at: string | null;
  updated_at: string | null;
  events: OutreachEventDraft[];
}

// `ask`: the introducer was asked for the introduction (net outreach ask).
const EVENT_KINDS = ['add', 'step', 'nudge', 'ask'];

function stage(record: OwnRecord, key: string, required: boolean): string | null {
  const s = record.text(key)?.trim().toLowerCase() ?? null;
  if (s === null) {
    if (required) throw rowError(record.at, `${key} is empty`);
    return null;
  }
  if (!(OUTREACH_STAGES as readonly string[]).includes(s)) throw rowError(record.at, `${key} "${s}" is not a stage (${OUTREACH_STAGES.join(', ')})`);
  return s;
}

function eventsOf(record: OwnRecord, outreachUid: string): OutreachEventDraft[] {
  if (!record.has('events')) return [];
  let value = record.values.events;
  if (typeof value === 'string') {
    if (value.trim() === '') return [];
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      throw rowError(record.at, 'events is not a JSON list of events');
    }
  }
  if (value === null) return [];
  if (!Array.isArray(value)) throw rowError(record.at, 'events is not a list');
  return value.map((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw rowError(record.at, `events[${i}] is not an object`);
    const event = new OwnRecord(`${record.at}, events[${i}]`, item as Record<string, unknown>, false);
    const kind = event.text('kind')?.trim() ?? '';
    if (!EVENT_KINDS.includes(kind)) throw rowError(event.at, `kind "${kind}" is not one of ${EVENT_KINDS.join(', ')}`);
    const occurred_on = event.day('occurred_on');
    if (!occurred_on) throw rowError(event.at, 'occurred_on is empty');
    const note = event.freeText('note', new FieldReader(event.at, true, [])) ?? null;
    const from_stage = stage(event, 'from_stage', false);
    const to_stage = stage(event, 'to_stage', false);
    return {
      uid: event.text('uid')?.trim() || derivedUid('outreach-event', outreachUid, String(i), kind, occurred_on),
      kind,
      from_stage,
      to_stage,
      occurred_on,
      note,
      interaction_uid: event.text('interaction_uid')?.trim() || null,
      created_at: event.instant('created_at') ?? null,
    };
  });
}

export function ownOutreachDraft(record: OwnRecord): OutreachDraft {
  const read = new FieldReader(record.at, true, []);
  const contact = record.contact('contact_uid', 'name');
  if (!contact.uid && !contact.name) throw rowError(record.at, 'contact_uid and name are both empty: whose outreach is this?');
  const via = record.contact('via_contact_uid', 'via');
  const channelText = record.text('channel');
  const currentStage = stage(record, 'stage', true) as string;
  const uid = record.text('uid')?.trim() || derivedUid('outreach', contact.uid ?? contact.name, currentStage);
  return {
    at: record.at,
    uid,
    contact,
    stage: currentStage,
    why: record.freeText('why', read) ?? null,
    via: via.uid || via.name ? via : null,
    channel: channelText ? read.required(channelSchema, channelText.trim().toLowerCase(), 'channel') : null,
    next_on: record.day('next_on') ?? null,
    nudges: record.integer('nudges', 0, 1000) ?? 0,
    last_nudge_on: record.day('last_nudge_on') ?? null,
    ended_on: record.day('ended_on') ?? null,
    created_at: record.instant('created_at') ?? null,
    updated_at: record.instant('updated_at') ?? null,
    events: eventsOf(record, uid),
  };
}

