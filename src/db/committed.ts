// How many commands that changed data this process has committed: what
// `sync.auto` asks after a command ran (without loading the database code on
// the read path, where nothing is ever counted).
let committed = 0;

export function countCommitted(): void {
  committed += 1;
}

/** The count since the last call; starts again from zero. */
export function takeCommitted(): number {
  const n = committed;
  committed = 0;
  return n;
}
