// First messages for an outreach: built from what is known about the person,
// or from a template with {{placeholders}}, then checked for being personal.
// Pure: the command gathers the facts and prints the result.
import { reasonSentence, whyForThem } from './draft-reason.js';
import { firstName, nameKey } from './names.js';

/** LinkedIn refuses connection notes longer than this. */
export const LINKEDIN_NOTE_LIMIT = 300;

/** What is known about the person, gathered by the command. */
export interface DraftFacts {
  name: string;
  /** The introducer's full name. */
  via: string | null;
  /** Best first (see `sharedInterests`). */
  sharedInterests: string[];
  /** How you know of them ("your talk at PyCon Italia"). */
  knownFrom: string | null;
  company: string | null;
  role: string | null;
  why: string | null;
  /** All of the person's interests: mentioning any of them is personal. */
  interests: string[];
  /** Who writes (the `me.name` and `draft.signature` settings), when set. */
  sender?: { name: string | null; signature: string | null };
}

/** The placeholders a template may use. The first five are the documented ones. */
export const PLACEHOLDERS = ['first_name', 'via', 'shared_interest', 'why', 'company', 'name', 'role', 'known_from', 'why_you', 'my_name', 'signature'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type DraftStyle = 'email' | 'linkedin' | 'message' | 'spoken';

/** The form of a first message on a channel. Meeting formats are arranged in writing, so they draft as email. */
export function draftStyle(channel: string | null): DraftStyle {
  if (channel === 'linkedin') return 'linkedin';
  if (channel === 'message' || channel === 'social') return 'message';
  if (channel === 'event') return 'spoken';
  return 'email';
}

/** What the closing question proposes, by channel. */
function proposal(channel: string | null): string {
  switch (channel) {
    case 'call':
      return 'a short call';
    case 'video':
      return 'a short video call';
    case 'coffee':
      return 'a coffee';
    case 'meal':
      return 'lunch';
    case 'meeting':
      return 'a short meeting';
    default:
      return 'a 20-minute virtual coffee';
  }
}

export { whyForThem };

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The value of each placeholder; null when nothing is known. A template's
 * words are the writer's, in their language: {{why}} is the reason as typed
 * (an Italian template stays Italian); {{why_you}} is it addressed to the
 * person in English ("you run the Milan fintech group").
 */
export function placeholderValues(facts: DraftFacts): Record<Placeholder, string | null> {
  const why = facts.why?.trim().replace(/[.\s]+$/, '') || null;
  return {
    first_name: firstName(facts.name),
    name: facts.name,
    via: facts.via,
    shared_interest: facts.sharedInterests[0] ?? null,
    why,
    company: facts.company,
    role: facts.role,
    known_from: facts.knownFrom,
    why_you: why === null ? null : whyForThem(why),
    my_name: facts.sender?.name ?? null,
    signature: signOff(facts),
  };
}

/** How an email ends: the `draft.signature` setting as written, else "Best regards" and `me.name`. */
export function signOff(facts: DraftFacts): string {
  const signature = facts.sender?.signature?.trim();
  if (signature) return signature;
  const name = facts.sender?.name?.trim();
  return name ? `Best regards,\n${name}` : 'Best regards';
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Fills the placeholders that have a value; unknown ones, and ones with no value, stay as written. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | null>>): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => {
    const value = Object.hasOwn(values, key) ? values[key] : null;
    return value === null || value === undefined ? whole : value;
  });
}

interface Part {
  text: string;
  /** Kept first when a length limit forces a choice (lower = more important). */
  priority: number;
}

/** The sentences a first message can say, each only when its facts are known. */
function bodyParts(facts: DraftFacts, short: boolean): Part[] {
  const v = placeholderValues(facts);
  const parts: Part[] = [];
  if (v.via) parts.push({ text: `${v.via} suggested I get in touch with you.`, priority: 1 });
  if (v.known_from && !short) parts.push({ text: `I came across your work through ${v.known_from}.`, priority: 5 });
  if (facts.company || facts.role) {
    const what = facts.role && facts.company ? `as ${facts.role} at ${facts.company}` : facts.company ? `at ${facts.company}` : `as ${facts.role}`;
    parts.push({ text: `I've been following your work ${what}.`, priority: 4 });
  }
  const shared = facts.sharedInterests.slice(0, short ? 1 : 2);
  if (shared.length) parts.push({ text: `We seem to share an interest in ${joinAnd(shared)}.`, priority: 2 });
  else if (short && facts.interests[0]) parts.push({ text: `I'd love to hear your take on ${facts.interests[0]}.`, priority: 2 });
  if (v.why) parts.push({ text: reasonSentence(v.why), priority: 3 });
  return parts;
}

function invitation(facts: DraftFacts, channel: string | null, short: boolean): string {
  // What they care about starts the conversation: an interest you share, else one of theirs.
  const shared = facts.sharedInterests[0];
  const theirs = facts.interests[0];
  if (draftStyle(channel) === 'spoken') {
    const topic = shared ?? theirs;
    return topic ? `What got you into ${topic}?` : 'What are you working on these days?';
  }
  if (short) return 'Would you be open to connecting, and maybe a short chat sometime?';
  const ask = `Would you be open to ${proposal(channel)} in the coming weeks?`;
  const hear = shared ? `I'd love to hear how you see ${shared} developing. ` : theirs ? `I'd love to hear your take on ${theirs}. ` : '';
  return `${hear}${ask} No pressure if now is a busy time.`;
}

function subject(facts: DraftFacts): string {
  if (facts.via) return `Introduction through ${facts.via}`;
  if (facts.sharedInterests[0]) return `A question about ${facts.sharedInterests[0]}`;
  if (facts.company) return `Your work at ${facts.company}`;
  return 'Hello';
}

/** Drops the least important parts until the message fits; the greeting and the question always stay. */
function fit(head: string, parts: Part[], tail: string, limit: number): string {
  const kept = [...parts];
  const compose = () => [head, ...kept.map((p) => p.text), tail].join(' ');
  while (Array.from(compose()).length > limit && kept.length > 0) {
    const worst = kept.reduce((a, b) => (b.priority > a.priority ? b : a));
    kept.splice(kept.indexOf(worst), 1);
  }
  return compose();
}

/** The built-in first message for the channel, personal as far as the facts allow. */
export function defaultDraft(facts: DraftFacts, channel: string | null): string {
  const style = draftStyle(channel);
  const hello = `Hi ${firstName(facts.name)},`;
  if (style === 'linkedin') {
    return fit(hello, bodyParts(facts, true), invitation(facts, channel, true), LINKEDIN_NOTE_LIMIT);
  }
  const body = bodyParts(facts, style !== 'email').map((p) => p.text);
  const ask = invitation(facts, channel, false);
  if (style === 'message') return [hello, ...body, ask, ...(facts.sender?.name ? [`— ${firstName(facts.sender.name)}`] : [])].join(' ');
  if (style === 'spoken') return [hello, ...body, ask].join(' ');
  return [`Subject: ${subject(facts)}`, '', hello, '', body.join(' '), '', ask, '', signOff(facts)].filter((line, i, all) => !(line === '' && all[i - 1] === '')).join('\n');
}

export interface DraftProblem {
  kind: 'unresolved' | 'generic' | 'too_long';
  message: string;
}

function mentions(text: string, value: string): boolean {
  const needle = nameKey(value);
  if (needle.length < 2) return false;
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(nameKey(text));
}

/**
 * The personalisation check. A placeholder left as written, or a message that
 * says nothing about this person beyond their name (the mark of a copy-paste),
 * is a problem; so is a LinkedIn note over the limit.
 */
export function checkDraft(text: string, facts: DraftFacts, channel: string | null): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const known = new Set<string>(PLACEHOLDERS);
  for (const m of text.matchAll(PLACEHOLDER)) {
    const key = m[1];
    problems.push({
      kind: 'unresolved',
      message: known.has(key)
        ? `${m[0]} is left unresolved: nothing is known about it for ${facts.name}`
        : `${m[0]} is not a placeholder (use ${PLACEHOLDERS.slice(0, 5).map((p) => `{{${p}}}`).join(', ')})`,
    });
  }
  const specific = [
    facts.via,
    facts.via ? firstName(facts.via) : null,
    facts.company,
    facts.role,
    facts.knownFrom,
    facts.why,
    facts.why ? whyForThem(facts.why) : null,
    ...facts.sharedInterests,
    ...facts.interests,
  ].filter((s): s is string => typeof s === 'string' && s.trim() !== '');
  if (!specific.some((fact) => mentions(text, fact))) {
    problems.push({
      kind: 'generic',
      message: `nothing in it is specific to ${facts.name}: say why you write, who introduced you, a shared interest or their work`,
    });
  }
  const length = Array.from(text).length;
  if (draftStyle(channel) === 'linkedin' && length > LINKEDIN_NOTE_LIMIT) {
    problems.push({ kind: 'too_long', message: `a LinkedIn note holds at most ${LINKEDIN_NOTE_LIMIT} characters; this one has ${length}` });
  }
  return problems;
}

/** A gentle remark that does not stop the draft. */
export function draftWarnings(text: string): string[] {
  return text.includes('?') ? [] : ['it asks nothing: end with a question or an invitation to continue'];
}

export interface Draft {
  text: string;
  style: DraftStyle;
  length: number;
  /** The channel's limit, or null. */
  limit: number | null;
  problems: DraftProblem[];
  warnings: string[];
}

/** A first message: from the template when given, else the built-in one; always checked. */
export function buildDraft(facts: DraftFacts, channel: string | null, template?: string): Draft {
  const text = template === undefined ? defaultDraft(facts, channel) : fillTemplate(template, placeholderValues(facts)).replace(/\s+$/, '');
  const style = draftStyle(channel);
  return {
    text,
    style,
    length: Array.from(text).length,
    limit: style === 'linkedin' ? LINKEDIN_NOTE_LIMIT : null,
    problems: checkDraft(text, facts, channel),
    warnings: draftWarnings(text),
  };
}

export interface InterestSources {
  target: { interests: readonly string[]; tags: readonly string[] };
  /** The introducer's interests and tags: the bridge between you and the target. */
  introducer: { interests: readonly string[]; tags: readonly string[] } | null;
  /** How many of your other contacts hold each interest, by name key. */
  networkInterests: ReadonlyMap<string, number>;
}

/**
 * The target's interests and tags that you have in common with them. net has
 * no profile of its user, so "yours" means: held by the introducer (who knows
 * you both), or, for interests, held by other people in your network. Tags are
 * your own labels, so a tag counts only when the introducer has it too (a
 * group they share). Best first: interests before tags; among them, what the
 * introducer shares, then what is most present in your network.
 */
export function sharedInterests(sources: InterestSources): string[] {
  const intro = sources.introducer;
  const introKeys = new Set([...(intro?.interests ?? []), ...(intro?.tags ?? [])].map(nameKey));
  const ranked: Array<{ value: string; viaIntro: boolean; network: number; isTag: boolean; order: number }> = [];
  const seen = new Set<string>();
  let order = 0;
  for (const [values, isTag] of [[sources.target.interests, false], [sources.target.tags, true]] as const) {
    for (const value of values) {
      const key = nameKey(value);
      if (seen.has(key)) continue;
      const viaIntro = introKeys.has(key);
      const network = isTag ? 0 : (sources.networkInterests.get(key) ?? 0);
      if (!viaIntro && network === 0) continue;
      seen.add(key);
      ranked.push({ value, viaIntro, network, isTag, order: order++ });
    }
  }
  ranked.sort(
    (a, b) =>
      Number(a.isTag) - Number(b.isTag) || Number(b.viaIntro) - Number(a.viaIntro) || b.network - a.network || a.order - b.order,
  );
  return ranked.map((r) => r.value);
}
