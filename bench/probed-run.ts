// One command of net, timed from outside (wall) and measured from inside
// (CPU time and peak memory, through bench/rss-probe.ts), without
// NODE_EXTRA_CA_CERTS (bench/measure.ts userEnv).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { userEnv } from './measure.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = resolve(ROOT, 'bin', 'net');
const PROBE = resolve(import.meta.dirname, 'rss-probe.js');

export interface ProbedRun {
  ms: number;
  cpuMs: number;
  peakMb: number;
  stdout: string;
}

export function runProbed(args: readonly string[], env: NodeJS.ProcessEnv): ProbedRun {
  const dir = mkdtempSync(join(tmpdir(), 'net-probe-'));
  const rssFile = join(dir, 'rss');
  try {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', pathToFileURL(PROBE).href, BIN, ...args], {
      env: { ...userEnv(env), NET_BENCH_RSS_FILE: rssFile },
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`net ${args.join(' ')} failed (exit ${result.status}): ${result.stderr}`);
    const report = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKb: number; cpuMs: number };
    return { ms, peakMb: report.maxRssKb / 1024, cpuMs: report.cpuMs, stdout: result.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A line of a figures table: what, wall, CPU, peak. */
export function figureLine(name: string, run: Pick<ProbedRun, 'ms' | 'cpuMs' | 'peakMb'>, note = ''): string {
  return `${name.padEnd(64)}${`${(run.ms / 1000).toFixed(2)} s`.padStart(10)}${`${(run.cpuMs / 1000).toFixed(2)} s`.padStart(10)}${run.peakMb.toFixed(0).padStart(9)}  ${note}\n`;
}
