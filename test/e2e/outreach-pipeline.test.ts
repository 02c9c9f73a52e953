// net outreach add / list / next / step / nudge through the built binary:
// the whole pipeline, the stage rules and the spacing of nudges.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
  ok(s.net(['add', 'Giulia Rossi', '--company', 'Satispay', '--interest', 'fintech,AI', '--circle', 'close']));
});
afterEach(() => s.cleanup());

const on = (day: string) => ({ env: { NET_NOW: day } });

interface OutreachRow {
  id: number;
  contact_id: number;
  stage: string;
  next_on: string | null;
  nudges: number;
  last_nudge_on: string | null;
  ended_on: string | null;
  channel: string | null;
  why: string | null;
  via_contact_id: number | null;
}

interface EventRow {
  kind: string;
  from_stage: string | null;
  to_stage: string | null;
  occurred_on: string;
  note: string | null;
  channel: string | null;
  direction: string | null;
}

const outreachOf = (id: number) => s.query<OutreachRow>('select * from outreach where contact_id = ? order by id', id);
const eventsOf = (id: number) =>
  s.query<EventRow>(
    `select e.kind, e.from_stage, e.to_stage, e.occurred_on, e.note, i.channel, i.direction
       from outreach_events e join outreach o on o.id = e.outreach_id left join interactions i on i.id = e.interaction_id
      where o.contact_id = ? order by e.id`,
    id,
  );

describe('the pipeline from add to connected', () => {
  it('records every step, its interaction and its next step', () => {
    const added = s.net([
      'outreach', 'add', 'Marco Bianchi', '--why', 'runs the Milan fintech group', '--via', 'giulia',
      '--channel', 'email', '--company', 'Nexi', '--interest', 'fintech, jazz',
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout).toBe(
      'Added Marco Bianchi (#2, new contact) to your outreach list: first step today, by email, through Giulia Rossi.\n' +
        '  Ask Giulia Rossi for an introduction, or draft a first message: net outreach draft "Marco Bianchi"\n',
    );
    expect(added.stderr).toBe('');
    // A target is not yet a relationship: no rhythm, known through the introducer.
    expect(s.query('select circle, company, how_met, met_on from contacts where id = 2')).toEqual([
      { circle: 'acquaintance', company: 'Nexi', how_met: 'through Giulia Rossi', met_on: null },
    ]);
    expect(outreachOf(2)).toMatchObject([{ stage: 'target', next_on: '2026-03-14', nudges: 0, channel: 'email', via_contact_id: 1, ended_on: null }]);

    const next = s.json<Array<Record<string, unknown>>>(['outreach', 'next']);
    expect(next).toEqual([
      {
        contact_id: 2,
        name: 'Marco Bianchi',
        company: 'Nexi',
        stage: 'target',
        action: 'ask_intro',
        suggestion: 'ask Giulia Rossi for an introduction (then net outreach ask "Marco Bianchi"), or write mentioning them: net outreach draft "Marco Bianchi"',
        channel: 'email',
        via: 'Giulia Rossi',
        why: 'runs the Milan fintech group',
        next_on: '2026-03-14',
        days_overdue: 0,
        nudges: 0,
      },
    ]);

    const contacted = s.net(['outreach', 'step', 'marco', 'contacted', '-m', 'note about the meetup'], on('2026-03-15'));
    expect(contacted.code).toBe(0);
    expect(contacted.stdout).toBe(
      'Moved Marco Bianchi from target to contacted. Logged email (you wrote) on 2026-03-15.\n' +
        '  Next step on 2026-03-22: a nudge if they have not replied (net outreach nudge "Marco Bianchi").\n',
    );
    expect(outreachOf(2)).toMatchObject([{ stage: 'contacted', next_on: '2026-03-22', nudges: 0 }]);
    // Not due before a week has passed.
    expect(s.json<unknown[]>(['outreach', 'next'], on('2026-03-21'))).toEqual([]);

    ok(s.net(['outreach', 'nudge', 'marco'], on('2026-03-22')));
    expect(outreachOf(2)).toMatchObject([{ stage: 'contacted', nudges: 1, last_nudge_on: '2026-03-22', next_on: '2026-03-29' }]);

    ok(s.net(['outreach', 'step', 'marco', 'replied', '-m', 'happy to talk'], on('2026-03-24')));
    expect(outreachOf(2)).toMatchObject([{ stage: 'replied', next_on: '2026-03-26' }]);
    expect(s.json<Array<{ action: string }>>(['outreach', 'next'], on('2026-03-26')).map((n) => n.action)).toEqual(['propose_meeting']);

    ok(s.net(['outreach', 'step', 'marco', 'met', '--channel', 'coffee', '--date', '2026-03-27'], on('2026-03-28')));
    expect(outreachOf(2)).toMatchObject([{ stage: 'met', next_on: '2026-04-03', channel: 'email' }]);
    expect(s.query('select met_on from contacts where id = 2')).toEqual([{ met_on: '2026-03-27' }]);

    const connected = s.net(['outreach', 'step', 'marco', 'connected', '--circle', 'active'], on('2026-04-03'));
    expect(connected.code).toBe(0);
    expect(connected.stdout).toBe('Marco Bianchi is connected: the outreach has ended, and they are now in your active circle (every 60 days).\n');
    expect(outreachOf(2)).toMatchObject([{ stage: 'connected', next_on: null, ended_on: '2026-04-03' }]);
    expect(s.query('select circle from contacts where id = 2')).toEqual([{ circle: 'active' }]);
    expect(s.json<unknown[]>(['outreach', 'next'], on('2026-04-03'))).toEqual([]);

    expect(eventsOf(2)).toEqual([
      { kind: 'add', from_stage: null, to_stage: 'target', occurred_on: '2026-03-14', note: 'runs the Milan fintech group', channel: null, direction: null },
      { kind: 'step', from_stage: 'target', to_stage: 'contacted', occurred_on: '2026-03-15', note: 'note about the meetup', channel: 'email', direction: 'out' },
      { kind: 'nudge', from_stage: 'contacted', to_stage: 'contacted', occurred_on: '2026-03-22', note: null, channel: 'email', direction: 'out' },
      { kind: 'step', from_stage: 'contacted', to_stage: 'replied', occurred_on: '2026-03-24', note: 'happy to talk', channel: 'email', direction: 'in' },
      { kind: 'step', from_stage: 'replied', to_stage: 'met', occurred_on: '2026-03-27', note: null, channel: 'coffee', direction: 'mutual' },
      { kind: 'step', from_stage: 'met', to_stage: 'connected', occurred_on: '2026-04-03', note: null, channel: null, direction: null },
    ]);
    // The conversations are in the journal like any other.
    const history = s.json<Array<{ via: string; direction: string; note: string }>>(['history', 'marco']);
    expect(history.map((h) => `${h.via} ${h.direction} ${h.note}`)).toEqual([
      'coffee mutual first meeting (outreach)',
      'email in happy to talk',
      'email out nudge (outreach)',
      'email out note about the meetup',
    ]);

    // Out of an ended outreach: refused, with the reason.
    const again = s.net(['outreach', 'step', 'marco', 'parked'], on('2026-04-04'));
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'net: cannot move Marco Bianchi to parked: the outreach has ended (connected on 2026-04-03)\n' +
        '  start a new one with `net outreach add "Marco Bianchi"`\n',
    );

    // A new outreach may start, and keeps what was known.
    ok(s.net(['outreach', 'add', 'Marco Bianchi', '--next', '2026-05-01'], on('2026-04-10')));
    expect(outreachOf(2).map((o) => [o.stage, o.why, o.via_contact_id, o.channel, o.next_on])).toEqual([
      ['connected', 'runs the Milan fintech group', 1, 'email', null],
      ['target', 'runs the Milan fintech group', 1, 'email', '2026-05-01'],
    ]);
    expect(s.query('select count(*) as n from contacts')).toEqual([{ n: 2 }]);
  });
});

describe('outreach add', () => {
  it('reuses an existing contact by exact name or id, and refuses a second open outreach (exit 1)', () => {
    const first = s.net(['outreach', 'add', 'giulia rossi', '--why', 'advice on fundraising', '--role', 'CTO']);
    expect(first.stdout).toContain('Added Giulia Rossi (#1) to your outreach list');
    expect(s.query('select circle, role from contacts')).toEqual([{ circle: 'close', role: 'CTO' }]);
    const second = s.net(['outreach', 'add', '#1']);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(
      'net: Giulia Rossi is already on your outreach list (stage target, next step 2026-03-14)\n' +
        '  move it with `net outreach step "Giulia Rossi" STAGE`; see it with `net outreach list`\n',
    );
    expect(s.query('select count(*) as n from outreach')).toEqual([{ n: 1 }]);
  });

  it('uses the person a name already names, as everywhere; --new makes a new one', () => {
    expect(ok(s.net(['outreach', 'add', 'Giulia Rosi']))).toMatch(/^Added Giulia Rossi \(#1\) to your outreach list/);
    ok(s.net(['outreach', 'add', 'Giulia Rosi', '--new']));
    expect(s.query('select id, name from contacts order by id')).toEqual([
      { id: 1, name: 'Giulia Rossi' },
      { id: 2, name: 'Giulia Rosi' },
    ]);
  });

  it('picks the channel from what is known: LinkedIn profile, else email, else none', () => {
    ok(s.net(['outreach', 'add', 'Ann', '--linkedin', 'https://www.linkedin.com/in/ann']));
    ok(s.net(['outreach', 'add', 'Bob', '--email', 'bob@example.com']));
    ok(s.net(['outreach', 'add', 'Cy', '--why', 'writes about payments']));
    expect(s.json<Array<{ name: string; channel: string | null }>>(['outreach', 'list']).map((o) => [o.name, o.channel])).toEqual([
      ['Ann', 'linkedin'],
      ['Bob', 'email'],
      ['Cy', null],
    ]);
    expect(s.query('select how_met from contacts where name = ?', 'Cy')).toEqual([{ how_met: 'outreach list: writes about payments' }]);
  });

  it('checks its values: channel, introducer, next date (nothing written)', () => {
    expect(s.net(['outreach', 'add', 'Ann', '--channel', 'pigeon']).code).toBe(2);
    expect(s.net(['outreach', 'add', 'Ann', '--via', 'Nobody Known']).code).toBe(1);
    expect(s.net(['outreach', 'add', 'Ann', '--next', 'last week']).code).toBe(2);
    const self = s.net(['outreach', 'add', 'Giulia Rossi', '--via', 'giulia']);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('cannot introduce you to themselves');
    expect(s.query('select count(*) as n from contacts')).toEqual([{ n: 1 }]);
  });

  it('refuses an archived person', () => {
    ok(s.net(['archive', 'giulia']));
    const result = s.net(['outreach', 'add', 'Giulia Rossi']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('net: Giulia Rossi is archived');
  });
});

describe('stage rules', () => {
  beforeEach(() => {
    ok(s.net(['outreach', 'add', 'Marco Bianchi', '--channel', 'linkedin', '--why', 'payments']));
  });

  it('refuses a backward move with the reason (exit 1), and changes nothing', () => {
    ok(s.net(['outreach', 'step', 'marco', 'replied']));
    const back = s.net(['outreach', 'step', 'marco', 'contacted']);
    expect(back.code).toBe(1);
    expect(back.stderr).toBe(
      'net: cannot move Marco Bianchi from replied to contacted: contacted comes before replied: an outreach only moves forward\n' +
        '  the stages are target → contacted → replied → met → connected, or declined / parked\n',
    );
    expect(outreachOf(2)).toMatchObject([{ stage: 'replied' }]);
    expect(s.query('select count(*) as n from interactions')).toEqual([{ n: 1 }]);
  });

  it('refuses the same stage, an unknown stage (exit 2) and a person not on the list', () => {
    expect(s.net(['outreach', 'step', 'marco', 'target']).stderr).toContain('it is already at target');
    const unknown = s.net(['outreach', 'step', 'marco', 'friends']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('STAGE: "friends" is not a stage');
    const missing = s.net(['outreach', 'step', 'giulia', 'contacted']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('net: Giulia Rossi is not on your outreach list');
  });

  it('ends with declined or parked from any open stage, with no next step', () => {
    ok(s.net(['outreach', 'step', 'marco', 'declined', '-m', 'not now']));
    expect(outreachOf(2)).toMatchObject([{ stage: 'declined', ended_on: '2026-03-14', next_on: null }]);
    expect(s.query('select count(*) as n from interactions')).toEqual([{ n: 0 }]);
    expect(s.net(['outreach', 'nudge', 'marco']).stderr).toContain('the outreach has ended (declined on 2026-03-14)');
  });

  it('needs a channel to log a conversation, and checks --next, --date and --circle', () => {
    ok(s.net(['outreach', 'add', 'Cy']));
    const noChannel = s.net(['outreach', 'step', 'cy', 'contacted']);
    expect(noChannel.code).toBe(2);
    expect(noChannel.stderr).toContain("--channel: no channel is chosen for Cy's outreach");
    ok(s.net(['outreach', 'step', 'cy', 'contacted', '--channel', 'email']));
    expect(outreachOf(3)).toMatchObject([{ channel: 'email' }]);

    const soon = s.net(['outreach', 'step', 'marco', 'contacted', '--next', 'in 3 days']);
    expect(soon.code).toBe(2);
    expect(soon.stderr).toContain('give them a week, until 2026-03-21');
    ok(s.net(['outreach', 'step', 'marco', 'contacted', '--date', '2026-03-12', '--next', '2026-03-25']));
    expect(outreachOf(2)).toMatchObject([{ next_on: '2026-03-25' }]);
    const before = s.net(['outreach', 'step', 'marco', 'replied', '--date', '2026-03-10']);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain('--date: 2026-03-10 is before the last step of this outreach (2026-03-12)');
    expect(s.net(['outreach', 'step', 'marco', 'replied', '--date', 'tomorrow']).code).toBe(2);
    expect(s.net(['outreach', 'step', 'marco', 'met', '--circle', 'close']).code).toBe(2);
    expect(s.net(['outreach', 'step', 'marco', 'connected', '--circle', 'family']).code).toBe(2);
    expect(s.net(['outreach', 'step', 'marco', 'parked', '--next', 'friday']).code).toBe(2);
  });
});

describe('nudges respect the other person’s time', () => {
  beforeEach(() => {
    ok(s.net(['outreach', 'add', 'Marco Bianchi', '--channel', 'email', '--via', 'giulia']));
    ok(s.net(['outreach', 'step', 'marco', 'contacted']));
  });

  it('comes no sooner than 7 days after the last message, at most twice, then suggests parking', () => {
    const early = s.net(['outreach', 'nudge', 'marco'], on('2026-03-20'));
    expect(early.code).toBe(1);
    expect(early.stderr).toBe(
      'net: no nudge for Marco Bianchi: the last message was on 2026-03-14: give them 7 days, until 2026-03-21\n' +
        '  if you already sent it, record it with --force\n',
    );
    const first = s.net(['outreach', 'nudge', 'marco', '-m', 'shared the meetup recap'], on('2026-03-21'));
    expect(first.stdout).toBe('Recorded nudge 1 of 2 to Marco Bianchi (email, 2026-03-21).\n  Next look on 2026-03-28.\n');
    expect(s.net(['outreach', 'nudge', 'marco'], on('2026-03-27')).code).toBe(1);
    ok(s.net(['outreach', 'nudge', 'marco'], on('2026-03-28')));
    expect(outreachOf(2)).toMatchObject([{ nudges: 2, last_nudge_on: '2026-03-28', next_on: '2026-04-04' }]);

    expect(s.json<unknown[]>(['outreach', 'next'], on('2026-04-03'))).toEqual([]);
    const next = s.json<Array<{ action: string; suggestion: string }>>(['outreach', 'next'], on('2026-04-04'));
    expect(next).toMatchObject([{ action: 'park', suggestion: expect.stringContaining('net outreach step "Marco Bianchi" parked') }]);

    const third = s.net(['outreach', 'nudge', 'marco'], on('2026-04-04'));
    expect(third.code).toBe(1);
    expect(third.stderr).toContain('2 nudges without a reply already: respect their time');
    expect(s.query('select count(*) as n from outreach_events where kind = ?', 'nudge')).toEqual([{ n: 2 }]);

    // A nudge already sent can be recorded anyway.
    ok(s.net(['outreach', 'nudge', 'marco', '--force'], on('2026-04-05')));
    expect(outreachOf(2)).toMatchObject([{ nudges: 3 }]);
  });

  it('is refused before the first message and after a reply', () => {
    ok(s.net(['outreach', 'add', 'Cy', '--channel', 'email']));
    const before = s.net(['outreach', 'nudge', 'cy', '--force']);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain('record the first message with `net outreach step "Cy" contacted`');
    ok(s.net(['outreach', 'step', 'marco', 'replied'], on('2026-03-16')));
    expect(s.net(['outreach', 'nudge', 'marco'], on('2026-03-30')).stderr).toContain('this outreach is at replied');
  });

  it('spaces the look after a nudge by a week at least', () => {
    expect(s.net(['outreach', 'nudge', 'marco', '--next', '2026-03-25'], on('2026-03-21')).code).toBe(2);
    ok(s.net(['outreach', 'nudge', 'marco', '--next', '2026-04-10'], on('2026-03-21')));
    expect(outreachOf(2)).toMatchObject([{ next_on: '2026-04-10' }]);
  });
});

describe('outreach list and next', () => {
  it('groups the pipeline by stage, in the contract keys, the same rows in CSV', () => {
    ok(s.net(['outreach', 'add', 'Zoe', '--channel', 'email', '--why', '=cmd']));
    ok(s.net(['outreach', 'add', 'Al', '--channel', 'email', '--next', '2026-03-20']));
    ok(s.net(['outreach', 'add', 'Bea', '--channel', 'email']));
    ok(s.net(['outreach', 'step', 'zoe', 'contacted']));
    ok(s.net(['outreach', 'step', 'bea', 'parked']));
    const list = s.json<Array<Record<string, unknown>>>(['outreach', 'list']);
    expect(Object.keys(list[0])).toEqual(['contact_id', 'name', 'company', 'stage', 'why', 'via', 'channel', 'next_on', 'nudges', 'updated_on']);
    expect(list.map((o) => [o.name, o.stage, o.next_on])).toEqual([
      ['Al', 'target', '2026-03-20'],
      ['Zoe', 'contacted', '2026-03-21'],
      ['Bea', 'parked', null],
    ]);
    expect(s.json<Array<{ name: string }>>(['outreach', 'list', '--stage', 'contacted']).map((o) => o.name)).toEqual(['Zoe']);
    expect(s.json<Array<{ name: string }>>(['outreach', 'list', '--open']).map((o) => o.name)).toEqual(['Al', 'Zoe']);
    expect(s.net(['outreach', 'list', '--stage', 'done']).code).toBe(2);

    const csv = ok(s.net(['outreach', 'list', '--csv'])).split('\n');
    expect(csv[0]).toBe('contact_id,name,company,stage,why,via,channel,next_on,nudges,updated_on');
    expect(csv[2]).toBe(`2,Zoe,,contacted,'=cmd,,email,2026-03-21,0,2026-03-14`);

    // Piped, the default view is one tab-separated block with the stage first.
    const plain = ok(s.net(['outreach'])).split('\n');
    expect(plain[0]).toBe('target\t3\tAl\t\t\t\temail\t2026-03-20\t0');
    expect(plain[2]).toBe('parked\t4\tBea\t\t\t\temail\tended 2026-03-14\t0');
  });

  it('puts the oldest due first and says when nothing is due', () => {
    ok(s.net(['outreach', 'add', 'Late', '--channel', 'email', '--why', 'writes on payments'], on('2026-03-01')));
    ok(s.net(['outreach', 'add', 'Fresh', '--channel', 'email', '--why', 'organises PyData']));
    ok(s.net(['outreach', 'add', 'Later', '--channel', 'email', '--next', '2026-04-01']));
    const next = s.json<Array<{ name: string; days_overdue: number }>>(['outreach', 'next']);
    expect(next.map((n) => [n.name, n.days_overdue])).toEqual([
      ['Late', 13],
      ['Fresh', 0],
    ]);
    const human = ok(s.net(['outreach', 'next']));
    expect(human).toBe(
      'Late · target · due 2026-03-01 (13 days ago)\n' +
        '  write a personal first message by email: net outreach draft "Late"\n' +
        '  why: writes on payments\n' +
        'Fresh · target · due today\n' +
        '  write a personal first message by email: net outreach draft "Fresh"\n' +
        '  why: organises PyData\n',
    );
    ok(s.net(['outreach', 'step', 'late', 'contacted']));
    ok(s.net(['outreach', 'step', 'fresh', 'declined']));
    const none = s.net(['outreach', 'next']);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe('Nothing to do on your outreach today. Next: Late on 2026-03-21.\n');
    expect(none.code).toBe(0);
  });
});
