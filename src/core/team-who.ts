// `net who --team`: which teammates can introduce me to a person, a company
// or an interest, from the dates and channels of their touches only (never a
// note). Recent touches count more: a touch weighs 1 today, ½ after half a
// year, ¼ after a year; more touches count more.
import { daysBetween } from './dates.js';

export interface TeamTouchRow {
  member: string;
  person: string;
  name: string;
  company: string | null;
  on: string;
  channel: string;
}

export interface PersonKnown {
  name: string;
  company: string | null;
  touches: number;
  /** Touches per channel, most first. */
  channels: Array<[channel: string, count: number]>;
  this_year: number;
  last_on: string;
  last_channel: string;
}

export interface TeammateRank {
  member: string;
  score: number;
  touches: number;
  last_on: string;
  people: PersonKnown[];
}

export const TEAM_HALF_LIFE_DAYS = 182;

export function rankTeammates(rows: readonly TeamTouchRow[], today: string): TeammateRank[] {
  const byMember = new Map<string, { score: number; people: Map<string, { rows: TeamTouchRow[] }> }>();
  for (const row of rows) {
    let member = byMember.get(row.member);
    if (!member) byMember.set(row.member, (member = { score: 0, people: new Map() }));
    const age = Math.max(0, daysBetween(row.on, today));
    member.score += 0.5 ** (age / TEAM_HALF_LIFE_DAYS);
    let person = member.people.get(row.person);
    if (!person) member.people.set(row.person, (person = { rows: [] }));
    person.rows.push(row);
  }
  const year = today.slice(0, 4);
  const ranks: TeammateRank[] = [];
  for (const [member, { score, people }] of byMember) {
    const known: PersonKnown[] = [...people.values()].map(({ rows: touches }) => {
      const last = touches.reduce((a, b) => (b.on > a.on ? b : a));
      const channels = new Map<string, number>();
      for (const t of touches) channels.set(t.channel, (channels.get(t.channel) ?? 0) + 1);
      return {
        name: last.name,
        company: last.company,
        touches: touches.length,
        channels: [...channels].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
        this_year: touches.filter((t) => t.on.startsWith(year)).length,
        last_on: last.on,
        last_channel: last.channel,
      };
    });
    known.sort((a, b) => b.last_on.localeCompare(a.last_on) || b.touches - a.touches || a.name.localeCompare(b.name));
    ranks.push({ member, score: Math.round(score * 100) / 100, touches: known.reduce((n, p) => n + p.touches, 0), last_on: known[0].last_on, people: known });
  }
  return ranks.sort((a, b) => b.score - a.score || b.last_on.localeCompare(a.last_on) || a.member.localeCompare(b.member));
}

const PLURAL: Record<string, string> = { email: 'emails', call: 'calls', meeting: 'meetings', coffee: 'coffees', meal: 'meals', message: 'messages', video: 'video calls', event: 'events' };

const count = (n: number, channel: string) => `${n} ${n === 1 ? (channel === 'video' ? 'video call' : channel) : (PLURAL[channel] ?? `${channel} touches`)}`;

/** "3 meetings and 2 emails with Federico Sala this year, last on 2026-11-20 (meeting)". */
export function describeKnown(p: PersonKnown, today: string): string {
  const parts = p.channels.slice(0, 3).map(([channel, n]) => count(n, channel));
  const rest = p.channels.slice(3).reduce((n, [, c]) => n + c, 0);
  if (rest > 0) parts.push(`${rest} more`);
  const what = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  const when = p.this_year === p.touches && p.last_on.slice(0, 4) === today.slice(0, 4) ? ' this year' : '';
  return `${what} with ${p.name}${when}, last on ${p.last_on} (${p.last_channel})`;
}
