// Namesakes told apart: the company when it does, else the #id.
import { describe, expect, it } from 'vitest';
import { nameLabels, withLabel } from '../../src/core/namesakes.js';

describe('nameLabels', () => {
  const label = nameLabels([
    { id: 12, name: 'Marco Rossi', company: 'Nexi' },
    { id: 31, name: 'Marco Rossi', company: 'Satispay' },
    { id: 40, name: 'marco  rossi', company: null },
    { id: 5, name: 'Anna Meyer', company: 'Acme' },
    { id: 6, name: 'Anna Meyer', company: 'ACME' },
    { id: 7, name: 'Zoë Martin', company: 'Nexi' },
    { id: 8, name: 'Zoe Martin', company: null },
  ]);
  it.each<[number, string, string]>([
    [12, 'Marco Rossi', 'Marco Rossi (Nexi)'],
    [31, 'Marco Rossi', 'Marco Rossi (Satispay)'],
    [40, 'marco  rossi', 'marco  rossi #40'], // no company to tell them apart
    [5, 'Anna Meyer', 'Anna Meyer #5'], // the same company, in another case
    [6, 'Anna Meyer', 'Anna Meyer #6'],
    [7, 'Zoë Martin', 'Zoë Martin (Nexi)'], // accents aside, the same name
    [8, 'Zoe Martin', 'Zoe Martin #8'],
    [99, 'Luca Verdi', 'Luca Verdi'], // no namesake
  ])('#%i %s → %s', (id, name, expected) => {
    expect(label(id, name)).toBe(expected);
  });

  it('a lone person in the list is no namesake', () => {
    expect(nameLabels([{ id: 1, name: 'Solo', company: 'X' }])(1, 'Solo')).toBe('Solo');
  });

  it('puts the label in a sentence in place of the name, once', () => {
    expect(withLabel('Reply to Marco Rossi: their email', 'Marco Rossi', 'Marco Rossi (Nexi)')).toBe('Reply to Marco Rossi (Nexi): their email');
    expect(withLabel('Reply to Anna', 'Anna', 'Anna')).toBe('Reply to Anna');
  });
});
