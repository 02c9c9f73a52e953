// `net who`: what ties a person to a company, interest or group, and the ranking.
import { describe, expect, it } from 'vitest';
import { bridgeMatches, bridgeScore, hasCriteria, rankBridges, type Profile } from '../../src/core/bridges.js';

const today = '2026-03-14';

function profile(id: number, name: string, more: Partial<Profile> = {}): Profile {
  return { id, name, company: null, interests: [], tags: [], ...more };
}

describe('bridgeMatches', () => {
  const giulia = profile(1, 'Giulia', { company: 'Satispay S.p.A.', interests: ['Fintech', 'AI'], tags: ['milan'] });
  it.each([
    [{ companies: ['satispay'], interests: [], tags: [] }, ['works at Satispay S.p.A.']],
    [{ companies: ['SATISPAY', 'Satispay S.p.A.'], interests: [], tags: [] }, ['works at Satispay S.p.A.']],
    [{ companies: ['Nexi'], interests: [], tags: [] }, []],
    [{ companies: [], interests: ['fintech'], tags: [] }, ['interest: Fintech']],
    [{ companies: [], interests: ['fin'], tags: [] }, []],
    [{ companies: [], interests: [], tags: ['Milan'] }, ['tag: milan']],
    [{ companies: [], interests: ['milan'], tags: [] }, []],
    [{ companies: ['satis'], interests: ['ai', 'fintech'], tags: ['milan'] }, ['works at Satispay S.p.A.', 'interest: Fintech', 'interest: AI', 'tag: milan']],
    [{ companies: [' '], interests: [], tags: [] }, []],
  ])('%j → %j', (criteria, expected) => {
    expect(bridgeMatches(giulia, criteria)).toEqual(expected);
  });

  it('finds a company without accents', () => {
    expect(bridgeMatches(profile(2, 'N', { company: 'Caffè Nero' }), { companies: ['caffe'], interests: [], tags: [] })).toEqual(['works at Caffè Nero']);
  });

  it('needs at least one criterion', () => {
    expect(hasCriteria({ companies: [], interests: [], tags: [] })).toBe(false);
    expect(hasCriteria({ companies: [], interests: [], tags: ['x'] })).toBe(true);
  });
});

describe('bridgeScore', () => {
  it.each([
    [null, 0, { recency: 0, frequency: 0, score: 0 }],
    [today, 0, { recency: 1, frequency: 0, score: 1 }],
    ['2025-12-14', 1, { recency: 0.5, frequency: 0.22, score: 0.72 }],
    ['2025-09-15', 3, { recency: 0.25, frequency: 0.43, score: 0.68 }],
    [today, 24, { recency: 1, frequency: 1, score: 2 }],
    [today, 100, { recency: 1, frequency: 1, score: 2 }],
  ] as const)('last %s, %d in a year → %j', (last, count, expected) => {
    expect(bridgeScore(last, count, today)).toEqual(expected);
  });
});

describe('rankBridges', () => {
  const criteria = { companies: ['Satispay'], interests: ['fintech'], tags: [] };
  const people = [
    profile(1, 'Old friend', { company: 'Satispay' }),
    profile(2, 'Weekly', { company: 'Satispay' }),
    profile(3, 'Both', { company: 'Satispay', interests: ['fintech'] }),
    profile(4, 'Stranger', { company: 'Nexi' }),
    profile(5, 'Never', { interests: ['fintech'] }),
    profile(6, 'Another never', { interests: ['fintech'] }),
  ];
  const touches = new Map([
    [1, { last_contact: '2025-03-14', recent: 1 }],
    [2, { last_contact: '2026-03-10', recent: 30 }],
    [3, { last_contact: '2024-01-01', recent: 0 }],
  ]);

  it('ranks by criteria matched, then recency and frequency, then name', () => {
    const ranked = rankBridges(people, criteria, touches, today);
    expect(ranked.map((b) => b.name)).toEqual(['Both', 'Weekly', 'Old friend', 'Another never', 'Never']);
  });

  it('carries the figures shown by `who`', () => {
    const weekly = rankBridges(people, criteria, touches, today).find((b) => b.name === 'Weekly');
    expect(weekly).toMatchObject({ contactId: 2, matches: ['works at Satispay'], lastContact: '2026-03-10', daysSince: 4, recentInteractions: 30 });
    expect(weekly?.score.frequency).toBe(1);
  });

  it('prefers a recent contact to a frequent but faded one', () => {
    const ranked = rankBridges(
      [profile(1, 'Faded', { company: 'X' }), profile(2, 'Recent', { company: 'X' })],
      { companies: ['X'], interests: [], tags: [] },
      new Map([
        [1, { last_contact: '2025-04-01', recent: 5 }],
        [2, { last_contact: '2026-03-13', recent: 1 }],
      ]),
      today,
    );
    expect(ranked.map((b) => b.name)).toEqual(['Recent', 'Faded']);
  });
});
