// `net team sync`: push the shared part of what changed here since the last
// push, then pull the team's batches after the cursor and apply them. The
// local database is the only query engine: nothing else reads the hub.
//
// Pushes of one team are serialised on the hub (an advisory lock held to the
// commit), so batch numbers (seq) become visible in order and a cursor never
// skips one. A push cut short after the hub committed is found again by its
// device and index, and not sent twice.
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Transaction } from 'kysely';
import { DataError } from '../core/errors.js';
import { deviceId } from '../db/write-path.js';
import { getMeta, setMeta } from '../sync/space.js';
import { changedSince, personFacts, touchFacts, type TeamFact } from './facts.js';
import type { Hub } from './hub-connection.js';
import { checkHubVersion, hubVersion, type HubDatabase } from './hub-schema.js';
import { redacted } from './hub-connection.js';
import { TeamApplier, type PulledBatch } from './team-apply.js';

/** Facts per batch: a row of a few hundred kB. */
export const TEAM_BATCH_FACTS = 2_000;
/** Batches read per round trip when pulling. */
const PULL_PAGE = 25;

export interface TeamConfig {
  url: string;
  team: string;
  name: string;
  prefix: string;
}

export function readTeam(sqlite: BetterSqlite3.Database): TeamConfig | undefined {
  const url = getMeta(sqlite, 'team.url');
  const team = getMeta(sqlite, 'team.id');
  const name = getMeta(sqlite, 'team.name');
  const prefix = getMeta(sqlite, 'team.prefix');
  return url && team && name && prefix ? { url, team, name, prefix } : undefined;
}

export function writeTeam(sqlite: BetterSqlite3.Database, config: TeamConfig | undefined): void {
  if (config === undefined) {
    sqlite.prepare("delete from meta where key like 'team.%'").run();
    return;
  }
  setMeta(sqlite, 'team.url', config.url);
  setMeta(sqlite, 'team.id', config.team);
  setMeta(sqlite, 'team.name', config.name);
  setMeta(sqlite, 'team.prefix', config.prefix);
}

const metaNumber = (sqlite: BetterSqlite3.Database, key: string): number => Number(getMeta(sqlite, key) ?? 0);

export interface TeamSyncReport {
  pushed: { batches: number; facts: number };
  pulled: { batches: number; facts: number };
  access: string;
}

/** This role's access to the team, from the hub; a removed member is told so. */
export async function accessOf(hub: Hub, config: TeamConfig): Promise<string> {
  const row = await hub.db
    .selectFrom('net_hub.members')
    .select('access')
    .where('team', '=', config.team)
    .where('member', '=', sql<string>`current_user`)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) {
    throw new DataError(
      `${hub.address.user} is not a member of the team ${config.name} on ${redacted(config.url)} (any more)`,
      'ask the team’s owner: `net team add-member ROLE`; `net team leave` stops syncing with it',
    );
  }
  return row.access;
}

async function lockTeam(trx: Transaction<HubDatabase>, team: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('net_hub.batches'), hashtext(${team}))`.execute(trx);
}

function slices<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += TEAM_BATCH_FACTS) out.push(items.slice(i, i + TEAM_BATCH_FACTS));
  return out;
}

async function push(hub: Hub, sqlite: BetterSqlite3.Database, config: TeamConfig): Promise<{ batches: number; facts: number }> {
  const device = deviceId(sqlite);
  let batches = 0;
  let sent = 0;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const after = metaNumber(sqlite, 'team.pushed');
    const newest = sqlite.prepare('select id, uid from ops order by id desc limit 1').get() as { id: number; uid: string } | undefined;
    const upto = newest?.id ?? 0;
    if (upto <= after) return { batches, facts: sent };
    const changed = changedSince(sqlite, after, upto);
    // Built a batch at a time: a first push of a large network never holds all its facts at once.
    const parts: Array<() => TeamFact[]> = [
      ...slices(changed.people).map((uids) => () => personFacts(sqlite, uids)),
      ...slices(changed.touches).map((uids) => () => touchFacts(sqlite, uids)),
    ];
    let count = 0;
    const idx = metaNumber(sqlite, 'team.idx');
    const outcome = await hub.db.transaction().execute(async (trx) => {
      await lockTeam(trx, config.team);
      const last = await trx
        .selectFrom('net_hub.batches')
        .select(['idx', 'upto_uid'])
        .where('team', '=', config.team)
        .where('member', '=', sql<string>`current_user`)
        .where('device', '=', device)
        .orderBy('idx', 'desc')
        .limit(1)
        .executeTakeFirst();
      // The hub holds batches this database does not know it pushed (a push whose answer never came back,
      // or a database restored from before it): go on from the last operation they covered, found by its
      // uid (a restored database reuses operation ids), else from the start (facts can come twice).
      if ((last?.idx ?? 0) > idx) {
        const at = last?.upto_uid ? (sqlite.prepare('select id from ops where uid = ?').pluck().get(last.upto_uid) as number | undefined) : undefined;
        return { resumed: { idx: last?.idx ?? 0, upto: at ?? 0 } };
      }
      let next = idx;
      for (const build of parts) {
        const part = build();
        if (part.length === 0) continue;
        count += part.length;
        next += 1;
        await trx
          .insertInto('net_hub.batches')
          .values({ team: config.team, device, idx: next, upto, upto_uid: newest?.uid ?? null, facts: JSON.stringify(part), count: part.length })
          .execute();
      }
      return { idx: next };
    });
    if ('resumed' in outcome && outcome.resumed) {
      setMeta(sqlite, 'team.idx', String(outcome.resumed.idx));
      setMeta(sqlite, 'team.pushed', String(outcome.resumed.upto));
      continue;
    }
    batches += outcome.idx - idx;
    sent += count;
    sqlite.transaction(() => {
      setMeta(sqlite, 'team.idx', String(outcome.idx));
      setMeta(sqlite, 'team.pushed', String(upto));
    })();
  }
  return { batches, facts: sent };
}

async function pull(hub: Hub, sqlite: BetterSqlite3.Database, config: TeamConfig, progress?: (text: string) => void): Promise<{ batches: number; facts: number }> {
  const applier = new TeamApplier(sqlite);
  let batches = 0;
  let facts = 0;
  for (;;) {
    const cursor = metaNumber(sqlite, 'team.cursor');
    const rows = await hub.db
      .selectFrom('net_hub.batches')
      .select(['seq', 'member', 'facts'])
      .where('team', '=', config.team)
      .where('seq', '>', cursor)
      .orderBy('seq')
      .limit(PULL_PAGE)
      .execute();
    if (rows.length === 0) break;
    sqlite.transaction(() => {
      for (const row of rows) {
        const batch: PulledBatch = { seq: Number(row.seq), member: row.member, facts: (typeof row.facts === 'string' ? JSON.parse(row.facts) : row.facts) as TeamFact[] };
        applier.apply(batch);
        facts += batch.facts.length;
      }
      setMeta(sqlite, 'team.cursor', String(rows[rows.length - 1].seq));
    })();
    batches += rows.length;
    progress?.(`applied ${batches} batch(es) of the team`);
    if (rows.length < PULL_PAGE) break;
  }
  return { batches, facts };
}

/** The members as the hub lists them, kept here for `net team status` and names offline. */
export async function refreshMembers(hub: Hub, sqlite: BetterSqlite3.Database, config: TeamConfig): Promise<Array<{ member: string; access: string; added_at: string }>> {
  const rows = await hub.db
    .selectFrom('net_hub.members')
    .select(['member', 'access', 'added_at'])
    .where('team', '=', config.team)
    .where('removed_at', 'is', null)
    .orderBy('member')
    .execute();
  const members = rows.map((r) => ({ member: r.member, access: r.access, added_at: new Date(r.added_at).toISOString() }));
  sqlite.transaction(() => {
    sqlite.prepare('delete from team_members').run();
    const insert = sqlite.prepare('insert into team_members (member, access, added_at) values (?, ?, ?)');
    for (const m of members) insert.run(m.member, m.access, m.added_at);
  })();
  return members;
}

/** One team sync over an open hub. */
export async function syncTeam(hub: Hub, sqlite: BetterSqlite3.Database, config: TeamConfig, now: Date, progress?: (text: string) => void): Promise<TeamSyncReport> {
  checkHubVersion(await hubVersion(hub.db), redacted(config.url), false);
  const access = await accessOf(hub, config);
  setMeta(sqlite, 'team.member', hub.address.user);
  // A viewer reads the team; what a viewer adds stays theirs.
  const pushed = access === 'viewer' ? { batches: 0, facts: 0 } : await push(hub, sqlite, config);
  const pulled = await pull(hub, sqlite, config, progress);
  await refreshMembers(hub, sqlite, config);
  setMeta(sqlite, 'team.last', now.toISOString());
  setMeta(sqlite, 'team.error', null);
  return { pushed, pulled, access };
}
