// Each person's facts and rhythm, read for `net review`: the scheduler's
// facts (as due-data.ts) and the touch stats contact_activity keeps (the
// distinct days among the latest 50 interactions, their median gap and the
// latest day: migrations/004-contact-rhythm.ts), in one pass over the people.
import { sql } from 'kysely';
import { addDays, startOfLocalDay } from '../core/dates.js';
import type { CircleGroup } from '../core/review/circles.js';
import type { ReviewFilter } from '../core/review/relevance.js';
import { dayNumber, touchStatsFrom, USUAL_GAP_WINDOW, type TouchStats } from '../core/review/gaps.js';
import type { ContactFacts } from '../core/scheduler/types.js';
import { factsQuery, factsReader, relevantCondition, type DueSource, type FactsRow } from './due-data.js';
import { rowsAsArrays } from './json-rows.js';

/**
 * The instants that bound a range of local days: from the start of `from` to
 * the start of the day after `to`. A day is a local day of the process's time
 * zone, as everywhere in net; counting through the occurred_at index this way
 * never reads the rows themselves.
 */
export function dayBounds(from: string, to: string): { lo: string; hi: string } {
  return { lo: startOfLocalDay(from).toISOString(), hi: startOfLocalDay(addDays(to, 1)).toISOString() };
}

/** The facts of a person, then their kept rhythm, and whether it holds days after today. */
type ContactRow = [...FactsRow, touches: number, usual: number | null, last: number | null, afterToday: 0 | 1, first: number | null];

/**
 * The stats of one person's days up to `today`, read from the index: for the
 * rare person whose kept rhythm holds interactions dated after today (planned,
 * or NET_NOW set back), which it must leave out.
 */
function statsUpTo({ sqlite }: DueSource, today: string): (id: number) => TouchStats | null {
  const days = sqlite
    .prepare(
      `select i.occurred_on from interaction_contacts ic join interactions i on i.id = ic.interaction_id
       where ic.contact_id = ? and i.occurred_on <= ?
       order by ic.occurred_at desc, ic.interaction_id desc
       limit ${USUAL_GAP_WINDOW}`,
    )
    .pluck();
  return (id) => {
    const distinct = [...new Set(days.all(id, today) as string[])].map(dayNumber).sort((a, b) => a - b);
    return touchStatsFrom(distinct);
  };
}

/**
 * The scheduler's facts of the people who are not archived (the same as
 * contactFacts in due-data.ts, which a test checks) and the touch stats of
 * those with at least `minTouches` days in touch up to `today`; with a
 * filter, only the people who can appear in one of the review's lists.
 */
export function reviewContacts(
  source: DueSource,
  today: string,
  minTouches: number,
  filter?: ReviewFilter,
): { contacts: ContactFacts[]; touchStats: Map<number, TouchStats> } {
  // The kept rhythm holds days after today: it is read again up to today (see statsUpTo).
  const afterToday = sql<0 | 1>`coalesce(a.last_touch_on > ${today} or a.last_on > ${today}, 0)`;
  let query = factsQuery(source.db).select([
    sql<number>`coalesce(a.touches, 0)`.as('touches'),
    'a.usual_gap',
    sql<number | null>`cast(julianday(a.last_touch_on) - julianday('1970-01-01') as integer)`.as('last_touch'),
    afterToday.as('after_today'),
    sql<number | null>`cast(julianday(a.first_touch_on) - julianday('1970-01-01') as integer)`.as('first_touch'),
  ]);
  if (filter) {
    const { fading, rhythm } = filter;
    const { circlesWithRhythm } = filter.due;
    // Enough history for advice (core/review/gaps.ts enoughHistory), from the same kept columns.
    const spansGaps = sql<boolean>`julianday(a.last_touch_on) - julianday(a.first_touch_on) >= ${filter.spanGaps} * a.usual_gap`;
    query = query.where((eb) =>
      eb.or([
        relevantCondition(eb, filter.due),
        eb(afterToday, '=', 1),
        // Silent for more than `factor` usual gaps (whole days between YYYY-MM-DD days).
        eb.and([
          eb('a.touches', '>=', fading.minTouches),
          eb(spansGaps, '=', sql<boolean>`1`),
          eb(sql<number>`julianday(${filter.today}) - julianday(a.last_on)`, '>', sql<number>`${fading.factor} * a.usual_gap`),
        ]),
        eb.and([
          eb('a.touches', '>=', rhythm.minTouches),
          eb(spansGaps, '=', sql<boolean>`1`),
          eb.or([
            eb('c.cadence_days', '>', 0),
            ...(circlesWithRhythm.length ? [eb.and([eb('c.cadence_days', 'is', null), eb('c.circle', 'in', circlesWithRhythm)])] : []),
          ]),
        ]),
      ]),
    );
  }
  const compiled = query.compile();
  const rows = rowsAsArrays<ContactRow>(source.sqlite, compiled.sql, compiled.parameters);
  const upToToday = statsUpTo(source, today);
  const toFacts = factsReader();
  const contacts: ContactFacts[] = new Array(rows.length);
  const touchStats = new Map<number, TouchStats>();
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    const facts = (contacts[k] = toFacts(row));
    const touches = row[15];
    const last = row[17];
    const first = row[19];
    const stats = row[18] ? upToToday(facts.id) : touches > 0 && last !== null && first !== null ? { touches, usual: row[16], last, first } : null;
    if (stats && stats.touches >= minTouches) touchStats.set(facts.id, stats);
  }
  return { contacts, touchStats };
}

/**
 * Everyone not archived, counted by circle, own rhythm and snooze today (see
 * circlesSection): grouped by the snooze day itself, in the order of the
 * contacts_rhythm index, so that nothing is sorted (a few groups more).
 */
export function circleGroups({ sqlite }: DueSource, today: string): CircleGroup[] {
  const rows = sqlite
    .prepare(
      `select circle, cadence_days, coalesce(snoozed_until > ?, 0) as snoozed, count(*) as people
       from contacts where archived_at is null and deleted_at is null
       group by circle, cadence_days, snoozed_until`,
    )
    .all(today) as Array<Omit<CircleGroup, 'snoozed'> & { snoozed: 0 | 1 }>;
  return rows.map((row) => ({ ...row, snoozed: row.snoozed === 1 }));
}
