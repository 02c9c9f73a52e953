// npm run build && node dist/bench/cli.js [--size small,medium,large] [--scenario due,show,…] [--runs 10] [--entry FILE]
// The whole-CLI benchmark: every everyday command (due, list, show, log,
// history --since, review, search, export contacts) timed on the three
// synthetic networks against the `node -e 0` floor, with its peak memory,
// and the targets of issue 21 checked on every size: due, log, show,
// history and search at most 1.5x the floor, review 2.5x, list on the large
// network 2x the sqlite3 shell reading the same rows, peak memory 80 MB.
// Wall time (hyperfine when installed) is what the targets speak of; CPU
// time, measured inside each process, is printed next to it because it
// hardly moves when the machine is busy. Peers (bench/peers.ts): Taskwarrior's
// `task next` beside `net due`, the sqlite3 shell beside `net list`, each
// left out with a note when not installed. Every process runs without
// NODE_EXTRA_CA_CERTS (bench/measure.ts userEnv).
// `--entry` times another build of the CLI (e.g. dist/src/main.js, the
// unbundled one) instead of bin/net, for before/after figures.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { nameKey } from '../src/core/names.js';
import { BENCH_TODAY, benchDatabase, SIZES, type NetworkSize } from './generate.js';
import { hasHyperfine, timeCommands, userEnv, type BenchCommand } from './measure.js';
import { hasSqliteShell, hasTaskwarrior, sqliteListPeer, taskwarriorPeer, type TaskwarriorPeer } from './peers.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BENCH_DIR = resolve(ROOT, '.bench');

interface CliScenario {
  name: string;
  /** The arguments, given the busiest person of the network (for show and log). */
  args: (person: string) => string[];
  /** Writes to the database: runs on a copy, so the shared benchmark file stays as built. */
  writes?: boolean;
  /** Median wall time at most this many times the floor's, on every size. */
  ratio?: number;
  /** Median wall time at most this many times the sqlite3 shell's reading the same rows, on the large network. */
  shellRatio?: number;
}

export const CLI_SCENARIOS: readonly CliScenario[] = [
  { name: 'due', args: () => ['due'], ratio: 1.5 },
  { name: 'list', args: () => ['list'], shellRatio: 2 },
  { name: 'show', args: (person) => ['show', person], ratio: 1.5 },
  { name: 'log', args: (person) => ['log', person, '--via', 'coffee', '-m', 'talked about the benchmark'], writes: true, ratio: 1.5 },
  { name: 'history', args: () => ['history', '--since', 'last monday'], ratio: 1.5 },
  { name: 'review', args: () => ['review'], ratio: 2.5 },
  { name: 'export', args: () => ['export', 'contacts'] },
  // Target: under 2 s on the large network (a wall time, not a ratio).
  { name: 'duplicates', args: () => ['duplicates', '--json'] },
  { name: 'search', args: () => ['search', 'meetup', '--limit', '20'], ratio: 1.5 },
];

/** Peak memory target for every command on every size. */
const PEAK_MB = 80;

const PROBE = resolve(import.meta.dirname, 'cli-probe.js');

interface Usage {
  /** Median CPU time (user + system) of the runs, in ms. */
  cpuMs: number;
  /** Highest peak resident memory of the runs, in MB. */
  peakMb: number;
}

/** CPU time and peak memory of a node command, from inside it (bench/cli-probe.ts). */
function usage(argv: readonly string[], env: NodeJS.ProcessEnv, runs: number): Usage {
  const dir = mkdtempSync(join(tmpdir(), 'net-cli-bench-'));
  const file = join(dir, 'usage');
  try {
    const cpu: number[] = [];
    let peak = 0;
    for (let i = 0; i < runs; i++) {
      const result = spawnSync(argv[0], ['--import', pathToFileURL(PROBE).href, ...argv.slice(1)], {
        env: userEnv({ ...env, NET_BENCH_PROBE_FILE: file }),
        cwd: ROOT,
        stdio: 'ignore',
      });
      if (result.status !== 0) throw new Error(`${argv.join(' ')} failed (exit ${result.status})`);
      const [user, system, rss] = readFileSync(file, 'utf8').split(' ').map(Number);
      cpu.push((user + system) / 1000);
      peak = Math.max(peak, rss / 1024);
    }
    cpu.sort((a, b) => a - b);
    return { cpuMs: Math.round(cpu[cpu.length >> 1]), peakMb: Math.round(peak * 10) / 10 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The person with the most interactions, named as a user would (the full
 * name): the slowest `show`, a realistic `log`. Only a name whose stored key
 * is what net computes for it, so that the exact-name lookup applies.
 */
function busiestPerson(path: string): string {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const rows = db
      .prepare('select c.name, c.name_key from interaction_contacts ic join contacts c on c.id = ic.contact_id group by c.id order by count(*) desc limit 50')
      .all() as { name: string; name_key: string }[];
    const row = rows.find((r) => r.name_key === nameKey(r.name));
    if (!row) throw new Error(`${path}: no busy contact with a name key as net makes it`);
    return row.name;
  } finally {
    db.close();
  }
}

function pad(text: string | number, width: number, right = true): string {
  const s = typeof text === 'number' ? text.toLocaleString('en') : text;
  return right ? s.padStart(width) : s.padEnd(width);
}

function list(values: readonly string[] | undefined, fallback: readonly string[]): string[] {
  const out = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return out.length ? out : [...fallback];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', multiple: true },
      scenario: { type: 'string', multiple: true },
      runs: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      entry: { type: 'string', default: resolve(ROOT, 'bin', 'net') },
      help: { type: 'boolean', default: false },
    },
  });
  const names = CLI_SCENARIOS.map((s) => s.name);
  if (values.help) {
    process.stdout.write(`usage: node dist/bench/cli.js [--size small,medium,large] [--scenario ${names.join(',')}] [--runs N] [--warmup N] [--entry FILE]\n`);
    return;
  }
  const sizes = list(values.size, ['small', 'medium', 'large']).map((name): NetworkSize => {
    const size = SIZES[name];
    if (!size) throw new Error(`unknown size "${name}" (${Object.keys(SIZES).join(', ')})`);
    return size;
  });
  const scenarios = list(values.scenario, names).map((name) => {
    const scenario = CLI_SCENARIOS.find((s) => s.name === name);
    if (!scenario) throw new Error(`unknown scenario "${name}" (${names.join(', ')})`);
    return scenario;
  });
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  const entry = resolve(values.entry);
  const tool = hasHyperfine() ? 'hyperfine' : 'repeated runs';
  const taskwarrior = hasTaskwarrior();
  const shell = hasSqliteShell();
  process.stdout.write(`net whole-CLI benchmark: ${entry}\n${tool}, median of ${runs} runs after ${warmup} warm-ups, NET_NOW=${BENCH_TODAY}, node ${process.version}\n`);
  if (!taskwarrior) process.stdout.write('Taskwarrior (task) is not installed: no `task next` column\n');
  if (!shell) process.stdout.write('the sqlite3 shell is not installed: `net list` is not compared with it\n');
  process.stdout.write(
    `\n${pad('size', 7, false)}${pad('command', 9, false)}${pad('node -e 0', 11)}${pad('net', 10)}${pad('ratio', 8)}` +
      `${pad('cpu floor', 11)}${pad('cpu net', 10)}${pad('ratio', 8)}${pad('peak MB', 9)}  ${pad('target', 22, false)}peer\n`,
  );

  const missed: string[] = [];
  for (const size of sizes) {
    const { path, built } = await benchDatabase(BENCH_DIR, size);
    if (built) {
      process.stderr.write(`built ${size.name} in ${(built.ms / 1000).toFixed(1)} s\n`);
      // The build's -wal into the file now: else the first timed run pays for it.
      const sqlite = new BetterSqlite3(path);
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
    }
    const person = busiestPerson(path);
    const copy = resolve(BENCH_DIR, `cli-${size.name}-writes.db`);
    const tasks: TaskwarriorPeer | undefined = taskwarrior ? taskwarriorPeer(BENCH_DIR, path, size.name, BENCH_TODAY) : undefined;
    for (const scenario of scenarios) {
      const db = scenario.writes ? copy : path;
      if (scenario.writes) {
        for (const suffix of ['-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
        copyFileSync(path, copy);
      }
      const env = { ...process.env, ...tasks?.env, NET_DB: db, NET_NOW: BENCH_TODAY, TZ: process.env.TZ ?? 'Europe/Rome', NO_COLOR: '1' };
      const argv = [process.execPath, entry, ...scenario.args(person)];
      const peer: BenchCommand | undefined =
        scenario.name === 'due' ? tasks?.command : scenario.name === 'list' && shell ? sqliteListPeer(path) : undefined;
      const [floor, net, peerTiming] = timeCommands(
        [{ name: 'node -e 0', argv: [process.execPath, '-e', '0'] }, { name: scenario.name, argv }, ...(peer ? [peer] : [])],
        { env, runs, warmup, cwd: ROOT },
      );
      const floorUsage = usage([process.execPath, '-e', '0'], env, runs);
      const netUsage = usage(argv, env, runs);
      const peak = netUsage.peakMb;
      const ratio = net.median_ms / floor.median_ms;
      const cpuRatio = netUsage.cpuMs / floorUsage.cpuMs;
      const shellRatio = peerTiming && scenario.name === 'list' ? net.median_ms / peerTiming.median_ms : undefined;
      let target = '';
      if (scenario.ratio !== undefined) {
        const met = ratio <= scenario.ratio;
        target = `<=${scenario.ratio}x ${met ? 'met' : 'NOT MET'}`;
        if (!met) missed.push(`${size.name} ${scenario.name}: ${ratio.toFixed(2)}x the floor in wall time, ${cpuRatio.toFixed(2)}x in CPU time (target <= ${scenario.ratio}x)`);
      } else if (scenario.shellRatio !== undefined && size.name === 'large' && shellRatio !== undefined) {
        const met = shellRatio <= scenario.shellRatio;
        target = `<=${scenario.shellRatio}x sqlite3 ${met ? 'met' : 'NOT MET'}`;
        if (!met) missed.push(`large list: ${shellRatio.toFixed(1)}x the sqlite3 shell (${net.median_ms} against ${peerTiming?.median_ms} ms; target <= ${scenario.shellRatio}x)`);
      }
      if (peak > PEAK_MB) missed.push(`${size.name} ${scenario.name}: peak ${peak} MB (target <= ${PEAK_MB} MB)`);
      const peerText = peerTiming
        ? `${peerTiming.name} ${peerTiming.median_ms} ms${peerTiming.cpu_ms === undefined ? '' : ` (cpu ${peerTiming.cpu_ms} ms)`}${shellRatio === undefined ? '' : `, net ${shellRatio.toFixed(1)}x`}`
        : '';
      process.stdout.write(
        `${pad(size.name, 7, false)}${pad(scenario.name, 9, false)}${pad(`${floor.median_ms} ms`, 11)}${pad(`${net.median_ms} ms`, 10)}` +
          `${pad(`${ratio.toFixed(2)}x`, 8)}${pad(`${floorUsage.cpuMs} ms`, 11)}${pad(`${netUsage.cpuMs} ms`, 10)}` +
          `${pad(`${cpuRatio.toFixed(2)}x`, 8)}${pad(peak, 9)}  ${pad(target, 22, false)}${peerText}\n`,
      );
    }
    if (existsSync(copy)) for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
  }
  const targets = `targets (every size): due, log, show, history, search <= 1.5x the floor; review <= 2.5x; list on large <= 2x the sqlite3 shell; peak memory <= ${PEAK_MB} MB`;
  process.stdout.write(`\n${targets}: ${missed.length ? `NOT MET\n  ${missed.join('\n  ')}` : 'met'}\n`);
  if (missed.length) process.exitCode = 1;
}

await main();
