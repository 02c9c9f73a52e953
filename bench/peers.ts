// The peers the whole-CLI benchmark times next to net: Taskwarrior's
// `task next` on a task list of the same size (one task per person, with a
// due date), the closest thing to `net due` a command-line user already
// runs every morning; and, for `net list`, the same rows read by the sqlite3
// shell. Either is left out, with a note, when it is not installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { addDays } from '../src/core/dates.js';
import { seededRandom } from '../src/core/random.js';
import type { BenchCommand } from './measure.js';

function installed(program: string, args: readonly string[]): boolean {
  return spawnSync(program, args, { stdio: 'ignore' }).status === 0;
}

export const hasTaskwarrior = (): boolean => installed('task', ['--version']);
export const hasSqliteShell = (): boolean => installed('sqlite3', ['--version']);

/** Bump when the generated task lists change, so old ones are rebuilt. */
const TASKS_VERSION = 1;

/** Taskwarrior's date form: 20260314T090000Z. */
const taskDate = (day: string): string => `${day.replaceAll('-', '')}T090000Z`;

export interface TaskwarriorPeer {
  command: BenchCommand;
  /** TASKRC and TASKDATA of the generated list. */
  env: NodeJS.ProcessEnv;
  tasks: number;
}

/**
 * A Taskwarrior data folder under `dir` with one pending task per person of
 * the network at `db` (not archived), each due within two weeks before or
 * three months after `today`; imported once, then reused.
 */
export function taskwarriorPeer(dir: string, db: string, size: string, today: string): TaskwarriorPeer {
  const data = join(dir, `task-${size}-v${TASKS_VERSION}`);
  const rc = join(data, 'taskrc');
  const env = { TASKRC: rc, TASKDATA: data };
  const sqlite = new BetterSqlite3(db, { readonly: true });
  let names: string[];
  try {
    names = (sqlite.prepare('select name from contacts where archived_at is null and deleted_at is null order by id').pluck().all() as string[]);
  } finally {
    sqlite.close();
  }
  if (!existsSync(join(data, 'pending.data'))) {
    rmSync(data, { recursive: true, force: true });
    mkdirSync(data, { recursive: true });
    // No hooks, no questions, no news: the report alone is timed.
    writeFileSync(rc, `data.location=${data}\nconfirmation=off\nverbose=nothing\nnews.version=99.99.99\nhooks=off\n`);
    const random = seededRandom(7);
    const tasks = names.map((name, i) => ({
      uuid: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      status: 'pending',
      description: `get back in touch with ${name}`,
      entry: taskDate(addDays(today, -400)),
      due: taskDate(addDays(today, Math.floor(random() * 104) - 14)),
    }));
    const file = join(data, 'import.json');
    writeFileSync(file, JSON.stringify(tasks));
    const imported = spawnSync('task', ['import', file], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (imported.status !== 0) throw new Error(`task import failed (exit ${imported.status}): ${imported.stderr}`);
  }
  return { command: { name: 'task next', argv: ['task', 'next'] }, env, tasks: names.length };
}

/** The rows `net list` prints, sorted by name, read by the sqlite3 shell. */
export function sqliteListPeer(db: string): BenchCommand {
  const query =
    'select c.id, c.name, c.circle, c.company, a.last_on, c.cadence_days from contacts c left join contact_activity a on a.contact_id = c.id ' +
    'where c.deleted_at is null and c.archived_at is null order by c.name, c.id';
  return { name: 'sqlite3 list', argv: ['sqlite3', '-readonly', db, query] };
}
