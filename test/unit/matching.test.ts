import { describe, expect, it } from 'vitest';
import { matchName, type NameCandidate } from '../../src/core/matching.js';
import { nameKey } from '../../src/core/names.js';

const people: NameCandidate[] = ['Niccolò Bianchi', 'Giulia Rossi', 'Giulia Romano', 'Françoise Dupont', 'Anna Meyer', 'Annalisa Conti', 'Marco Rossi'].map(
  (name, i) => ({ id: i + 1, name, name_key: nameKey(name) }),
);

function match(query: string) {
  return matchName(query, people);
}

describe('nameKey', () => {
  it.each([
    ['Niccolò Bianchi', 'niccolo bianchi'],
    ['  FRANÇOISE   Dupont ', 'francoise dupont'],
    ['Zoë Ångström', 'zoe angstrom'],
    ["D'Alessandro", "d'alessandro"],
    // Letters Unicode does not decompose fold as people type them without.
    ['Søren Kierkegaard', 'soren kierkegaard'],
    ['SØREN', 'soren'],
    ['Straße', 'strasse'],
    ['STRASSE', 'strasse'],
    ['Ærø', 'aero'],
    ['Œuvre', 'oeuvre'],
    ['Đorđe Balašević', 'dorde balasevic'],
    ['Þór Guðmundsson', 'thor gudmundsson'],
    ['Łukasz Żółw', 'lukasz zolw'],
    ['Işıl', 'isil'],
    ['Zoë', 'zoe'],
  ])('%s -> %s', (name, key) => expect(nameKey(name)).toBe(key));
});

describe('matchName', () => {
  it.each([
    ['Niccolò Bianchi', 1, 'exact'],
    ['niccolo bianchi', 1, 'exact'],
    ['NICCOLÒ', 1, 'prefix'],
    ['bianchi', 1, 'prefix'],
    ['francoise', 4, 'prefix'],
    ['giulia ro', null, 'many'],
    ['giulia ros', 2, 'prefix'],
    ['nicolo', 1, 'near'],
    ['nicolo bianchi', 1, 'near'],
    ['anna meyer', 5, 'exact'],
    ['annal', 6, 'prefix'],
    ['Giula Rossi', 2, 'near'],
    ['nicol', 1, 'near'],
    ['francoiz', 4, 'near'],
  ])('%s finds #%s (%s)', (query, id, how) => {
    const result = match(query);
    if (how === 'many') {
      expect(result.kind).toBe('many');
      return;
    }
    expect(result).toMatchObject({ kind: 'one', candidate: { id }, how });
  });

  it('lists every candidate when several start the same way, sorted by name', () => {
    const result = match('giulia');
    expect(result.kind).toBe('many');
    if (result.kind === 'many') expect(result.candidates.map((c) => c.name)).toEqual(['Giulia Romano', 'Giulia Rossi']);
  });

  it('"rossi" is ambiguous between two surnames', () => {
    const result = match('rossi');
    expect(result.kind).toBe('many');
    if (result.kind === 'many') expect(result.candidates.map((c) => c.id).sort()).toEqual([2, 7]);
  });

  it('suggests the closest names when nothing matches', () => {
    const result = match('Giovanni Rosso');
    expect(result.kind).toBe('none');
    if (result.kind === 'none') expect(result.suggestions[0]?.name).toMatch(/Rossi|Romano/);
  });

  it.each<[string, string]>([
    ['soren', 'Søren Kierkegaard'],
    ['søren', 'Søren Kierkegaard'],
    ['kierkegaard', 'Søren Kierkegaard'],
    ['strasse', 'Anna Straße'],
    ['straße', 'Anna Straße'],
    ['dorde', 'Đorđe Balašević'],
    ['thor', 'Þór Guðmundsson'],
    ['lukasz', 'Łukasz Nowak'],
  ])('"%s" finds %s (folded letters)', (query, name) => {
    const folk = ['Søren Kierkegaard', 'Anna Straße', 'Đorđe Balašević', 'Þór Guðmundsson', 'Łukasz Nowak', 'Sara Conti'].map((n, i) => ({
      id: i + 1,
      name: n,
      name_key: nameKey(n),
    }));
    const result = matchName(query, folk);
    expect(result.kind === 'one' && result.candidate.name).toBe(name);
  });

  describe('a first name exactly one person has wins over other matches', () => {
    const folk = (...names: string[]) => names.map((n, i) => ({ id: i + 1, name: n, name_key: nameKey(n) }));
    it.each<[string, string[], string | string[]]>([
      ['luca', ['Luca Moretti', 'Simone De Luca'], 'Luca Moretti'],
      ['Luca', ['Simone De Luca', 'Luca Moretti', 'Lucas Weber'], 'Luca Moretti'],
      ['luca', ['Lucas Weber', 'Simone De Luca'], ['Lucas Weber', 'Simone De Luca']],
      ['luca', ['Luca Moretti', 'Luca Bianchi', 'Simone De Luca'], ['Luca Bianchi', 'Luca Moretti', 'Simone De Luca']],
      ['marco', ['Marco Rossi', 'Marcon Pietro', 'Anna Marconi'], 'Marco Rossi'],
      ['anna', ['Anna Meyer', 'Annalisa Conti'], 'Anna Meyer'],
      ['rossi', ['Giulia Rossi', 'Marco Rossi'], ['Giulia Rossi', 'Marco Rossi']],
      ['de luca', ['Luca Moretti', 'Simone De Luca'], 'Simone De Luca'],
      ['zoe', ['Zoë Martin', 'Chloé Zoet'], 'Zoë Martin'],
    ])('"%s" among %j is %j', (query, names, expected) => {
      const result = matchName(query, folk(...names));
      if (Array.isArray(expected)) {
        expect(result.kind).toBe('many');
        if (result.kind === 'many') expect(result.candidates.map((c) => c.name)).toEqual(expected);
      } else expect(result.kind === 'one' && result.candidate.name).toBe(expected);
    });
  });

  it('does not guess on very short queries', () => {
    expect(match('zz').kind).toBe('none');
    expect(match('').kind).toBe('none');
  });
});
