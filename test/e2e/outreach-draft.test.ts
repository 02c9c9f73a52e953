// net outreach draft through the built binary: what the draft is built from,
// templates, and the personalisation check with --force.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

// Drafting changes nothing: one network serves every test.
let s: Sandbox;
beforeAll(() => {
  s = sandbox();
  ok(s.net(['add', 'Giulia Rossi', '--interest', 'fintech,AI', '--tag', 'milan', '--circle', 'close']));
  ok(s.net(['add', 'Luca Verdi', '--interest', 'cycling']));
  // Introducer, shared interests (fintech through Giulia, cycling through Luca), how you know of them, company, role, why.
  ok(s.net([
    'outreach', 'add', 'Marco Bianchi', '--via', 'giulia', '--why', 'runs the Milan fintech group', '--channel', 'email',
    '--company', 'Nexi', '--role', 'Head of Payments', '--interest', 'jazz,fintech,cycling', '--tag', 'milan',
    '--known-from', 'your talk at PyCon Italia',
  ]));
  // No introducer and nothing shared: the company and the reason only.
  ok(s.net(['outreach', 'add', 'Sara Conti', '--why', 'is hiring data engineers', '--company', 'Prima', '--channel', 'linkedin']));
  // Nothing known but the name.
  ok(s.net(['outreach', 'add', 'Nadia Blank', '--channel', 'message']));
});
afterAll(() => s.cleanup());

function template(name: string, text: string): string {
  const path = join(s.dir, name);
  writeFileSync(path, text);
  return path;
}

describe('the built-in draft', () => {
  it('with an introducer and shared interests: names them, how you know of them, the work and the reason', () => {
    const result = s.net(['outreach', 'draft', 'marco']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'Subject: Introduction through Giulia Rossi',
        '',
        'Hi Marco,',
        '',
        'Giulia Rossi suggested I get in touch with you. I came across your work through your talk at PyCon Italia. ' +
          "I've been following your work as Head of Payments at Nexi. We seem to share an interest in fintech and cycling. " +
          "I'm reaching out because you run the Milan fintech group.",
        '',
        "I'd love to hear how you see fintech developing. Would you be open to a 20-minute virtual coffee in the coming weeks? No pressure if now is a busy time.",
        '',
        'Best regards',
        '',
      ].join('\n'),
    );
  });

  it('without an introducer or shared interests: no mention of either, still personal, still a question', () => {
    const text = ok(s.net(['outreach', 'draft', 'sara']));
    expect(text).toBe(
      "Hi Sara, I've been following your work at Prima. I'm reaching out because you are hiring data engineers. " +
        'Would you be open to connecting, and maybe a short chat sometime?\n',
    );
    expect(Array.from(text.trimEnd()).length).toBeLessThanOrEqual(300);
  });

  it('keeps a LinkedIn note within 300 characters', () => {
    const json = s.json<{ style: string; text: string; length: number; limit: number; shared_interests: string[]; problems: string[] }>([
      'outreach', 'draft', 'marco', '--channel', 'linkedin',
    ]);
    expect(json).toMatchObject({ style: 'linkedin', limit: 300, shared_interests: ['fintech', 'cycling', 'milan'], problems: [] });
    expect(json.length).toBeLessThanOrEqual(300);
    expect(Array.from(json.text).length).toBe(json.length);
    expect(json.text.startsWith('Hi Marco, Giulia Rossi suggested I get in touch with you.')).toBe(true);
    expect(json.text.endsWith('?')).toBe(true);
  });

  it('refuses a draft with nothing specific to the person (exit 1, nothing on stdout), unless --force', () => {
    const refused = s.net(['outreach', 'draft', 'nadia']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      'net: the draft for Nadia Blank is not personal enough:\n' +
        '  - nothing in it is specific to Nadia Blank: say why you write, who introduced you, a shared interest or their work\n' +
        '  add what you know (`net edit "Nadia Blank" --interest … --company …`), or print it anyway with --force\n',
    );
    const forced = s.net(['outreach', 'draft', 'nadia', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe('Hi Nadia, Would you be open to a 20-minute virtual coffee in the coming weeks? No pressure if now is a busy time.\n');
    expect(forced.stderr).toContain('net: warning: nothing in it is specific to Nadia Blank');
  });
});

describe('templates', () => {
  it('fills {{first_name}}, {{via}}, {{shared_interest}}, {{why_you}} and {{company}}', () => {
    const path = template(
      'full.txt',
      'Hi {{first_name}},\n{{via}} told me {{why_you}} at {{company}}; we both like {{shared_interest}}. A virtual coffee?\n',
    );
    const result = s.net(['outreach', 'draft', 'marco', '--template', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'Hi Marco,\nGiulia Rossi told me you run the Milan fintech group at Nexi; we both like fintech. A virtual coffee?\n',
    );
  });

  it('keeps a template as written: {{why}} in an Italian template is the reason as typed; the signature setting signs it', () => {
    ok(s.net(['config', 'set', 'me.name', 'Alex Moretti']));
    ok(s.net(['config', 'set', 'draft.signature', 'Un caro saluto,\\nAlex']));
    const path = template('it.txt', 'Ciao {{first_name}},\n{{via}} mi ha detto che {{why}}. Un caffè?\n\n{{signature}}\n');
    expect(ok(s.net(['outreach', 'draft', 'marco', '--template', path]))).toBe(
      'Ciao Marco,\nGiulia Rossi mi ha detto che runs the Milan fintech group. Un caffè?\n\nUn caro saluto,\nAlex\n',
    );
    // The built-in email ends with the signature too.
    expect(ok(s.net(['outreach', 'draft', 'marco']))).toMatch(/\n\nUn caro saluto,\nAlex\n$/);
    expect(ok(s.net(['config', 'get', 'draft.signature']))).toBe('Un caro saluto,\\nAlex\n');
    ok(s.net(['config', 'unset', 'draft.signature']));
    expect(ok(s.net(['outreach', 'draft', 'marco']))).toMatch(/\n\nBest regards,\nAlex Moretti\n$/);
    ok(s.net(['config', 'unset', 'me.name']));
  });

  it('reports a placeholder left unresolved and exits 1; --force prints it with a warning', () => {
    const path = template('via.txt', 'Hi {{first_name}}, {{via}} mentioned {{company}}. Coffee?');
    const refused = s.net(['outreach', 'draft', 'sara', '--template', path]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      'net: the draft for Sara Conti is not personal enough:\n' +
        '  - {{via}} is left unresolved: nothing is known about it for Sara Conti\n' +
        '  fix the template, or print it anyway with --force\n',
    );
    const forced = s.net(['outreach', 'draft', 'sara', '--template', path, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe('Hi Sara, {{via}} mentioned Prima. Coffee?\n');
    expect(forced.stderr).toBe('net: warning: {{via}} is left unresolved: nothing is known about it for Sara Conti\n');
  });

  it('finds a copy-paste template generic, and names an unknown placeholder', () => {
    const generic = s.net(['outreach', 'draft', 'marco', '--template', template('generic.txt', 'Hi {{first_name}}, I would love to connect!')]);
    expect(generic.code).toBe(1);
    expect(generic.stderr).toContain('nothing in it is specific to Marco Bianchi');
    const unknown = s.net(['outreach', 'draft', 'marco', '--template', template('unknown.txt', 'Hi {{nick}}, {{company}}?')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('{{nick}} is not a placeholder');
  });

  it('refuses a LinkedIn note over 300 characters, and notes a message that asks nothing', () => {
    const long = s.net(['outreach', 'draft', 'sara', '--template', template('long.txt', `Hi {{first_name}}, about {{company}}: ${'so '.repeat(100)}?`)]);
    expect(long.code).toBe(1);
    expect(long.stderr).toMatch(/a LinkedIn note holds at most 300 characters; this one has 3\d\d/);
    const flat = s.net(['outreach', 'draft', 'marco', '--template', template('flat.txt', 'Hi {{first_name}}, here is my CV for {{company}}.')]);
    expect(flat.code).toBe(0);
    expect(flat.stderr).toBe('net: note: it asks nothing: end with a question or an invitation to continue\n');
  });

  it('says when the template cannot be read, and when the person has no outreach', () => {
    const missing = s.net(['outreach', 'draft', 'marco', '--template', join(s.dir, 'nope.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--template: cannot read');
    const none = s.net(['outreach', 'draft', 'luca']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('net: Luca Verdi is not on your outreach list');
  });
});
