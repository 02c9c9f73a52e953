// The hub's own schema in PostgreSQL (`net_hub`), made and upgraded by net's
// Kysely migrations (`net team init`), and refused when it is newer than
// this program. Authorisation is PostgreSQL's: each team has three group
// roles (viewer, editor within it, owner within that); a member is granted
// one of them, and row-level security lets a role see only the rows of the
// teams it belongs to, even through psql. Tables are forced under RLS, so
// that the role that made the hub is held to it too.
import { sql, type Generated, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { DataError } from '../core/errors.js';

export const HUB_SCHEMA = 'net_hub';

export interface HubDatabase {
  'net_hub.teams': { id: string; name: string; role_prefix: string; owner: string; created_at: Generated<Date> };
  'net_hub.members': { team: string; member: string; access: string; added_at: Generated<Date>; removed_at: Date | null };
  'net_hub.batches': {
    seq: Generated<number>;
    team: string;
    member: Generated<string>;
    device: string;
    idx: number;
    upto: number;
    /** The uid of the last operation the batch covers: a restored database finds where it stands by it. */
    upto_uid: string | null;
    facts: string;
    count: number;
    created_at: Generated<Date>;
  };
  'net_hub.personal_files': { member: Generated<string>; space: string; name: string; bytes: Buffer; updated_at: Generated<Date> };
  'net_hub.kysely_migration': { name: string; timestamp: string };
}

const m001: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`grant usage on schema net_hub to public`.execute(db);
    await sql`grant select on net_hub.kysely_migration to public`.execute(db);
    await sql`create table net_hub.teams (
      id uuid primary key,
      name text not null unique,
      role_prefix text not null unique,
      owner name not null default current_user,
      created_at timestamptz not null default now())`.execute(db);
    await sql`create table net_hub.members (
      team uuid not null references net_hub.teams (id),
      member name not null,
      access text not null check (access in ('owner', 'editor', 'viewer')),
      added_at timestamptz not null default now(),
      removed_at timestamptz,
      primary key (team, member))`.execute(db);
    // One row per batch a member's device pushed: its facts as JSON, in the
    // order the hub took them (seq: pushes of one team are serialised, so a
    // puller that read up to seq N never misses a batch below N).
    await sql`create table net_hub.batches (
      seq bigint generated always as identity primary key,
      team uuid not null references net_hub.teams (id),
      member name not null default current_user,
      device text not null,
      idx integer not null,
      upto bigint not null,
      upto_uid text,
      facts jsonb not null,
      count integer not null,
      created_at timestamptz not null default now(),
      unique (team, member, device, idx))`.execute(db);
    await sql`create index batches_pull on net_hub.batches (team, seq)`.execute(db);
    // A member's personal space (net sync through the hub): files the server cannot read, sealed on the device.
    await sql`create table net_hub.personal_files (
      member name not null default current_user,
      space text not null,
      name text not null,
      bytes bytea not null,
      updated_at timestamptz not null default now(),
      primary key (member, space, name))`.execute(db);

    // Does the current role hold this access to the team (through its group roles)?
    // Their search_path is pinned: a SQL function's body is parsed with the caller's,
    // which could otherwise put a pg_has_role of its own in front of PostgreSQL's.
    await sql`create function net_hub.can(team_id uuid, access text) returns boolean
      language sql stable security invoker set search_path = pg_catalog, pg_temp as $$
        select coalesce((select pg_has_role(current_user, t.role_prefix || '_' || access, 'MEMBER')
                         from net_hub.teams t where t.id = team_id), false)
      $$`.execute(db);
    // teams' own policy cannot call can() (which reads teams): a role reads the teams whose viewer role it holds.
    await sql`create function net_hub.holds(role_prefix text, access text) returns boolean
      language sql stable security invoker set search_path = pg_catalog, pg_temp as $$
        select exists (select 1 from pg_roles r where r.rolname = role_prefix || '_' || access)
           and pg_has_role(current_user, role_prefix || '_' || access, 'MEMBER')
      $$`.execute(db);

    // A team's group roles, made by the hub's maker (who needs CREATEROLE) for whoever starts a team, who
    // gets them with the admin option and so can grant them to members: a team's owner needs no CREATEROLE,
    // which on PostgreSQL 15 would let them grant themselves any other team's roles.
    await sql`create function net_hub.create_team_roles(prefix text) returns void
      language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
      declare
        access text;
      begin
        if prefix !~ '^net_[a-z0-9_]{1,40}$' then
          raise exception 'not the prefix of a team''s roles: %', prefix using errcode = '22023';
        end if;
        foreach access in array array['viewer', 'editor', 'owner'] loop
          if exists (select 1 from pg_roles where rolname = prefix || '_' || access) then
            raise exception 'the role %_% exists already', prefix, access using errcode = '42710';
          end if;
          execute format('create role %I nologin', prefix || '_' || access);
        end loop;
        execute format('grant %I to %I', prefix || '_viewer', prefix || '_editor');
        execute format('grant %I to %I', prefix || '_editor', prefix || '_owner');
        foreach access in array array['owner', 'editor', 'viewer'] loop
          begin
            execute format('grant %I to %I with admin option', prefix || '_' || access, session_user);
          exception when invalid_grant_operation then
            -- PostgreSQL 16 and later: the hub's maker starting a team of its own holds the roles it
            -- made with the admin option already, and may not be granted it again by itself.
            null;
          end;
        end loop;
      end
      $$`.execute(db);
    await sql`revoke all on function net_hub.create_team_roles(text) from public`.execute(db);
    await sql`grant execute on function net_hub.create_team_roles(text) to public`.execute(db);
    // Every insert of a batch takes the team's lock, to its commit, raw SQL too: batch numbers become visible in order.
    await sql`create function net_hub.batches_in_order() returns trigger
      language plpgsql security invoker set search_path = pg_catalog, pg_temp as $$
      begin
        perform pg_advisory_xact_lock(hashtext('net_hub.batches'), hashtext(new.team::text));
        return new;
      end
      $$`.execute(db);
    await sql`create trigger batches_in_order before insert on net_hub.batches for each row execute function net_hub.batches_in_order()`.execute(db);

    for (const table of ['teams', 'members', 'batches', 'personal_files']) {
      await sql.raw(`alter table net_hub.${table} enable row level security`).execute(db);
      await sql.raw(`alter table net_hub.${table} force row level security`).execute(db);
    }
    await sql`create policy teams_read on net_hub.teams for select using (net_hub.holds(role_prefix, 'viewer') or owner = current_user)`.execute(db);
    await sql`create policy teams_create on net_hub.teams for insert with check (owner = current_user and net_hub.holds(role_prefix, 'owner'))`.execute(db);
    await sql`create policy members_read on net_hub.members for select using (net_hub.can(team, 'viewer'))`.execute(db);
    await sql`create policy members_write on net_hub.members for all using (net_hub.can(team, 'owner')) with check (net_hub.can(team, 'owner'))`.execute(db);
    await sql`create policy batches_read on net_hub.batches for select using (net_hub.can(team, 'viewer'))`.execute(db);
    await sql`create policy batches_push on net_hub.batches for insert with check (member = current_user and net_hub.can(team, 'editor'))`.execute(db);
    await sql`create policy personal_own on net_hub.personal_files for all using (member = current_user) with check (member = current_user)`.execute(db);
    // Table rights go to everyone: the policies above decide which rows.
    await sql`grant select, insert on net_hub.teams to public`.execute(db);
    await sql`grant select, insert, update on net_hub.members to public`.execute(db);
    await sql`grant select, insert on net_hub.batches to public`.execute(db);
    await sql`grant select, insert, update, delete on net_hub.personal_files to public`.execute(db);
  },
};

/** The hub's migrations, in order; a hub that ran one not in this list was made by a newer net. */
export const HUB_MIGRATIONS: ReadonlyArray<readonly [string, Migration]> = [['001-hub', m001]];

export const hubMigrationProvider: MigrationProvider = {
  getMigrations: async () => Object.fromEntries(HUB_MIGRATIONS),
};

/** The hub's migrations as the server lists them; none when it has no hub yet. */
export async function hubVersion(db: Kysely<HubDatabase>): Promise<string[] | undefined> {
  const exists = await sql<{ found: boolean }>`select to_regclass('net_hub.kysely_migration') is not null as found`.execute(db);
  if (!exists.rows[0]?.found) return undefined;
  const rows = await db.selectFrom('net_hub.kysely_migration').select('name').orderBy('name').execute();
  return rows.map((r) => r.name);
}

/** Refuses a hub made by a newer net, and one older than this net (its owner upgrades it with `net team init`). */
export function checkHubVersion(names: readonly string[] | undefined, where: string, owner: boolean): void {
  if (names === undefined) throw new DataError(`${where} holds no team hub`, 'the team’s owner starts one with `net team init URL --team NAME`');
  const known = new Set(HUB_MIGRATIONS.map(([name]) => name));
  const newer = names.filter((n) => !known.has(n));
  if (newer.length > 0) {
    throw new DataError(`the team hub at ${where} was upgraded by a newer net (it has ${newer.join(', ')}); this net cannot use it`, 'upgrade net on this machine; nothing was changed');
  }
  const missing = HUB_MIGRATIONS.map(([name]) => name).filter((n) => !names.includes(n));
  if (missing.length > 0 && !owner) {
    throw new DataError(`the team hub at ${where} is older than this net (it lacks ${missing.join(', ')})`, 'the team’s owner upgrades it with `net team init URL`');
  }
}

/** Creates or upgrades the hub, in one transaction (PostgreSQL's DDL is transactional), after refusing a newer one. */
export async function migrateHub(db: Kysely<HubDatabase>, where: string): Promise<void> {
  const names = await hubVersion(db);
  if (names !== undefined) checkHubVersion(names, where, true);
  // Up to date: nothing to take the migration lock for (a second team's owner may not write it).
  if (names !== undefined && HUB_MIGRATIONS.every(([name]) => names.includes(name))) return;
  const migrator = new Migrator({ db, provider: hubMigrationProvider, migrationTableSchema: HUB_SCHEMA });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    const e = error as { code?: string; message?: string };
    if (e.code === '42501') throw new DataError(`this role may not create the team hub at ${where}: ${e.message}`, 'connect as a role that may create schemas in this database (or the hub’s owner)');
    throw error;
  }
}
