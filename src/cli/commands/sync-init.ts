// net sync init (folder PATH | git REMOTE | postgres URL): a new space, its key shown once.
import { initSpace, placeOf } from '../../sync/setup.js';
import type { Context } from '../context.js';

export default async function syncInit(ctx: Context, kind: string, place: string): Promise<void> {
  const where = placeOf(kind, place);
  const store = await ctx.database();
  const result = await initSpace(store, where, ctx.dbPath, ctx.now);
  ctx.io.error(
    `Syncing through ${result.transport}. This is the recovery phrase of your network, shown once:\n` +
      'write it down or keep it in a password manager. Another device joins with it, and without it the synced\n' +
      'copy cannot be read. `net sync key` shows it again on this device.\n\n',
  );
  ctx.io.write(`${result.phrase}\n`);
  const there = where.kind === 'folder' ? "'PATH there'" : where.kind === 'postgres' ? place.replace(/:[^:@/]*@/, '@') : place;
  ctx.io.error(`\nOn your other devices: net sync join ${where.kind} ${there}\n`);
}
