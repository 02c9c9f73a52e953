// A PostgreSQL hub as the transport of a personal space (`net sync init
// postgres URL`): the same sealed files as in a folder, as rows of
// net_hub.personal_files, which row-level security lets only their member's
// role read or write. The server holds what it cannot read: every file is
// encrypted on the device (src/sync/crypto.ts), as in a folder.
import { sql } from 'kysely';
import { redacted, type Hub } from '../team/hub-connection.js';
import type { Transport } from './transport.js';

/** The space's name among the member's files: one personal space per role and hub. */
const SPACE = 'personal';

export class PostgresTransport implements Transport {
  readonly description: string;
  #hub: Hub | undefined;

  constructor(
    readonly url: string,
    readonly env: NodeJS.ProcessEnv,
  ) {
    this.description = `the PostgreSQL hub ${redacted(url)}`;
  }

  async #open(): Promise<Hub> {
    if (this.#hub) return this.#hub;
    const [{ openHub }, { hubVersion, migrateHub, checkHubVersion }] = await Promise.all([import('../team/hub-connection.js'), import('../team/hub-schema.js')]);
    const hub = await openHub(this.url, this.env);
    try {
      const names = await hubVersion(hub.db);
      // No hub yet: this role makes it (it needs the right to create a schema).
      if (names === undefined) await migrateHub(hub.db, redacted(this.url));
      else checkHubVersion(names, redacted(this.url), false);
    } catch (error) {
      await hub.close();
      throw error;
    }
    this.#hub = hub;
    return hub;
  }

  async refresh(): Promise<void> {
    await this.#open();
  }

  async read(name: string): Promise<Buffer | null> {
    const hub = await this.#open();
    const row = await hub.db
      .selectFrom('net_hub.personal_files')
      .select('bytes')
      .where('member', '=', sql<string>`current_user`)
      .where('space', '=', SPACE)
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? Buffer.from(row.bytes) : null;
  }

  async list(folder: string): Promise<string[]> {
    const hub = await this.#open();
    const prefix = folder === '' ? '' : `${folder}/`;
    const rows = await hub.db
      .selectFrom('net_hub.personal_files')
      .select('name')
      .where('member', '=', sql<string>`current_user`)
      .where('space', '=', SPACE)
      .where(sql<boolean>`starts_with(name, ${prefix})`)
      .execute();
    const names = new Set<string>();
    for (const { name } of rows) names.add(name.slice(prefix.length).split('/')[0]);
    return [...names];
  }

  async create(name: string, bytes: Buffer): Promise<boolean> {
    const hub = await this.#open();
    const result = await hub.db
      .insertInto('net_hub.personal_files')
      .values({ space: SPACE, name, bytes })
      .onConflict((oc) => oc.columns(['member', 'space', 'name']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async replace(name: string, bytes: Buffer): Promise<void> {
    const hub = await this.#open();
    await hub.db
      .insertInto('net_hub.personal_files')
      .values({ space: SPACE, name, bytes })
      .onConflict((oc) => oc.columns(['member', 'space', 'name']).doUpdateSet({ bytes, updated_at: sql<Date>`now()` }))
      .execute();
  }

  async publish(): Promise<void> {
    // Each write is committed as it is made.
  }

  async close(): Promise<void> {
    await this.#hub?.close();
    this.#hub = undefined;
  }
}
