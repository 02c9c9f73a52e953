// Preloaded into a benchmarked process (node --import): writes its peak
// resident memory (KB) and the CPU time it used (ms) to $NET_BENCH_RSS_FILE
// as JSON when it exits.
import { writeFileSync } from 'node:fs';
import { ownPeakKb } from './peak-memory.js';

const file = process.env.NET_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: ownPeakKb(), cpuMs: (cpu.user + cpu.system) / 1000 }));
  });
}
