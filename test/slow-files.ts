// The slow part of the suite: loops of races, crashes and property-based
// hostile input through the real binary, each of which runs hundreds of
// processes. `npm test` (before every commit) leaves them out;
// `npm run test:slow` runs them, and CI runs both (`npm run test:ci`).
export const SLOW_TEST_FILES = [
  'test/reliability/bad-input.test.ts',
  'test/reliability/restore-races.test.ts',
  'test/reliability/backup-races.test.ts',
  'test/reliability/hostile-text.test.ts',
  'test/reliability/file-encodings.test.ts',
  'test/reliability/export-roundtrip.test.ts',
  'test/reliability/special-values.test.ts',
  'test/reliability/crash.test.ts',
  'test/reliability/concurrency.test.ts',
];
