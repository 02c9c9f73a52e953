// `net changes`: the commands that changed the network, newest first, each
// with what it changed in words.
import { describeOp } from '../core/change-words.js';
import { commandOps, hasOperations, listCommands, recordLabeller, type CommandRow } from '../db/changes.js';
import { resolveContact } from '../db/resolve.js';
import type { Store } from './store.js';

/** The keys of `net changes --json` (contract), in order. */
export const CHANGE_KEYS = ['id', 'uid', 'at', 'command', 'summary', 'undoes', 'undone_by', 'changes'] as const;

export interface ChangeEntry {
  id: number;
  uid: string;
  at: string;
  command: string;
  summary: string;
  undoes: number | null;
  undone_by: number | null;
  changes: string[];
}

export async function listChanges(store: Store, options: { limit?: number; contact?: string } = {}): Promise<ChangeEntry[]> {
  if (!hasOperations(store.sqlite)) return [];
  let touching: string[] | undefined;
  if (options.contact !== undefined) {
    const { id } = await resolveContact(store.db, options.contact);
    const row = await store.db.selectFrom('contacts').select('uid').where('id', '=', id).executeTakeFirstOrThrow();
    touching = [row.uid];
  }
  const label = recordLabeller(store.sqlite);
  return listCommands(store.sqlite, { limit: options.limit, touching }).map((c: CommandRow) => ({
    id: c.id,
    uid: c.uid,
    at: c.at,
    command: c.name,
    summary: c.summary,
    undoes: c.undoes,
    undone_by: c.undone_by,
    changes: commandOps(store.sqlite, c).map((op) => describeOp(op, label)),
  }));
}
