// Frozen in time: this file never imports from src/.
//
// A morning list a person can trust:
// - name keys written again: ø, æ, œ, ß, đ, ð, þ, ł and ı now fold like
//   other accents ("soren" finds Søren, "strasse" Straße). Name keys are
//   derived data, written with recording off, as 005 writes derived data.
import type { Kysely } from 'kysely';

/** The name key as this version of net makes it (src/core/names.ts at the time). */
const FOLDED: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' };
function nameKey(name: string, fold: boolean): string {
  const plain = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return (fold ? plain.replace(/[øæœßđðþłı]/g, (c) => FOLDED[c]) : plain).replace(/\s+/g, ' ').trim();
}

/** Writes every name key again, the triggers' recording off (derived data is not recorded). */
async function rewriteNameKeys(db: Kysely<any>, fold: boolean): Promise<void> {
  const rows = await db.selectFrom('contacts').select(['id', 'name', 'name_key']).execute();
  const changed = rows.filter((r) => nameKey(r.name as string, fold) !== r.name_key);
  if (changed.length === 0) return;
  await db.insertInto('current_command').values({ id: 0, ms: 0, recording: 0 }).execute();
  for (const r of changed) await db.updateTable('contacts').set({ name_key: nameKey(r.name as string, fold) }).where('id', '=', r.id).execute();
  await db.deleteFrom('current_command').where('id', '=', 0).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await rewriteNameKeys(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
  await rewriteNameKeys(db, false);
}
