// The sentence a first message builds around the reason on the outreach list
// (--why), which people write as a note to themselves: a clause ("runs the
// Milan fintech group", "I want advice on pricing"), a role ("partner in
// McKinsey's QuantumBlack"), a purpose ("to ask about the meetup") or a
// topic ("the AI meetup in May"). Each reads as correct English addressed to
// the person.

// Third-person verbs that open a reason written as a note to self ("runs the
// Milan fintech group"), and their form when addressed to the person.
const SECOND_PERSON: ReadonlyMap<string, string> = new Map([
  ...Object.entries({
    is: 'are', was: 'were', has: 'have', does: 'do', runs: 'run', leads: 'lead', works: 'work', builds: 'build',
    organises: 'organise', organizes: 'organize', writes: 'write', hosts: 'host', teaches: 'teach', manages: 'manage',
    heads: 'head', knows: 'know', wants: 'want', needs: 'need', invests: 'invest', studies: 'study', speaks: 'speak',
    maintains: 'maintain', owns: 'own', coaches: 'coach', mentors: 'mentor', advises: 'advise', chairs: 'chair',
    researches: 'research', designs: 'design', develops: 'develop',
  }),
  // Past tenses read the same addressed to them.
  ...['created', 'founded', 'started', 'wrote', 'built', 'ran', 'led', 'organised', 'organized', 'spoke', 'gave',
    'published', 'launched', 'joined', 'moved', 'hired'].map((w) => [w, w] as [string, string]),
]);

/** Roles a reason names the person by ("partner in …", "head of data at …"). */
const ROLES = new Set(
  ('partner founder co-founder cofounder ceo cto cfo coo cmo cpo cio vp svp evp head director manager lead engineer designer ' +
    'researcher professor author editor investor organiser organizer host member maintainer chair president consultant advisor ' +
    'adviser analyst architect scientist developer speaker writer owner principal associate fellow teacher mentor recruiter ' +
    'journalist producer curator expert specialist leader coach creator entrepreneur officer').split(' '),
);
/** Roles there is one of: "the head of data", "the CTO". */
const ONLY_ONE = new Set(['head', 'chair', 'president', 'ceo', 'cto', 'cfo', 'coo', 'cmo', 'cpo', 'cio', 'founder', 'co-founder', 'cofounder']);
/** What the writer is doing, said with -ing: "looking for a CTO" is why I write. */
const DOING = new Set(['looking', 'hoping', 'hiring', 'raising', 'planning', 'building', 'writing', 'organising', 'organizing', 'researching', 'exploring', 'starting', 'launching', 'moving', 'working', 'preparing', 'trying']);
const DETERMINERS = new Set(['a', 'an', 'the', 'one']);
const I_SUBJECTS = new Set(['i', "i'm", 'i’m', 'we', "we're", 'we’re', 'my', 'our']);
const THEY_SUBJECTS = new Set(['he', 'she', 'they']);
const THEY_VERBS: ReadonlyMap<string, string> = new Map([['are', 'are'], ['were', 'were'], ['have', 'have'], ['do', 'do']]);

/** The reason cleaned: trimmed, no closing full stop. */
function clean(why: string): string {
  return why.trim().replace(/[.\s]+$/, '');
}

/** "Runs …" is a verb; "IS" or "Satispay" is not how a note to self opens. */
function plainCase(word: string): boolean {
  const lower = word.toLowerCase();
  return word === lower || word === lower[0].toUpperCase() + lower.slice(1);
}

/**
 * The reason, addressed to the person: "runs the Milan fintech group" becomes
 * "you run the Milan fintech group"; anything else is kept as written.
 */
export function whyForThem(why: string): string {
  const text = clean(why);
  const m = /^(\p{L}+)(.*)$/su.exec(text);
  if (!m) return text;
  const verb = SECOND_PERSON.get(m[1].toLowerCase());
  if (verb === undefined || !plainCase(m[1])) return text;
  return `you ${verb}${m[2]}`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) && !/^(uni|use|eu|one)/i.test(word) ? 'an' : 'a';
}

/** A role named without its article gets one: "partner in X" → "a partner in X", "CTO at X" → "the CTO at X". */
function asRole(text: string, first: string): string {
  const lower = first.toLowerCase();
  const acronym = first.length > 1 && first === first.toUpperCase();
  const word = acronym ? first : plainCase(first) ? lower : first;
  const rest = text.slice(first.length);
  return `${ONLY_ONE.has(lower) ? 'the' : article(word)} ${word}${rest}`;
}

/**
 * The sentence of a first message that says why you write, correct for what
 * was typed: a clause about them ("you run …"), a clause about you ("I want
 * …"), a role ("you are a partner in …"), a purpose ("to ask …") or a topic
 * ("about the AI meetup").
 */
export function reasonSentence(why: string): string {
  const text = clean(why);
  const words = text.split(/\s+/);
  const first = words[0] ?? '';
  const lower = first.toLowerCase();
  if (text === '') return '';
  if (SECOND_PERSON.has(lower) && plainCase(first)) return `I'm reaching out because ${whyForThem(text)}.`;
  if (I_SUBJECTS.has(lower)) {
    const opener = lower === 'i' || /^i['’]/.test(lower) ? `I${first.slice(1)}` : plainCase(first) ? lower : first;
    return `I'm reaching out because ${opener}${text.slice(first.length)}.`;
  }
  if (THEY_SUBJECTS.has(lower) && words.length > 1) {
    const verb = words[1].toLowerCase();
    const yours = SECOND_PERSON.get(verb) ?? THEY_VERBS.get(verb);
    if (yours !== undefined) return `I'm reaching out because you ${yours}${text.slice(first.length + 1 + words[1].length)}.`;
  }
  if (lower === 'to' || lower === 'about' || lower === 'regarding') return `I'm reaching out ${lower}${text.slice(first.length)}.`;
  if (DOING.has(lower)) return `I'm reaching out because I'm ${lower}${text.slice(first.length)}.`;
  const role = DETERMINERS.has(lower) ? (words[1] ?? '').toLowerCase() : lower;
  if (ROLES.has(role)) {
    return `I'm reaching out because you are ${DETERMINERS.has(lower) ? `${lower}${text.slice(first.length)}` : asRole(text, first)}.`;
  }
  return `I'm reaching out about ${text}.`;
}
