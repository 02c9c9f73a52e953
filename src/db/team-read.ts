// Reading this database's copy of the team (migration 019): who else knows a
// person, teammates' touches for `net who --team`, the team's people for
// `net list --team`. No network: the copy is what the last `net team sync`
// pulled. A person's records joined across members (same_as) are one.
import type BetterSqlite3 from 'better-sqlite3';
import { companyKey } from '../core/companies.js';
import { nameKey } from '../core/names.js';
import type { TeamTouchRow } from '../core/team-who.js';

const meta = (sqlite: BetterSqlite3.Database, key: string) => sqlite.prepare('select value from meta where key = ?').pluck().get(key) as string | undefined;

/** The team this database syncs with, and the role it syncs as; undefined when none. */
export function teamOf(sqlite: BetterSqlite3.Database): { name: string; me: string; last: string | null } | undefined {
  const name = meta(sqlite, 'team.name');
  if (name === undefined) return undefined;
  return { name, me: meta(sqlite, 'team.member') ?? '', last: meta(sqlite, 'team.last') ?? null };
}

/** Every record of the person a record is (the record itself when the team has not seen it). */
function groupOf(sqlite: BetterSqlite3.Database, uid: string): string[] {
  const canonical = (sqlite.prepare('select coalesce(same_as, uid) from team_people where uid = ?').pluck().get(uid) as string | undefined) ?? uid;
  return [canonical, ...(sqlite.prepare('select uid from team_people where same_as = ?').pluck().all(canonical) as string[])];
}

export interface TeammateTouch {
  member: string;
  touches: number;
  last_on: string;
  last_channel: string;
}

/** Who else on the team knows this person (by my contact's uid), with their count of touches and the last. */
export function teammatesWhoKnow(sqlite: BetterSqlite3.Database, uid: string): TeammateTouch[] {
  const team = teamOf(sqlite);
  if (!team) return [];
  return sqlite
    .prepare(
      `with mine as (select value as uid from json_each(?)),
       touches as (select distinct t.uid, t.member, t.occurred_on, t.channel from team_touch_people tp
         join team_touches t on t.uid = tp.touch where tp.person in (select uid from mine) and t.deleted = 0 and t.member <> ?)
       select member, count(*) as touches, max(occurred_on) as last_on,
         (select channel from touches x where x.member = touches.member order by occurred_on desc limit 1) as last_channel
       from touches group by member order by last_on desc`,
    )
    .all(JSON.stringify(groupOf(sqlite, uid)), team.me) as TeammateTouch[];
}

export interface TeamPersonRow {
  uid: string;
  name: string;
  company: string | null;
  role: string | null;
  emails: string[];
  phones: string[];
  linkedin: string | null;
  location: string | null;
  tags: string[];
  interests: string[];
  /** The members who hold this person in their network. */
  held_by: string[];
  /** One of my own contacts is this person. */
  mine: boolean;
}

interface RawTeamPerson {
  uid: string;
  name: string;
  company: string | null;
  role: string | null;
  emails: string;
  phones: string;
  linkedin: string | null;
  location: string | null;
  tags: string;
  interests: string;
  held_by: string;
  mine: number;
}

const TEAM_PERSON = `select p.uid, p.name, p.company, p.role, p.emails, p.phones, p.linkedin, p.location, p.tags, p.interests,
    (select json_group_array(distinct h.member) from team_people g join team_holders h on h.person = g.uid where g.uid = p.uid or g.same_as = p.uid) as held_by,
    exists (select 1 from team_people g join contacts c on c.uid = g.uid where (g.uid = p.uid or g.same_as = p.uid) and c.deleted_at is null) as mine
  from team_people p where p.same_as is null and p.deleted = 0`;

const toPerson = (r: RawTeamPerson): TeamPersonRow => ({
  ...r,
  emails: JSON.parse(r.emails) as string[],
  phones: JSON.parse(r.phones) as string[],
  tags: JSON.parse(r.tags) as string[],
  interests: JSON.parse(r.interests) as string[],
  held_by: (JSON.parse(r.held_by) as string[]).sort(),
  mine: r.mine === 1,
});

/** The team's people, one row per person, by name. */
export function teamPeople(sqlite: BetterSqlite3.Database): TeamPersonRow[] {
  return (sqlite.prepare(`${TEAM_PERSON} order by p.name_key, p.uid`).all() as RawTeamPerson[]).map(toPerson);
}

/** The team's people whose name is this (accents and case aside), or holds it as a part. */
export function teamPeopleNamed(sqlite: BetterSqlite3.Database, name: string): TeamPersonRow[] {
  const key = nameKey(name);
  const exact = (sqlite.prepare(`${TEAM_PERSON} and p.name_key = ? order by p.seq`).all(key) as RawTeamPerson[]).map(toPerson);
  if (exact.length > 0) return exact;
  return (sqlite.prepare(`${TEAM_PERSON} and instr(p.name_key, ?) > 0 order by p.name_key`).all(key) as RawTeamPerson[]).map(toPerson);
}

export type TeamCriterion = { kind: 'person'; uid: string } | { kind: 'company'; company: string } | { kind: 'interest'; interest: string };

/** The people a criterion points to, as the uids of all their records. */
function targets(sqlite: BetterSqlite3.Database, criterion: TeamCriterion): string[] {
  if (criterion.kind === 'person') return groupOf(sqlite, criterion.uid);
  const hits =
    criterion.kind === 'company'
      ? "select coalesce(same_as, uid) as canonical from team_people where company_key = ? and deleted = 0"
      : 'select coalesce(p.same_as, p.uid) as canonical from team_topics t join team_people p on p.uid = t.person where t.topic = ? and p.deleted = 0';
  const key = criterion.kind === 'company' ? companyKey(criterion.company) : nameKey(criterion.interest);
  if (key === '') return [];
  return sqlite
    .prepare(`with hit as (${hits}) select uid from team_people where uid in (select canonical from hit) or same_as in (select canonical from hit)`)
    .pluck()
    .all(key) as string[];
}

/** The teammates' touches (not mine) with the people a criterion points to, each with the person's canonical name. */
export function teamTouchesFor(sqlite: BetterSqlite3.Database, criterion: TeamCriterion): TeamTouchRow[] {
  const team = teamOf(sqlite);
  if (!team) return [];
  const uids = targets(sqlite, criterion);
  if (uids.length === 0) return [];
  return sqlite
    .prepare(
      `select distinct t.uid as touch, t.member, coalesce(p.same_as, p.uid) as person, c.name, c.company, t.occurred_on as "on", t.channel
       from team_touch_people tp join team_touches t on t.uid = tp.touch
       join team_people p on p.uid = tp.person join team_people c on c.uid = coalesce(p.same_as, p.uid)
       where tp.person in (select value from json_each(?)) and t.deleted = 0 and t.member <> ?`,
    )
    .all(JSON.stringify(uids), team.me) as TeamTouchRow[];
}

/** What the copy holds, for `net team status`. */
export function teamCounts(sqlite: BetterSqlite3.Database): { people: number; touches: number; members: Array<{ member: string; access: string }> } {
  return {
    people: sqlite.prepare('select count(*) from team_people where same_as is null and deleted = 0').pluck().get() as number,
    touches: sqlite.prepare('select count(*) from team_touches where deleted = 0').pluck().get() as number,
    members: sqlite.prepare('select member, access from team_members order by member').all() as Array<{ member: string; access: string }>,
  };
}
