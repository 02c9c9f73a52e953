// Whose favour or promise it is in a group log: "NAME: text", among the
// people of the touch only.
import { describe, expect, it } from 'vitest';
import { assignOwner, ownerHint, participantNamed, splitOwner } from '../../src/core/participants.js';

const people = [
  { id: 3, name: 'Jürgen Schäfer' },
  { id: 7, name: 'Anna Meyer' },
  { id: 9, name: 'Anna Bianchi' },
  { id: 12, name: 'Luca Moretti' },
];

describe('splitOwner', () => {
  it.each<[string, string | null, string]>([
    ['Jürgen: intro to Siemens', 'Jürgen', 'intro to Siemens'],
    ['  Jürgen :  intro  ', 'Jürgen', 'intro'],
    ['#12: send the deck', '#12', 'send the deck'],
    ['tip: use X: then Y', 'tip', 'use X: then Y'],
    ['intro to Siemens', null, 'intro to Siemens'],
    ['Jürgen:', null, 'Jürgen:'],
    [': nothing', null, ': nothing'],
    ['14:30 call', null, '14:30 call'],
    ['12: send the deck', null, '12: send the deck'], // an id needs its #
  ])('%j → %j, %j', (typed, owner, text) => {
    expect(splitOwner(typed)).toEqual({ owner, text });
  });
});

describe('participantNamed', () => {
  it.each<[string, number | undefined]>([
    ['Jürgen', 3],
    ['jurgen', 3],
    ['Schäfer', 3],
    ['schafer', 3],
    ['#7', 7],
    ['9', 9],
    ['#99', undefined],
    ['anna', undefined], // two Annas
    ['anna meyer', 7],
    ['Meyer', 7],
    ['luca', 12],
    ['Marco', undefined], // not among them
    ['tip', undefined],
    ['jurgn', 3], // a near match
  ])('%s → #%s', (owner, id) => {
    expect(participantNamed(owner, people)?.id).toBe(id);
  });
});

describe('assignOwner', () => {
  it.each<[string, typeof people, number | null, string]>([
    ['Jürgen: intro to Siemens', people, 3, 'intro to Siemens'],
    ['intro to Siemens', people, null, 'intro to Siemens'],
    ['tip: read the report', people, null, 'tip: read the report'],
    ['anna: slides', people, null, 'anna: slides'], // ambiguous among them: nobody's yet
    ['#9: slides', people, 9, 'slides'],
    // With one person it is theirs: as typed, or with their name taken off.
    ['intro to Siemens', [people[0]], 3, 'intro to Siemens'],
    ['tip: read the report', [people[0]], 3, 'tip: read the report'],
    ['Jürgen: advice', [people[0]], 3, 'advice'],
  ])('%j among %# → #%s %j', (typed, among, id, text) => {
    const assigned = assignOwner(typed, among);
    expect(assigned.person?.id ?? null).toBe(id);
    expect(assigned.text).toBe(text);
  });

  it('hints each person by first name, or #id where two share it', () => {
    expect(ownerHint(people)).toBe('Jürgen, #7, #9, Luca');
  });
});
