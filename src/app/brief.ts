// `net brief`: what to know before seeing people, from the record only.
// briefOf takes contact ids, so that a brief of the day's meetings (from
// captured calendar events) can ask for the people it found; briefFor takes
// what a person typed.
import { buildBriefs, type Brief } from '../core/brief.js';
import { loadBriefFacts, peopleWithCompanies } from '../db/brief-data.js';
import { meetingsBetween, type DayMeeting } from '../db/captures.js';
import { resolveContact } from '../db/resolve.js';
import { loadSettings } from '../db/settings.js';
import { teammatesWhoKnow, teamOf } from '../db/team-read.js';
import type { Clock, Store } from './store.js';

/** The brief of each person, in the order of `ids` (a person twice once; ids of people gone left out). Reads only. */
export async function briefOf(store: Store, clock: Pick<Clock, 'today'>, ids: readonly number[]): Promise<Brief[]> {
  if (ids.length === 0) return [];
  const settings = await loadSettings(store.db);
  const people = await loadBriefFacts(store, settings, [...new Set(ids)]);
  // Colleagues are found by company name, compared in code: read only when someone has a company.
  const companies = people.some((p) => p.company) ? await peopleWithCompanies(store.db) : [];
  const briefs = buildBriefs({ today: clock.today, settings, people, companies });
  if (teamOf(store.sqlite)) {
    const uidOf = store.sqlite.prepare('select uid from contacts where id = ?').pluck();
    for (const brief of briefs) brief.team = teammatesWhoKnow(store.sqlite, uidOf.get(brief.contact_id) as string);
  }
  return briefs;
}

/** The brief of the people named (id, #id, name or a unique part of one, as everywhere). */
export async function briefFor(store: Store, clock: Pick<Clock, 'today'>, refs: readonly string[]): Promise<Brief[]> {
  const ids: number[] = [];
  for (const ref of refs) ids.push((await resolveContact(store.db, ref)).id);
  return briefOf(store, clock, ids);
}

/** Today's captured meetings with people of the network, and the brief of each person in them (once, in meeting order). */
export async function briefToday(store: Store, clock: Clock): Promise<{ meetings: DayMeeting[]; briefs: Brief[] }> {
  const [y, m, d] = clock.today.split('-').map(Number);
  const from = new Date(y, m - 1, d).toISOString();
  const to = new Date(y, m - 1, d + 1).toISOString();
  const meetings = meetingsBetween(store.sqlite, from, to);
  return { meetings, briefs: await briefOf(store, clock, meetings.flatMap((meeting) => meeting.contacts.map((c) => c.id))) };
}
