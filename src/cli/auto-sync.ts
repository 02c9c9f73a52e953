// sync.auto: after a command that changed data, start `net sync` detached
// when this device syncs and its last sync (or the last one started) is older
// than the setting's minutes. The command's own output is already written;
// the sync runs on after net exits, quietly, and leaves any error for `net
// sync status` and `net doctor`.
import { basename } from 'node:path';
import { claimAutoSync } from '../db/auto-sync.js';
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
  if (!claimAutoSync(store.sqlite, ctx.now)) return;
  // Loaded only to start a sync: node:child_process (with net and stream) is some 6 ms of every command that writes.
  const { spawn } = process.getBuiltinModule('node:child_process');
  spawn(process.execPath, [script, '--db', ctx.dbPath, 'sync', '--quiet'], { detached: true, stdio: 'ignore', env: ctx.env }).unref();
}
