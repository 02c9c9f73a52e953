// net sync join (folder PATH | git REMOTE): this device becomes one of the space.
import { readFileSync } from 'node:fs';
import { UsageError } from '../../core/errors.js';
import { keyOfPhrase } from '../../sync/crypto.js';
import { joinSpace, placeOf } from '../../sync/setup.js';
import type { Context } from '../context.js';

interface JoinOptions {
  keyFile?: string;
  replace?: boolean;
}

async function phrase(ctx: Context, options: JoinOptions): Promise<string> {
  if (options.keyFile !== undefined) return readFileSync(options.keyFile, 'utf8');
  const fromEnv = ctx.env.NET_SYNC_KEY;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv;
  if (!ctx.interactive) throw new UsageError('joining needs the recovery phrase', 'set NET_SYNC_KEY or pass --key-file FILE (or run on a terminal to type it)');
  const { default: input } = await import('@inquirer/input');
  return input({ message: 'The 24 words of the recovery phrase (`net sync key` on a device that syncs):' });
}

export default async function syncJoin(ctx: Context, kind: string, place: string, options: JoinOptions): Promise<void> {
  const where = placeOf(kind, place);
  const key = keyOfPhrase(await phrase(ctx, options));
  const store = await ctx.database();
  const progress = ctx.io.stderrIsTTY ? (text: string) => ctx.io.error(`\r${text}`) : undefined;
  const result = await joinSpace(store, where, key, ctx.dbPath, { now: ctx.now, replace: options.replace, progress });
  if (progress) ctx.io.error('\r\u001b[K');
  if (result.backup) ctx.io.error(`The network that was here is kept in ${result.backup}.\n`);
  const { people } = result;
  ctx.io.write(
    `Joined through ${result.transport}: ${people} ${people === 1 ? 'person' : 'people'}, from the snapshot of ${result.snapshot.host} (${result.snapshot.at.slice(0, 10)}) ` +
      `and ${result.sync.applied.commands} change(s) after it.\n`,
  );
}
