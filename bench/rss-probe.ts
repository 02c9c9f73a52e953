// Preloaded into a benchmarked process (node --import): writes its peak
// resident memory (KB) to $NET_BENCH_RSS_FILE when it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.NET_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
