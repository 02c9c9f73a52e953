// What an operation knew when it was made: causality at batch granularity.
// Each batch carries its device's seen vector (the last batch of each other
// device its commands had applied), and each command remembers the batch it
// travelled in. An operation X knew an operation Y when:
// - they are of one device: Y came first (the device's clock only moves on);
// - X is this device's: Y was applied here before X was made (command ids
//   are given in the order things happen here);
// - X is another device's: Y's batch is within X's batch's seen vector.
// Batches are applied in causal order (a batch waits for what its vector
// names), so the three agree on every device.
import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { OpsTable } from '../db/schema.js';

/** An operation (as the ops table holds it) with what its command says about where it comes from. */
export interface KnownOp extends Omit<Selectable<OpsTable>, 'command_id'> {
  /** The local id of its command. */
  cmd: number;
  cmd_uid: string;
  hlc: string;
  device: string;
  batch: number | null;
  at: string;
}

export type Vector = Record<string, number>;

/** Orders operations as last-writer-wins does: clock, then device, then their order within a command. */
export function compareVersions(a: KnownOp, b: KnownOp): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.device !== b.device) return a.device < b.device ? -1 : 1;
  return a.id - b.id;
}

export class Knowledge {
  readonly #seen = new Map<string, Vector>();
  readonly #statement: BetterSqlite3.Statement<[string, number], string>;

  constructor(
    sqlite: BetterSqlite3.Database,
    /** This device's id. */
    readonly self: string,
  ) {
    this.#statement = sqlite.prepare('select seen from sync_batches where device = ? and idx = ?').pluck() as BetterSqlite3.Statement<[string, number], string>;
  }

  seenOf(device: string, batch: number): Vector {
    const key = `${device}/${batch}`;
    let vector = this.#seen.get(key);
    if (!vector) {
      const text = this.#statement.get(device, batch);
      vector = text === undefined ? {} : (JSON.parse(text) as Vector);
      this.#seen.set(key, vector);
    }
    return vector;
  }

  /** Did operation x know operation y when it was made? */
  knows(x: KnownOp, y: KnownOp): boolean {
    if (x.device === y.device) return compareVersions(y, x) < 0;
    if (x.device === this.self) return y.cmd < x.cmd;
    if (x.batch === null || y.batch === null) return false;
    return (this.seenOf(x.device, x.batch)[y.device] ?? -1) >= y.batch;
  }

  concurrent(x: KnownOp, y: KnownOp): boolean {
    return !this.knows(x, y) && !this.knows(y, x);
  }
}

const KNOWN_OP_COLUMNS = `o.id, o.uid, o.kind, o.entity, o.record, o.field, o.old, o.new, c.id as cmd, c.uid as cmd_uid, c.hlc, c.device, c.batch, c.at`;

/** Every operation known here on one record (through the ops(record) index). */
export function opsOfRecord(sqlite: BetterSqlite3.Database): (entity: string, record: string) => KnownOp[] {
  const statement = sqlite.prepare(`select ${KNOWN_OP_COLUMNS} from ops o join commands c on c.id = o.command_id where o.record = ? and o.entity = ?`);
  return (entity, record) => statement.all(record, entity) as KnownOp[];
}
