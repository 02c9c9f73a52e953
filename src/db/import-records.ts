// Writing follow-ups, favours and outreach from net's own export, matched by
// uid so that importing the same file twice changes nothing.
import type BetterSqlite3 from 'better-sqlite3';
import { rowError } from '../core/import-fields.js';
import type { ContactIndex } from '../core/import-match.js';
import type { OutreachDraft, OutreachEventDraft } from '../core/import-outreach.js';
import type { ContactRef, FavourDraft, FollowupDraft } from '../core/import-own.js';
import type { ImportSummary, Outcome } from '../core/import-types.js';

type Row = Record<string, unknown>;

export interface RecordImportContext {
  sqlite: BetterSqlite3.Database;
  index: ContactIndex;
  summary: ImportSummary;
  at: string;
}

/** Inserts or updates rows of one table by uid, counting what happened. */
class UidTable {
  readonly #select: BetterSqlite3.Statement<[string], Row>;
  readonly #insert: BetterSqlite3.Statement;
  readonly #update: BetterSqlite3.Statement;
  readonly #restore: BetterSqlite3.Statement;

  constructor(
    sqlite: BetterSqlite3.Database,
    table: string,
    readonly columns: readonly string[],
  ) {
    this.#select = sqlite.prepare(`select id, ${columns.join(', ')}, deleted_at from ${table} where uid = ?`);
    this.#restore = sqlite.prepare(`update ${table} set deleted_at = null where id = ?`);
    this.#insert = sqlite.prepare(`insert into ${table} (uid, ${columns.join(', ')}) values (@uid, ${columns.map((c) => `@${c}`).join(', ')})`);
    this.#update = sqlite.prepare(`update ${table} set ${columns.map((c) => `${c} = @${c}`).join(', ')} where id = @id`);
  }

  /** `values` holds every column; null created_at/updated_at mean "now" for a new row and "as stored" for an old one. */
  upsert(uid: string, values: Row, at: string): { outcome: Outcome; id: number } {
    const stored = this.#select.get(uid);
    if (!stored) {
      const row: Row = { ...values, uid };
      if (row.created_at === null) row.created_at = at;
      if (row.updated_at === null) row.updated_at = row.created_at ?? at;
      return { outcome: 'added', id: Number(this.#insert.run(row).lastInsertRowid) };
    }
    // A record deleted here that the file holds again comes back.
    const restored = stored.deleted_at !== null;
    if (restored) this.#restore.run(stored.id);
    const next: Row = { ...values, id: stored.id };
    if (next.created_at === null) next.created_at = stored.created_at;
    const keepUpdated = next.updated_at === null;
    if (keepUpdated) next.updated_at = stored.updated_at;
    const same = this.columns.every((c) => next[c] === stored[c]);
    if (same) return { outcome: restored ? 'added' : 'unchanged', id: stored.id as number };
    if (keepUpdated && 'updated_at' in next) next.updated_at = at;
    this.#update.run(next);
    return { outcome: restored ? 'added' : 'updated', id: stored.id as number };
  }
}

export class RecordImporter {
  readonly #interactionByUid: BetterSqlite3.Statement<[string], { id: number }>;
  readonly #followups: UidTable;
  readonly #favours: UidTable;
  readonly #outreach: UidTable;
  readonly #events: UidTable;

  constructor(readonly ctx: RecordImportContext) {
    const { sqlite } = ctx;
    this.#interactionByUid = sqlite.prepare('select id from interactions where uid = ? and deleted_at is null');
    this.#followups = new UidTable(sqlite, 'followups', ['contact_id', 'interaction_id', 'text', 'due_on', 'done_on', 'dropped_on', 'theirs', 'created_at', 'updated_at']);
    this.#favours = new UidTable(sqlite, 'favours', ['contact_id', 'interaction_id', 'direction', 'text', 'occurred_on', 'created_at', 'updated_at']);
    this.#outreach = new UidTable(sqlite, 'outreach', [
      'contact_id', 'why', 'via_contact_id', 'channel', 'stage', 'next_on', 'nudges', 'last_nudge_on', 'ended_on', 'created_at', 'updated_at',
    ]);
    this.#events = new UidTable(sqlite, 'outreach_events', ['outreach_id', 'kind', 'from_stage', 'to_stage', 'occurred_on', 'note', 'interaction_id', 'created_at']);
  }

  #contact(at: string, ref: ContactRef): number {
    const { index } = this.ctx;
    if (ref.uid) {
      const id = index.byUid(ref.uid);
      if (id !== undefined) return id;
    }
    if (ref.name) {
      const named = index.byName(ref.name);
      if (named.length === 1) return named[0];
      if (named.length > 1) throw rowError(at, `"${ref.name}" is the name of several contacts (${named.map((n) => `#${n}`).join(', ')}) and the uid is not in the database`);
    }
    throw rowError(at, `no contact ${ref.uid ? `with uid ${ref.uid}` : `named "${ref.name}"`}: import the contacts first`);
  }

  #interaction(uid: string | null): number | null {
    if (uid === null) return null;
    return this.#interactionByUid.get(uid)?.id ?? null;
  }

  #count(outcome: Outcome): Outcome {
    this.ctx.summary[outcome] += 1;
    return outcome;
  }

  followup(draft: FollowupDraft): Outcome {
    const values = {
      contact_id: this.#contact(draft.at, draft.contact),
      interaction_id: this.#interaction(draft.interaction_uid),
      text: draft.text,
      due_on: draft.due_on,
      done_on: draft.done_on,
      dropped_on: draft.dropped_on,
      theirs: draft.theirs ? 1 : 0,
      created_at: draft.created_at,
      updated_at: draft.updated_at,
    };
    return this.#count(this.#followups.upsert(draft.uid, values, this.ctx.at).outcome);
  }

  favour(draft: FavourDraft): Outcome {
    const values = {
      contact_id: this.#contact(draft.at, draft.contact),
      interaction_id: this.#interaction(draft.interaction_uid),
      direction: draft.direction,
      text: draft.text,
      occurred_on: draft.occurred_on,
      created_at: draft.created_at,
      updated_at: draft.updated_at,
    };
    return this.#count(this.#favours.upsert(draft.uid, values, this.ctx.at).outcome);
  }

  #event(outreachId: number, event: OutreachEventDraft): Outcome {
    const values = {
      outreach_id: outreachId,
      kind: event.kind,
      from_stage: event.from_stage,
      to_stage: event.to_stage,
      occurred_on: event.occurred_on,
      note: event.note,
      interaction_id: this.#interaction(event.interaction_uid),
      created_at: event.created_at,
    };
    return this.#events.upsert(event.uid, values, this.ctx.at).outcome;
  }

  outreach(draft: OutreachDraft): Outcome {
    const values = {
      contact_id: this.#contact(draft.at, draft.contact),
      why: draft.why,
      via_contact_id: draft.via ? this.#contact(draft.at, draft.via) : null,
      channel: draft.channel,
      stage: draft.stage,
      next_on: draft.next_on,
      nudges: draft.nudges,
      last_nudge_on: draft.last_nudge_on,
      ended_on: draft.ended_on,
      created_at: draft.created_at,
      updated_at: draft.updated_at,
    };
    let result: { outcome: Outcome; id: number };
    try {
      result = this.#outreach.upsert(draft.uid, values, this.ctx.at);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw rowError(draft.at, 'this person already has another outreach that has not ended');
      }
      throw error;
    }
    let eventsChanged = false;
    for (const event of draft.events) if (this.#event(result.id, event) !== 'unchanged') eventsChanged = true;
    return this.#count(result.outcome === 'unchanged' && eventsChanged ? 'updated' : result.outcome);
  }
}
