// npm run build && node dist/bench/cli.js [--size small,medium,large] [--scenario due,show,…] [--runs 10] [--entry FILE]
// The whole-CLI benchmark: every everyday command (due, list, show, log,
// history --since, review, export contacts) timed on the three synthetic
// networks against the `node -e 0` floor, with its peak memory, and the
// targets of the large network checked. Wall time (hyperfine when installed)
// is what the targets speak of; CPU time, measured inside each process, is
// printed next to it because it hardly moves when the machine is busy.
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
import { hasHyperfine, timeCommands, userEnv } from './measure.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BENCH_DIR = resolve(ROOT, '.bench');

interface CliScenario {
  name: string;
  /** The arguments, given the busiest person of the network (for show and log). */
  args: (person: string) => string[];
  /** Writes to the database: runs on a copy, so the shared benchmark file stays as built. */
  writes?: boolean;
  /** Median at most this many times the floor on the large network. */
  ratio?: number;
}

export const CLI_SCENARIOS: readonly CliScenario[] = [
  { name: 'due', args: () => ['due'], ratio: 2.5 },
  { name: 'list', args: () => ['list'] },
  { name: 'show', args: (person) => ['show', person], ratio: 2.5 },
  { name: 'log', args: (person) => ['log', person, '--via', 'coffee', '-m', 'talked about the benchmark'], writes: true, ratio: 2.5 },
  { name: 'history', args: () => ['history', '--since', 'last monday'] },
  { name: 'review', args: () => ['review'], ratio: 4 },
  { name: 'export', args: () => ['export', 'contacts'] },
  // Target: under 2 s on the large network (a wall time, not a ratio).
  { name: 'duplicates', args: () => ['duplicates', '--json'] },
  { name: 'search', args: () => ['search', 'meetup', '--limit', '20'], ratio: 2 },
];

/** Peak memory target for every command on every size. */
const PEAK_MB = 150;

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
  process.stdout.write(`net whole-CLI benchmark: ${entry}\n${tool}, median of ${runs} runs after ${warmup} warm-ups, NET_NOW=${BENCH_TODAY}, node ${process.version}\n\n`);
  process.stdout.write(
    `${pad('size', 7, false)}${pad('command', 9, false)}${pad('node -e 0', 11)}${pad('net', 10)}${pad('ratio', 8)}` +
      `${pad('cpu floor', 11)}${pad('cpu net', 10)}${pad('ratio', 8)}${pad('peak MB', 9)}\n`,
  );

  const missed: string[] = [];
  for (const size of sizes) {
    const { path, built } = await benchDatabase(BENCH_DIR, size);
    if (built) process.stderr.write(`built ${size.name} in ${(built.ms / 1000).toFixed(1)} s\n`);
    const person = busiestPerson(path);
    const copy = resolve(BENCH_DIR, `cli-${size.name}-writes.db`);
    for (const scenario of scenarios) {
      const db = scenario.writes ? copy : path;
      if (scenario.writes) {
        for (const suffix of ['-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
        copyFileSync(path, copy);
      }
      const env = { ...process.env, NET_DB: db, NET_NOW: BENCH_TODAY, TZ: process.env.TZ ?? 'Europe/Rome', NO_COLOR: '1' };
      const argv = [process.execPath, entry, ...scenario.args(person)];
      const [floor, net] = timeCommands(
        [
          { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
          { name: scenario.name, argv },
        ],
        { env, runs, warmup, cwd: ROOT },
      );
      const floorUsage = usage([process.execPath, '-e', '0'], env, runs);
      const netUsage = usage(argv, env, runs);
      const peak = netUsage.peakMb;
      const ratio = net.median_ms / floor.median_ms;
      const cpuRatio = netUsage.cpuMs / floorUsage.cpuMs;
      process.stdout.write(
        `${pad(size.name, 7, false)}${pad(scenario.name, 9, false)}${pad(`${floor.median_ms} ms`, 11)}${pad(`${net.median_ms} ms`, 10)}` +
          `${pad(`${ratio.toFixed(2)}x`, 8)}${pad(`${floorUsage.cpuMs} ms`, 11)}${pad(`${netUsage.cpuMs} ms`, 10)}` +
          `${pad(`${cpuRatio.toFixed(2)}x`, 8)}${pad(peak, 9)}\n`,
      );
      if (peak >= PEAK_MB) missed.push(`${size.name} ${scenario.name}: peak ${peak} MB (target < ${PEAK_MB} MB)`);
      if (size.name === 'large' && scenario.ratio !== undefined && ratio > scenario.ratio) {
        missed.push(`large ${scenario.name}: ${ratio.toFixed(2)}x the floor in wall time, ${cpuRatio.toFixed(2)}x in CPU time (target ≤ ${scenario.ratio}x)`);
      }
    }
    if (existsSync(copy)) for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
  }
  const targets = `targets on the large network: log, show, due ≤ 2.5x the floor; review ≤ 4x; peak memory < ${PEAK_MB} MB everywhere`;
  process.stdout.write(`\n${targets}: ${missed.length ? `MISSED\n  ${missed.join('\n  ')}` : 'met'}\n`);
  if (missed.length) process.exitCode = 1;
}

await main();
