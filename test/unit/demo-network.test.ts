// The demo network: deterministic, realistic, and holding every situation the
// morning check, the review and the outreach pipeline have something to say about.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/core/dates.js';
import { buildDemoNetwork, seededRandom, slug } from '../../src/core/demo-network.js';
import { CIRCLES, WRITTEN_CHANNELS } from '../../src/core/vocabulary.js';

const TODAY = '2026-03-14';
const network = buildDemoNetwork(TODAY);
const named = (name: string) => network.contacts.find((c) => c.name === name);
const lastWith = (name: string) => [...network.interactions].reverse().find((i) => i.people.includes(name));

describe('the demo network', () => {
  it('is the same for the same day and seed, and moves with the day', () => {
    expect(buildDemoNetwork(TODAY)).toEqual(network);
    const later = buildDemoNetwork('2026-09-01');
    expect(later.interactions.length).toBe(network.interactions.length);
    expect(daysBetween(network.interactions.at(-1)!.on, later.interactions.at(-1)!.on)).toBe(daysBetween(TODAY, '2026-09-01'));
    expect(buildDemoNetwork(TODAY, 7).interactions).not.toEqual(network.interactions);
  });

  it('has about 60 people in every circle, with accents and apostrophes', () => {
    expect(network.contacts.length).toBeGreaterThanOrEqual(55);
    expect(network.contacts.length).toBeLessThanOrEqual(70);
    for (const circle of CIRCLES) expect(network.contacts.some((c) => c.circle === circle), circle).toBe(true);
    expect(network.contacts.filter((c) => c.circle === 'inner').length).toBeLessThanOrEqual(5);
    const names = network.contacts.map((c) => c.name).join(' ');
    for (const letter of ['ò', 'ç', 'ë', 'ü', 'Ø', 'ł', 'ğ']) expect(names.toLowerCase()).toContain(letter.toLowerCase());
    expect(names).toContain("D'Amico");
    expect(new Set(network.contacts.map((c) => c.name)).size).toBe(network.contacts.length);
  });

  it('gives people companies, interests, tags, stories and plain-ASCII addresses on reserved domains', () => {
    const people = network.contacts.filter((c) => c.circle !== 'acquaintance');
    expect(people.every((c) => c.how_met !== null && c.interests.length > 0)).toBe(true);
    expect(network.contacts.filter((c) => c.tags.length > 0).length).toBeGreaterThan(10);
    for (const c of network.contacts) {
      for (const email of c.emails) expect(email).toMatch(/^[a-z]+(\.[a-z]+)*@[a-z]+\.example$/);
    }
    expect(slug("Oğuz Yılmaz")).toBe('oguz.yilmaz');
    expect(slug('Łukasz Kowalski', '-')).toBe('lukasz-kowalski');
  });

  it('spreads a year of interactions, more with closer people, none in the future', () => {
    const first = network.interactions[0].on;
    expect(daysBetween(first, TODAY)).toBeGreaterThan(300);
    expect(daysBetween(first, TODAY)).toBeLessThanOrEqual(366);
    expect(network.interactions.every((i) => i.on < TODAY)).toBe(true);
    expect(network.interactions.map((i) => `${i.on} ${i.time}`)).toEqual(network.interactions.map((i) => `${i.on} ${i.time}`).sort());
    const count = (name: string) => network.interactions.filter((i) => i.people.includes(name)).length;
    expect(count('Giulia Rossi')).toBeGreaterThan(3 * count('Caterina Pellegrini'));
    expect(network.interactions.some((i) => i.people.length >= 3)).toBe(true);
    expect(network.interactions.length).toBeGreaterThan(300);
  });

  it('owes replies only to the people planned for it', () => {
    const owed = network.contacts
      .filter((c) => {
        const last = lastWith(c.name);
        return last && last.direction === 'in' && WRITTEN_CHANNELS.has(last.channel);
      })
      .map((c) => c.name)
      .sort();
    expect(owed).toEqual(['Ingrid Solberg', 'Lorenzo Bruno', 'Priya Raman', 'Zoë Martin']);
    expect(daysBetween(lastWith('Priya Raman')!.on, TODAY)).toBeGreaterThan(7); // late
  });

  it('has open follow-ups (late, today, coming) and kept ones, each from a conversation', () => {
    const open = network.followups.filter((f) => f.done_on === null);
    expect(open.some((f) => f.due_on < TODAY)).toBe(true);
    expect(open.some((f) => f.due_on === TODAY)).toBe(true);
    expect(open.some((f) => f.due_on > TODAY)).toBe(true);
    expect(network.followups.filter((f) => f.done_on !== null).length).toBeGreaterThanOrEqual(3);
    for (const f of network.followups) {
      expect(f.interaction).not.toBeNull();
      expect(network.interactions[f.interaction!].people).toContain(f.person);
      expect(f.created_on <= f.due_on).toBe(true);
    }
  });

  it('records favours both ways, with one relationship clearly one-sided', () => {
    const favours = network.interactions.flatMap((i) => i.favours);
    expect(favours.some((f) => f.direction === 'given')).toBe(true);
    expect(favours.some((f) => f.direction === 'received')).toBe(true);
    const matteo = favours.filter((f) => f.person === 'Matteo Greco');
    expect(matteo.filter((f) => f.direction === 'received').length).toBeGreaterThanOrEqual(3);
    expect(matteo.filter((f) => f.direction === 'given')).toHaveLength(0);
  });

  it('has an outreach pipeline across every stage, with consistent events', () => {
    const stages = new Set(network.outreach.map((o) => o.stage));
    for (const stage of ['target', 'contacted', 'replied', 'met', 'connected', 'declined', 'parked']) expect(stages, stage).toContain(stage);
    for (const o of network.outreach) {
      expect(o.events[0]).toMatchObject({ kind: 'add', to_stage: 'target', on: o.created_on });
      const steps = o.events.filter((e) => e.kind === 'step');
      expect(steps.at(-1)?.to_stage ?? 'target').toBe(o.stage);
      expect(o.events.filter((e) => e.kind === 'nudge')).toHaveLength(o.nudges);
      expect((o.ended_on === null) === ['target', 'contacted', 'replied', 'met'].includes(o.stage)).toBe(true);
      for (const e of o.events) if (e.interaction !== null) expect(network.interactions[e.interaction].people).toEqual([o.person]);
      if (o.via) expect(named(o.via)).toBeDefined();
    }
    const thomas = network.outreach.find((o) => o.person === 'Thomas Weber')!;
    expect(thomas).toMatchObject({ stage: 'contacted', nudges: 2 });
    // Nudges a week apart at least: the demo respects the rule it teaches.
    const nudgeDays = thomas.events.filter((e) => e.kind !== 'add').map((e) => e.on);
    for (let i = 1; i < nudgeDays.length; i++) expect(daysBetween(nudgeDays[i - 1], nudgeDays[i])).toBeGreaterThanOrEqual(7);
    expect(network.outreach.some((o) => o.next_on !== null && o.next_on <= TODAY)).toBe(true);
  });

  it('has a snoozed and an archived person, new contacts and birthdays coming', () => {
    expect(network.contacts.filter((c) => c.snoozed_until !== null && c.snoozed_until > TODAY)).toHaveLength(1);
    expect(network.contacts.filter((c) => c.archived_on !== null)).toHaveLength(1);
    expect(network.contacts.some((c) => c.met_on !== null && daysBetween(c.met_on, TODAY) <= 14 && c.circle !== 'acquaintance')).toBe(true);
    const soon = network.contacts.filter((c) => c.birthday && c.birthday.slice(-5) === addDays(TODAY, 2).slice(-5));
    expect(soon.map((c) => c.name)).toEqual(['Anna Meyer']);
    expect(network.contacts.some((c) => c.cadence_days !== null)).toBe(true);
  });

  it('rejects a plan that names someone who is not in it', () => {
    expect(() =>
      buildDemoNetwork(TODAY, 1, [{ name: 'Ada', circle: 'close', moments: [{ ago: 1, via: 'call', note: 'x', with: ['Nobody'] }] }]),
    ).toThrow(/Nobody/);
  });

  it('draws numbers evenly from its seed', () => {
    const random = seededRandom(42);
    const draws = Array.from({ length: 10_000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.filter((d) => d < 0.5).length / draws.length).toBeCloseTo(0.5, 1);
  });
});
