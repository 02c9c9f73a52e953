// npm run bench [-- --size large] [--scenario due] [--runs 20] [--fresh]
// Times `net` commands on synthetic networks against the `node -e 0` floor,
// and reports their peak memory. Generated databases live in .bench/.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_TODAY, benchDatabase, SIZES, type NetworkSize } from './generate.js';
import { hasHyperfine, pairedRatio, timeCommands } from './measure.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = resolve(ROOT, 'bin', 'net');
const BENCH_DIR = resolve(ROOT, '.bench');

/** A command to time, by name; other benchmarks add theirs. */
export interface Scenario {
  name: string;
  description: string;
  args: string[];
}

export const SCENARIOS: Readonly<Record<string, Scenario>> = {
  due: { name: 'due', description: 'net due, the morning list (piped: plain rows)', args: ['due'] },
  'due-json': { name: 'due-json', description: 'net due --json: every item', args: ['due', '--json'] },
  review: { name: 'review', description: 'net review, the last 7 days (piped: plain report)', args: ['review'] },
  'review-quarter': { name: 'review-quarter', description: 'net review --quarter --json', args: ['review', '--quarter', '--json'] },
};

/** The target of the due issue, on the large network. */
const TARGET = { ratio: 2.5, peakMb: 120 };

function list(values: readonly string[] | undefined, fallback: string[]): string[] {
  const out = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return out.length ? out : fallback;
}

function pad(text: string | number, width: number, right = true): string {
  const s = typeof text === 'number' ? text.toLocaleString('en') : text;
  return right ? s.padStart(width) : s.padEnd(width);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', multiple: true },
      scenario: { type: 'string', multiple: true },
      runs: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      fresh: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      `usage: npm run bench -- [--size small,medium,large] [--scenario ${Object.keys(SCENARIOS).join(',')}] [--runs N] [--warmup N] [--fresh]\n`,
    );
    return;
  }
  const sizes = list(values.size, ['small', 'medium', 'large']).map((name): NetworkSize => {
    const size = SIZES[name];
    if (!size) throw new Error(`unknown size "${name}" (${Object.keys(SIZES).join(', ')})`);
    return size;
  });
  const scenarios = list(values.scenario, ['due']).map((name) => {
    const scenario = SCENARIOS[name];
    if (!scenario) throw new Error(`unknown scenario "${name}" (${Object.keys(SCENARIOS).join(', ')})`);
    return scenario;
  });
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);

  const tool = hasHyperfine() ? 'hyperfine' : 'repeated runs (install hyperfine for steadier figures)';
  process.stdout.write(`net benchmark: ${tool}, ${runs} runs after ${warmup} warm-ups, NET_NOW=${BENCH_TODAY}, node ${process.version}\n\n`);
  const header =
    `${pad('size', 7, false)}${pad('scenario', 10, false)}${pad('contacts', 9)}${pad('interactions', 13)}` +
    `${pad('node -e 0', 11)}${pad('net', 10)}${pad('ratio', 7)}${pad('paired', 8)}${pad('cpu', 7)}${pad('peak MB', 9)}`;
  process.stdout.write(`${header}\n`);
  let largeDue: { ratio: number; paired: number; peak: number } | undefined;

  for (const size of sizes) {
    const { path, built } = await benchDatabase(BENCH_DIR, size, values.fresh);
    if (built) process.stderr.write(`built ${size.name}: ${built.contacts} contacts, ${built.interactions} interactions in ${(built.ms / 1000).toFixed(1)} s\n`);
    const env = { ...process.env, NET_DB: path, NET_NOW: BENCH_TODAY, TZ: process.env.TZ ?? 'Europe/Rome', NO_COLOR: '1' };
    for (const scenario of scenarios) {
      const argv = [process.execPath, BIN, ...scenario.args];
      const [floor, net] = timeCommands(
        [
          { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
          { name: `net ${scenario.args.join(' ')}`, argv },
        ],
        { env, runs, warmup, cwd: ROOT },
      );
      const paired = pairedRatio([process.execPath, '-e', '0'], argv, { env, cwd: ROOT, runs, warmup: 1 });
      const ratio = net.median_ms / floor.median_ms;
      const peak = paired.peakMb;
      if (size.name === 'large' && scenario.name === 'due') largeDue = { ratio, paired: paired.wallRatio, peak };
      process.stdout.write(
        `${pad(size.name, 7, false)}${pad(scenario.name, 10, false)}${pad(size.contacts, 9)}${pad(size.interactions, 13)}` +
          `${pad(`${floor.median_ms} ms`, 11)}${pad(`${net.median_ms} ms`, 10)}${pad(`${ratio.toFixed(2)}x`, 7)}` +
          `${pad(`${paired.wallRatio.toFixed(2)}x`, 8)}${pad(`${paired.cpuRatio.toFixed(2)}x`, 7)}${pad(peak, 9)}\n`,
      );
    }
  }
  process.stdout.write(
    '\nnode -e 0 and net: hyperfine medians; ratio: of those medians; paired: median ratio of wall times with the two\n' +
      'run alternately (steadier when the machine is busy); cpu: the same with CPU time; peak: highest resident memory.\n',
  );
  if (largeDue) {
    const met = largeDue.ratio <= TARGET.ratio && largeDue.peak < TARGET.peakMb;
    process.stdout.write(
      `target on the large network: net due median ≤ ${TARGET.ratio}x the floor and peak < ${TARGET.peakMb} MB: ` +
        `${met ? 'met' : 'MISSED'} (${largeDue.ratio.toFixed(2)}x, paired ${largeDue.paired.toFixed(2)}x, ${largeDue.peak} MB)\n`,
    );
  }
}

await main();
