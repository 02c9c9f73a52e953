// The outreach rules: moves, next steps, nudge spacing and limits, the `next` order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkMove,
  checkNudge,
  derivedHowMet,
  dueOutreach,
  isDerivedHowMet,
  isEnding,
  MAX_NUDGES,
  nextStepAfter,
  NUDGE_SPACING_DAYS,
  planNext,
  STAGES,
  stageRank,
  touchEffect,
  type OpenOutreach,
  type Stage,
} from '../../src/core/outreach.js';

describe('checkMove', () => {
  // Rows: from; columns: to, in STAGES order (target, contacted, replied, met, connected, declined, parked).
  const allowed: Record<Stage, string> = {
    target: '.YYYYYY',
    contacted: '..YYYYY',
    replied: '...YYYY',
    met: '....YYY',
    connected: '.......',
    declined: '.......',
    parked: '.......',
  };
  for (const from of STAGES) {
    for (const [i, to] of STAGES.entries()) {
      const ok = allowed[from][i] === 'Y';
      it(`${from} → ${to} is ${ok ? 'allowed' : 'refused'}`, () => {
        expect(checkMove(from, to).ok).toBe(ok);
      });
    }
  }

  it('says why a backward move is refused', () => {
    const result = checkMove('replied', 'contacted');
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('only moves forward') });
  });

  it('says that an ended outreach does not move, and how to start again', () => {
    const result = checkMove('parked', 'contacted');
    expect(result).toMatchObject({ ok: false, reason: 'the outreach has ended (parked)', hint: expect.stringContaining('outreach add') });
  });

  it('refuses a move to the same stage', () => {
    expect(checkMove('met', 'met')).toMatchObject({ ok: false, reason: 'it is already at met' });
  });

  it('never lets a sequence of accepted moves go back along the pipeline (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STAGES), { maxLength: 12 }), (moves) => {
        let stage: Stage = 'target';
        for (const to of moves) {
          if (!checkMove(stage, to).ok) continue;
          if (!isEnding(to)) expect(stageRank(to)).toBeGreaterThan(stageRank(stage));
          expect(isEnding(stage)).toBe(false);
          stage = to;
        }
      }),
    );
  });
});

describe('nextStepAfter', () => {
  it.each([
    ['target', '2026-03-14'],
    ['contacted', '2026-03-21'],
    ['replied', '2026-03-16'],
    ['met', '2026-03-21'],
    ['connected', null],
    ['declined', null],
    ['parked', null],
  ] as const)('after %s on 2026-03-14: %s', (stage, expected) => {
    expect(nextStepAfter(stage, '2026-03-14')).toBe(expected);
  });

  it('spaces the first nudge a full week after contacting, across a month end', () => {
    expect(nextStepAfter('contacted', '2026-02-26')).toBe('2026-03-05');
    expect(NUDGE_SPACING_DAYS).toBe(7);
  });
});

describe('checkNudge', () => {
  const contacted = { stage: 'contacted', nudges: 0, lastMessageOn: '2026-03-14' };
  it.each([
    ['exactly 7 days after the first message', contacted, '2026-03-21', true, undefined],
    ['6 days after the first message', contacted, '2026-03-20', false, 'spacing'],
    ['the same day', contacted, '2026-03-14', false, 'spacing'],
    ['a second nudge 7 days after the first', { ...contacted, nudges: 1, lastMessageOn: '2026-03-21' }, '2026-03-28', true, undefined],
    ['a second nudge 3 days after the first', { ...contacted, nudges: 1, lastMessageOn: '2026-03-21' }, '2026-03-24', false, 'spacing'],
    ['a third nudge', { ...contacted, nudges: 2, lastMessageOn: '2026-03-28' }, '2026-05-01', false, 'limit'],
    ['before any message', { stage: 'target', nudges: 0, lastMessageOn: null }, '2026-03-21', false, 'stage'],
    ['after a reply', { stage: 'replied', nudges: 1, lastMessageOn: '2026-03-14' }, '2026-04-01', false, 'stage'],
    ['an ended outreach', { stage: 'parked', nudges: 2, lastMessageOn: '2026-03-14' }, '2026-04-01', false, 'stage'],
    ['contacted with no recorded day', { stage: 'contacted', nudges: 0, lastMessageOn: null }, '2026-03-14', true, undefined],
  ] as const)('%s', (_label, state, day, ok, rule) => {
    const result = checkNudge(state, day);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.rule).toBe(rule);
  });

  it('names the day the next nudge is allowed', () => {
    const result = checkNudge(contacted, '2026-03-17');
    expect(!result.ok && result.reason).toBe('the last message was on 2026-03-14: give them 7 days, until 2026-03-21');
  });

  it('stops at two nudges', () => {
    expect(MAX_NUDGES).toBe(2);
  });
});

function open(partial: Partial<OpenOutreach> & { name: string }): OpenOutreach {
  return {
    contactId: 1,
    stage: 'target',
    nextOn: '2026-03-14',
    nudges: 0,
    channel: null,
    via: null,
    lastMessageOn: null,
    askedOn: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    ...partial,
  };
}

describe('planNext', () => {
  const today = '2026-03-14';
  it.each([
    ['a target with an introducer', open({ name: 'Marco', via: 'Giulia Rossi' }), 'ask_intro', 'ask Giulia Rossi for an introduction'],
    ['a target whose introducer was asked', open({ name: 'Marco', via: 'Giulia Rossi', askedOn: '2026-03-07' }), 'intro_asked', 'you asked Giulia Rossi for an introduction on 2026-03-07: ask again'],
    ['a target without one', open({ name: 'Marco', channel: 'linkedin' }), 'first_message', 'write a personal first message on LinkedIn'],
    ['contacted, no nudge yet', open({ name: 'Marco', stage: 'contacted', channel: 'email', lastMessageOn: '2026-03-07' }), 'nudge', '(1 of 2)'],
    ['contacted, one nudge', open({ name: 'Marco', stage: 'contacted', nudges: 1, lastMessageOn: '2026-03-07' }), 'nudge', '(2 of 2)'],
    ['contacted, two nudges', open({ name: 'Marco', stage: 'contacted', nudges: 2, lastMessageOn: '2026-03-07' }), 'park', 'parked'],
    ['contacted, three nudges (forced)', open({ name: 'Marco', stage: 'contacted', nudges: 3 }), 'park', '3 nudges'],
    ['replied', open({ name: 'Marco', stage: 'replied' }), 'propose_meeting', 'propose a short call or a coffee'],
    ['met', open({ name: 'Marco', stage: 'met' }), 'follow_up', 'connected'],
  ] as const)('%s: %s', (_label, outreach, action, words) => {
    const step = planNext(outreach, today);
    expect(step.action).toBe(action);
    expect(step.suggestion).toContain(words);
    expect(step.suggestion).toContain('"Marco"');
  });

  it('counts the days since the step came', () => {
    expect(planNext(open({ name: 'A', nextOn: '2026-03-10' }), today).daysOverdue).toBe(4);
    expect(planNext(open({ name: 'A', nextOn: today }), today).daysOverdue).toBe(0);
  });

  it('says since when there has been no reply', () => {
    const step = planNext(open({ name: 'A', stage: 'contacted', lastMessageOn: '2026-03-07', channel: 'email' }), today);
    expect(step.suggestion).toContain('no reply since 2026-03-07: a short, friendly nudge by email');
  });

  it('has no next step for an ended outreach', () => {
    expect(() => planNext(open({ name: 'A', stage: 'connected' }), today)).toThrow(RangeError);
  });
});

describe('touchEffect: what a touch logged by hand does to an open outreach', () => {
  it.each<[string, 'in' | 'out' | 'mutual', string | null]>([
    ['target', 'out', 'step to contacted'],
    ['target', 'in', 'step to replied'],
    ['target', 'mutual', 'step to met'],
    ['contacted', 'out', 'nudge'],
    ['contacted', 'in', 'step to replied'],
    ['contacted', 'mutual', 'step to met'],
    ['replied', 'out', 'answered'],
    ['replied', 'in', null],
    ['replied', 'mutual', 'step to met'],
    ['met', 'out', null],
    ['met', 'in', null],
    ['met', 'mutual', null],
    ['connected', 'out', null],
    ['parked', 'in', null],
    ['declined', 'mutual', null],
  ])('%s, %s: %s', (stage, direction, expected) => {
    const effect = touchEffect(stage, direction);
    expect(effect === null ? null : effect.kind === 'step' ? `step to ${effect.to}` : effect.kind).toBe(expected);
  });
});

describe('dueOutreach', () => {
  const today = '2026-03-14';
  it('keeps the steps that have come, oldest due first, then the oldest outreach, then name', () => {
    const list = [
      open({ name: 'Today', contactId: 1, nextOn: today }),
      open({ name: 'Tomorrow', contactId: 2, nextOn: '2026-03-15' }),
      open({ name: 'Old', contactId: 3, nextOn: '2026-03-01' }),
      open({ name: 'Ended', contactId: 4, nextOn: '2026-02-01', stage: 'parked' }),
      open({ name: 'No date', contactId: 5, nextOn: null }),
      open({ name: 'Bea', contactId: 6, nextOn: '2026-03-10', createdAt: '2026-03-02T00:00:00.000Z' }),
      open({ name: 'Al', contactId: 7, nextOn: '2026-03-10', createdAt: '2026-03-02T00:00:00.000Z' }),
      open({ name: 'Zed', contactId: 8, nextOn: '2026-03-10', createdAt: '2026-02-02T00:00:00.000Z' }),
    ];
    expect(dueOutreach(list, today).map((o) => o.name)).toEqual(['Old', 'Zed', 'Al', 'Bea', 'Today']);
  });

  it('is empty when nothing has come', () => {
    expect(dueOutreach([open({ name: 'Later', nextOn: '2026-04-01' })], today)).toEqual([]);
  });
});

describe('how a person created by outreach is known', () => {
  it.each([
    ['Giulia Rossi', 'runs the Milan fintech group', 'through Giulia Rossi'],
    [null, 'runs the Milan fintech group', 'outreach list: runs the Milan fintech group'],
    [null, null, null],
  ] as const)('via %s, why %s: %s', (via, why, expected) => {
    expect(derivedHowMet(via, why)).toBe(expected);
    if (expected !== null) expect(isDerivedHowMet(expected, via, why)).toBe(true);
  });

  it('tells a how-met written by the person from a derived one', () => {
    expect(isDerivedHowMet('your talk at PyCon Italia', 'Giulia Rossi', 'runs the group')).toBe(false);
  });
});
