// Frozen in time: this file never imports from src/.
//
// A morning list a person can trust:
// - name keys written again: ø, æ, œ, ß, đ, ð, þ, ł and ı now fold like
//   other accents ("soren" finds Søren, "strasse" Straße). Name keys are
//   derived data, written with recording off, as 005 writes derived data.
// - contact_activity.first_touch_on: the first of the days in touch that the
//   rhythm is read from (004's window of the latest 50 interactions), so that
//   the review gives advice only on a history that spans three usual gaps.
//   004's triggers write the rhythm; one trigger here follows each write of
//   it (an UPDATE OF those columns fires even when the values stay).
import { sql, type Kysely } from 'kysely';

/** The window of latest interactions the rhythm is read from (as migration 004). */
const RECENT = 50;

/** The first day in touch within person `who`'s window. */
const firstTouchOf = (who: string) => `(
  select min(i.occurred_on) from (
    select x.interaction_id from interaction_contacts x where x.contact_id = ${who}
    order by x.occurred_at desc, x.interaction_id desc limit ${RECENT}) w
  join interactions i on i.id = w.interaction_id)`;

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

  await db.schema.alterTable('contact_activity').addColumn('first_touch_on', 'text').execute();
  await sql.raw(`update contact_activity set first_touch_on = ${firstTouchOf('contact_activity.contact_id')}`).execute(db);
  await sql
    .raw(
      `create trigger first_touch_follows_rhythm after update of touches, usual_gap, last_touch_on, window_from on contact_activity begin
         update contact_activity set first_touch_on = ${firstTouchOf('new.contact_id')} where contact_id = new.contact_id;
       end`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger first_touch_follows_rhythm`.execute(db);
  await db.schema.alterTable('contact_activity').dropColumn('first_touch_on').execute();

  await rewriteNameKeys(db, false);
}
