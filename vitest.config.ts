import { defineConfig } from 'vitest/config';
import { SLOW_TEST_FILES } from './test/slow-files.js';

// NET_TESTS=slow runs only the slow files (test/slow-files.ts), NET_TESTS=all everything.
const which = process.env.NET_TESTS ?? 'fast';

export default defineConfig({
  test: {
    include: which === 'slow' ? SLOW_TEST_FILES : ['test/**/*.test.ts'],
    exclude: which === 'fast' ? ['**/node_modules/**', ...SLOW_TEST_FILES] : ['**/node_modules/**'],
    setupFiles: ['test/property-seed.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The reliability tests start many `net` processes: keep the machine responsive.
    maxWorkers: 2,
  },
});
