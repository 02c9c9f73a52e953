// Writing imported interactions: idempotent by uid (net's own export) or by
// source_key (a LinkedIn message, a row of a hand-made CSV), with their
// participants resolved through the in-memory contact index.
import { newUid } from '../core/ids.js';
import type BetterSqlite3 from 'better-sqlite3';
import { DataError } from '../core/errors.js';
import { rowError } from '../core/import-fields.js';
import type { ContactIndex } from '../core/import-match.js';
import { newContact } from '../core/import-merge.js';
import type { ImportSummary, InteractionDraft, Outcome, ParticipantRef, PlacementOptions, RowNote } from '../core/import-types.js';
import type { ContactStore } from './import-contacts.js';

interface StoredInteraction {
  id: number;
  occurred_at: string;
  occurred_on: string;
  channel: string;
  direction: string;
  note: string | null;
  source_key: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface InteractionImportContext {
  sqlite: BetterSqlite3.Database;
  store: ContactStore;
  index: ContactIndex;
  summary: ImportSummary;
  placement: PlacementOptions;
  at: string;
  /** Unknown people are errors instead of new contacts. */
  strict: boolean;
}

export class InteractionImporter {
  readonly #byUid: BetterSqlite3.Statement<[string], StoredInteraction>;
  readonly #bySourceKey: BetterSqlite3.Statement<[string], { id: number; deleted_at: string | null }>;
  readonly #restore: BetterSqlite3.Statement;
  readonly #participants: BetterSqlite3.Statement<[number], { contact_id: number }>;
  readonly #insert: BetterSqlite3.Statement;
  readonly #update: BetterSqlite3.Statement;
  readonly #addParticipant: BetterSqlite3.Statement;
  readonly #removeParticipant: BetterSqlite3.Statement;
  readonly #handLogged: BetterSqlite3.Statement<[number, string, string, string, string, string], { id: number; note: string | null }>;
  readonly #attach: BetterSqlite3.Statement;
  /** Rows naming people who are not in the database, with --strict. */
  readonly unknown: RowNote[] = [];
  /** Names already resolved: a large file names the same people again and again. */
  readonly #byName = new Map<string, number>();

  constructor(readonly ctx: InteractionImportContext) {
    const { sqlite } = ctx;
    const columns = 'occurred_at, occurred_on, channel, direction, note, source_key, created_at, updated_at';
    this.#byUid = sqlite.prepare(`select id, ${columns}, deleted_at from interactions where uid = ?`);
    this.#bySourceKey = sqlite.prepare('select id, deleted_at from interactions where source_key = ?');
    // An interaction deleted here (or whose import was undone) that the file holds again comes back.
    this.#restore = sqlite.prepare('update interactions set deleted_at = null, updated_at = ? where id = ?');
    this.#participants = sqlite.prepare('select contact_id from interaction_contacts where interaction_id = ? order by contact_id');
    this.#insert = sqlite.prepare(`insert into interactions (uid, ${columns}) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#update = sqlite.prepare(
      'update interactions set occurred_at = @occurred_at, occurred_on = @occurred_on, channel = @channel, direction = @direction, note = @note, source_key = @source_key, created_at = @created_at, updated_at = @updated_at where id = @id',
    );
    this.#addParticipant = sqlite.prepare('insert or ignore into interaction_contacts (interaction_id, contact_id, occurred_at) values (?, ?, ?)');
    this.#removeParticipant = sqlite.prepare('delete from interaction_contacts where interaction_id = ? and contact_id = ?');
    // A message already logged by hand: the same person, channel and direction, within a day (the nearest).
    this.#handLogged = sqlite.prepare(
      `select i.id, i.note from interaction_contacts ic join interactions i on i.id = ic.interaction_id
       where ic.contact_id = ? and i.channel = ? and i.direction = ? and i.source_key is null
         and ic.occurred_at between ? and ?
       order by abs(julianday(ic.occurred_at) - julianday(?)) limit 1`,
    );
    this.#attach = sqlite.prepare('update interactions set source_key = ?, note = ?, updated_at = ? where id = ?');
  }

  /** A person the file names but the database does not have: a new acquaintance (or an error with --strict). */
  #unknown(at: string, name: string): number | undefined {
    const { store, index, summary, placement } = this.ctx;
    if (this.ctx.strict) {
      this.unknown.push({ at, message: `no contact named "${name}"` });
      return undefined;
    }
    const state = newContact(
      { at, uid: null, name, values: {}, emails: [], tags: placement.tags, interests: [], mode: 'fill', refresh: [], created_at: null, updated_at: null },
      newUid(),
      this.ctx.at,
    );
    if (placement.circle !== undefined) state.circle = placement.circle;
    const id = store.insert(state);
    index.add({ id, uid: state.uid, name, company: null, linkedin: null, emails: [] });
    summary.createdContacts += 1;
    return id;
  }

  /** The contact ids of the people a row names; undefined when one is unknown under --strict. */
  resolve(at: string, refs: readonly ParticipantRef[]): number[] | undefined {
    const { index } = this.ctx;
    const ids: number[] = [];
    let complete = true;
    for (const ref of refs) {
      let id: number | undefined;
      if (ref.kind === 'id') {
        if (!this.ctx.store.exists(ref.id)) throw rowError(at, `no contact with id #${ref.id}`);
        id = ref.id;
      } else {
        id = ref.kind === 'uid' ? index.byUid(ref.uid) : undefined;
        const name = ref.name;
        if (id === undefined) {
          if (!name) throw rowError(at, `no contact with uid ${ref.kind === 'uid' ? ref.uid : ''}: import the contacts first`);
          id = this.#byName.get(name);
          if (id === undefined) {
            const named = index.byName(name);
            if (named.length > 1) {
              throw rowError(at, `"${name}" is the name of several contacts (${named.map((n) => `#${n}`).join(', ')}): write the id instead`);
            }
            id = named[0] ?? this.#unknown(at, name);
            if (id !== undefined) this.#byName.set(name, id);
          }
        }
      }
      if (id === undefined) complete = false;
      else if (!ids.includes(id)) ids.push(id);
    }
    return complete ? ids : undefined;
  }

  /** Adds or updates one interaction with these participants. */
  write(draft: InteractionDraft, contactIds: readonly number[]): Outcome | 'attached' {
    const { summary, at } = this.ctx;
    if (draft.uid !== null) {
      const stored = this.#byUid.get(draft.uid);
      const restored = stored !== undefined && stored.deleted_at !== null;
      if (stored && restored) this.#restore.run(at, stored.id);
      if (stored) {
        const next = {
          id: stored.id,
          occurred_at: draft.occurred_at,
          occurred_on: draft.occurred_on,
          channel: draft.channel,
          direction: draft.direction,
          note: draft.note,
          source_key: draft.source_key,
          created_at: draft.created_at ?? stored.created_at,
          updated_at: draft.updated_at ?? stored.updated_at,
        };
        const people = this.#participants.all(stored.id).map((p) => p.contact_id);
        const samePeople = people.length === contactIds.length && [...contactIds].sort((a, b) => a - b).every((id, i) => id === people[i]);
        const sameFields = (Object.keys(next) as Array<keyof typeof next>).every((k) => next[k] === stored[k]);
        if (samePeople && sameFields) {
          summary[restored ? 'added' : 'unchanged'] += 1;
          return restored ? 'added' : 'unchanged';
        }
        if (!sameFields && draft.updated_at === null) next.updated_at = at;
        this.#update.run(next);
        if (!samePeople) {
          const keep = new Set(contactIds);
          for (const id of people) if (!keep.has(id)) this.#removeParticipant.run(stored.id, id);
          for (const id of contactIds) if (!people.includes(id)) this.#addParticipant.run(stored.id, id, draft.occurred_at);
        }
        summary[restored ? 'added' : 'updated'] += 1;
        return restored ? 'added' : 'updated';
      }
    }
    const bySource = draft.source_key === null ? undefined : this.#bySourceKey.get(draft.source_key);
    if (bySource) {
      if (bySource.deleted_at === null) {
        summary.unchanged += 1;
        return 'unchanged';
      }
      this.#restore.run(at, bySource.id);
      summary.added += 1;
      return 'added';
    }
    if (draft.uid === null && draft.source_key !== null && contactIds.length === 1 && this.#attachToHandLogged(draft, contactIds[0])) return 'attached';
    const id = Number(
      this.#insert.run(
        draft.uid ?? newUid(),
        draft.occurred_at,
        draft.occurred_on,
        draft.channel,
        draft.direction,
        draft.note,
        draft.source_key,
        draft.created_at ?? at,
        draft.updated_at ?? draft.created_at ?? at,
      ).lastInsertRowid,
    );
    for (const contactId of contactIds) this.#addParticipant.run(id, contactId, draft.occurred_at);
    summary.added += 1;
    return 'added';
  }

  /**
   * A message from a file that was already logged by hand (the same person,
   * channel and direction, within a day) is that interaction: it takes the
   * message's key, so a later import finds it, and the message's text as its
   * note (after the note written by hand, when there is one).
   */
  #attachToHandLogged(draft: InteractionDraft, contactId: number): boolean {
    const instant = Date.parse(draft.occurred_at);
    if (Number.isNaN(instant)) return false;
    const from = new Date(instant - 86_400_000).toISOString();
    const to = new Date(instant + 86_400_000).toISOString();
    const logged = this.#handLogged.get(contactId, draft.channel, draft.direction, from, to, draft.occurred_at);
    if (!logged) return false;
    const text = draft.note?.trim() ?? '';
    const own = logged.note?.trim() ?? '';
    const note = own === '' ? (text === '' ? null : text) : text === '' || own.includes(text) ? logged.note : `${own}\n${text}`;
    this.#attach.run(draft.source_key, note, this.ctx.at, logged.id);
    this.#attachedTo = logged.id;
    this.ctx.summary.unchanged += 1;
    return true;
  }

  #attachedTo: number | null = null;

  accept(draft: InteractionDraft): Outcome | 'attached' | undefined {
    const ids = this.resolve(draft.at, draft.participants);
    return ids === undefined ? undefined : this.writeRow(draft, ids);
  }

  /** Writes one row (see write) and keeps its fate for a dry run or --json. */
  writeRow(draft: InteractionDraft, contactIds: readonly number[], names?: string): Outcome | 'attached' {
    this.#attachedTo = null;
    const outcome = this.write(draft, contactIds);
    if (this.ctx.summary.rows) {
      const who = names ?? draft.participants.map((p) => (p.kind === 'id' ? `#${p.id}` : p.kind === 'uid' ? (p.name ?? p.uid) : p.name)).join(', ');
      this.ctx.summary.rows.push({
        at: draft.at,
        outcome,
        name: who,
        id: this.#attachedTo,
        matched: null,
        fields: [],
        reason: outcome === 'attached' ? `already logged by hand as interaction #${this.#attachedTo}: the message is attached to it` : null,
      });
    }
    return outcome;
  }

  /** With --strict: one error listing every row that named someone unknown. */
  finish(): void {
    if (this.unknown.length === 0) return;
    const shown = this.unknown.slice(0, 20).map((u) => `  ${u.at}: ${u.message}`);
    if (this.unknown.length > 20) shown.push(`  … and ${this.unknown.length - 20} more`);
    throw new DataError(
      `${this.unknown.length} ${this.unknown.length === 1 ? 'row names a person who is' : 'rows name people who are'} not in your network:\n${shown.join('\n')}`,
      'add them first (net add), or import without --strict to add them as acquaintances; nothing was imported',
    );
  }
}
