// The typed shape of the database, as the migrations leave it.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface ContactsTable {
  id: Generated<number>;
  uid: string;
  name: string;
  name_key: string;
  company: string | null;
  role: string | null;
  phone: string | null;
  linkedin: string | null;
  location: string | null;
  how_met: string | null;
  met_on: string | null;
  circle: string;
  cadence_days: number | null;
  /** For a never-contacted person: the day the rhythm counts from (set by imports to spread first touches). */
  rhythm_from: string | null;
  channel: string | null;
  notes: string | null;
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
  birthday: string | null;
  archived_at: string | null;
  snoozed_until: string | null;
  created_at: string;
  updated_at: string;
  /** A tombstone: the person is gone from every listing, and undo can bring them back. */
  deleted_at: Generated<string | null>;
  /** The contact this one was merged into (a tombstone with merged_into resolves to it). */
  merged_into: Generated<number | null>;
  /** "Dott.ssa", "Prof."; kept apart from the name (migration 009). */
  name_prefix: Generated<string | null>;
  /** "Jr.", "PhD". */
  name_suffix: Generated<string | null>;
}

export interface ContactEmailsTable {
  contact_id: number;
  email: string;
  position: number;
  /** "work", "home" (migration 009). */
  label: Generated<string | null>;
}

/** Every phone of a contact (migration 009); contacts.phone is a copy of the first, kept by triggers. */
export interface ContactPhonesTable {
  contact_id: number;
  phone: string;
  label: string | null;
  position: number;
}

export interface ContactNicknamesTable {
  contact_id: number;
  nickname: string;
}

export interface ContactTagsTable {
  contact_id: number;
  tag: string;
}

export interface ContactInterestsTable {
  contact_id: number;
  interest: string;
}

export interface InteractionsTable {
  id: Generated<number>;
  uid: string;
  occurred_at: string;
  occurred_on: string;
  channel: string;
  direction: string;
  note: string | null;
  source_key: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: Generated<string | null>;
  /** 1: the note goes to the team with the interaction's facts (migration 019). */
  note_shared: Generated<number>;
}

export interface InteractionContactsTable {
  interaction_id: number;
  contact_id: number;
  occurred_at: string;
}

/**
 * Kept by triggers (migrations/003-contact-activity.ts, 004-contact-rhythm.ts):
 * never written by the program.
 */
export interface ContactActivityTable {
  contact_id: number;
  interactions: number;
  last_interaction_id: number | null;
  last_at: string | null;
  last_on: string | null;
  last_direction: string | null;
  last_channel: string | null;
  /** Distinct days in touch among the latest 50 interactions. */
  touches: number;
  /** The median gap in days between those days; null with one. */
  usual_gap: number | null;
  /** The latest of those days. */
  last_touch_on: string | null;
  /** The instant of the 50th latest interaction; null with fewer. */
  window_from: string | null;
  /** The first of the days in touch (kept by a trigger of migrations/011-trust.ts). */
  first_touch_on: string | null;
}

export interface FavoursTable {
  id: Generated<number>;
  uid: string;
  contact_id: number;
  interaction_id: number | null;
  direction: 'given' | 'received';
  text: string;
  occurred_on: string;
  created_at: string;
  updated_at: string;
  deleted_at: Generated<string | null>;
}

export interface FollowupsTable {
  id: Generated<number>;
  uid: string;
  contact_id: number;
  interaction_id: number | null;
  text: string;
  due_on: string;
  done_on: string | null;
  /** Closed as no longer needed: not a promise kept. */
  dropped_on: Generated<string | null>;
  created_at: string;
  updated_at: string;
  deleted_at: Generated<string | null>;
  /** 1: the other person's promise (`followup add --theirs`); 0: a promise made to them (migration 015). */
  theirs: Generated<number>;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface OutreachTable {
  id: Generated<number>;
  uid: string;
  contact_id: number;
  why: string | null;
  via_contact_id: number | null;
  channel: string | null;
  stage: string;
  next_on: string | null;
  nudges: Generated<number>;
  last_nudge_on: string | null;
  ended_on: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: Generated<string | null>;
}

export interface OutreachEventsTable {
  id: Generated<number>;
  uid: string;
  outreach_id: number;
  /** `add`, `step` or `nudge`. */
  kind: string;
  from_stage: string | null;
  to_stage: string | null;
  occurred_on: string;
  note: string | null;
  interaction_id: number | null;
  created_at: string;
  deleted_at: Generated<string | null>;
}

/** An item of `net due` closed for now (`net dismiss`, migration 011): recorded, undoable. */
export interface DismissalsTable {
  id: Generated<number>;
  uid: string;
  contact_id: number;
  /** reply, birthday, nurture, outreach or cadence. */
  kind: string;
  /** The local day it was dismissed. */
  dismissed_on: string;
  created_at: string;
  updated_at: string;
  deleted_at: Generated<string | null>;
}

/** A message or a meeting found by `net capture`, waiting in the inbox (migration 014): recorded, undoable. */
export interface CapturesTable {
  id: Generated<number>;
  uid: string;
  /** mail:<Message-ID> or meeting:<event UID>[/<occurrence>]: the same item read again is this one. */
  capture_key: string;
  kind: 'mail' | 'meeting';
  /** The file or folder it was read from, as given ("-" for stdin). */
  source: string;
  occurred_at: string;
  direction: string;
  channel: string;
  subject: string | null;
  /** The sender's or organiser's address, lower case. */
  sender: string | null;
  /** The other people's addresses, lower case: a JSON array. */
  addresses: string;
  /** Their display names by address: a JSON object. */
  names: string;
  status: 'pending' | 'accepted' | 'rejected';
  /** The interaction an accepted capture became (or was found already logged as). */
  interaction_id: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: Generated<string | null>;
}

/** The participants of a deleted interaction, kept aside until it is restored (migration 005). */
export interface InteractionContactsParkedTable {
  interaction_id: number;
  contact_id: number;
  occurred_at: string;
}

/** Local state of this database that is not user data (the device id). */
export interface MetaTable {
  key: string;
  value: string;
}

/** One row per command that changed user data (migration 005). */
export interface CommandsTable {
  id: Generated<number>;
  uid: string;
  /** Hybrid logical clock reading (src/core/ids.ts). */
  hlc: string;
  device: string;
  at: string;
  name: string;
  summary: string;
  undoes: number | null;
  first_op: number;
  last_op: number;
  /** The batch the command travelled in (migration 017): null for a command of this device not yet pushed. */
  batch: Generated<number | null>;
}

export type OpKind = 'create' | 'set' | 'add' | 'remove' | 'delete' | 'restore' | 'merge';

/** The operations of the commands, written by triggers (migration 005). */
export interface OpsTable {
  id: Generated<number>;
  uid: string;
  command_id: number;
  kind: OpKind;
  entity: string;
  /** The uid of the record (for a setting, its key). */
  record: string;
  field: string | null;
  /** JSON values. */
  old: string | null;
  new: string | null;
}

export interface CurrentCommandTable {
  id: number;
  ms: number;
  recording: number;
}

/** Two people said not to be the same person (migration 006); contact_a < contact_b. */
export interface DistinctPairsTable {
  id: Generated<number>;
  uid: string;
  contact_a: number;
  contact_b: number;
  created_at: string;
  updated_at: string;
  deleted_at: Generated<string | null>;
}

/** Every batch of operations known here, this device's and the others' (migration 017). */
export interface SyncBatchesTable {
  device: string;
  idx: number;
  /** JSON: the last batch index of each other device that the batch's commands knew. */
  seen: string;
  at: string;
  host: string | null;
  /** The highest command id once the batch was applied here: a later local command knew it. */
  applied_cmd: number;
  /** This device's batches: 1 once written to the transport. */
  published: number;
}

/** A note that lost to a concurrent edit, kept (derived from the operations, migration 017). */
export interface SyncConflictsTable {
  id: Generated<number>;
  entity: string;
  record: string;
  field: string;
  value: string;
  op_uid: string;
  device: string;
  at: string;
}

/** A record a deletion won over a concurrent edit (derived from the operations, migration 017). */
export interface SyncTrashTable {
  id: Generated<number>;
  entity: string;
  record: string;
  deleted_by: string;
  edited_by: string;
  at: string;
}

export interface Database {
  contacts: ContactsTable;
  contact_emails: ContactEmailsTable;
  contact_phones: ContactPhonesTable;
  contact_nicknames: ContactNicknamesTable;
  contact_tags: ContactTagsTable;
  contact_interests: ContactInterestsTable;
  interactions: InteractionsTable;
  interaction_contacts: InteractionContactsTable;
  contact_activity: ContactActivityTable;
  favours: FavoursTable;
  followups: FollowupsTable;
  settings: SettingsTable;
  outreach: OutreachTable;
  outreach_events: OutreachEventsTable;
  dismissals: DismissalsTable;
  captures: CapturesTable;
  interaction_contacts_parked: InteractionContactsParkedTable;
  meta: MetaTable;
  commands: CommandsTable;
  ops: OpsTable;
  current_command: CurrentCommandTable;
  distinct_pairs: DistinctPairsTable;
  sync_batches: SyncBatchesTable;
  sync_conflicts: SyncConflictsTable;
  sync_trash: SyncTrashTable;
}

export type ContactRow = Selectable<ContactsTable>;
export type NewContact = Insertable<ContactsTable>;
export type ContactUpdate = Updateable<ContactsTable>;
export type InteractionRow = Selectable<InteractionsTable>;
export type FollowupRow = Selectable<FollowupsTable>;
export type FavourRow = Selectable<FavoursTable>;
export type OutreachRow = Selectable<OutreachTable>;
