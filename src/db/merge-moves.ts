// Moving everything of one person to another: what `net merge` does to
// their records, and what sync does when a merge made on another device
// left references to the merged person here (interactions logged, favours
// or follow-ups added meanwhile). Writes go through the write path, so
// every move is recorded.
import type { Kysely } from 'kysely';
import { furtherOutreach } from '../core/merge-rules.js';
import type { Database } from './schema.js';

/** Of two open outreach entries of one person, the further goes on and the other's steps join it; the other becomes a tombstone. */
export async function settleOpenOutreach(db: Kysely<Database>, contactId: number, at: string, prefer?: number): Promise<number> {
  const open = await db
    .selectFrom('outreach')
    .select(['id', 'uid', 'stage'])
    .where('contact_id', '=', contactId)
    .where('ended_on', 'is', null)
    .where('deleted_at', 'is', null)
    .orderBy('uid')
    .execute();
  if (open.length < 2) return 0;
  // The further stage stays; between equals, the preferred one (KEEP's, in a merge), else the one opened first (the smaller uid).
  if (prefer !== undefined) open.sort((a, b) => Number(b.id === prefer) - Number(a.id === prefer));
  const stays = open.reduce((best, o) => (furtherOutreach(best.stage, o.stage) === 'other' ? o : best));
  for (const goes of open) {
    if (goes.id === stays.id) continue;
    await db.updateTable('outreach_events').set({ outreach_id: stays.id }).where('outreach_id', '=', goes.id).where('deleted_at', 'is', null).execute();
    await db.updateTable('outreach').set({ deleted_at: at, updated_at: at }).where('id', '=', goes.id).execute();
  }
  return open.length - 1;
}

/** Moves the interactions (one participant where both were there), favours, follow-ups and outreach of OTHER to KEEP. */
export async function moveReferences(db: Kysely<Database>, keepId: number, otherId: number, at: string): Promise<void> {
  const keepOpen = await db.selectFrom('outreach').select('id').where('contact_id', '=', keepId).where('ended_on', 'is', null).where('deleted_at', 'is', null).executeTakeFirst();
  const theirs = await db.selectFrom('interaction_contacts').select('interaction_id').where('contact_id', '=', otherId).execute();
  const ours = new Set(
    (await db.selectFrom('interaction_contacts').select('interaction_id').where('contact_id', '=', keepId).execute()).map((r) => r.interaction_id),
  );
  for (const { interaction_id } of theirs) {
    if (ours.has(interaction_id)) {
      await db.deleteFrom('interaction_contacts').where('interaction_id', '=', interaction_id).where('contact_id', '=', otherId).execute();
    } else {
      await db.updateTable('interaction_contacts').set({ contact_id: keepId }).where('interaction_id', '=', interaction_id).where('contact_id', '=', otherId).execute();
    }
  }
  for (const table of ['favours', 'followups'] as const) {
    await db.updateTable(table).set({ contact_id: keepId, updated_at: at }).where('contact_id', '=', otherId).where('deleted_at', 'is', null).execute();
  }
  await db.updateTable('outreach').set({ contact_id: keepId, updated_at: at }).where('contact_id', '=', otherId).where('deleted_at', 'is', null).execute();
  await db.updateTable('outreach').set({ via_contact_id: keepId, updated_at: at }).where('via_contact_id', '=', otherId).where('deleted_at', 'is', null).execute();
  await settleOpenOutreach(db, keepId, at, keepOpen?.id);
}
