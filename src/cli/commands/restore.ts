// net restore: put a backup in place of the database, after checking it, and
// keep the database it replaces as one more backup.
import { resolve } from 'node:path';
import { DeclinedError, UsageError } from '../../core/errors.js';
import { inspectBackup } from '../../db/backup.js';
import { openDatabase } from '../../db/open.js';
import { databaseFileAt } from '../../db/output-guard.js';
import { restoreDatabase } from '../../db/restore.js';
import type { Context } from '../context.js';
import { toJson } from '../render.js';
import { colourPrompts } from '../prompt-colours.js';

interface RestoreOptions {
  yes?: boolean;
  json?: boolean;
}

export default async function restore(ctx: Context, file: string, options: RestoreOptions): Promise<void> {
  if (file.trim() === '') throw new UsageError('FILE is empty', 'name a backup, e.g. net restore net-backup-2026-03-14-120000.db');
  const source = resolve(file);
  const which = databaseFileAt(source, ctx.dbPath);
  if (which) throw new UsageError(`${source} is ${which}`, 'name a backup file');
  const info = inspectBackup(source);
  const what = `${info.contacts} contact(s) and ${info.interactions} interaction(s)`;
  if (!options.yes) {
    if (!ctx.interactive) {
      throw new UsageError(`restoring replaces ${ctx.dbPath}; this needs --yes without a terminal`, `net restore '${file}' --yes`);
    }
    colourPrompts(ctx);
    const { default: confirm } = await import('@inquirer/confirm');
    const ok = await confirm({
      message: `Replace ${ctx.dbPath} with ${source} (${what})? The current database is kept as a backup.`,
      default: false,
    });
    if (!ok) throw new DeclinedError('nothing was restored');
  }
  const restored = await restoreDatabase(source, ctx.dbPath, { now: ctx.now });
  // Opening applies the connection settings (WAL) now rather than at some later command.
  const opened = await openDatabase(ctx.dbPath);
  await opened.close();
  const { kept } = restored;
  const counts = `${restored.contacts} contact(s) and ${restored.interactions} interaction(s)`;
  if (options.json) {
    ctx.writeExact(
      toJson({ path: ctx.dbPath, restored_from: source, kept, schema_version: info.version, contacts: restored.contacts, interactions: restored.interactions }),
    );
    return;
  }
  ctx.io.write(`Restored ${ctx.dbPath} from ${source}: ${counts}.\n`);
  if (kept) ctx.io.write(`The database it replaced is kept as ${kept}.\n`);
}
