// Writing imported contacts with the raw SQLite handle: prepared statements
// inside the import's one transaction, and every contact's keys in memory for
// matching, so a 30,000-row file costs a few microseconds a row.
import { newUid } from '../core/ids.js';
import type BetterSqlite3 from 'better-sqlite3';
import { ContactIndex, type MatchHow } from '../core/import-match.js';
import { mergeContact, newContact, type ContactList, type ContactState } from '../core/import-merge.js';
import { spreadFirstTouches } from '../core/import-spread.js';
import type { ContactDraft, ImportSummary, Outcome, PhoneEntry, PlacementOptions } from '../core/import-types.js';
import { nameKey } from '../core/names.js';
import { effectiveCadence, settingsFrom, type Settings } from '../core/settings.js';

type Row = Record<string, unknown>;

const COLUMNS = [
  'uid', 'name', 'name_key', 'company', 'role', 'linkedin', 'location', 'how_met', 'met_on', 'circle',
  'cadence_days', 'rhythm_from', 'channel', 'notes', 'birthday', 'archived_at', 'snoozed_until', 'name_prefix', 'name_suffix',
  'created_at', 'updated_at',
] as const;

/** The statements of a list whose members carry a label and a place (contact_emails, contact_phones). */
interface Labelled {
  select: BetterSqlite3.Statement<[number], { value: string; label: string | null }>;
  remove: BetterSqlite3.Statement;
  add: BetterSqlite3.Statement;
  relabel: BetterSqlite3.Statement;
  next: BetterSqlite3.Statement;
}

function labelled(sqlite: BetterSqlite3.Database, table: 'contact_emails' | 'contact_phones', column: 'email' | 'phone'): Labelled {
  return {
    select: sqlite.prepare<[number], { value: string; label: string | null }>(`select ${column} as value, label from ${table} where contact_id = ? order by position, ${column}`),
    remove: sqlite.prepare(`delete from ${table} where contact_id = ? and ${column} = ?`),
    add: sqlite.prepare(`insert or ignore into ${table} (contact_id, ${column}, label, position) values (?, ?, ?, ?)`),
    relabel: sqlite.prepare(`update ${table} set label = ? where contact_id = ? and ${column} = ?`),
    next: sqlite.prepare(`select coalesce(max(position), -1) + 1 from ${table} where contact_id = ?`).pluck(),
  };
}

export function loadSettingsRaw(sqlite: BetterSqlite3.Database): Settings {
  return settingsFrom(sqlite.prepare('select key, value from settings').all() as Array<{ key: string; value: string }>);
}

/**
 * A page cache for the indexes of a large import (random uids and keys),
 * which SQLite would otherwise read again from the file for each row; it
 * only takes what it uses. 32 MB is what the 200 MB target leaves: 500,000
 * interactions took 91 s with 16 MB and 63 s with 32 (193 MB at the peak);
 * 64 MB was faster again on 200,000 rows (19.5 against 24.9 s with 16) but
 * already over the target there (226 MB). Dropping the indexes for the
 * import is no choice: the unique ones are how a second import of the same
 * file finds what it already holds.
 */
export async function withImportCache<T>(sqlite: BetterSqlite3.Database, work: () => Promise<T>): Promise<T> {
  sqlite.pragma('cache_size = -32768');
  return work();
}

export class ContactStore {
  readonly #insert: BetterSqlite3.Statement;
  readonly #update: BetterSqlite3.Statement;
  readonly #select: BetterSqlite3.Statement<[number], Row>;
  readonly #lists: Record<'tags' | 'interests' | 'nicknames', { select: BetterSqlite3.Statement<[number], { v: string }>; remove: BetterSqlite3.Statement; add: BetterSqlite3.Statement }>;
  readonly #phones: Labelled;
  readonly #emails: Labelled;
  readonly #emailLabels: BetterSqlite3.Statement<[number], { email: string; label: string }>;
  readonly #deleted: BetterSqlite3.Statement<[number], { deleted: number }>;
  readonly #restore: BetterSqlite3.Statement;
  readonly #rhythmFrom: BetterSqlite3.Statement;
  readonly #exists: BetterSqlite3.Statement<[number], { id: number }>;

  constructor(readonly sqlite: BetterSqlite3.Database) {
    this.#insert = sqlite.prepare(`insert into contacts (${COLUMNS.join(', ')}) values (${COLUMNS.map((c) => `@${c}`).join(', ')})`);
    this.#update = sqlite.prepare(`update contacts set ${COLUMNS.filter((c) => c !== 'uid').map((c) => `${c} = @${c}`).join(', ')} where id = @id`);
    this.#select = sqlite.prepare(`select id, ${COLUMNS.filter((c) => c !== 'name_key').join(', ')} from contacts where id = ?`);
    const list = (table: string, column: string, order: string, insert: string) => ({
      select: sqlite.prepare<[number], { v: string }>(`select ${column} as v from ${table} where contact_id = ? order by ${order}`),
      remove: sqlite.prepare(`delete from ${table} where contact_id = ? and ${column} = ?`),
      add: sqlite.prepare(insert),
    });
    this.#lists = {
      tags: list('contact_tags', 'tag', 'tag', 'insert or ignore into contact_tags (contact_id, tag) values (?, ?)'),
      interests: list('contact_interests', 'interest', 'interest', 'insert or ignore into contact_interests (contact_id, interest) values (?, ?)'),
      nicknames: list('contact_nicknames', 'nickname', 'nickname', 'insert or ignore into contact_nicknames (contact_id, nickname) values (?, ?)'),
    };
    this.#phones = labelled(sqlite, 'contact_phones', 'phone');
    this.#emails = labelled(sqlite, 'contact_emails', 'email');
    this.#emailLabels = sqlite.prepare<[number], { email: string; label: string }>('select email, label from contact_emails where contact_id = ? and label is not null');
    this.#rhythmFrom = sqlite.prepare('update contacts set rhythm_from = ? where id = ?');
    this.#deleted = sqlite.prepare('select deleted_at is not null as deleted from contacts where id = ?');
    this.#restore = sqlite.prepare('update contacts set deleted_at = null, updated_at = ? where id = ?');
    this.#exists = sqlite.prepare('select id from contacts where id = ?');
  }

  /** The keys of every contact, read on first use, oldest first (a key shared by two contacts finds the oldest). */
  index(): ContactIndex {
    const sqlite = this.sqlite;
    return new ContactIndex({
      names: () => sqlite.prepare('select id, name from contacts where deleted_at is null order by id').iterate() as Iterable<{ id: number; name: string }>,
      // A deleted person's uid finds them (a re-import brings them back); a merged one's finds the one they were merged into.
      uids: () =>
        sqlite
          .prepare(
            `select coalesce((select m.id from contacts m where m.id = c.merged_into and m.deleted_at is null), c.id) as id, c.uid
             from contacts c where c.merged_into is null or exists (select 1 from contacts m where m.id = c.merged_into and m.deleted_at is null)
             order by c.id`,
          )
          .iterate() as Iterable<{ id: number; uid: string }>,
      *matchable() {
        const emails = new Map<number, string[]>();
        const emailRows = sqlite
          .prepare('select e.contact_id, e.email from contact_emails e join contacts c on c.id = e.contact_id where c.deleted_at is null order by e.contact_id, e.position')
          .iterate() as Iterable<{ contact_id: number; email: string }>;
        for (const r of emailRows) {
          const list = emails.get(r.contact_id);
          if (list) list.push(r.email);
          else emails.set(r.contact_id, [r.email]);
        }
        const rows = sqlite.prepare('select id, uid, name, company, linkedin from contacts where deleted_at is null order by id').all() as Array<{
          id: number; uid: string; name: string; company: string | null; linkedin: string | null;
        }>;
        for (const r of rows) yield { ...r, emails: emails.get(r.id) ?? [] };
      },
    });
  }

  exists(id: number): boolean {
    return this.#exists.get(id) !== undefined;
  }

  load(id: number): ContactState {
    const row = this.#select.get(id);
    if (!row) throw new Error(`contact #${id} vanished during the import`);
    const values = (list: 'tags' | 'interests' | 'nicknames') => this.#lists[list].select.all(id).map((r) => r.v);
    const emailLabels = Object.fromEntries(this.#emailLabels.all(id).map((r) => [r.email, r.label]));
    return {
      ...(row as unknown as ContactState),
      emails: this.#emails.select.all(id).map((r) => r.value),
      emailLabels,
      phones: this.#phones.select.all(id).map((r) => ({ phone: r.value, label: r.label })),
      nicknames: values('nicknames'),
      tags: values('tags'),
      interests: values('interests'),
    };
  }

  #params(state: ContactState): Row {
    const params: Row = { name_key: nameKey(state.name) };
    for (const c of COLUMNS) if (c !== 'name_key') params[c] = (state as unknown as Row)[c];
    return params;
  }

  /**
   * Makes a list what `items` says: members that stay are left alone, so
   * the operations recorded are the members that came and went.
   */
  #writeList(id: number, list: 'tags' | 'interests' | 'nicknames', items: readonly string[], fresh: boolean): void {
    const statements = this.#lists[list];
    const stored = fresh ? [] : statements.select.all(id).map((r) => r.v);
    const keep = new Set(items);
    for (const gone of stored) if (!keep.has(gone)) statements.remove.run(id, gone);
    const had = new Set(stored);
    for (const item of items) if (!had.has(item)) statements.add.run(id, item);
  }

  /**
   * Emails or phones in the order `items` says. `labels` gives each one's
   * label (undefined: the stored one stays). A new label is written in
   * place; positions are not recorded, so the members from the first one
   * out of place on are written again in order, and the record of changes
   * (undo, sync) says the new order.
   */
  #writeLabelled(id: number, list: Labelled, items: readonly string[], labels: (value: string) => string | null | undefined, fresh: boolean): void {
    const stored = fresh ? [] : list.select.all(id);
    const wanted = new Set(items);
    for (const gone of stored) if (!wanted.has(gone.value)) list.remove.run(id, gone.value);
    const kept = stored.filter((p) => wanted.has(p.value));
    for (const p of kept) {
      const label = labels(p.value);
      if (label !== undefined && label !== p.label) {
        list.relabel.run(label, id, p.value);
        p.label = label;
      }
    }
    let inPlace = 0;
    while (inPlace < kept.length && kept[inPlace].value === items[inPlace]) inPlace += 1;
    const moved = new Map(kept.slice(inPlace).map((p) => [p.value, p.label]));
    // The last first: taken back, they come back in their order.
    for (const value of [...moved.keys()].reverse()) list.remove.run(id, value);
    let position = list.next.get(id) as number;
    for (const value of items.slice(inPlace)) {
      const label = moved.has(value) ? (moved.get(value) ?? null) : (labels(value) ?? null);
      list.add.run(id, value, label, position++);
    }
  }

  #writePhones(id: number, phones: readonly PhoneEntry[], fresh: boolean): void {
    const labels = new Map(phones.map((p) => [p.phone, p.label]));
    this.#writeLabelled(id, this.#phones, phones.map((p) => p.phone), (phone) => labels.get(phone) ?? null, fresh);
  }

  /** Emails in the state's order; a label the state gives is written, one it does not give stays (a file without labels clears none). */
  #writeEmails(id: number, state: ContactState, fresh: boolean): void {
    this.#writeLabelled(id, this.#emails, state.emails, (email) => state.emailLabels[email], fresh);
  }

  insert(state: ContactState): number {
    const id = Number(this.#insert.run(this.#params(state)).lastInsertRowid);
    this.#writeEmails(id, state, true);
    this.#writePhones(id, state.phones, true);
    this.#writeList(id, 'nicknames', state.nicknames, true);
    this.#writeList(id, 'tags', state.tags, true);
    this.#writeList(id, 'interests', state.interests, true);
    return id;
  }

  update(next: ContactState, lists: Record<ContactList, boolean>): void {
    this.#update.run({ ...this.#params(next), id: next.id });
    for (const list of ['tags', 'interests', 'nicknames'] as const) if (lists[list]) this.#writeList(next.id, list, next[list], false);
    if (lists.emails) this.#writeEmails(next.id, next, false);
    if (lists.phones) this.#writePhones(next.id, next.phones, false);
  }

  /** A deleted person found again by their uid: brought back. Returns whether they were deleted. */
  restoreIfDeleted(id: number, at: string): boolean {
    if (!this.#deleted.get(id)?.deleted) return false;
    this.#restore.run(at, id);
    return true;
  }

  setRhythmFrom(id: number, day: string): void {
    this.#rhythmFrom.run(day, id);
  }
}

export interface ContactImportContext {
  store: ContactStore;
  index: ContactIndex;
  settings: Settings;
  placement: PlacementOptions;
  summary: ImportSummary;
  /** ISO instant of the import, for created_at/updated_at. */
  at: string;
  today: string;
}

/**
 * Applies contact drafts one by one: match, merge or add, count. At the end,
 * `finish` spreads the first touches of the people it added to a circle with a rhythm.
 */
export class ContactImporter {
  /** Contacts that a record of this file already took (see ContactIndex.find). */
  readonly #claimed = new Set<number>();
  readonly #spreadable = new Map<string, number[]>();

  constructor(readonly ctx: ContactImportContext) {}

  accept(draft: ContactDraft): { outcome: Outcome; id: number; how: MatchHow | null } {
    const { store, index, summary, at, placement } = this.ctx;
    const found = index.find(
      { uid: draft.uid, name: draft.name, company: draft.values.company, linkedin: draft.values.linkedin, emails: draft.emails ?? [] },
      draft.mode === 'replace' ? (id) => this.#claimed.has(id) : undefined,
    );
    if (found) {
      this.#claimed.add(found.id);
      const restored = store.restoreIfDeleted(found.id, at);
      const stored = store.load(found.id);
      const { next, changed, listsChanged } = mergeContact(stored, draft, at);
      const matched = { id: found.id, name: stored.name, by: found.how };
      const outcome: Outcome = restored ? 'added' : changed.length === 0 ? 'unchanged' : 'updated';
      if (changed.length > 0) store.update(next, listsChanged);
      if (outcome !== 'unchanged') {
        index.add({ id: next.id, uid: next.uid, name: next.name, company: next.company, linkedin: next.linkedin, emails: next.emails });
      }
      summary[outcome] += 1;
      summary.rows?.push({
        at: draft.at, outcome, name: draft.name, id: found.id, matched, fields: changed,
        reason: restored ? 'deleted here, brought back by the file' : null,
      });
      return { outcome, id: found.id, how: found.how };
    }
    const state = newContact(draft, newUid(), at);
    if (placement.circle !== undefined) state.circle = placement.circle;
    const id = store.insert(state);
    this.#claimed.add(id);
    index.add({ id, uid: state.uid, name: state.name, company: state.company, linkedin: state.linkedin, emails: state.emails });
    summary.added += 1;
    summary.rows?.push({ at: draft.at, outcome: 'added', name: draft.name, id, matched: null, fields: [], reason: null });
    // Only a source that says nothing of rhythm_from has its first touches spread; a restore keeps its own.
    if (draft.values.rhythm_from === undefined || placement.circle !== undefined) {
      const list = this.#spreadable.get(state.circle) ?? [];
      if (state.cadence_days === null) list.push(id);
      this.#spreadable.set(state.circle, list);
    }
    return { outcome: 'added', id, how: null };
  }

  /** Spreads the first touches of the people added to each circle with a rhythm over that rhythm. */
  finish(): void {
    const { store, settings, today, summary } = this.ctx;
    for (const [circle, ids] of this.#spreadable) {
      const cadence = effectiveCadence(settings, circle, null);
      if (cadence === null || ids.length === 0) continue;
      spreadFirstTouches(ids.length, cadence, today).forEach((day, i) => store.setRhythmFrom(ids[i], day));
      summary.spread.push({ circle, people: ids.length, days: cadence });
    }
  }
}
