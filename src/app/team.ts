// A team's network on PostgreSQL (`net team`, `net who --team`, `net list
// --team`): the use cases. Each opens the hub (pg and Kysely's PostgreSQL
// dialect load here only), does its work and closes it; what is read from
// the team comes from this database's copy, offline.
import { NotFoundError, UsageError, AmbiguousError, ConflictError, DataError } from '../core/errors.js';
import { rankTeammates, type TeammateRank } from '../core/team-who.js';
import type { Circle } from '../core/vocabulary.js';
import { resolveContact } from '../db/resolve.js';
import { teamCounts, teamPeople, teamPeopleNamed, teamTouchesFor, type TeamCriterion, type TeamPersonRow } from '../db/team-read.js';
import { getMeta, setMeta } from '../sync/space.js';
import { changedSince } from '../team/facts.js';
import type { ContactRecord } from '../core/contact.js';
import { addContact } from './add-contact.js';
import type { Clock, Store } from './store.js';
import type { Hub } from '../team/hub-connection.js';
import type { TeamConfig, TeamSyncReport } from '../team/team-sync.js';

async function withHub<T>(url: string, env: NodeJS.ProcessEnv, work: (hub: Hub) => Promise<T>): Promise<T> {
  const { openHub } = await import('../team/hub-connection.js');
  const hub = await openHub(url, env);
  try {
    return await work(hub);
  } finally {
    await hub.close();
  }
}

async function configured(store: Store): Promise<TeamConfig> {
  const { readTeam } = await import('../team/team-sync.js');
  const config = readTeam(store.sqlite);
  if (!config) throw new DataError('this network is in no team', 'start one with `net team init URL --team NAME`, or `net team join URL`');
  return config;
}

async function notInATeam(store: Store): Promise<void> {
  const { readTeam } = await import('../team/team-sync.js');
  const current = readTeam(store.sqlite);
  if (current) throw new ConflictError(`this network is already in the team ${current.name}`, '`net team leave` first to change team');
}

export interface TeamStart {
  config: TeamConfig;
  sync: TeamSyncReport;
}

/** `net team init URL --team NAME`: the hub made or upgraded, the team made with this role as owner, this network's shared part pushed. */
export async function startTeam(store: Store, clock: Clock, env: NodeJS.ProcessEnv, url: string, name: string): Promise<TeamStart> {
  await notInATeam(store);
  const { createTeam } = await import('../team/team-setup.js');
  const { writeTeam, syncTeam } = await import('../team/team-sync.js');
  return withHub(url, env, async (hub) => {
    const config = await createTeam(hub, url, name);
    writeTeam(store.sqlite, config);
    return { config, sync: await syncTeam(hub, store.sqlite, config, clock.now) };
  });
}

/** `net team join URL [--team NAME]`: this role's team on the hub; this network's shared part pushed, the team's pulled. */
export async function joinTeam(store: Store, clock: Clock, env: NodeJS.ProcessEnv, url: string, name: string | undefined, progress?: (text: string) => void): Promise<TeamStart> {
  await notInATeam(store);
  const { findTeam } = await import('../team/team-setup.js');
  const { writeTeam, syncTeam } = await import('../team/team-sync.js');
  return withHub(url, env, async (hub) => {
    const config = await findTeam(hub, url, name);
    writeTeam(store.sqlite, config);
    try {
      return { config, sync: await syncTeam(hub, store.sqlite, config, clock.now, progress) };
    } catch (error) {
      // Not joined when the first sync is refused; a sync cut short keeps what it applied.
      if (error instanceof DataError) writeTeam(store.sqlite, undefined);
      throw error;
    }
  });
}

/** `net team sync`. */
export async function syncWithTeam(store: Store, clock: Clock, env: NodeJS.ProcessEnv, progress?: (text: string) => void): Promise<TeamSyncReport> {
  const config = await configured(store);
  const { syncTeam } = await import('../team/team-sync.js');
  try {
    return await withHub(config.url, env, (hub) => syncTeam(hub, store.sqlite, config, clock.now, progress));
  } catch (error) {
    if (error instanceof Error) setMeta(store.sqlite, 'team.error', `${clock.now.toISOString()} ${error.message}`);
    throw error;
  }
}

export async function teamMembers(store: Store, env: NodeJS.ProcessEnv): Promise<Array<{ member: string; access: string; added_at: string }>> {
  const config = await configured(store);
  const { refreshMembers, accessOf } = await import('../team/team-sync.js');
  return withHub(config.url, env, async (hub) => {
    await accessOf(hub, config);
    return refreshMembers(hub, store.sqlite, config);
  });
}

export async function addTeamMember(store: Store, env: NodeJS.ProcessEnv, role: string, access: 'viewer' | 'editor'): Promise<{ role: string; access: string }> {
  const config = await configured(store);
  const { addMember } = await import('../team/team-setup.js');
  const { refreshMembers } = await import('../team/team-sync.js');
  return withHub(config.url, env, async (hub) => {
    const change = await addMember(hub, config, role, access);
    await refreshMembers(hub, store.sqlite, config);
    return change;
  });
}

export async function removeTeamMember(store: Store, env: NodeJS.ProcessEnv, role: string): Promise<{ role: string; access: string }> {
  const config = await configured(store);
  const { removeMember } = await import('../team/team-setup.js');
  const { refreshMembers } = await import('../team/team-sync.js');
  return withHub(config.url, env, async (hub) => {
    const change = await removeMember(hub, config, role);
    await refreshMembers(hub, store.sqlite, config);
    return change;
  });
}

/** `net team leave`: this network stops syncing with the team, and its copy of the team goes. What was pushed stays the team's. */
export async function leaveTeam(store: Store): Promise<string> {
  const config = await configured(store);
  const { writeTeam } = await import('../team/team-sync.js');
  store.sqlite.transaction(() => {
    for (const table of ['team_touch_people', 'team_touches', 'team_holders', 'team_topics', 'team_keys', 'team_people', 'team_members']) store.sqlite.prepare(`delete from ${table}`).run();
    writeTeam(store.sqlite, undefined);
  })();
  return config.name;
}

export interface TeamStatus {
  team: string;
  hub: string;
  member: string | null;
  last_sync: string | null;
  last_error: string | null;
  /** People and interactions changed here whose shared part is not on the hub yet (0 for a viewer: nothing is pushed). */
  unpushed_records: number;
  people: number;
  touches: number;
  members: Array<{ member: string; access: string }>;
}

function unpushedRecords(store: Store, pushed: number): number {
  const me = getMeta(store.sqlite, 'team.member');
  const access = me === undefined ? undefined : (store.sqlite.prepare('select access from team_members where member = ?').pluck().get(me) as string | undefined);
  if (access === 'viewer') return 0;
  const upto = (store.sqlite.prepare('select coalesce(max(id), 0) from ops').pluck().get() as number) ?? 0;
  const changed = changedSince(store.sqlite, pushed, upto);
  return changed.people.length + changed.touches.length;
}

/** `net team status`: offline, what the last sync learned. */
export async function teamStatus(store: Store): Promise<TeamStatus | undefined> {
  const { readTeam } = await import('../team/team-sync.js');
  const { redacted } = await import('../team/hub-connection.js');
  const config = readTeam(store.sqlite);
  if (!config) return undefined;
  const pushed = Number(getMeta(store.sqlite, 'team.pushed') ?? 0);
  const counts = teamCounts(store.sqlite);
  return {
    team: config.name,
    hub: redacted(config.url),
    member: getMeta(store.sqlite, 'team.member') ?? null,
    last_sync: getMeta(store.sqlite, 'team.last') ?? null,
    last_error: getMeta(store.sqlite, 'team.error') ?? null,
    unpushed_records: unpushedRecords(store, pushed),
    ...counts,
  };
}

/** A team's person by name: one, or an error that lists them. */
export function teamPersonByName(store: Store, name: string): TeamPersonRow {
  const found = teamPeopleNamed(store.sqlite, name);
  if (found.length === 0) throw new NotFoundError(`no one called "${name}" in your network or your team's`, 'see the team’s people with `net list --team`');
  if (found.length > 1) {
    throw new AmbiguousError(
      `"${name}" matches ${found.length} of your team's people: ${found
        .slice(0, 5)
        .map((p) => `${p.name}${p.company ? ` (${p.company})` : ''}`)
        .join(', ')}`,
      'give more of the name',
    );
  }
  return found[0];
}

/** The person a --person reference points to: one of mine first, else one of the team's. */
async function personCriterion(store: Store, ref: string): Promise<{ uid: string; name: string }> {
  try {
    const contact = await resolveContact(store.db, ref);
    const uid = store.sqlite.prepare('select uid from contacts where id = ?').pluck().get(contact.id) as string;
    return { uid, name: contact.name };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const person = teamPersonByName(store, ref);
    return { uid: person.uid, name: person.name };
  }
}

export interface WhoTeamInput {
  person?: string;
  company?: string;
  interest?: string;
}

/** `net who --team`: the teammates who can introduce me, warmest first. */
export async function whoOnTheTeam(store: Store, clock: Clock, input: WhoTeamInput): Promise<{ target: string; ranks: TeammateRank[] }> {
  await configured(store);
  const given = [input.person, input.company, input.interest].filter((v) => v !== undefined);
  if (given.length !== 1) throw new UsageError('who --team: say one of --person, --company or --interest', 'e.g. net who --team --company Satispay');
  let criterion: TeamCriterion;
  let target: string;
  if (input.person !== undefined) {
    const person = await personCriterion(store, input.person);
    criterion = { kind: 'person', uid: person.uid };
    target = person.name;
  } else if (input.company !== undefined) {
    criterion = { kind: 'company', company: input.company };
    target = input.company;
  } else {
    criterion = { kind: 'interest', interest: input.interest as string };
    target = input.interest as string;
  }
  return { target, ranks: rankTeammates(teamTouchesFor(store.sqlite, criterion), clock.today) };
}

/** `net list --team`: the team's people, one row each, saying who holds them and whether I do. */
export async function listTeamPeople(store: Store): Promise<TeamPersonRow[]> {
  await configured(store);
  return teamPeople(store.sqlite);
}

/** `net team adopt PERSON [--circle C]`: a teammate's person into my network, as the same person for the team. */
export async function adoptTeamPerson(store: Store, clock: Clock, name: string, circle: Circle | undefined): Promise<ContactRecord> {
  await configured(store);
  const person = teamPersonByName(store, name);
  if (person.mine) throw new ConflictError(`${person.name} is in your network already`, `see them with \`net show "${person.name}"\``);
  const { contact } = await addContact(store, clock, {
    uid: person.uid,
    force: true,
    fields: { name: person.name, company: person.company, role: person.role, linkedin: person.linkedin, location: person.location, ...(circle ? { circle } : {}) },
    lists: { emails: person.emails, tags: person.tags, interests: person.interests, phones: person.phones.map((phone) => ({ phone, label: null })) },
  });
  return contact;
}
