// V8 grows its young generation when many objects outlive its collections:
// doubling, up to 64 MB a semi-space on a machine with memory to spare
// (128 MB in all), and the memory stays with the process to its end. Node
// reads the limit only at start (--max-semi-space-size in the `#!` line is
// not portable), but V8 reads the growth factor at each growth: set to 1, the
// young generation stays as it is from then on.

/** People from whom a listing held whole stops the young generation growing. */
export const MANY_PEOPLE = 5000;

/** The young generation (both semi-spaces) a long stream of records may grow to. */
const STREAM_YOUNG_BYTES = 16 * 1024 * 1024;

function stopGrowth(v8: typeof import('node:v8')): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * Stops the young generation growing from now on, for a listing that holds
 * everyone's rows to its end: `net list` on 20,000 people peaks at 78 MB
 * instead of 86, and is sooner (313 → 287 ms): fewer collections copy the
 * rows. Loading node:v8 costs some 3.5 ms, so only listings of MANY_PEOPLE.
 */
export function keepYoungGenerationSmall(): void {
  stopGrowth(process.getBuiltinModule('node:v8'));
}

/**
 * For a stream of records (an export): a check, given the count so far, that
 * lets the young generation grow to 16 MB and stops it there. At 1 MB (from
 * the start) an export of 500,000 interactions took twice as long; left
 * alone, it grew to 128 MB (a 237 MB peak); at 16 MB it peaks at 126 MB and
 * is sooner. Looks every 1,024 records: small exports never load node:v8.
 */
export function youngGenerationCap(): (count: number) => void {
  let done = false;
  return (count) => {
    if (done || count % 1024 !== 0) return;
    const v8 = process.getBuiltinModule('node:v8');
    const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    if (young === undefined || young.space_size >= STREAM_YOUNG_BYTES) {
      stopGrowth(v8);
      done = true;
    }
  };
}
