// The hub's batches, applied to this database's copy of the team
// (team_people, team_touches): in the hub's order, the later fact of a
// record replacing the earlier, so every member's copy is the same. Two
// members' records of one person are joined (team_people.same_as points to
// the one the hub had first), by src/core/team-match.ts's keys.
import type BetterSqlite3 from 'better-sqlite3';
import { companyKey } from '../core/companies.js';
import { nameKey } from '../core/names.js';
import { teamMatchKeys } from '../core/team-match.js';
import type { PersonFact, TeamFact, TouchFact } from './facts.js';

export interface PulledBatch {
  seq: number;
  member: string;
  facts: TeamFact[];
}

interface PersonRow {
  uid: string;
  seq: number;
  same_as: string | null;
  deleted: number;
}

/** The statements of one pull, prepared once. */
function statements(sqlite: BetterSqlite3.Database) {
  return {
    dropKeys: sqlite.prepare('delete from team_keys where person = ?'),
    dropTopics: sqlite.prepare('delete from team_topics where person = ?'),
    addTopic: sqlite.prepare('insert or ignore into team_topics (topic, person) values (?, ?)'),
    insertKey: sqlite.prepare('insert or ignore into team_keys (key, person) values (?, ?)'),
    dropHolder: sqlite.prepare('delete from team_holders where person = ? and member = ?'),
    addHolder: sqlite.prepare('insert or ignore into team_holders (person, member) values (?, ?)'),
    holders: sqlite.prepare('select member from team_holders where person = ? limit 1').pluck(),
    markDeleted: sqlite.prepare('update team_people set deleted = 1 where uid = ?'),
    touchOwner: sqlite.prepare('select member from team_touches where uid = ?').pluck(),
    sharing: sqlite
      .prepare(
        `select distinct coalesce(p.same_as, p.uid) from team_keys k join team_people p on p.uid = k.person
         where k.key in (select value from json_each(?)) and p.deleted = 0`,
      )
      .pluck(),
    join: sqlite.prepare('update team_people set same_as = ? where same_as = ? or uid = ?'),
    joined: sqlite.prepare('select uid from team_people where same_as = ? and uid <> ? order by seq, uid').pluck(),
    setSameAs: sqlite.prepare('update team_people set same_as = ? where uid = ?'),
    dropTouchPeople: sqlite.prepare('delete from team_touch_people where touch = ?'),
    addTouchPerson: sqlite.prepare('insert or ignore into team_touch_people (touch, person) values (?, ?)'),
  };
}

export class TeamApplier {
  readonly #s: ReturnType<typeof statements>;
  readonly #get: BetterSqlite3.Statement;
  readonly #upsertPerson: BetterSqlite3.Statement;
  readonly #upsertTouch: BetterSqlite3.Statement;

  constructor(sqlite: BetterSqlite3.Database) {
    this.#s = statements(sqlite);
    this.#get = sqlite.prepare('select uid, seq, same_as, deleted from team_people where uid = ?');
    this.#upsertPerson = sqlite.prepare(
      `insert into team_people (uid, member, seq, name, name_key, company, company_key, role, linkedin, location, emails, phones, tags, interests, deleted)
       values (@uid, @member, @seq, @name, @name_key, @company, @company_key, @role, @linkedin, @location, @emails, @phones, @tags, @interests, @deleted)
       on conflict (uid) do update set member = excluded.member, name = excluded.name, name_key = excluded.name_key, company = excluded.company,
         company_key = excluded.company_key,
         role = excluded.role, linkedin = excluded.linkedin, location = excluded.location, emails = excluded.emails, phones = excluded.phones,
         tags = excluded.tags, interests = excluded.interests, deleted = excluded.deleted`,
    );
    this.#upsertTouch = sqlite.prepare(
      `insert into team_touches (uid, member, seq, occurred_at, occurred_on, channel, direction, note, deleted)
       values (@uid, @member, @seq, @at, @on, @channel, @direction, @note, @deleted)
       on conflict (uid) do update set member = excluded.member, seq = excluded.seq, occurred_at = excluded.occurred_at, occurred_on = excluded.occurred_on,
         channel = excluded.channel, direction = excluded.direction, note = excluded.note, deleted = excluded.deleted`,
    );
  }

  /** One batch; the caller holds the transaction. People first: a touch names people of the same batch. */
  apply(batch: PulledBatch): void {
    for (const fact of batch.facts) if (fact.t === 'person') this.#person(batch, fact);
    for (const fact of batch.facts) if (fact.t === 'touch') this.#touch(batch, fact);
  }

  #person(batch: PulledBatch, fact: PersonFact): void {
    const known = this.#get.get(fact.uid) as PersonRow | undefined;
    if (fact.deleted) {
      // A tombstone of a record the team never had says nothing; one of a record others hold too (a
      // person taken in with `net team adopt`) only ends this member's holding.
      if (!known) return;
      this.#s.dropHolder.run(fact.uid, batch.member);
      if (this.#s.holders.get(fact.uid) !== undefined) return;
      this.#s.markDeleted.run(fact.uid);
      this.#s.dropKeys.run(fact.uid);
      this.#s.dropTopics.run(fact.uid);
      const into = fact.merged_into === null ? undefined : (this.#get.get(fact.merged_into) as PersonRow | undefined);
      if (into) this.#join(this.#canonical(into.uid), fact.uid);
      else this.#release(fact.uid);
      return;
    }
    this.#upsertPerson.run({
      uid: fact.uid,
      member: batch.member,
      seq: batch.seq,
      name: fact.name,
      name_key: nameKey(fact.name),
      company: fact.company,
      company_key: companyKey(fact.company) || null,
      role: fact.role,
      linkedin: fact.linkedin,
      location: fact.location,
      emails: JSON.stringify(fact.emails),
      phones: JSON.stringify(fact.phones),
      tags: JSON.stringify(fact.tags),
      interests: JSON.stringify(fact.interests),
      deleted: fact.deleted ? 1 : 0,
    });
    this.#s.dropKeys.run(fact.uid);
    this.#s.dropTopics.run(fact.uid);
    for (const topic of new Set([...fact.tags, ...fact.interests].map(nameKey))) if (topic !== '') this.#s.addTopic.run(topic, fact.uid);
    this.#s.addHolder.run(fact.uid, batch.member);
    const keys = teamMatchKeys(fact);
    for (const key of keys) this.#s.insertKey.run(key, fact.uid);
    const group = new Set([this.#canonical(fact.uid), ...(keys.length === 0 ? [] : (this.#s.sharing.all(JSON.stringify(keys)) as string[]))]);
    if (group.size < 2) return;
    // One survivor for everyone found: the record the hub had first.
    const [first, ...rest] = [...group].map((uid) => this.#get.get(uid) as PersonRow).sort((a, b) => a.seq - b.seq || (a.uid < b.uid ? -1 : 1));
    for (const other of rest) this.#join(first.uid, other.uid);
  }

  #canonical(uid: string): string {
    const row = this.#get.get(uid) as PersonRow | undefined;
    return row?.same_as ?? uid;
  }

  /** `other` and everyone joined to it become `keep`. */
  #join(keep: string, other: string): void {
    if (keep === other) return;
    this.#s.join.run(keep, other, other);
  }

  /** A person deleted (not merged): those joined to them stay together, around the oldest of them. */
  #release(uid: string): void {
    const joined = this.#s.joined.all(uid, uid) as string[];
    this.#s.setSameAs.run(null, uid);
    if (joined.length === 0) return;
    const [first, ...rest] = joined;
    this.#s.setSameAs.run(null, first);
    for (const other of rest) this.#s.setSameAs.run(first, other);
  }

  #touch(batch: PulledBatch, fact: TouchFact): void {
    // A touch is its member's: another's fact about it (raw SQL on the hub) is not taken.
    const owner = this.#s.touchOwner.get(fact.uid) as string | undefined;
    if (owner !== undefined && owner !== batch.member) return;
    this.#upsertTouch.run({ uid: fact.uid, member: batch.member, seq: batch.seq, at: fact.at, on: fact.on, channel: fact.channel, direction: fact.direction, note: fact.note, deleted: fact.deleted ? 1 : 0 });
    this.#s.dropTouchPeople.run(fact.uid);
    for (const person of fact.people) this.#s.addTouchPerson.run(fact.uid, person);
  }
}
