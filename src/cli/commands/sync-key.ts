// net sync key: the recovery phrase again, on a device that has it.
import { DataError } from '../../core/errors.js';
import { recoveryPhrase } from '../../sync/setup.js';
import type { Context } from '../context.js';

export default async function syncKey(ctx: Context): Promise<void> {
  const store = await ctx.existingDatabase();
  if (!store) throw new DataError('this device does not sync', 'start with `net sync init` or `net sync join`');
  ctx.io.write(`${recoveryPhrase(store)}\n`);
}
