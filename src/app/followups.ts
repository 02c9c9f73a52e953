// Follow-ups: the promises made in conversations. Add, edit, keep (done) or
// drop (no longer needed: not a promise kept).
import { NotFoundError, UsageError } from '../core/errors.js';
import { insertFollowup } from '../db/interactions.js';
import { listFollowups, type FollowupEntry } from '../db/followups.js';
import { resolveContact } from '../db/resolve.js';
import type { Database } from '../db/schema.js';
import type { Kysely } from 'kysely';
import { inCommand, type Clock, type Store } from './store.js';

async function followupById(db: Kysely<Database>, id: number): Promise<FollowupEntry> {
  const [entry] = await listFollowups(db, { id, all: true });
  if (!entry) throw new NotFoundError(`no follow-up #${id}`, 'see the open ones with `net followup list`');
  return entry;
}

export interface FollowupOptions {
  /** What the other person promised ("she'll send the deck"), rather than a promise made to them. */
  theirs?: boolean;
}

export async function addFollowup(store: Store, clock: Clock, ref: string, text: string, dueOn: string, options: FollowupOptions = {}): Promise<FollowupEntry> {
  const theirs = options.theirs === true;
  return inCommand(store, clock, 'followup add', async (w) => {
    const person = await resolveContact(w.db, ref);
    const id = await insertFollowup(w.db, { contact_id: person.id, interaction_id: null, text, due_on: dueOn, theirs }, clock.now.toISOString());
    w.summary = theirs ? `${person.name} (#${person.id}) promised: ${text}` : `promised ${person.name} (#${person.id}): ${text}`;
    return followupById(w.db, id);
  });
}

export interface FollowupChange {
  text?: string;
  dueOn?: string;
  /** Another person the promise is owed to. */
  contact?: string;
}

export async function editFollowup(store: Store, clock: Clock, id: number, change: FollowupChange): Promise<FollowupEntry> {
  if (change.text === undefined && change.dueOn === undefined && change.contact === undefined) {
    throw new UsageError('nothing to change', 'give --by, --text or --contact');
  }
  const at = clock.now.toISOString();
  return inCommand(store, clock, 'followup edit', async (w) => {
    const before = await followupById(w.db, id);
    const contactId = change.contact === undefined ? undefined : (await resolveContact(w.db, change.contact)).id;
    await w.db
      .updateTable('followups')
      .set({
        ...(change.text === undefined ? {} : { text: change.text }),
        ...(change.dueOn === undefined ? {} : { due_on: change.dueOn }),
        ...(contactId === undefined ? {} : { contact_id: contactId }),
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    w.summary = `edited follow-up #${id} (${before.text})`;
    return followupById(w.db, id);
  });
}

export interface ClosedFollowup {
  entry: FollowupEntry;
  /** Closed before this command: nothing changed for it. */
  already: boolean;
}

/** Closes follow-ups as kept (done) or no longer needed (dropped); all or nothing. */
export async function closeFollowups(store: Store, clock: Clock, ids: readonly number[], how: 'done' | 'dropped'): Promise<ClosedFollowup[]> {
  const at = clock.now.toISOString();
  return inCommand(store, clock, how === 'done' ? 'followup done' : 'followup drop', async (w) => {
    const closed: ClosedFollowup[] = [];
    for (const id of ids) {
      const entry = await followupById(w.db, id);
      if (entry.done_on !== null || entry.dropped_on !== null) {
        closed.push({ entry, already: true });
        continue;
      }
      const column = how === 'done' ? 'done_on' : 'dropped_on';
      await w.db.updateTable('followups').set({ [column]: clock.today, updated_at: at }).where('id', '=', id).execute();
      closed.push({ entry: { ...entry, [column]: clock.today }, already: false });
    }
    const changed = closed.filter((c) => !c.already).map((c) => `#${c.entry.id} ${c.entry.text}`);
    w.summary = `${how === 'done' ? 'kept' : 'dropped'} ${changed.join('; ')}`;
    return closed;
  });
}
