// The shapes an import works with, whatever the source: contacts and
// interactions as drafts (what the file says), and the summary it reports.

/** The single-valued contact fields an import can set (the name aside). */
export interface ContactValues {
  company: string | null;
  role: string | null;
  linkedin: string | null;
  location: string | null;
  how_met: string | null;
  met_on: string | null;
  circle: string;
  cadence_days: number | null;
  rhythm_from: string | null;
  channel: string | null;
  notes: string | null;
  birthday: string | null;
  snoozed_until: string | null;
  archived_at: string | null;
  /** "Dott.ssa", "Prof." — apart from the name. */
  name_prefix: string | null;
  /** "Jr.", "PhD". */
  name_suffix: string | null;
}

export type ContactField = keyof ContactValues;

/** A phone as an address book gives it: the number and its label ("mobile", "work"). */
export interface PhoneEntry {
  phone: string;
  label: string | null;
}

export const CONTACT_FIELDS: readonly ContactField[] = [
  'company',
  'role',
  'linkedin',
  'location',
  'how_met',
  'met_on',
  'circle',
  'cadence_days',
  'rhythm_from',
  'channel',
  'notes',
  'birthday',
  'snoozed_until',
  'archived_at',
  'name_prefix',
  'name_suffix',
];

/** A contact as one row, card or record of a file describes it. */
export interface ContactDraft {
  /** Where it came from, for messages: "row 12", "card 3 (line 40)", "record 4". */
  at: string;
  /** net's own id for the person (exports carry it); null from other sources. */
  uid: string | null;
  name: string;
  values: Partial<ContactValues>;
  /** undefined: the source says nothing about the list (a `replace` keeps what is stored). */
  emails: string[] | undefined;
  /** Labels of the emails, in their order (null where none); undefined: the source has none. */
  emailLabels?: Array<string | null>;
  phones?: PhoneEntry[];
  nicknames?: string[];
  tags: string[] | undefined;
  interests: string[] | undefined;
  /**
   * `replace`: net's own record (an export coming back): every field and list
   * becomes what the record says. `fill`: another source: it fills empty
   * fields, adds emails and tags, and overwrites only the `refresh` fields.
   */
  mode: 'replace' | 'fill';
  refresh: readonly ContactField[];
  created_at: string | null;
  updated_at: string | null;
}

/** A person as an address book describes them (Google CSV, vCard), before validation. */
export interface AddressCard {
  at: string;
  uid: string | null;
  formattedName: string | null;
  prefix: string | null;
  given: string | null;
  middle: string | null;
  family: string | null;
  suffix: string | null;
  nickname: string | null;
  organization: string | null;
  title: string | null;
  emails: string[];
  /** The types of each email ("work", "home"), in the same order, where the format gives them. */
  emailTypes?: string[][];
  phones: Array<{ value: string; types: string[] }>;
  urls: string[];
  note: string | null;
  categories: string[];
  /** YYYY-MM-DD or --MM-DD when the format allowed normalising it, else the text as found. */
  birthday: string | null;
  city: string | null;
}

/** Who took part in an interaction, as a file names them. */
export type ParticipantRef = { kind: 'uid'; uid: string; name: string | null } | { kind: 'id'; id: number } | { kind: 'name'; name: string };

export interface InteractionDraft {
  at: string;
  uid: string | null;
  occurred_at: string;
  occurred_on: string;
  channel: string;
  direction: string;
  note: string | null;
  /** A stable key of the source record, so that importing it again adds nothing. */
  source_key: string | null;
  participants: ParticipantRef[];
  created_at: string | null;
  updated_at: string | null;
}

export interface RowNote {
  at: string;
  message: string;
}

export type Outcome = 'added' | 'updated' | 'unchanged';

/** What an import did, or would do, with one row: kept for --dry-run and --json, so a bad match is caught before writing. */
export interface RowFate {
  at: string;
  outcome: Outcome | 'skipped' | 'attached';
  /** Who the row is about (a contact's name; an interaction's people). */
  name: string;
  /** The record it became or matched; null when nothing was written. */
  id: number | null;
  /** For a match: the contact it was taken for, and by which rule. */
  matched: { id: number; name: string; by: string } | null;
  /** For an update: the fields that change. */
  fields: string[];
  /** Why, in words, when the outcome alone does not say. */
  reason: string | null;
}

export interface ImportSummary {
  source: string;
  file: string;
  /** What the rows were: "contacts", "interactions", ... */
  entity: string;
  dryRun: boolean;
  added: number;
  updated: number;
  unchanged: number;
  skipped: RowNote[];
  warnings: RowNote[];
  /** Contacts created because an interaction named someone unknown. */
  createdContacts: number;
  /** First touches spread: per circle, how many people over how many days. */
  spread: Array<{ circle: string; people: number; days: number }>;
  /** Extra lines for the reader (e.g. who was taken as "you" in messages). */
  notes: string[];
  /** Every row's fate, when asked for (dry runs, --json); null otherwise, to keep a large import light. */
  rows: RowFate[] | null;
}

export function emptySummary(source: string, file: string, entity: string, dryRun: boolean): ImportSummary {
  return { source, file, entity, dryRun, added: 0, updated: 0, unchanged: 0, skipped: [], warnings: [], createdContacts: 0, spread: [], notes: [], rows: dryRun ? [] : null };
}

/** What the person asked for on the command line, applied to every contact the import touches. */
export interface PlacementOptions {
  /** The circle of new contacts (undefined: the source's or `acquaintance`). */
  circle: string | undefined;
  /** Tags added to every imported contact. */
  tags: string[];
}
