// npm run build && node dist/bench/sync.js [--runs 3] [--fresh] [--no-import]
// The sync benchmark, through a folder:
// - push and pull of 10,000 operations: device A (a small network) made some
//   4,000 commands since its last sync; `net sync` on A pushes them, then on
//   B pulls and applies them. Each run starts from copies of A, B and the space.
// - a new device joining the large network (20,000 people, 500,000
//   interactions, bench/generate.ts): `net sync init` on it (the first
//   snapshot), then `net sync join` on an empty database;
// - for comparison, importing the same data (its JSON export) into an empty
//   database: the target is that joining takes no longer.
// Wall time (median of the runs), CPU time and peak memory of each command
// (bench/rss-probe.ts).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { editContact, emptyContactChange } from '../src/app/edit-contact.js';
import { logTouch } from '../src/app/log-touch.js';
import { openDatabase } from '../src/db/open.js';
import { BENCH_TODAY, benchDatabase, generateNetwork, seededRandom, SIZES } from './generate.js';
import { runProbed, type ProbedRun } from './probed-run.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIR = resolve(ROOT, '.bench', 'sync');

type Run = ProbedRun;

/** Each command as a user's machine runs it (without NODE_EXTRA_CA_CERTS), with its CPU time and peak memory. */
const runNet = runProbed;

const removeDb = (path: string) => ['', '-wal', '-shm', '.sync-lock'].forEach((s) => rmSync(`${path}${s}`, { force: true }));
const copyDb = (from: string, to: string) => {
  removeDb(to);
  for (const suffix of ['', '-wal']) if (existsSync(`${from}${suffix}`)) cpSync(`${from}${suffix}`, `${to}${suffix}`);
};
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function line(name: string, results: readonly Run[], note = ''): Run {
  const ms = median(results.map((r) => r.ms));
  const peak = Math.max(...results.map((r) => r.peakMb));
  process.stdout.write(
    `${name.padEnd(60)}${`${(ms / 1000).toFixed(2)} s`.padStart(10)}${`${(median(results.map((r) => r.cpuMs)) / 1000).toFixed(2)} s`.padStart(10)}${peak.toFixed(0).padStart(9)}  ${note}\n`,
  );
  return { ms, peakMb: peak, cpuMs: median(results.map((r) => r.cpuMs)), stdout: '' };
}

/** Device A with ~10,000 operations made since its last sync, B in step before them, and the space: the templates of each run. */
async function tenThousand(env: NodeJS.ProcessEnv, fresh: boolean): Promise<{ a: string; b: string; space: string; ops: number }> {
  const base = resolve(DIR, 'ten');
  const a = resolve(base, 'a.db');
  const b = resolve(base, 'b.db');
  const space = resolve(base, 'space');
  const marker = resolve(base, 'ops');
  if (!fresh && existsSync(marker)) return { a, b, space, ops: Number(readFileSync(marker, 'utf8')) };
  rmSync(base, { recursive: true, force: true });
  mkdirSync(space, { recursive: true });
  await generateNetwork(a, { contacts: SIZES.small.contacts, interactions: SIZES.small.interactions });
  const phrase = runNet(['--db', a, 'sync', 'init', 'folder', space], env).stdout.trim();
  runNet(['--db', b, 'sync', 'join', 'folder', space], { ...env, NET_SYNC_KEY: phrase });
  const store = await openDatabase(a);
  const names = store.sqlite.prepare('select name from contacts where deleted_at is null order by id limit 150').pluck().all() as string[];
  const random = seededRandom(21);
  const clock = { now: new Date(`${BENCH_TODAY}T11:00:00.000Z`), today: BENCH_TODAY };
  const first = store.sqlite.prepare('select max(id) from ops').pluck().get() as number;
  const made = () => (store.sqlite.prepare('select max(id) from ops').pluck().get() as number) - first;
  for (let n = 0; made() < 10_000; n += 1) {
    const who = names[Math.floor(random() * names.length)];
    if (n % 3 === 2) {
      await editContact(store, clock, `#${store.sqlite.prepare('select id from contacts where name = ?').pluck().get(who)}`, {
        ...emptyContactChange(),
        fields: { company: `Company ${n % 40}` },
        addTags: [`tag${n % 9}`],
        removeTags: [],
      });
    } else {
      const other = names[Math.floor(random() * names.length)];
      await logTouch(store, clock, [...new Set([who, other])].map((name) => `#${store.sqlite.prepare('select id from contacts where name = ?').pluck().get(name)}`), {
        channel: 'call',
        direction: 'mutual',
        instant: new Date(clock.now.getTime() - Math.floor(random() * 300) * 86_400_000),
        note: `call number ${n}`,
        gave: [],
      });
    }
  }
  const ops = made();
  await store.close();
  writeFileSync(marker, String(ops));
  return { a, b, space, ops };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, fresh: { type: 'boolean', default: false }, 'no-import': { type: 'boolean', default: false } } });
  const runs = Math.max(1, Number(values.runs));
  mkdirSync(DIR, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, NET_NOW: BENCH_TODAY, TZ: process.env.TZ ?? 'Europe/Rome', NO_COLOR: '1' };
  process.stdout.write(`net sync benchmark: node ${process.version}, NET_NOW=${BENCH_TODAY}, through a folder\n\n`);
  process.stdout.write(`${'what'.padEnd(60)}${'wall'.padStart(10)}${'cpu'.padStart(10)}${'peak MB'.padStart(9)}\n`);

  const ten = await tenThousand(env, values.fresh);
  const work = resolve(DIR, 'work');
  const pushes: Run[] = [];
  const pulls: Run[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(work, { recursive: true, force: true });
    cpSync(resolve(ten.space, '..'), work, { recursive: true });
    // The copies point at the template's space: point them at this run's copy.
    for (const name of ['a.db', 'b.db']) {
      const copy = await openDatabase(resolve(work, name));
      copy.sqlite.prepare("update meta set value = ? where key = 'sync.location'").run(resolve(work, 'space'));
      await copy.close();
    }
    pushes.push(runNet(['--db', resolve(work, 'a.db'), 'sync'], env));
    pulls.push(runNet(['--db', resolve(work, 'b.db'), 'sync'], env));
  }
  line(`push ${ten.ops.toLocaleString('en')} operations (net sync on A)`, pushes);
  line(`pull and apply them (net sync on B)`, pulls);

  const { path: large } = await benchDatabase(resolve(ROOT, '.bench'), SIZES.large, values.fresh);
  const origin = resolve(DIR, 'large.db');
  const space = resolve(DIR, 'large-space');
  rmSync(space, { recursive: true, force: true });
  mkdirSync(space);
  copyDb(large, origin);
  const init = runNet(['--db', origin, 'sync', 'init', 'folder', space], env);
  line('init on the large network (its first snapshot)', [init]);
  const phrase = init.stdout.trim();
  const joins: Run[] = [];
  const joined = resolve(DIR, 'joined.db');
  for (let i = 0; i < runs; i++) {
    removeDb(joined);
    joins.push(runNet(['--db', joined, 'sync', 'join', 'folder', space], { ...env, NET_SYNC_KEY: phrase }));
  }
  const join = line('join the large network (20,000 / 500,000)', joins);

  if (!values['no-import']) {
    const contacts = resolve(DIR, 'contacts.json');
    const interactions = resolve(DIR, 'interactions.json');
    runNet(['--db', large, 'export', 'contacts', '--json', '--out', contacts], env);
    runNet(['--db', large, 'export', 'interactions', '--json', '--out', interactions], env);
    const imported = resolve(DIR, 'imported.db');
    removeDb(imported);
    const people = runNet(['--db', imported, 'import', 'json', contacts], env);
    const history = runNet(['--db', imported, 'import', 'json', interactions], env);
    const both: Run = { ms: people.ms + history.ms, cpuMs: people.cpuMs + history.cpuMs, peakMb: Math.max(people.peakMb, history.peakMb), stdout: '' };
    line('import the same data (JSON export, contacts + interactions)', [both], join.ms <= both.ms ? 'join ≤ import: met' : 'join > import: MISSED');
  }
  rmSync(work, { recursive: true, force: true });
}

await main();
