// Timing and memory of whole commands: hyperfine when it is installed (it
// runs warm-ups and reports medians), else repeated runs timed here. Peak
// memory comes from the child itself (its VmHWM, bench/peak-memory.ts) through a tiny
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchCommand {
  name: string;
  /** The program and its arguments, e.g. [process.execPath, 'bin/net', 'due']. */
  argv: string[];
}

export interface Timing {
  name: string;
  median_ms: number;
  mean_ms: number;
  min_ms: number;
  max_ms: number;
  runs: number;
  tool: 'hyperfine' | 'node';
  /** Mean CPU time (user + system) of the runs, in ms, when hyperfine measured it. */
  cpu_ms?: number;
}

export interface MeasureOptions {
  env: NodeJS.ProcessEnv;
  runs: number;
  warmup: number;
  cwd?: string;
}

/**
 * The environment of a timed process, as on a user's machine: without
 * NODE_EXTRA_CA_CERTS, which a development machine may set and which adds
 * about 30 ms to every start of node (the floor's and net's alike, which
 * made every ratio look better than it is).
 */
export function userEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  delete clean.NODE_EXTRA_CA_CERTS;
  return clean;
}

export function hasHyperfine(): boolean {
  return spawnSync('hyperfine', ['--version'], { stdio: 'ignore' }).status === 0;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function withHyperfine(commands: readonly BenchCommand[], options: MeasureOptions): Timing[] {
  const dir = mkdtempSync(join(tmpdir(), 'net-bench-'));
  const out = join(dir, 'hyperfine.json');
  try {
    const args = ['-N', '--style', 'none', '--warmup', String(options.warmup), '--runs', String(options.runs), '--export-json', out];
    for (const c of commands) args.push('-n', c.name, c.argv.map(shellWord).join(' '));
    const result = spawnSync('hyperfine', args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error(`hyperfine failed (exit ${result.status})`);
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      results: Array<{ command: string; median: number; mean: number; min: number; max: number; times: number[]; user: number; system: number }>;
    };
    return report.results.map((r) => ({
      name: r.command,
      median_ms: round(r.median * 1000),
      mean_ms: round(r.mean * 1000),
      min_ms: round(r.min * 1000),
      max_ms: round(r.max * 1000),
      runs: r.times.length,
      tool: 'hyperfine' as const,
      cpu_ms: round((r.user + r.system) * 1000),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function withNode(commands: readonly BenchCommand[], options: MeasureOptions): Timing[] {
  return commands.map((c) => {
    const times: number[] = [];
    for (let i = 0; i < options.warmup + options.runs; i++) {
      const started = process.hrtime.bigint();
      const result = spawnSync(c.argv[0], c.argv.slice(1), { env: options.env, cwd: options.cwd, stdio: 'ignore' });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (result.status !== 0) throw new Error(`${c.name} failed (exit ${result.status})`);
      if (i >= options.warmup) times.push(ms);
    }
    return {
      name: c.name,
      median_ms: round(median(times)),
      mean_ms: round(times.reduce((a, b) => a + b, 0) / times.length),
      min_ms: round(Math.min(...times)),
      max_ms: round(Math.max(...times)),
      runs: times.length,
      tool: 'node' as const,
    };
  });
}

/** Wall time of each command: medians over `runs` after `warmup` runs. */
export function timeCommands(commands: readonly BenchCommand[], options: MeasureOptions): Timing[] {
  const clean = { ...options, env: userEnv(options.env) };
  return hasHyperfine() ? withHyperfine(commands, clean) : withNode(commands, clean);
}

const PROBE = resolve(import.meta.dirname, 'rss-probe.js');

interface ProbeReading {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
}

/** Runs a Node command once with the probe preloaded. argv[0] must be node. */
function probedRun(argv: readonly string[], env: NodeJS.ProcessEnv, file: string, cwd?: string): ProbeReading {
  const started = process.hrtime.bigint();
  const result = spawnSync(argv[0], ['--import', pathToFileURL(PROBE).href, ...argv.slice(1)], {
    env: userEnv({ ...env, NET_BENCH_RSS_FILE: file }),
    cwd,
    stdio: 'ignore',
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} failed (exit ${result.status})`);
  const { maxRssKb, cpuMs } = JSON.parse(readFileSync(file, 'utf8')) as { maxRssKb: number; cpuMs: number };
  return { wallMs, cpuMs, maxRssMb: maxRssKb / 1024 };
}

/** Peak resident memory of a Node command in MB (the highest of `runs` runs). argv[0] must be node. */
export function peakMemoryMb(argv: readonly string[], options: { env: NodeJS.ProcessEnv; cwd?: string; runs?: number }): number {
  const dir = mkdtempSync(join(tmpdir(), 'net-rss-'));
  try {
    let peak = 0;
    for (let i = 0; i < (options.runs ?? 3); i++) peak = Math.max(peak, probedRun(argv, options.env, join(dir, 'probe.json'), options.cwd).maxRssMb);
    return Math.round(peak * 10) / 10;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PairedResult {
  /** Median over pairs of (command wall time / floor wall time), the two run back to back. */
  wallRatio: number;
  /** The same with the CPU time each process used: steadier on a busy machine. */
  cpuRatio: number;
  floorCpuMs: number;
  commandCpuMs: number;
  peakMb: number;
}

/**
 * Runs the floor and the command alternately, `runs` times each, so that a
 * machine getting busier or quieter affects both alike; gives median ratios.
 */
export function pairedRatio(
  floor: readonly string[],
  command: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; runs: number; warmup: number },
): PairedResult {
  const dir = mkdtempSync(join(tmpdir(), 'net-pair-'));
  const file = join(dir, 'probe.json');
  try {
    const wall: number[] = [];
    const cpu: number[] = [];
    const floorCpu: number[] = [];
    const commandCpu: number[] = [];
    let peak = 0;
    for (let i = 0; i < options.warmup + options.runs; i++) {
      const a = probedRun(floor, options.env, file, options.cwd);
      const b = probedRun(command, options.env, file, options.cwd);
      if (i < options.warmup) continue;
      wall.push(b.wallMs / a.wallMs);
      cpu.push(b.cpuMs / a.cpuMs);
      floorCpu.push(a.cpuMs);
      commandCpu.push(b.cpuMs);
      peak = Math.max(peak, b.maxRssMb);
    }
    const r2 = (n: number) => Math.round(n * 100) / 100;
    return {
      wallRatio: r2(median(wall)),
      cpuRatio: r2(median(cpu)),
      floorCpuMs: round(median(floorCpu)),
      commandCpuMs: round(median(commandCpu)),
      peakMb: Math.round(peak * 10) / 10,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
