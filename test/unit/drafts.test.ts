// First messages: the default per channel, templates, the personalisation
// check, and what counts as a shared interest.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildDraft,
  checkDraft,
  defaultDraft,
  draftStyle,
  draftWarnings,
  fillTemplate,
  LINKEDIN_NOTE_LIMIT,
  placeholderValues,
  sharedInterests,
  signOff,
  whyForThem,
  type DraftFacts,
} from '../../src/core/drafts.js';
import { reasonSentence } from '../../src/core/draft-reason.js';

const marco: DraftFacts = {
  name: 'Marco Bianchi',
  via: 'Giulia Rossi',
  sharedInterests: ['fintech', 'open banking'],
  knownFrom: 'your talk at PyCon Italia',
  company: 'Nexi',
  role: 'Head of Payments',
  why: 'runs the Milan fintech group',
  interests: ['fintech', 'jazz', 'open banking'],
};

const bare: DraftFacts = {
  name: 'Sara Conti',
  via: null,
  sharedInterests: [],
  knownFrom: null,
  company: null,
  role: null,
  why: null,
  interests: [],
};

describe('whyForThem', () => {
  it.each([
    ['runs the Milan fintech group', 'you run the Milan fintech group'],
    ['Runs the Milan fintech group.', 'you run the Milan fintech group'],
    ['is hiring data engineers', 'you are hiring data engineers'],
    ['has a podcast on payments', 'you have a podcast on payments'],
    ['founded Satispay', 'you founded Satispay'],
    ['organises PyData Milano', 'you organise PyData Milano'],
    ['teaches at Politecnico', 'you teach at Politecnico'],
    ['Satispay is hiring', 'Satispay is hiring'],
    ['I want to move into fintech', 'I want to move into fintech'],
    ['RUNS the group', 'RUNS the group'],
    ['constructor of bridges', 'constructor of bridges'],
    ['  their work on open banking  ', 'their work on open banking'],
    ['42 reasons', '42 reasons'],
  ])('%j → %j', (why, expected) => {
    expect(whyForThem(why)).toBe(expected);
  });
});

describe('draftStyle', () => {
  it.each([
    ['linkedin', 'linkedin'],
    ['email', 'email'],
    ['message', 'message'],
    ['social', 'message'],
    ['event', 'spoken'],
    ['coffee', 'email'],
    ['call', 'email'],
    [null, 'email'],
  ] as const)('%s drafts as %s', (channel, style) => {
    expect(draftStyle(channel)).toBe(style);
  });
});

describe('the sentence around --why', () => {
  it.each<[string, string]>([
    // A clause about them, as a note to self: addressed to them.
    ['runs the Milan fintech group', "I'm reaching out because you run the Milan fintech group."],
    ['Runs the Milan fintech group.', "I'm reaching out because you run the Milan fintech group."],
    ['is hiring data engineers', "I'm reaching out because you are hiring data engineers."],
    ['wrote the book on event sourcing', "I'm reaching out because you wrote the book on event sourcing."],
    ['she runs the Milan fintech group', "I'm reaching out because you run the Milan fintech group."],
    ['they are hiring', "I'm reaching out because you are hiring."],
    // A clause about me.
    ['I want advice on pricing', "I'm reaching out because I want advice on pricing."],
    ["I'm moving to Milan", "I'm reaching out because I'm moving to Milan."],
    ['we both love jazz', "I'm reaching out because we both love jazz."],
    ['My team needs an NLP person', "I'm reaching out because my team needs an NLP person."],
    ['looking for a CTO', "I'm reaching out because I'm looking for a CTO."],
    ['hiring a data team', "I'm reaching out because I'm hiring a data team."],
    // A role: a noun phrase that names them.
    ["partner in McKinsey's QuantumBlack", "I'm reaching out because you are a partner in McKinsey's QuantumBlack."],
    ["Partner in McKinsey's QuantumBlack", "I'm reaching out because you are a partner in McKinsey's QuantumBlack."],
    ['organiser of the Milan AI meetup', "I'm reaching out because you are an organiser of the Milan AI meetup."],
    ['investor in climate tech', "I'm reaching out because you are an investor in climate tech."],
    ['CTO at Satispay', "I'm reaching out because you are the CTO at Satispay."],
    ['head of data at Nexi', "I'm reaching out because you are the head of data at Nexi."],
    ['the organiser of PyCon Italia', "I'm reaching out because you are the organiser of PyCon Italia."],
    ['a founder in fintech', "I'm reaching out because you are a founder in fintech."],
    ['member of the board of Fondazione X', "I'm reaching out because you are a member of the board of Fondazione X."],
    // A purpose, or a topic.
    ['to ask about the AI meetup', "I'm reaching out to ask about the AI meetup."],
    ['about the open banking report', "I'm reaching out about the open banking report."],
    ['the AI meetup in May', "I'm reaching out about the AI meetup in May."],
    ['advice on moving into product', "I'm reaching out about advice on moving into product."],
    ['your talk at PyCon Italia', "I'm reaching out about your talk at PyCon Italia."],
    ['open banking', "I'm reaching out about open banking."],
  ])('%j → %j', (why, sentence) => {
    expect(reasonSentence(why)).toBe(sentence);
  });
});

describe('fillTemplate', () => {
  const values = placeholderValues(marco);
  it.each([
    ['Hi {{first_name}}', 'Hi Marco'],
    ['Hi {{ first_name }}, {{via}} told me', 'Hi Marco, Giulia Rossi told me'],
    ['{{shared_interest}} at {{company}}', 'fintech at Nexi'],
    ['because {{why}}', 'because runs the Milan fintech group'],
    ['because {{why_you}}', 'because you run the Milan fintech group'],
    ['{{name}}, {{role}}, {{known_from}}', 'Marco Bianchi, Head of Payments, your talk at PyCon Italia'],
    ['{{nickname}} stays', '{{nickname}} stays'],
    ['{{toString}} stays', '{{toString}} stays'],
    ['{single} braces stay', '{single} braces stay'],
  ])('%j → %j', (template, expected) => {
    expect(fillTemplate(template, values)).toBe(expected);
  });

  it('leaves a placeholder with no value as written', () => {
    expect(fillTemplate('{{via}} said hi', placeholderValues(bare))).toBe('{{via}} said hi');
  });
});

describe('who signs', () => {
  it.each<[DraftFacts['sender'], string]>([
    [undefined, 'Best regards'],
    [{ name: null, signature: null }, 'Best regards'],
    [{ name: 'Alex Moretti', signature: null }, 'Best regards,\nAlex Moretti'],
    [{ name: 'Alex Moretti', signature: 'Un caro saluto,\nAlex\nStudio Moretti' }, 'Un caro saluto,\nAlex\nStudio Moretti'],
  ])('%j ends with %j', (sender, ending) => {
    expect(signOff({ ...marco, sender })).toBe(ending);
    expect(defaultDraft({ ...marco, sender }, 'email').endsWith(`\n\n${ending}`)).toBe(true);
  });

  it('a message is signed with the first name; a template has {{my_name}} and {{signature}}', () => {
    const sender = { name: 'Alex Moretti', signature: 'Ciao,\nAlex' };
    expect(defaultDraft({ ...marco, sender }, 'message').endsWith('— Alex')).toBe(true);
    expect(fillTemplate('{{signature}} / {{my_name}}', placeholderValues({ ...marco, sender }))).toBe('Ciao,\nAlex / Alex Moretti');
  });

  it('an Italian template keeps its words: {{why}} is the reason as typed', () => {
    const template = 'Ciao {{first_name}},\nti scrivo perché {{why}}. Un caffè?\n\n{{signature}}';
    const facts = { ...marco, why: 'organizzi il meetup fintech di Milano', sender: { name: 'Alex', signature: 'Un saluto,\nAlex' } };
    expect(buildDraft(facts, 'email', template).text).toBe('Ciao Marco,\nti scrivo perché organizzi il meetup fintech di Milano. Un caffè?\n\nUn saluto,\nAlex');
  });
});

describe('defaultDraft', () => {
  it('an email names the introducer, their work, shared interests and why, then invites a virtual coffee', () => {
    const text = defaultDraft(marco, 'email');
    expect(text.split('\n')[0]).toBe('Subject: Introduction through Giulia Rossi');
    expect(text).toContain('Hi Marco,');
    expect(text).toContain('Giulia Rossi suggested I get in touch with you.');
    expect(text).toContain('I came across your work through your talk at PyCon Italia.');
    expect(text).toContain('your work as Head of Payments at Nexi');
    expect(text).toContain('We seem to share an interest in fintech and open banking.');
    expect(text).toContain("I'm reaching out because you run the Milan fintech group.");
    expect(text).toMatch(/Would you be open to a 20-minute virtual coffee in the coming weeks\?/);
    expect(text).toContain('No pressure');
    expect(text).not.toMatch(/\n\n\n/);
  });

  it('says nothing of an introducer or a shared interest when there is none', () => {
    const text = defaultDraft({ ...bare, company: 'Nexi', why: 'is hiring data engineers' }, 'email');
    expect(text).not.toContain('suggested');
    expect(text).not.toContain('share an interest');
    expect(text).toContain('Subject: Your work at Nexi');
    expect(text).toContain("I'm reaching out because you are hiring data engineers.");
    expect(text).toContain('?');
  });

  it('draws the conversation from their own interest when none is shared', () => {
    const text = defaultDraft({ ...bare, interests: ['data mesh'] }, 'email');
    expect(text).toContain("I'd love to hear your take on data mesh.");
  });

  it.each([
    ['coffee', 'Would you be open to a coffee'],
    ['call', 'Would you be open to a short call'],
    ['video', 'Would you be open to a short video call'],
    ['meal', 'Would you be open to lunch'],
  ])('a %s outreach proposes %j', (channel, words) => {
    expect(defaultDraft(marco, channel)).toContain(words);
  });

  it('a message is one short paragraph without a subject', () => {
    const text = defaultDraft(marco, 'message');
    expect(text).not.toContain('Subject');
    expect(text).not.toContain('\n');
    expect(text.startsWith('Hi Marco, Giulia Rossi suggested')).toBe(true);
  });

  it('an event opener ends with a question about what they care about', () => {
    expect(defaultDraft(marco, 'event').endsWith('What got you into fintech?')).toBe(true);
    expect(defaultDraft(bare, 'event').endsWith('What are you working on these days?')).toBe(true);
  });

  it('a LinkedIn note fits in 300 characters and keeps the introducer first', () => {
    const text = defaultDraft(marco, 'linkedin');
    expect(Array.from(text).length).toBeLessThanOrEqual(LINKEDIN_NOTE_LIMIT);
    expect(text).toContain('Giulia Rossi suggested');
    expect(text.endsWith('?')).toBe(true);
  });

  it('a LinkedIn note drops the least important parts when the reason is long', () => {
    const long = { ...marco, why: `you ${'really '.repeat(25)}care about payments` };
    const text = defaultDraft(long, 'linkedin');
    expect(Array.from(text).length).toBeLessThanOrEqual(LINKEDIN_NOTE_LIMIT);
    expect(text).toContain('Giulia Rossi suggested');
    expect(text).not.toContain('really really');
  });

  it('a LinkedIn note never exceeds 300 characters, whatever is known (property)', () => {
    const line = fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== '' && !s.includes('{'));
    fc.assert(
      fc.property(
        fc.record({
          name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
          via: fc.option(line, { nil: null }),
          sharedInterests: fc.array(line, { maxLength: 3 }),
          knownFrom: fc.option(line, { nil: null }),
          company: fc.option(line, { nil: null }),
          role: fc.option(line, { nil: null }),
          why: fc.option(line, { nil: null }),
          interests: fc.array(line, { maxLength: 3 }),
        }),
        (facts) => {
          expect(Array.from(defaultDraft(facts, 'linkedin')).length).toBeLessThanOrEqual(LINKEDIN_NOTE_LIMIT);
        },
      ),
    );
  });
});

describe('checkDraft', () => {
  it('passes a default draft with something specific', () => {
    expect(checkDraft(defaultDraft(marco, 'email'), marco, 'email')).toEqual([]);
  });

  it('finds nothing specific in a draft for a person of whom only the name is known', () => {
    const problems = checkDraft(defaultDraft(bare, 'email'), bare, 'email');
    expect(problems.map((p) => p.kind)).toEqual(['generic']);
    expect(problems[0].message).toContain('nothing in it is specific to Sara Conti');
  });

  it('reports a known placeholder without a value, and an unknown one', () => {
    const problems = checkDraft('Hi Sara, {{via}} said {{nickname}} works at Nexi?', { ...bare, company: 'Nexi' }, 'email');
    expect(problems.map((p) => p.kind)).toEqual(['unresolved', 'unresolved']);
    expect(problems[0].message).toBe('{{via}} is left unresolved: nothing is known about it for Sara Conti');
    expect(problems[1].message).toContain('{{nickname}} is not a placeholder');
  });

  it('does not count the first name as specific', () => {
    expect(checkDraft('Hi Marco, would you like to connect?', marco, 'email').map((p) => p.kind)).toEqual(['generic']);
  });

  it.each([
    ['the introducer by first name', 'Hi Marco, Giulia says hello. Coffee?'],
    ['their company, in any case', 'Hi Marco, how is life at NEXI?'],
    ['one of their interests', 'Hi Marco, fancy some jazz?'],
    ['the reason as written', 'Hi Marco, I know you runs the Milan fintech group?'],
    ['the reason addressed to them', 'Hi Marco, you run the Milan fintech group?'],
    ['how you know of them', 'Hi Marco, I saw your talk at PyCon Italia. Coffee?'],
  ])('counts %s as specific', (_label, text) => {
    expect(checkDraft(text, marco, 'email')).toEqual([]);
  });

  it('matches whole words only: an interest "AI" is not found inside "said"', () => {
    const facts = { ...bare, interests: ['AI'] };
    expect(checkDraft('Hi Sara, someone said hello?', facts, 'email').map((p) => p.kind)).toEqual(['generic']);
    expect(checkDraft('Hi Sara, how do you see AI in banking?', facts, 'email')).toEqual([]);
  });

  it('ignores accents when looking for a fact', () => {
    expect(checkDraft('Hi Marco, Niccolo told me about you?', { ...marco, via: 'Niccolò Verdi' }, 'email')).toEqual([]);
  });

  it('refuses a LinkedIn note over 300 characters, but not an email', () => {
    const text = `Hi Marco, about Nexi: ${'x'.repeat(300)}?`;
    expect(checkDraft(text, marco, 'linkedin').map((p) => p.kind)).toEqual(['too_long']);
    expect(checkDraft(text, marco, 'email')).toEqual([]);
  });
});

describe('buildDraft', () => {
  it('fills a template and checks it', () => {
    const template = 'Hi {{first_name}},\n{{via}} thought we should talk about {{shared_interest}}. Coffee?\n\n';
    const draft = buildDraft(marco, 'email', template);
    expect(draft.text).toBe('Hi Marco,\nGiulia Rossi thought we should talk about fintech. Coffee?');
    expect(draft.problems).toEqual([]);
    expect(draft.limit).toBeNull();
  });

  it('reports what the template leaves unresolved', () => {
    const draft = buildDraft({ ...bare, why: 'is hiring' }, 'linkedin', 'Hi {{first_name}}, {{via}} sent me, since {{why_you}}?');
    expect(draft.text).toBe('Hi Sara, {{via}} sent me, since you are hiring?');
    expect(draft.problems.map((p) => p.kind)).toEqual(['unresolved']);
    expect(draft.limit).toBe(300);
  });

  it('finds a template with only the first name generic', () => {
    const draft = buildDraft(marco, 'email', 'Hi {{first_name}}, I would love to connect. Are you free?');
    expect(draft.problems.map((p) => p.kind)).toEqual(['generic']);
  });

  it('measures length in characters, not bytes', () => {
    const draft = buildDraft({ ...marco, name: 'Niccolò Rossi' }, 'linkedin', 'Ciao {{first_name}} — {{company}}?');
    expect(draft.length).toBe('Ciao Niccolò — Nexi?'.length);
  });
});

describe('draftWarnings', () => {
  it('notes a message that asks nothing', () => {
    expect(draftWarnings('Hi Marco, here is my CV.')).toEqual(['it asks nothing: end with a question or an invitation to continue']);
    expect(draftWarnings('Hi Marco, coffee?')).toEqual([]);
  });
});

describe('sharedInterests', () => {
  const none = new Map<string, number>();
  it('puts what the introducer shares first, then interests by how many of your contacts hold them', () => {
    const shared = sharedInterests({
      target: { interests: ['jazz', 'fintech', 'cycling', 'open banking'], tags: [] },
      introducer: { interests: ['Open Banking'], tags: [] },
      networkInterests: new Map([
        ['fintech', 3],
        ['cycling', 5],
      ]),
    });
    expect(shared).toEqual(['open banking', 'cycling', 'fintech']);
  });

  it('counts a tag only when the introducer has it too', () => {
    const shared = sharedInterests({
      target: { interests: [], tags: ['milan', 'investor'] },
      introducer: { interests: [], tags: ['milan'] },
      networkInterests: new Map([['investor', 9]]),
    });
    expect(shared).toEqual(['milan']);
  });

  it('puts every shared interest before a tag shared with the introducer', () => {
    const shared = sharedInterests({
      target: { interests: ['fintech', 'cycling'], tags: ['milan'] },
      introducer: { interests: ['fintech'], tags: ['milan'] },
      networkInterests: new Map([['cycling', 1]]),
    });
    expect(shared).toEqual(['fintech', 'cycling', 'milan']);
  });

  it('matches without case or accents, and names each once, as the target spells it', () => {
    const shared = sharedInterests({
      target: { interests: ['Caffè'], tags: ['caffe'] },
      introducer: { interests: ['caffe'], tags: [] },
      networkInterests: none,
    });
    expect(shared).toEqual(['Caffè']);
  });

  it('is empty without an introducer or a network that shares anything', () => {
    expect(sharedInterests({ target: { interests: ['jazz'], tags: ['x'] }, introducer: null, networkInterests: none })).toEqual([]);
  });
});
