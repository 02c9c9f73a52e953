// A team's group roles in PostgreSQL: PREFIX_viewer, PREFIX_editor (which
// holds viewer) and PREFIX_owner (which holds editor), made by the hub (see
// net_hub.create_team_roles) and held by the team's owner with the admin
// option, which is all the owner needs to grant them. Adding a member grants
// one of them to the member's own login role, removing revokes it; the hub's
// row-level security reads nothing else. Role names are identifiers made
// here from the team's name, never the user's text put into SQL as is.
import { sql, type Kysely, type Transaction } from 'kysely';
import { DataError, UsageError } from '../core/errors.js';
import type { HubDatabase } from './hub-schema.js';

export type Access = 'owner' | 'editor' | 'viewer';
export const ACCESSES: readonly Access[] = ['viewer', 'editor', 'owner'];

/** net_ and the team's name as a PostgreSQL identifier (lower case, digits, underscores). */
export function rolePrefix(team: string): string {
  const slug = team
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  if (slug === '') throw new UsageError(`"${team}" cannot name a team: use letters or digits`);
  return `net_${slug}`;
}

export const roleOf = (prefix: string, access: Access): string => `${prefix}_${access}`;

/** A role name as an identifier (quoted); only names made by rolePrefix or checked by memberRole reach here. */
const ident = (name: string) => sql.id(name);

/** A member's login role as given: checked against what PostgreSQL has. */
export async function memberRole(db: Kysely<HubDatabase> | Transaction<HubDatabase>, role: string): Promise<string> {
  const found = await sql<{ rolname: string }>`select rolname from pg_roles where rolname = ${role}`.execute(db);
  if (found.rows.length === 0) {
    throw new DataError(`there is no role ${role} on this server`, `create it first, e.g. in psql: create role ${JSON.stringify(role)} login password '…';`);
  }
  return found.rows[0].rolname;
}

/** The team's three group roles, each within the next, made by the hub's function (net_hub.create_team_roles), this role their owner. */
export async function createTeamRoles(db: Transaction<HubDatabase>, prefix: string): Promise<void> {
  await sql`select net_hub.create_team_roles(${prefix})`.execute(db);
}

/** Grants one access to a member's role, taking back any other the member held. */
export async function grantAccess(db: Transaction<HubDatabase>, prefix: string, role: string, access: Access): Promise<void> {
  for (const other of ACCESSES) if (other !== access) await revokeIfHeld(db, roleOf(prefix, other), role);
  await sql`grant ${ident(roleOf(prefix, access))} to ${ident(role)}`.execute(db);
}

async function revokeIfHeld(db: Transaction<HubDatabase>, group: string, role: string): Promise<void> {
  const held = await sql<{ n: number }>`select count(*)::int as n from pg_auth_members m
      join pg_roles g on g.oid = m.roleid join pg_roles r on r.oid = m.member
      where g.rolname = ${group} and r.rolname = ${role}`.execute(db);
  if (held.rows[0].n > 0) await sql`revoke ${ident(group)} from ${ident(role)}`.execute(db);
}

/** Takes every access to the team back from a member's role. */
export async function revokeAccess(db: Transaction<HubDatabase>, prefix: string, role: string): Promise<void> {
  for (const access of ACCESSES) await revokeIfHeld(db, roleOf(prefix, access), role);
}
