// What sync kept when a merge had to choose (migration 017): notes that lost
// to a concurrent edit, and records a deletion won over a concurrent edit.
// Read here for `net show`, `net trash`, `net sync status` and `net doctor`;
// written only by the sync (src/sync/materialize.ts).
import type BetterSqlite3 from 'better-sqlite3';
import { RECORD_TABLES } from './op-apply.js';
import { recordLabeller } from './changes.js';

export interface KeptNote {
  id: number;
  entity: string;
  record: string;
  /** The record in words ("Giulia Rossi (#1)", "interaction #4 (call on 2026-03-10)"). */
  label: string;
  field: string;
  /** The text that lost. */
  value: string;
  device: string;
  at: string;
}

export interface TrashEntry {
  id: number;
  entity: string;
  record: string;
  label: string;
  /** When the deletion that won was made. */
  deleted_at: string;
  /** When the edit it won over was made. */
  edited_at: string | null;
}

export function hasSyncTables(sqlite: BetterSqlite3.Database): boolean {
  return sqlite.prepare("select 1 from sqlite_schema where type = 'table' and name = 'sync_trash'").get() !== undefined;
}

/**
 * Notes kept from conflicts; of one contact (their notes and those of their
 * interactions) when given. Each kept note looks up its interaction, not the
 * other way round: the busiest person of a large network has thousands of
 * interactions, and there are few conflicts, mostly none.
 */
export function keptNotes(sqlite: BetterSqlite3.Database, contactId?: number): KeptNote[] {
  if (!hasSyncTables(sqlite)) return [];
  const rows = (
    contactId === undefined
      ? sqlite.prepare('select id, entity, record, field, value, device, at from sync_conflicts order by at, id').all()
      : sqlite
          .prepare(
            `select k.id, k.entity, k.record, k.field, k.value, k.device, k.at from sync_conflicts k
             where k.record = (select uid from contacts where id = ?)
                or exists (select 1 from interactions i join interaction_contacts ic on ic.interaction_id = i.id where i.uid = k.record and ic.contact_id = ?)
             order by k.at, k.id`,
          )
          .all(contactId, contactId)
  ) as Array<Omit<KeptNote, 'label'>>;
  const label = recordLabeller(sqlite);
  return rows.map((r) => ({ ...r, label: label(r.entity, r.record) }));
}

/** Records in the trash: still deleted, a deletion having won over someone's edit. */
export function trashEntries(sqlite: BetterSqlite3.Database): TrashEntry[] {
  if (!hasSyncTables(sqlite)) return [];
  const rows = sqlite
    .prepare(
      `select t.id, t.entity, t.record, t.at as deleted_at, (select c.at from commands c where c.uid = t.edited_by) as edited_at
       from sync_trash t order by t.at desc, t.id desc`,
    )
    .all() as Array<Omit<TrashEntry, 'label'>>;
  const label = recordLabeller(sqlite);
  return rows
    .filter((r) => {
      const spec = RECORD_TABLES[r.entity];
      return spec !== undefined && sqlite.prepare(`select 1 from ${spec.table} where uid = ? and deleted_at is not null`).get(r.record) !== undefined;
    })
    .map((r) => ({ ...r, label: label(r.entity, r.record) }));
}
