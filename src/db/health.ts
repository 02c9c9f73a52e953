// The health of a database file, as plain data for `net doctor`: the file and
// folder modes, the header (application id, schema version), SQLite's own
// integrity and foreign-key checks, the journal, and what the file holds.
// The database is opened read-only: a check never changes what it checks.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describeSqliteModuleFailure, sqliteModuleFailure } from '../core/sqlite-module.js';
import { listBackups } from './backup.js';
import { foreignOwner, kindOf, prepareSideFiles, SIDE_FILES } from './file-access.js';
import { findLeftovers } from './leftovers.js';
import { hasOlderSummaries, hasSummaries, summaryMismatches } from './summaries.js';
import { APPLICATION_ID, SCHEMA_VERSION } from './migrate.js';
import { BUSY_TIMEOUT_MS } from './open.js';

export type Status = 'ok' | 'warn' | 'fail';

export interface HealthCheck {
  check: string;
  status: Status;
  detail: string;
  /** What to do about it, when it is not ok. */
  fix: string | null;
}

/** A -wal file larger than this is worth a word: it slows every open. */
export const WAL_WARN_BYTES = 64 * 1024 * 1024;

/** How old the newest backup may be before doctor suggests a new one. */
export const BACKUP_WARN_DAYS = 30;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

function octal(mode: number): string {
  return `0${(mode & 0o777).toString(8)}`;
}

function modeCheck(dbPath: string): HealthCheck {
  const folder = dirname(dbPath);
  const problems: string[] = [];
  const fixes: string[] = [];
  const modes: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    const path = `${dbPath}${suffix}`;
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    const mode = stat.mode;
    modes.push(`${suffix ? suffix.slice(1) : 'file'} ${octal(mode)}`);
    const owner = foreignOwner(stat);
    if (owner !== null) {
      problems.push(`${path} belongs to another user (uid ${owner})`);
      fixes.push(suffix ? `ask its owner to remove '${path}'` : `run net as its owner, or copy the database to a file of yours`);
    } else if (mode & 0o077) {
      problems.push(`${path} is readable by others (${octal(mode)})`);
      fixes.push(`chmod 600 '${path}'`);
    }
  }
  const folderMode = statSync(folder).mode;
  modes.push(`folder ${octal(folderMode)}`);
  if (folderMode & 0o077) {
    problems.push(`the folder ${folder} is open to others (${octal(folderMode)})`);
    fixes.push(`chmod 700 '${folder}'`);
  }
  return problems.length
    ? { check: 'file modes', status: 'fail', detail: problems.join('; '), fix: fixes.join(' && ') }
    : { check: 'file modes', status: 'ok', detail: modes.join(', '), fix: null };
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** net writes the file, and SQLite creates its -wal and -shm next to it. */
function writableCheck(dbPath: string): HealthCheck {
  const folder = dirname(dbPath);
  if (!canWrite(folder)) {
    const name = basename(dbPath);
    return {
      check: 'writable',
      status: 'fail',
      detail: `the folder ${folder} is read-only: SQLite cannot create ${name}-wal and ${name}-shm, and net can neither read nor write`,
      fix: `make it writable (chmod u+w '${folder}'), or copy the database to a writable folder and use --db`,
    };
  }
  if (!canWrite(dbPath)) {
    return { check: 'writable', status: 'fail', detail: `${dbPath} is read-only: net can read it but not write to it`, fix: `chmod u+w '${dbPath}'` };
  }
  // A read-only -wal or -shm (left by a read of a read-only database) makes
  // every write fail, while the file itself looks writable. The mode bits are
  // read, not access(): root may write anyway, the owner cannot.
  const stuck = SIDE_FILES.map((suffix) => `${dbPath}${suffix}`).filter((path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat !== undefined && ((stat.mode & 0o200) === 0 || !canWrite(path));
  });
  if (stuck.length) {
    return {
      check: 'writable',
      status: 'fail',
      detail: `${stuck.join(' and ')} ${stuck.length > 1 ? 'are' : 'is'} read-only: every write to the database fails`,
      fix: stuck.map((path) => `chmod 600 '${path}'`).join(' && '),
    };
  }
  return { check: 'writable', status: 'ok', detail: 'file and folder', fix: null };
}

function fileCheck(dbPath: string): HealthCheck {
  const bytes = statSync(dbPath).size;
  return { check: 'database', status: 'ok', detail: `${dbPath} (${formatBytes(bytes)})`, fix: null };
}

function headerCheck(sqlite: BetterSqlite3.Database): { check: HealthCheck; usable: boolean } {
  const appId = sqlite.pragma('application_id', { simple: true }) as number;
  const version = sqlite.pragma('user_version', { simple: true }) as number;
  if (appId !== APPLICATION_ID) {
    return {
      check: {
        check: 'schema',
        status: 'fail',
        detail: appId === 0 ? 'not a net database (no application id)' : `not a net database (application id ${appId})`,
        fix: 'point --db or NET_DB at your net database',
      },
      usable: false,
    };
  }
  if (version > SCHEMA_VERSION) {
    return {
      check: { check: 'schema', status: 'fail', detail: `version ${version}, newer than this net (${SCHEMA_VERSION})`, fix: 'upgrade net; the database was not changed' },
      usable: false,
    };
  }
  if (version < SCHEMA_VERSION) {
    return {
      check: { check: 'schema', status: 'ok', detail: `version ${version}; the next net command upgrades it to ${SCHEMA_VERSION}`, fix: null },
      usable: true,
    };
  }
  return { check: { check: 'schema', status: 'ok', detail: `version ${version} (current)`, fix: null }, usable: true };
}

function integrityCheck(sqlite: BetterSqlite3.Database, restoreHint: string): HealthCheck {
  let rows: string[];
  try {
    rows = (sqlite.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check);
  } catch (error) {
    // Damage in the schema itself makes the check fail outright.
    rows = [(error as Error).message];
  }
  if (rows.join() === 'ok') return { check: 'integrity', status: 'ok', detail: 'ok', fix: null };
  return { check: 'integrity', status: 'fail', detail: rows.slice(0, 3).join('; '), fix: restoreHint };
}

function foreignKeyCheck(sqlite: BetterSqlite3.Database, restoreHint: string): HealthCheck {
  const rows = sqlite.pragma('foreign_key_check') as { table: string; parent: string }[];
  if (rows.length === 0) return { check: 'foreign keys', status: 'ok', detail: 'no broken references', fix: null };
  const tables = [...new Set(rows.map((r) => `${r.table} → ${r.parent}`))].join(', ');
  return { check: 'foreign keys', status: 'fail', detail: `${rows.length} broken reference(s): ${tables}`, fix: restoreHint };
}

function journalCheck(sqlite: BetterSqlite3.Database, dbPath: string): HealthCheck {
  const mode = String(sqlite.pragma('journal_mode', { simple: true }));
  const walBytes = existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0;
  if (mode !== 'wal') {
    return { check: 'journal', status: 'warn', detail: `${mode} mode instead of WAL`, fix: 'the next net command switches it back to WAL' };
  }
  if (walBytes > WAL_WARN_BYTES) {
    return {
      check: 'journal',
      status: 'warn',
      detail: `WAL, ${formatBytes(walBytes)} not yet written back`,
      fix: 'it is written back when no other program keeps the database open; close them and run any net command',
    };
  }
  return { check: 'journal', status: 'ok', detail: `WAL, ${formatBytes(walBytes)} pending`, fix: null };
}

function countsCheck(sqlite: BetterSqlite3.Database): HealthCheck {
  const has = (table: string): boolean =>
    sqlite.prepare("select 1 from sqlite_schema where type = 'table' and name = ?").get(table) !== undefined;
  const count = (sqlText: string): number => (sqlite.prepare(sqlText).get() as { n: number }).n;
  // Tombstones (schema 5 on) are not records any more; an older file has none.
  const live = (table: string, condition = ''): string => {
    const tombstones = sqlite.prepare(`select 1 from pragma_table_info('${table}') where name = 'deleted_at'`).get() !== undefined;
    const conditions = [condition, tombstones ? 'deleted_at is null' : ''].filter(Boolean);
    return `select count(*) as n from ${table}${conditions.length ? ` where ${conditions.join(' and ')}` : ''}`;
  };
  const parts: string[] = [];
  if (has('contacts')) {
    const all = count(live('contacts'));
    const archived = count(live('contacts', 'archived_at is not null'));
    parts.push(`${all} contact(s)${archived ? ` (${archived} archived)` : ''}`);
  }
  if (has('interactions')) parts.push(`${count(live('interactions'))} interaction(s)`);
  if (has('favours')) parts.push(`${count(live('favours'))} favour(s)`);
  if (has('followups')) {
    const dropped = sqlite.prepare("select 1 from pragma_table_info('followups') where name = 'dropped_on'").get() !== undefined;
    parts.push(`${count(live('followups', `done_on is null${dropped ? ' and dropped_on is null' : ''}`))} open follow-up(s)`);
  }
  if (has('outreach')) parts.push(`${count(live('outreach', 'ended_on is null'))} active outreach`);
  return { check: 'records', status: 'ok', detail: parts.join(', ') || 'no tables yet', fix: null };
}

function backupCheck(dbPath: string, now: Date): HealthCheck {
  const [newest] = listBackups(dbPath);
  if (!newest) return { check: 'backups', status: 'warn', detail: 'none next to the database', fix: 'run `net backup`' };
  const days = Math.floor((now.getTime() - newest.modified.getTime()) / 86_400_000);
  const age = days <= 0 ? 'today' : `${days} day(s) ago`;
  const detail = `newest: ${newest.path} (${age}, ${formatBytes(newest.bytes)})`;
  if (days > BACKUP_WARN_DAYS) return { check: 'backups', status: 'warn', detail, fix: 'run `net backup`' };
  return { check: 'backups', status: 'ok', detail, fix: null };
}

function summariesCheck(sqlite: BetterSqlite3.Database): HealthCheck | null {
  if (hasOlderSummaries(sqlite)) return { check: 'summaries', status: 'ok', detail: 'in the form of an older version: checked once the next net command has upgraded the file', fix: null };
  if (!hasSummaries(sqlite)) return null;
  const differ = summaryMismatches(sqlite);
  if (differ === 0) return { check: 'summaries', status: 'ok', detail: "each person's latest interactions agree with the record", fix: null };
  return {
    check: 'summaries',
    status: 'fail',
    detail: `${differ} person(s) summarised unlike their interactions (the interactions are the record)`,
    fix: 'run `net doctor --repair` to write the summaries again from the interactions',
  };
}

/** A sync older than this is worth a word. */
export const SYNC_WARN_DAYS = 7;

/** Sync's health, from what the last `net sync` left in meta (no network needed). */
function syncCheck(sqlite: BetterSqlite3.Database, now: Date): HealthCheck | null {
  const hasMeta = sqlite.prepare("select 1 from sqlite_schema where type = 'table' and name = 'meta'").get() !== undefined;
  const hasBatches = sqlite.prepare("select 1 from sqlite_schema where type = 'table' and name = 'sync_batches'").get() !== undefined;
  if (!hasMeta || !hasBatches) return null;
  const meta = (key: string) => sqlite.prepare('select value from meta where key = ?').pluck().get(key) as string | undefined;
  const space = meta('sync.space');
  if (!space) return null;
  if (!meta('sync.key')) {
    return { check: 'sync', status: 'fail', detail: 'this device syncs but its key is missing', fix: 'join the space again: `net sync join … --replace`' };
  }
  const device = meta('device');
  const unpushed = sqlite.prepare('select coalesce(sum(last_op - first_op + 1), 0) from commands where device = ? and batch is null').pluck().get(device) as number;
  const kept = sqlite.prepare('select count(*) from sync_conflicts').pluck().get() as number;
  const last = meta('sync.last');
  const days = last ? Math.floor((now.getTime() - new Date(last).getTime()) / 86_400_000) : undefined;
  const parts = [
    `through ${meta('sync.kind')} ${meta('sync.location')}`,
    last ? `last sync ${days !== undefined && days <= 0 ? 'today' : `${days} day(s) ago`}` : 'never synced',
    `${unpushed} operation(s) not pushed`,
  ];
  const waiting = Number(meta('sync.waiting') ?? 0);
  if (waiting > 0) parts.push(`${waiting} batch(es) waiting for files still on their way`);
  if (kept > 0) parts.push(`${kept} note(s) kept from conflicts (\`net sync status\`)`);
  const error = meta('sync.error');
  if (error) return { check: 'sync', status: 'warn', detail: `${parts.join('; ')}; the last sync failed: ${error}`, fix: 'run `net sync` and read what it says' };
  if (days === undefined || days > SYNC_WARN_DAYS) return { check: 'sync', status: 'warn', detail: parts.join('; '), fix: 'run `net sync`' };
  return { check: 'sync', status: 'ok', detail: parts.join('; '), fix: null };
}

function leftoversCheck(dbPath: string): HealthCheck | null {
  const found = findLeftovers(dbPath);
  if (!found.length) return null;
  const bytes = found.reduce((sum, f) => sum + f.bytes, 0);
  return {
    check: 'leftovers',
    status: 'warn',
    detail: `${found.length} temporary file(s) of a backup, restore or export that did not finish (${formatBytes(bytes)}): ${found.map((f) => f.path).join(', ')}`,
    fix: 'run `net doctor --repair` to remove them',
  };
}

/** The native SQLite module loads (it fails after a change of Node.js, not because of the database). */
function sqliteModuleCheck(): HealthCheck | null {
  try {
    new BetterSqlite3(':memory:').close();
    return null;
  } catch (error) {
    const failure = sqliteModuleFailure(error);
    if (!failure) throw error;
    const { message, fix } = describeSqliteModuleFailure(failure, process.version);
    return { check: 'sqlite module', status: 'fail', detail: message, fix };
  }
}

/** Every check on the database at `dbPath`; `now` dates the newest backup. */
export function checkHealth(dbPath: string, now: Date): HealthCheck[] {
  // Without its SQLite module net can check nothing else: that comes first.
  const sqliteModule = sqliteModuleCheck();
  if (sqliteModule) return [sqliteModule];
  if (!existsSync(dbPath)) {
    return [{ check: 'database', status: 'ok', detail: `no database yet at ${dbPath}`, fix: null }];
  }
  const stat = statSync(dbPath);
  if (!stat.isFile()) {
    return [{ check: 'database', status: 'fail', detail: `${dbPath} is ${kindOf(stat)}, not a database file`, fix: 'point --db or NET_DB at your net database' }];
  }
  const checks: HealthCheck[] = [fileCheck(dbPath), modeCheck(dbPath), writableCheck(dbPath)];
  const leftovers = leftoversCheck(dbPath);
  const tail = (): HealthCheck[] => [...(leftovers ? [leftovers] : []), backupCheck(dbPath, now)];
  const [newest] = listBackups(dbPath);
  const restoreHint = newest
    ? `restore the newest backup: net restore '${newest.path}'`
    : 'restore a backup with `net restore FILE`; make copies with `net backup` from now on';
  const foreign = ['', ...SIDE_FILES].find((suffix) => {
    const side = statSync(`${dbPath}${suffix}`, { throwIfNoEntry: false });
    return side !== undefined && foreignOwner(side) !== null;
  });
  if (foreign !== undefined) {
    // Reading would leave side files of ours beside another user's database.
    checks.push({ check: 'open', status: 'fail', detail: `not opened: ${dbPath}${foreign} belongs to another user`, fix: 'run net doctor as its owner' });
    return [...checks, ...tail()];
  }
  let sqlite: BetterSqlite3.Database;
  try {
    prepareSideFiles(dbPath);
    sqlite = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    checks.push({ check: 'open', status: 'fail', detail: (error as Error).message, fix: 'check that the file and its folder are readable' });
    return checks;
  }
  try {
    const header = headerCheck(sqlite);
    checks.push(header.check);
    checks.push(integrityCheck(sqlite, restoreHint));
    if (header.usable) {
      checks.push(foreignKeyCheck(sqlite, restoreHint));
      checks.push(journalCheck(sqlite, dbPath));
      checks.push(countsCheck(sqlite));
      const summaries = summariesCheck(sqlite);
      if (summaries) checks.push(summaries);
      const sync = syncCheck(sqlite, now);
      if (sync) checks.push(sync);
    }
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    const damaged = code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT');
    checks.push({
      check: 'open',
      status: 'fail',
      detail: (error as Error).message,
      fix: damaged ? restoreHint : 'check that the file and its folder are readable',
    });
  } finally {
    sqlite.close();
  }
  return [...checks, ...tail()];
}
