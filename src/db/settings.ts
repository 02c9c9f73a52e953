import type { Kysely } from 'kysely';
import { settingsFrom, type Settings } from '../core/settings.js';
import type { Database } from './schema.js';

export async function loadSettings(db: Kysely<Database>): Promise<Settings> {
  return settingsFrom(await db.selectFrom('settings').select(['key', 'value']).execute());
}

export async function storedSettings(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function saveSetting(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function deleteSetting(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', key).execute();
}
