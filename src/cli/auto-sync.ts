// sync.auto: after a command that changed data, start `net sync` detached
// when this device syncs and its last sync (or the last one started) is older
// than the setting's minutes. The command's own output is already written;
// the sync runs on after net exits, quietly, and leaves any error for `net
// sync status` and `net doctor`.
import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import type { Context } from './context.js';

/** The program this process runs, when it is net's own entry (not a test's host process). */
function entry(): string | undefined {
  const script = process.argv[1];
  return script !== undefined && ['net', 'main.js', 'net.cjs'].includes(basename(script)) ? script : undefined;
}

export async function maybeStartSync(ctx: Context): Promise<void> {
  const store = await ctx.existingDatabase();
  const script = entry();
  if (!store || !script) return;
  const row = store.sqlite
    .prepare(
      `select (select value from settings where key = 'sync.auto') as minutes, (select value from meta where key = 'sync.space') as space,
              max(coalesce((select value from meta where key = 'sync.last'), ''), coalesce((select value from meta where key = 'sync.auto_started'), '')) as since`,
    )
    .get() as { minutes: string | null; space: string | null; since: string };
  const minutes = Number(row.minutes ?? 0);
  if (!row.space || !(minutes > 0)) return;
  if (row.since !== '' && ctx.now.getTime() - new Date(row.since).getTime() < minutes * 60_000) return;
  store.sqlite.prepare("insert into meta (key, value) values ('sync.auto_started', ?) on conflict (key) do update set value = excluded.value").run(ctx.now.toISOString());
  spawn(process.execPath, [script, '--db', ctx.dbPath, 'sync', '--quiet'], { detached: true, stdio: 'ignore', env: ctx.env }).unref();
}
