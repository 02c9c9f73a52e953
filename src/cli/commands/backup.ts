// net backup: a consistent copy of the database, safe while other net commands write.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConflictError, DataError, UsageError } from '../../core/errors.js';
import { backupDatabase, defaultBackupPath } from '../../db/backup.js';
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
  if (file !== undefined) {
    // The database, its side files, a folder or a device are never written over.
    checkOutputPath(resolve(file), { dbPath: ctx.dbPath, force: true });
  }
  const opened = await ctx.existingDatabase();
  if (!opened) throw new DataError(`no database at ${ctx.dbPath}: nothing to back up`, 'add someone with `net add NAME` first');
  const target = file === undefined ? defaultBackupPath(ctx.dbPath, ctx.now) : resolve(file);
  if (existsSync(target) && !options.force) throw new ConflictError(`${target} already exists`, 'name another file, or add --force to replace it');
  // A new folder for backups is private, like the database's own.
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const result = await backupDatabase(opened.sqlite, target);
  if (options.json) {
    ctx.io.write(toJson({ path: result.path, bytes: result.bytes, created_at: ctx.now.toISOString() }));
    return;
  }
  ctx.io.write(`Backed up ${ctx.dbPath} to ${result.path} (${formatBytes(result.bytes)}).\n`);
}
