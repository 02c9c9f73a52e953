// net backup: a consistent copy of the database, safe while other net commands write.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConflictError, DataError, UsageError } from '../../core/errors.js';
import { backupDatabase, backupNextTo, type BackupResult } from '../../db/backup.js';
import { formatBytes } from '../../db/health.js';
import { checkOutputPath } from '../../db/output-guard.js';
import type { Context } from '../context.js';
import { toJson } from '../render.js';

interface BackupOptions {
  force?: boolean;
  json?: boolean;
}

export default async function backup(ctx: Context, file: string | undefined, options: BackupOptions): Promise<void> {
  if (file !== undefined && file.trim() === '') throw new UsageError('FILE is empty', 'leave it out for a name next to the database');
  const target = file === undefined ? undefined : resolve(file);
  if (target !== undefined) {
    checkOutputPath(target, { dbPath: ctx.dbPath, force: true });
    if (existsSync(target) && !options.force) throw new ConflictError(`${target} already exists`, 'name another file, or add --force to replace it');
  }
  const opened = await ctx.existingDatabase();
  if (!opened) throw new DataError(`no database at ${ctx.dbPath}: nothing to back up`, 'add someone with `net add NAME` first');
  let result: BackupResult;
  if (target === undefined) result = await backupNextTo(opened.sqlite, ctx.dbPath, ctx.now);
  else {
    // A new folder for backups is private, like the database's own.
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    result = await backupDatabase(opened.sqlite, target, { replace: options.force });
  }
  if (options.json) {
    ctx.writeExact(toJson({ path: result.path, bytes: result.bytes, created_at: ctx.now.toISOString() }));
    return;
  }
  ctx.io.write(`Backed up ${ctx.dbPath} to ${result.path} (${formatBytes(result.bytes)}).\n`);
}
