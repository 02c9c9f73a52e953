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

export function loadSettingsRaw(sqlite: BetterSqlite3.Database): Settings {
  return settingsFrom(sqlite.prepare('select key, value from settings').all() as Array<{ key: string; value: string }>);
}

/**
 * A page cache large enough for the indexes of a large import (random uids,
 * names) to stay in memory until the commit; SQLite only takes what it uses.
 */
export async function withImportCache<T>(sqlite: BetterSqlite3.Database, work: () => Promise<T>): Promise<T> {
  sqlite.pragma('cache_size = -16384');
  return work();
}

export class ContactStore {
  readonly #insert: BetterSqlite3.Statement;
  readonly #update: BetterSqlite3.Statement;
  readonly #select: BetterSqlite3.Statement<[number], Row>;
  readonly #lists: Record<'emails' | 'tags' | 'interests' | 'nicknames', { select: BetterSqlite3.Statement<[number], { v: string }>; remove: BetterSqlite3.Statement; add: BetterSqlite3.Statement }>;
  readonly #phones: { select: BetterSqlite3.Statement<[number], PhoneEntry>; remove: BetterSqlite3.Statement; add: BetterSqlite3.Statement; place: BetterSqlite3.Statement };
  readonly #emailLabels: BetterSqlite3.Statement<[number], { email: string; label: string }>;
  readonly #emailLabel: BetterSqlite3.Statement;
  readonly #emailPosition: BetterSqlite3.Statement;
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
      emails: list('contact_emails', 'email', 'position', 'insert or ignore into contact_emails (contact_id, email, position) values (?, ?, ?)'),
      tags: list('contact_tags', 'tag', 'tag', 'insert or ignore into contact_tags (contact_id, tag) values (?, ?)'),
      interests: list('contact_interests', 'interest', 'interest', 'insert or ignore into contact_interests (contact_id, interest) values (?, ?)'),
      nicknames: list('contact_nicknames', 'nickname', 'nickname', 'insert or ignore into contact_nicknames (contact_id, nickname) values (?, ?)'),
    };
    this.#phones = {
      select: sqlite.prepare<[number], PhoneEntry>('select phone, label from contact_phones where contact_id = ? order by position, phone'),
      remove: sqlite.prepare('delete from contact_phones where contact_id = ? and phone = ?'),
      add: sqlite.prepare('insert or ignore into contact_phones (contact_id, phone, label, position) values (?, ?, ?, ?)'),
      place: sqlite.prepare('update contact_phones set position = ?, label = ? where contact_id = ? and phone = ? and (position is not ? or label is not ?)'),
    };
    this.#emailLabels = sqlite.prepare<[number], { email: string; label: string }>('select email, label from contact_emails where contact_id = ? and label is not null');
    this.#emailLabel = sqlite.prepare('update contact_emails set label = ? where contact_id = ? and email = ? and label is not ?');
    this.#rhythmFrom = sqlite.prepare('update contacts set rhythm_from = ? where id = ?');
    this.#emailPosition = sqlite.prepare('update contact_emails set position = ? where contact_id = ? and email = ? and position is not ?');
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
    const values = (list: 'emails' | 'tags' | 'interests' | 'nicknames') => this.#lists[list].select.all(id).map((r) => r.v);
    const emailLabels = Object.fromEntries(this.#emailLabels.all(id).map((r) => [r.email, r.label]));
    return {
      ...(row as unknown as ContactState),
      emails: values('emails'),
      emailLabels,
      phones: this.#phones.select.all(id),
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
   * Makes a list what `items` says: members that stay are left alone (only an
   * email's position may move), so the operations recorded are the members
   * that came and went.
   */
  /** Phones as the state says, in its order, with their labels. */
  #writePhones(id: number, phones: readonly PhoneEntry[], fresh: boolean): void {
    const stored = fresh ? [] : this.#phones.select.all(id);
    const keep = new Set(phones.map((p) => p.phone));
    for (const gone of stored) if (!keep.has(gone.phone)) this.#phones.remove.run(id, gone.phone);
    const had = new Set(stored.map((p) => p.phone));
    phones.forEach((p, position) => {
      if (had.has(p.phone)) this.#phones.place.run(position, p.label, id, p.phone, position, p.label);
      else this.#phones.add.run(id, p.phone, p.label, position);
    });
  }

  #writeEmailLabels(id: number, labels: Readonly<Record<string, string>>): void {
    for (const [email, label] of Object.entries(labels)) this.#emailLabel.run(label, id, email, label);
  }

  #writeList(id: number, list: 'emails' | 'tags' | 'interests' | 'nicknames', items: readonly string[], fresh: boolean): void {
    const statements = this.#lists[list];
    const stored = fresh ? [] : statements.select.all(id).map((r) => r.v);
    const keep = new Set(items);
    for (const gone of stored) if (!keep.has(gone)) statements.remove.run(id, gone);
    const had = new Set(stored);
    items.forEach((item, position) => {
      if (list === 'emails') {
        if (had.has(item)) this.#emailPosition.run(position, id, item, position);
        else statements.add.run(id, item, position);
      } else if (!had.has(item)) statements.add.run(id, item);
    });
  }

  insert(state: ContactState): number {
    const id = Number(this.#insert.run(this.#params(state)).lastInsertRowid);
    this.#writeList(id, 'emails', state.emails, true);
    this.#writeEmailLabels(id, state.emailLabels);
    this.#writePhones(id, state.phones, true);
    this.#writeList(id, 'nicknames', state.nicknames, true);
    this.#writeList(id, 'tags', state.tags, true);
    this.#writeList(id, 'interests', state.interests, true);
    return id;
  }

  update(next: ContactState, lists: Record<ContactList, boolean>): void {
    this.#update.run({ ...this.#params(next), id: next.id });
    for (const list of ['emails', 'tags', 'interests', 'nicknames'] as const) if (lists[list]) this.#writeList(next.id, list, next[list], false);
    if (lists.emails) this.#writeEmailLabels(next.id, next.emailLabels);
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
