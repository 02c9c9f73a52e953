import { describe, expect, it } from 'vitest';
import { formChanges, formText, isEmptyChange, parseForm, type FormValues } from '../../src/core/contact-form.js';

const giulia: FormValues = {
  name: 'Giulia Rossi',
  namePrefix: 'Dott.ssa',
  nameSuffix: '',
  nicknames: ['Giuli'],
  company: 'Satispay',
  role: 'CTO',
  emails: ['g@satispay.example'],
  phone: '',
  linkedin: '',
  location: 'Milan',
  circle: 'close',
  every: '',
  channel: '',
  birthday: '--04-12',
  metAt: 'PyCon Italia',
  metOn: '2025-05-30',
  tags: ['fintech', 'mentor'],
  interests: ['AI'],
  notes: 'likes jazz\nask about the meetup',
};

describe('the editable form of a person', () => {
  it('reads back what it wrote, unchanged', () => {
    const text = formText(giulia);
    expect(text).toContain('\nmet at: PyCon Italia\n');
    expect(text.startsWith('name: Giulia Rossi\nname prefix: Dott.ssa\nname suffix:\nnicknames: Giuli\ncompany: Satispay\n')).toBe(true);
    expect(text.endsWith('notes:\nlikes jazz\nask about the meetup')).toBe(true);
    expect(parseForm(text)).toEqual(giulia);
    expect(isEmptyChange(formChanges(giulia, parseForm(text)))).toBe(true);
  });

  it('turns edits into options: set, cleared, renamed, lists added to and removed from', () => {
    const text = formText(giulia)
      .replace('company: Satispay', 'company: Nexi')
      .replace('location: Milan', 'location:')
      .replace('name: Giulia Rossi', 'name: Giulia Maria Rossi')
      .replace('every:', 'every: 3 weeks')
      .replace('tags: fintech, mentor', 'tags: Fintech, speaker')
      .replace('nicknames: Giuli', 'nicknames: GR')
      .replace('name prefix: Dott.ssa', 'name prefix:')
      .replace('ask about the meetup', 'ask about Nexi');
    const change = formChanges(giulia, parseForm(text));
    expect(change).toEqual({
      options: { namePrefix: '', company: 'Nexi', location: '', notes: 'likes jazz\nask about Nexi' },
      rename: 'Giulia Maria Rossi',
      every: '3 weeks',
      add: { emails: [], nicknames: ['GR'], tags: ['speaker'], interests: [] },
      remove: { emails: [], nicknames: ['Giuli'], tags: ['mentor'], interests: [] },
    });
  });

  it('leaves out a field that was deleted, and names a line it cannot read', () => {
    expect(formChanges(giulia, parseForm('company: Nexi'))).toMatchObject({ options: { company: 'Nexi' }, remove: { tags: [] } });
    expect(() => parseForm('favourite colour: blue')).toThrow(/line 1: "favourite colour" is not a field of a person/);
    expect(() => parseForm('company Nexi')).toThrow(/line 1 of the edited text is not "field: value"/);
  });
});
