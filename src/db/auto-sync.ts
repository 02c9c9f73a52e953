// sync.auto's bookkeeping: whether a background sync is due after a change
// (this device syncs, with its devices or a team, the setting's minutes have passed since the last sync
// or the last one started), and noting that one starts, so that the next
// commands do not start another.
import type BetterSqlite3 from 'better-sqlite3';

/** True, and noted as started now, when a background sync is due. */
export function claimAutoSync(sqlite: BetterSqlite3.Database, now: Date): boolean {
  const row = sqlite
    .prepare(
      `select (select value from settings where key = 'sync.auto') as minutes,
              coalesce((select value from meta where key = 'sync.space'), (select value from meta where key = 'team.id')) as space,
              max(coalesce((select value from meta where key = 'sync.last'), ''), coalesce((select value from meta where key = 'team.last'), ''),
                  coalesce((select value from meta where key = 'sync.auto_started'), '')) as since`,
    )
    .get() as { minutes: string | null; space: string | null; since: string };
  const minutes = Number(row.minutes ?? 0);
  if (!row.space || !(minutes > 0)) return false;
  if (row.since !== '' && now.getTime() - new Date(row.since).getTime() < minutes * 60_000) return false;
  sqlite.prepare("insert into meta (key, value) values ('sync.auto_started', ?) on conflict (key) do update set value = excluded.value").run(now.toISOString());
  return true;
}
