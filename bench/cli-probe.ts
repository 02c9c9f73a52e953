// Preloaded into a benchmarked process (node --import): writes its own CPU
// time and peak memory to $NET_BENCH_PROBE_FILE when it exits, as
// `user_us system_us maxrss_kb`. CPU time, unlike wall time, hardly changes
// when other programs load the machine.
import { writeFileSync } from 'node:fs';
import { ownPeakKb } from './peak-memory.js';

const file = process.env.NET_BENCH_PROBE_FILE;
if (file) {
  process.on('exit', () => {
    const { userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(file, `${userCPUTime} ${systemCPUTime} ${ownPeakKb()}`);
  });
}
