// Export, then import again, property-based: whatever hostile text net
// accepts into a field that an export carries (names, companies, notes, tags,
// emails, interaction notes, favours, follow-ups, outreach reasons and notes)
// comes back the same from JSON, from spreadsheet-safe CSV and from vCard;
// the iCalendar file of the due items holds each title as one property value.
// Commands run in this process: a run is some forty of them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { isLinkedinProfile } from '../../src/core/import-match.js';
import { hostile } from './hostile.js';
import { netInProcess } from './support.js';

const seedSetting = process.env.NET_FC_SEED;
if (seedSetting !== 'random') fc.configureGlobal({ seed: seedSetting ? Number(seedSetting) : 20260314 });

const ENTITIES = ['contacts', 'interactions', 'followups', 'favours', 'outreach'] as const;
type Entity = (typeof ENTITIES)[number];
type Row = Record<string, unknown>;

const field = <T extends string>(...samples: T[]) => fc.oneof({ weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: fc.constantFrom(...samples) });

const person = fc.record({
  name: field('Giulia Rossi', 'Niccolò D’Amico; Jr.'),
  company: field('Rossi, Bianchi & Partners', '=cmd'),
  role: hostile,
  location: field('Milano; IT', 'Zürich'),
  metAt: hostile,
  note: field('first line\nsecond, with; separators\\n', '\t=1+1'),
  tag: field('ai, fintech', 'a;b'),
  interest: hostile,
  email: field('giulia@example.com', 'a.b+c@example.org'),
  phone: field('+39 333 123 4567', '(555) 010-9999 x12'),
  linkedin: fc.oneof(hostile, hostile.map((h) => `https://www.linkedin.com/in/${encodeURIComponent(h.replace(/\p{Cs}/gu, ''))}`), fc.constant('https://www.linkedin.com/in/giulia-rossi')),
  birthday: field('1985-04-12', '--04-12'),
});

const touch = fc.record({ note: field('call\nnotes'), gave: hostile, got: hostile, followUp: hostile, why: hostile, stepNote: hostile, nudge: hostile });

class Journal {
  readonly env: NodeJS.ProcessEnv;
  constructor(readonly dir: string, name: string) {
    this.env = { NET_DB: join(dir, `${name}.db`), NET_NOW: '2026-03-14', NO_COLOR: '1' };
  }

  /** Runs a command; a refusal (exit 1 or 2) is an answer too, a crash is not. */
  async net(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const result = await netInProcess(args, this.env);
    expect([0, 1, 2], `${JSON.stringify(args).slice(0, 300)}\n${result.stderr}`).toContain(result.code);
    return result;
  }

  async ok(args: readonly string[]): Promise<string> {
    const result = await this.net(args);
    expect(result.code, `${JSON.stringify(args).slice(0, 300)}\n${result.stderr}`).toBe(0);
    return result.stdout;
  }

  async records(entity: Entity): Promise<Row[]> {
    return JSON.parse(await this.ok(['export', entity, '--json'])) as Row[];
  }
}

/** Adds a person with whatever of these values net accepts; returns the id. */
async function addPerson(a: Journal, p: fc.infer<typeof person>, fallback: string): Promise<number> {
  let added = await a.net(['add', '--force', '--json', '--every=2 weeks', '--', p.name]);
  if (added.code !== 0) added = await a.net(['add', '--force', '--json', '--every=2 weeks', '--', fallback]);
  const { id } = JSON.parse(added.stdout) as { id: number };
  const options: Array<[string, string]> = [
    ['company', p.company], ['role', p.role], ['location', p.location], ['met-at', p.metAt], ['note', p.note],
    ['tag', p.tag], ['interest', p.interest], ['email', p.email], ['phone', p.phone], ['linkedin', p.linkedin], ['birthday', p.birthday],
  ];
  for (const [option, value] of options) await a.net(['edit', `#${id}`, `--${option}=${value}`]);
  return id;
}

async function logTouch(a: Journal, ids: number[], t: fc.infer<typeof touch>): Promise<void> {
  const who = ids.map((id) => `#${id}`);
  const full = ['log', ...who, `-m${t.note}`, '--via=coffee', '--date=2026-03-01', `--gave=${t.gave}`, `--got=${t.got}`, `--follow-up=${t.followUp}`, '--by=2026-03-10'];
  if ((await a.net(full)).code === 0) return;
  if ((await a.net(['log', ...who, `-m${t.note}`, '--date=2026-03-02'])).code === 0) return;
  await a.ok(['log', ...who, '--date=2026-03-02', '--follow-up=send the deck', '--by=2026-03-09']);
}

/** The fields a vCard carries, as the vCard import reads them back. */
function asCard(c: Row): Row {
  return {
    uid: c.uid,
    // An address book's name has its runs of white space made one space.
    name: String(c.name).replace(/\s+/g, ' '),
    company: c.company,
    role: c.role,
    emails: c.emails,
    phone: c.phone,
    linkedin: typeof c.linkedin === 'string' && isLinkedinProfile(c.linkedin) ? c.linkedin : null,
    location: c.location,
    // An address book trims a note, and takes a blank one for none.
    notes: typeof c.notes === 'string' ? c.notes.trim() || null : null,
    tags: c.tags,
    birthday: c.birthday,
  };
}

/** The lines of an iCalendar text unfolded, with their property names. */
function icsProperties(text: string): string[] {
  expect(text.replace(/\r\n/g, ''), 'a CR or LF outside a CRLF line end').not.toMatch(/[\r\n]/);
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => /^[A-Z-]+/.exec(line)?.[0] ?? line);
}

describe('export and import again, with hostile text in every exported field', () => {
  it('gives back the same records from JSON, protected CSV and vCard; iCalendar holds each title whole', async () => {
    await fc.assert(
      fc.asyncProperty(person, person, touch, async (p1, p2, t) => {
        const dir = mkdtempSync(join(tmpdir(), 'net-roundtrip-'));
        try {
          const a = new Journal(dir, 'a');
          const first = await addPerson(a, p1, 'Giulia Rossi');
          const second = await addPerson(a, p2, 'Marco Bianchi');
          await logTouch(a, [first, second], t);
          const outreach = await a.net(['outreach', 'add', `--why=${t.why}`, '--', p2.name]);
          const target = outreach.code === 0 ? p2.name : 'Sara Verdi';
          if (outreach.code !== 0) await a.ok(['outreach', 'add', '--', target]);
          await a.net(['outreach', 'step', '--', target, 'contacted', `-m${t.stepNote}`]);
          await a.net(['outreach', 'nudge', '--', target, `-m${t.nudge}`]);

          const expected = new Map<Entity, Row[]>();
          for (const entity of ENTITIES) {
            expected.set(entity, await a.records(entity));
            writeFileSync(join(dir, `${entity}.json`), await a.ok(['export', entity, '--json']));
            writeFileSync(join(dir, `${entity}.csv`), await a.ok(['export', entity]));
          }

          for (const format of ['json', 'csv'] as const) {
            const b = new Journal(dir, `from-${format}`);
            // A CSV of no rows is refused ("a header but no rows"): only what holds records is imported.
            for (const entity of ENTITIES) if (expected.get(entity)?.length) await b.ok(['import', format, join(dir, `${entity}.${format}`)]);
            for (const entity of ENTITIES) expect(await b.records(entity), `${entity} through ${format}`).toEqual(expected.get(entity));
          }

          // One card a journal: an address book's cards sharing a profile URL or an email are taken for one person.
          const cards = (await a.ok(['export', 'contacts', '--vcf'])).split(/(?<=^END:VCARD\r\n)/m);
          expect(cards.length).toBe(expected.get('contacts')?.length);
          for (const [i, card] of cards.entries()) {
            writeFileSync(join(dir, `card-${i}.vcf`), card);
            const c = new Journal(dir, `from-vcf-${i}`);
            await c.ok(['import', 'vcf', join(dir, `card-${i}.vcf`)]);
            expect((await c.records('contacts')).map(asCard), `card ${i} through vCard`).toEqual([asCard((expected.get('contacts') ?? [])[i])]);
          }

          const due = JSON.parse(await a.ok(['due', '--json'])) as Array<{ name: string; reason: string }>;
          const ics = await a.ok(['export', 'due', '--ics']);
          const names = icsProperties(ics);
          expect(names.filter((n) => n === 'BEGIN').length).toBe(due.length + 1);
          expect(new Set(names)).toEqual(new Set(['BEGIN', 'VERSION', 'CALSCALE', 'PRODID', 'METHOD', 'X-WR-CALNAME', 'X-PUBLISHED-TTL', 'UID', 'SUMMARY', 'DTSTAMP', 'DTSTART', 'DTEND', 'DESCRIPTION', 'CATEGORIES', 'TRANSP', 'END'].filter((n) => names.includes(n))));
          const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
          const events = calendar.getAllSubcomponents('vevent');
          expect(events.map((e) => String(e.getFirstPropertyValue('description')).split('\n')[0])).toEqual(due.map((item) => item.reason));
          events.forEach((e, i) => expect(String(e.getFirstPropertyValue('summary'))).toContain(due[i].name));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 12 },
    );
  }, 600_000);
});
