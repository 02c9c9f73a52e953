// Starting a team on a hub (`net team init`), joining one, and the owner's
// member management: each is one PostgreSQL transaction, so a failure leaves
// the hub as it was.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { ConflictError, DataError, UsageError } from '../core/errors.js';
import type { Hub } from './hub-connection.js';
import { redacted } from './hub-connection.js';
import { createTeamRoles, grantAccess, memberRole, revokeAccess, rolePrefix, type Access } from './hub-roles.js';
import { checkHubVersion, hubVersion, migrateHub } from './hub-schema.js';
import type { TeamConfig } from './team-sync.js';

function explainDenied(error: unknown, what: string): never {
  const e = error as { code?: string; message?: string };
  if (e.code === '42501') throw new DataError(`${what}: PostgreSQL refused it (${e.message})`, 'only the team’s owner can do this (and the hub’s maker needs CREATEROLE for teams to be made)');
  throw error;
}

/** A new team on the hub (made or upgraded first), this role its owner. */
export async function createTeam(hub: Hub, url: string, name: string): Promise<TeamConfig> {
  const where = redacted(url);
  await migrateHub(hub.db, where);
  const prefix = rolePrefix(name);
  const taken = await sql<{ n: number }>`select count(*)::int as n from pg_roles where rolname = ${`${prefix}_viewer`}`.execute(hub.db);
  if (taken.rows[0].n > 0) throw new ConflictError(`a team named ${name} (roles ${prefix}_*) exists on this server already`, 'join it with `net team join URL`, or choose another name with --team');
  const id = randomUUID();
  try {
    await hub.db.transaction().execute(async (trx) => {
      await createTeamRoles(trx, prefix);
      await trx.insertInto('net_hub.teams').values({ id, name, role_prefix: prefix, owner: sql<string>`current_user` }).execute();
      await trx.insertInto('net_hub.members').values({ team: id, member: sql<string>`current_user`, access: 'owner' }).execute();
    });
  } catch (error) {
    const e = error as { code?: string };
    if (e.code === '23505') throw new ConflictError(`a team named ${name} exists on this hub already`, 'join it with `net team join URL`');
    explainDenied(error, `creating the team ${name}`);
  }
  return { url, team: id, name, prefix };
}

/** The team this role belongs to on the hub (by name when it belongs to several). */
export async function findTeam(hub: Hub, url: string, name: string | undefined): Promise<TeamConfig> {
  checkHubVersion(await hubVersion(hub.db), redacted(url), false);
  const teams = await hub.db
    .selectFrom('net_hub.teams as t')
    .innerJoin('net_hub.members as m', 'm.team', 't.id')
    .select(['t.id', 't.name', 't.role_prefix'])
    .where('m.member', '=', sql<string>`current_user`)
    .where('m.removed_at', 'is', null)
    .orderBy('t.name')
    .execute();
  const chosen = name === undefined ? teams : teams.filter((t) => t.name.toLowerCase() === name.toLowerCase());
  if (chosen.length === 0) {
    throw new DataError(
      name === undefined ? `${hub.address.user} is a member of no team on ${redacted(url)}` : `${hub.address.user} is not a member of a team named ${name} on ${redacted(url)}`,
      'ask the team’s owner to run `net team add-member ' + hub.address.user + '`',
    );
  }
  if (chosen.length > 1) throw new UsageError(`${hub.address.user} is a member of several teams here: ${chosen.map((t) => t.name).join(', ')}`, 'say which with --team NAME');
  return { url, team: chosen[0].id, name: chosen[0].name, prefix: chosen[0].role_prefix };
}

export interface MemberChange {
  role: string;
  access: Access | 'removed';
}

/** Grants a role access to the team (or changes it), as the owner. */
export async function addMember(hub: Hub, config: TeamConfig, role: string, access: Exclude<Access, 'owner'>): Promise<MemberChange> {
  try {
    await hub.db.transaction().execute(async (trx) => {
      const name = await memberRole(trx, role);
      await grantAccess(trx, config.prefix, name, access);
      await trx
        .insertInto('net_hub.members')
        .values({ team: config.team, member: name, access })
        .onConflict((oc) => oc.columns(['team', 'member']).doUpdateSet({ access, removed_at: null }))
        .execute();
    });
  } catch (error) {
    if (error instanceof DataError) throw error;
    explainDenied(error, `adding ${role} to ${config.name}`);
  }
  return { role, access };
}

/** Takes a member's access back: their next sync is refused, and what they pushed stays the team's. */
export async function removeMember(hub: Hub, config: TeamConfig, role: string): Promise<MemberChange> {
  try {
    await hub.db.transaction().execute(async (trx) => {
      const name = await memberRole(trx, role);
      const row = await trx.selectFrom('net_hub.members').select(['access']).where('team', '=', config.team).where('member', '=', name).where('removed_at', 'is', null).executeTakeFirst();
      if (!row) throw new DataError(`${name} is not a member of ${config.name}`);
      if (row.access === 'owner') throw new UsageError(`${name} owns ${config.name}: the owner cannot be removed`);
      await revokeAccess(trx, config.prefix, name);
      await trx.updateTable('net_hub.members').set({ removed_at: sql<Date>`now()` }).where('team', '=', config.team).where('member', '=', name).execute();
    });
  } catch (error) {
    if (error instanceof DataError || error instanceof UsageError) throw error;
    explainDenied(error, `removing ${role} from ${config.name}`);
  }
  return { role, access: 'removed' };
}
