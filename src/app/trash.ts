// The trash: records that a deletion on one device won over an edit made
// meanwhile on another (sync keeps the deletion, and the record here).
// Restoring one is an ordinary command: recorded, undoable, synced.
import { NotFoundError } from '../core/errors.js';
import { RECORD_TABLES } from '../db/op-apply.js';
import { trashEntries, type TrashEntry } from '../db/sync-kept.js';
import { inCommand, type Clock, type Store } from './store.js';

export function listTrash(store: Store): TrashEntry[] {
  return trashEntries(store.sqlite);
}

export async function restoreFromTrash(store: Store, clock: Clock, id: number): Promise<TrashEntry> {
  const entry = trashEntries(store.sqlite).find((e) => e.id === id);
  if (!entry) throw new NotFoundError(`nothing in the trash is #${id}`, 'see what is there with `net trash`');
  const at = clock.now.toISOString();
  return inCommand(store, clock, 'trash restore', async (w) => {
    const table = RECORD_TABLES[entry.entity].table;
    // A person merged away comes back as a person of their own.
    const merged = entry.entity === 'contact' ? ', merged_into = null' : '';
    const touched = table === 'outreach_events' ? '' : ', updated_at = ?';
    const values = table === 'outreach_events' ? [entry.record] : [at, entry.record];
    w.sqlite.prepare(`update ${table} set deleted_at = null${merged}${touched} where uid = ?`).run(...values);
    w.summary = `restored ${entry.label} from the trash`;
    return entry;
  });
}
