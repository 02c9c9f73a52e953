// Correcting an interaction after the fact: its day, channel, direction,
// note and people; or deleting it, with the favours and promises recorded in it.
import type { Kysely } from 'kysely';
import { localDay } from '../core/dates.js';
import { ConflictError, NotFoundError, UsageError } from '../core/errors.js';
import type { Direction } from '../core/vocabulary.js';
import { listHistory, type HistoryEntry } from '../db/interactions.js';
import { resolveContacts } from '../db/resolve.js';
import type { Database } from '../db/schema.js';
import { inCommand, type Clock, type Store } from './store.js';

export interface InteractionChange {
  instant?: Date;
  channel?: string;
  direction?: Direction;
  /** null clears the note. */
  note?: string | null;
  /** Whether the note goes to the team; a new note is not shared unless this says so (what was shared stays the old text's). */
  shareNote?: boolean;
  add: readonly string[];
  remove: readonly string[];
}

async function liveInteraction(db: Kysely<Database>, id: number): Promise<HistoryEntry> {
  const [entry] = await listHistory(db, { interactionId: id });
  if (!entry) throw new NotFoundError(`no interaction #${id}`, 'the ids are in `net history`');
  return entry;
}

export async function editInteraction(store: Store, clock: Clock, id: number, change: InteractionChange): Promise<HistoryEntry> {
  const fieldsGiven = [change.instant, change.channel, change.direction, change.note, change.shareNote].some((v) => v !== undefined);
  if (!fieldsGiven && change.add.length === 0 && change.remove.length === 0) {
    throw new UsageError('nothing to change', 'give --date, --via, --in/--out/--mutual, -m, --add or --remove');
  }
  const at = clock.now.toISOString();
  return inCommand(store, clock, 'history edit', async (w) => {
    const before = await liveInteraction(w.db, id);
    const adding = await resolveContacts(w.db, change.add);
    const removing = await resolveContacts(w.db, change.remove);
    for (const person of removing) {
      if (!before.contact_ids.includes(person.id)) throw new ConflictError(`${person.name} (#${person.id}) was not part of interaction #${id}`);
    }
    const remaining = new Set(before.contact_ids);
    for (const p of removing) remaining.delete(p.id);
    for (const p of adding) remaining.add(p.id);
    if (remaining.size === 0) throw new ConflictError(`interaction #${id} would have nobody left`, `delete it instead: net history rm ${id}`);

    const instant = change.instant === undefined ? undefined : change.instant > clock.now ? clock.now : change.instant;
    const day = instant === undefined ? undefined : localDay(instant);
    await w.db
      .updateTable('interactions')
      .set({
        ...(instant === undefined ? {} : { occurred_at: instant.toISOString(), occurred_on: day }),
        ...(change.channel === undefined ? {} : { channel: change.channel }),
        ...(change.direction === undefined ? {} : { direction: change.direction }),
        ...(change.note === undefined ? {} : { note: change.note }),
        ...(change.note === undefined && change.shareNote === undefined ? {} : { note_shared: change.shareNote === true ? 1 : 0 }),
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    // Favours given or received in it happened on its day.
    if (day !== undefined) await w.db.updateTable('favours').set({ occurred_on: day, updated_at: at }).where('interaction_id', '=', id).execute();
    const occurredAt = instant?.toISOString() ?? before.occurred_at;
    for (const person of adding) {
      if (before.contact_ids.includes(person.id)) continue;
      await w.db.insertInto('interaction_contacts').values({ interaction_id: id, contact_id: person.id, occurred_at: occurredAt }).execute();
    }
    for (const person of removing) {
      await w.db.deleteFrom('interaction_contacts').where('interaction_id', '=', id).where('contact_id', '=', person.id).execute();
      // A favour recorded with them in it was not theirs after all.
      await w.db
        .updateTable('favours')
        .set({ deleted_at: at, updated_at: at })
        .where('interaction_id', '=', id)
        .where('contact_id', '=', person.id)
        .where('deleted_at', 'is', null)
        .execute();
    }
    w.summary = `corrected interaction #${id} (${before.via} on ${before.date} with ${before.contacts.join(', ')})`;
    return liveInteraction(w.db, id);
  });
}

export async function removeInteraction(store: Store, clock: Clock, id: number): Promise<HistoryEntry> {
  const at = clock.now.toISOString();
  return inCommand(store, clock, 'history rm', async (w) => {
    const entry = await liveInteraction(w.db, id);
    await w.db.updateTable('favours').set({ deleted_at: at, updated_at: at }).where('interaction_id', '=', id).where('deleted_at', 'is', null).execute();
    await w.db.updateTable('followups').set({ deleted_at: at, updated_at: at }).where('interaction_id', '=', id).where('deleted_at', 'is', null).execute();
    await w.db.updateTable('interactions').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute();
    w.summary = `deleted interaction #${id} (${entry.via} on ${entry.date} with ${entry.contacts.join(', ')})`;
    return entry;
  });
}
