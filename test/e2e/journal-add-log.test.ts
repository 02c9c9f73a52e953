// add and log through the built binary: outputs, exit codes, and what is stored.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => s.cleanup());

describe('net add', () => {
  it('adds a person with every field and prints one line', () => {
    const out = ok(
      s.net([
        'add', 'Giulia Rossi', '--company', 'Satispay', '--role', 'CTO', '--email', 'giulia@example.com',
        '--phone', '+39 333 123 4567', '--linkedin', 'https://www.linkedin.com/in/giuliarossi', '--location', 'Milano',
        '--tag', 'fintech,mentor', '--tag', 'milan', '--interest', 'AI', '--met-at', 'PyCon Italia', '--met-on', '2025-05-30',
        '--circle', 'close', '--channel', 'coffee', '--birthday', '--04-12', '--note', "likes espresso; won't do calls",
      ]),
    );
    expect(out).toBe('Added Giulia Rossi (#1) to close, every 30 days.\n');
    const [c] = s.json<Array<Record<string, unknown>>>(['list']);
    expect(c).toEqual({
      id: 1, name: 'Giulia Rossi', company: 'Satispay', role: 'CTO', emails: ['giulia@example.com'],
      phone: '+39 333 123 4567', linkedin: 'https://www.linkedin.com/in/giuliarossi', location: 'Milano',
      circle: 'close', cadence_days: 30, channel: 'coffee', tags: ['fintech', 'mentor', 'milan'], interests: ['AI'],
      how_met: 'PyCon Italia', met_on: '2025-05-30', last_contact: null, archived: false,
      notes: "likes espresso; won't do calls",
      phones: ['+39 333 123 4567'], phone_labels: [null], email_labels: [null], nicknames: [], name_prefix: null, name_suffix: null,
    });
    const [row] = s.query<{ uid: string; created_at: string; name_key: string }>('select uid, created_at, name_key from contacts');
    expect(row.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(row.created_at).toMatch(/^2026-03-14T/);
  });

  it('defaults to the network circle and takes --every as the person’s own rhythm', () => {
    expect(ok(s.net(['add', 'Anna Meyer']))).toBe('Added Anna Meyer (#1) to network, every 120 days.\n');
    expect(ok(s.net(['add', 'Marco Bianchi', '--every', '3 weeks']))).toBe('Added Marco Bianchi (#2) to network, every 3 weeks.\n');
    expect(ok(s.net(['add', 'Sara Verdi', '--every', 'quarterly']))).toContain('every 91 days');
    expect(ok(s.net(['add', 'Luca Neri', '--every', 'none']))).toContain('no rhythm');
    expect(ok(s.net(['add', 'Eva Ross', '--circle', 'acquaintance']))).toContain('to acquaintance, no rhythm');
  });

  it('prints the contact as JSON with --json', () => {
    const c = s.json<{ id: number; name: string; emails: string[] }>(['add', 'Françoise Dupont', '--email', 'f@example.fr']);
    expect(c).toMatchObject({ id: 1, name: 'Françoise Dupont', emails: ['f@example.fr'], circle: 'network' });
  });

  it('refuses a duplicate name (accents and case ignored) or email with exit 1, unless --force', () => {
    ok(s.net(['add', 'Niccolò Bianchi', '--email', 'nb@example.com']));
    const byName = s.net(['add', 'niccolo  BIANCHI']);
    expect(byName.code).toBe(1);
    expect(byName.stderr).toMatch(/^net: niccolo {2}BIANCHI may already be in your network: #1 Niccolò Bianchi \(same name\)/);
    const byEmail = s.net(['add', 'N. Bianchi', '--email', 'NB@example.com']);
    expect(byEmail.code).toBe(1);
    expect(byEmail.stderr).toContain('same email nb@example.com');
    expect(s.query('select id from contacts')).toHaveLength(1);
    ok(s.net(['add', 'Niccolò Bianchi', '--force']));
    expect(s.query('select id from contacts')).toHaveLength(2);
  });

  it.each([
    [['--email', 'not-an-email'], /--email: "not-an-email" is not an email address/],
    [['--circle', 'friends'], /--circle: "friends" is not a circle \(inner, close, active, network, acquaintance\)/],
    [['--every', 'sometimes'], /--every: "sometimes" is not an interval/],
    [['--linkedin', 'javascript:alert(1)'], /--linkedin: .* is not a web address/],
    [['--met-on', 'the day after never'], /--met-on: "the day after never" is not a date/],
    [['--met-on', 'tomorrow'], /--met-on: "tomorrow" is in the future/],
    [['--birthday', '1985-02-31'], /--birthday: "1985-02-31" is not a birthday/],
    [['--channel', 'pigeon'], /--channel: "pigeon" is not a channel/],
  ])('rejects %j with exit 2 and writes nothing', (args, message) => {
    const result = s.net(['add', 'Anna Meyer', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
    // Nothing written: the database may not even exist yet.
    const exists = s.net(['list', '--json']);
    expect(JSON.parse(exists.stdout)).toEqual([]);
  });

  it('needs NAME without a terminal (exit 2)', () => {
    const result = s.net(['add', '--company', 'Acme']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('net: missing NAME');
  });

  it('keeps Unicode, quotes, semicolons and SQL-looking text exactly as typed', () => {
    const name = `Robert'); DROP TABLE contacts;-- "Bobby" 😀`;
    const note = 'line one\nline two; "quoted" = 1 OR 1=1 -- ß ø 中文';
    ok(s.net(['add', name, '--note', note, '--tag', 'a;b']));
    const [c] = s.json<Array<{ name: string; notes: string; tags: string[] }>>(['list']);
    expect(c.name).toBe(name);
    expect(c.notes).toBe(note);
    // A semicolon separates tags, as a comma does (net's CSV joins a list with "; ").
    expect(c.tags).toEqual(['a', 'b']);
  });
});

describe('net log', () => {
  beforeEach(() => {
    ok(s.net(['add', 'Giulia Rossi', '--circle', 'close']));
    ok(s.net(['add', 'Niccolò Bianchi']));
    ok(s.net(['add', 'Françoise Dupont']));
  });

  it('logs one interaction with several people, in natural language dates', () => {
    const out = ok(s.net(['log', 'giulia', 'nicolo', '--via', 'coffee', '--date', 'yesterday', '-m', 'talked about the AI meetup']));
    expect(out).toBe('Logged coffee with Giulia Rossi and Niccolò Bianchi on 2026-03-13.\n');
    const history = s.json<Array<Record<string, unknown>>>(['history']);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      id: 1, date: '2026-03-13', via: 'coffee', direction: 'mutual',
      contacts: ['Giulia Rossi', 'Niccolò Bianchi'], contact_ids: [1, 2], note: 'talked about the AI meetup', gave: [], got: [],
    });
    expect(s.query('select contact_id from interaction_contacts order by contact_id')).toEqual([{ contact_id: 1 }, { contact_id: 2 }]);
  });

  it.each([
    ['ieri', '2026-03-13'],
    ['martedì scorso', '2026-03-10'],
    ['3 giorni fa', '2026-03-11'],
    ['last tuesday', '2026-03-10'],
    ['2 weeks ago', '2026-02-28'],
    ['2026-01-05', '2026-01-05'],
    ['today', '2026-03-14'],
  ])('reads --date %s as %s', (text, day) => {
    ok(s.net(['log', 'giulia', '--via', 'call', '--date', text]));
    expect(s.json<Array<{ date: string }>>(['history'])[0].date).toBe(day);
  });

  it('refuses a future date and text that is not a date (exit 2, nothing written)', () => {
    const future = s.net(['log', 'giulia', '--date', 'tomorrow']);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('net: --date: "tomorrow" is in the future (2026-03-15)');
    const nonsense = s.net(['log', 'giulia', '--date', '31 February']);
    expect(nonsense.code).toBe(2);
    expect(nonsense.stderr).toContain('"31 February" is not a date');
    expect(s.query('select id from interactions')).toHaveLength(0);
  });

  it('sets the direction: --in, --out, else out for written channels and mutual for the others', () => {
    ok(s.net(['log', 'giulia', '--via', 'email', '--in']));
    ok(s.net(['log', 'giulia', '--via', 'email']));
    ok(s.net(['log', 'giulia', '--via', 'call']));
    ok(s.net(['log', 'giulia', '--via', 'linkedin', '--out']));
    expect(s.query('select direction from interactions order by id').map((r) => (r as { direction: string }).direction)).toEqual([
      'in', 'out', 'mutual', 'out',
    ]);
    expect(s.net(['log', 'giulia', '--in', '--out']).code).toBe(2);
    expect(s.net(['log', 'giulia', '--via', 'fax']).code).toBe(2);
  });

  it('in a group, each favour and the promise belong to the person they name', () => {
    const out = ok(
      s.net([
        'log', 'giulia', 'francoise', 'nicolo', '--via', 'meeting', '--gave', 'giulia: intro to Sara', '--got', 'Françoise: advice on pricing',
        '--got', '#2: a referral: to Nexi', '--follow-up', 'francoise: send the deck', '--by', '2026-03-20',
      ]),
    );
    expect(out).toBe(
      'Logged meeting with Giulia Rossi, Françoise Dupont and Niccolò Bianchi on 2026-03-14.\n' +
        '  gave Giulia Rossi: intro to Sara\n' +
        '  got from Françoise Dupont: advice on pricing\n' +
        '  got from Niccolò Bianchi: a referral: to Nexi\n' +
        '  follow-up for Françoise Dupont: send the deck (by 2026-03-20)\n',
    );
    expect(s.query('select contact_id, direction, text from favours order by id')).toEqual([
      { contact_id: 1, direction: 'given', text: 'intro to Sara' },
      { contact_id: 3, direction: 'received', text: 'advice on pricing' },
      { contact_id: 2, direction: 'received', text: 'a referral: to Nexi' },
    ]);
    expect(s.query('select contact_id, text, due_on, done_on from followups')).toEqual([
      { contact_id: 3, text: 'send the deck', due_on: '2026-03-20', done_on: null },
    ]);
    const [entry] = s.json<Array<{ gave: string[]; got: string[] }>>(['history']);
    expect(entry.gave).toEqual(['intro to Sara']);
    expect(entry.got).toEqual(['advice on pricing', 'a referral: to Nexi']);
  });

  it('in a group, a favour or promise that names nobody is a usage error off a terminal (exit 2), and nothing is logged', () => {
    for (const extra of [['--got', 'intro to Siemens'], ['--gave', 'tip: read the report'], ['--follow-up', 'send the deck'], ['--got', 'Marco: intro']]) {
      const r = s.net(['log', 'giulia', 'francoise', '--via', 'meeting', ...extra]);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr).toContain('a favour or a promise belongs to one person; say whose, among Giulia Rossi and Françoise Dupont');
    }
    expect(s.net(['log', 'giulia', 'francoise', '--got', 'intro to Siemens']).stderr).toContain('e.g. --got "Giulia: intro to Siemens"');
    expect(s.query('select id from interactions')).toEqual([]);
  });

  it('with one person, a favour is theirs as typed, and a prefix of their name is taken off', () => {
    const out = ok(s.net(['log', 'giulia', '--gave', 'tip: read the report', '--got', 'Giulia: advice', '--follow-up', 'send the deck']));
    expect(out).toContain('  gave: tip: read the report\n  got: advice\n  follow-up for Giulia Rossi: send the deck');
    expect(s.query('select text from favours order by id')).toEqual([{ text: 'tip: read the report' }, { text: 'advice' }]);
  });

  it('dues a follow-up 7 days after the interaction by default', () => {
    ok(s.net(['log', 'giulia', '--date', '2026-03-10', '--follow-up', 'send the deck']));
    expect(s.query('select due_on from followups')).toEqual([{ due_on: '2026-03-17' }]);
  });

  it('fails as a whole when one of the people is unknown', () => {
    const result = s.net(['log', 'giulia', 'zzzz qqqq', '--via', 'call']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('net: no contact matches "zzzz qqqq"');
    expect(s.query('select id from interactions')).toHaveLength(0);
  });

  it('reads the note from standard input with -m -, and -e without a terminal is a usage error', () => {
    const logged = JSON.parse(ok(s.net(['log', 'giulia', '--via', 'call', '-m', '-', '--json'], { input: 'asked about\nthe Berlin job\n' }))) as { note: string };
    expect(logged.note).toBe('asked about\nthe Berlin job');
    const edit = s.net(['log', 'giulia', '-e']);
    expect(edit).toMatchObject({ code: 2, stderr: 'net: -e: the editor needs a terminal\n  give the text with the option itself, or `-` to read it from standard input\n' });
  });

  it('-q leaves out the confirmations, not results, --json or errors', () => {
    expect(s.net(['-q', 'add', 'Quentin Blake'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(s.net(['log', 'quentin', '--via', 'call', '--quiet'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(s.query("select count(*) as n from contacts where name = 'Quentin Blake'")).toEqual([{ n: 1 }]);
    expect(JSON.parse(ok(s.net(['-q', 'add', 'Quentin Other', '--json']))) as { name: string }).toMatchObject({ name: 'Quentin Other' });
    expect(ok(s.net(['-q', 'list']))).toContain('Quentin Blake');
    const out = join(s.dir, 'quiet.csv');
    expect(s.net(['-q', 'export', 'contacts', '--out', out])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(s.net(['-q', 'log', 'zzzz qqqq'])).toMatchObject({ code: 1, stderr: expect.stringContaining('no contact matches') });
  });
});

