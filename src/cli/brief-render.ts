// The brief as text: per person a header, then one labelled section per
// question (why now, a reply owed, promises, give and take, interests, people
// in common, dates ahead, the last touches, an opener). On a terminal each
// value wraps under itself within the width; piped, each entry is one line.
// Every text from the database passes showControls: it cannot drive the terminal.
import type { Brief, BriefTouch, InCommon, Upcoming } from '../core/brief.js';
import { showControls } from '../core/errors.js';
import { formatInterval } from '../core/intervals.js';
import type { NameLabel } from '../core/namesakes.js';
import { ahead, channelNoun, dueWhen, plural } from '../core/scheduler/wording.js';
import { codePoints, wrapLines, type Measure } from '../core/text.js';

export interface BriefPaint {
  head(text: string): string;
  label(text: string): string;
}

export interface BriefLayout {
  /** Columns to wrap to; null when piped (one line per entry). */
  width: number | null;
  paint: BriefPaint;
  measure?: Measure;
  /** How other people are named (namesakes with their company). */
  label: NameLabel;
}

/** People in common shown on a terminal or a page; JSON has them all. */
export const IN_COMMON_SHOWN = 5;

const LABEL_WIDTH = 14;
const INDENT = '  ';

/** One line of user text: whitespace flattened, control characters shown. */
const clean = (text: string): string => showControls(text.replace(/\s+/g, ' ').trim());

const arrow = (direction: string): string => (direction === 'in' ? '←' : direction === 'out' ? '→' : '↔');

function promiseWhen(days: number, due: string): string {
  if (days > 0) return `${plural(days, 'day')} late (${due})`;
  return days === 0 ? 'due today' : `by ${due} (${ahead(-days)})`;
}

function headerLines(b: Brief): string[] {
  const work = [b.role, b.company].filter(Boolean).join(' at ');
  const head = `${b.name} #${b.contact_id}${work ? ` — ${work}` : ''}${b.archived ? ' (archived)' : ''}`;
  const rhythm = b.cadence_days === null ? 'no rhythm' : `every ${formatInterval(b.cadence_days)}`;
  const facts = [`${b.circle}, ${rhythm}`, b.last_contact ? `last contact ${b.last_contact}` : 'never in touch yet'];
  const met = [b.how_met, b.met_on].filter(Boolean).join(', ');
  if (met) facts.push(`met: ${met}`);
  return [clean(head), clean(facts.join(' · '))];
}

function touchLine(t: BriefTouch, label: NameLabel): string {
  const others = t.with.map((p) => label(p.contact_id, p.name));
  const parts = [others.length ? `with ${others.join(', ')}` : '', t.note ?? '', ...t.gave.map((g) => `gave: ${g}`), ...t.got.map((g) => `got: ${g}`)].filter((p) => p.trim() !== '');
  return `${t.date} ${t.via} ${arrow(t.direction)}${parts.length ? ` ${parts.join(' · ')}` : ''}`;
}

function inCommonLine(p: InCommon, company: string | null, label: NameLabel): string {
  const ties: string[] = [];
  if (p.met_together > 0) ties.push(`met together ${p.met_together === 1 ? 'once' : `${p.met_together} times`}${p.last_together ? `, last ${p.last_together}` : ''}`);
  if (p.same_company && company) ties.push(`also at ${company}`);
  return `${label(p.contact_id, p.name)}: ${ties.join('; ')}`;
}

function upcomingLine(u: Upcoming): string {
  const what = u.kind === 'birthday' ? 'birthday' : u.kind === 'my_promise' ? `your promise: ${u.text}` : u.kind === 'their_promise' ? `their promise: ${u.text}` : u.text;
  return `${u.date} ${what} (${ahead(u.days_left)})`;
}

function balanceLines(b: Brief): string[] {
  const { given, received, leaning, last_given, last_received } = b.balance;
  const lines = [
    leaning === 'none'
      ? 'no favours recorded'
      : leaning === 'even'
        ? `even: ${given} given, ${received} received`
        : leaning === 'given'
          ? `you gave ${given}, received ${received}`
          : `they gave ${received}, you gave ${given}: a chance to give back`,
  ];
  if (last_given) lines.push(`last given ${last_given.occurred_on}: ${last_given.text}`);
  if (last_received) lines.push(`last received ${last_received.occurred_on}: ${last_received.text}`);
  return lines;
}

/** The sections of one brief, as label and entries (each entry one line when piped). */
export function briefSections(b: Brief, label: NameLabel): Array<[string, string[]]> {
  const none = (entries: string[], empty: string) => (entries.length ? entries : [empty]);
  const interests = b.interests.length ? [b.interests.join(', ')] : [];
  for (const s of b.shared_interests) interests.push(`${s.interest}: shared with ${s.with.map((p) => label(p.contact_id, p.name)).join(', ')}`);
  const inCommon = b.in_common.slice(0, IN_COMMON_SHOWN).map((p) => inCommonLine(p, b.company, label));
  if (b.in_common.length > IN_COMMON_SHOWN) inCommon.push(`…and ${b.in_common.length - IN_COMMON_SHOWN} more (\`net brief --json\` lists them all)`);
  const reply = b.reply_owed;
  return [
    // The morning list's own sentences: each says when.
    ['Why now', none(b.due.map((d) => d.reason), 'nothing due today')],
    ['Reply owed', reply ? [`their ${channelNoun(reply.channel)} of ${reply.came_on}; due ${dueWhen(reply.days_overdue)}`] : ['none']],
    [
      'Promises',
      none(
        [...b.promises.mine.map((p) => `yours: ${p.text} — ${promiseWhen(p.days_overdue, p.due_on)}`), ...b.promises.theirs.map((p) => `theirs: ${p.text} — ${promiseWhen(p.days_overdue, p.due_on)}`)],
        'none open',
      ),
    ],
    ['Give & take', balanceLines(b)],
    ['Interests', none(interests, 'none recorded')],
    ['In common', none(inCommon, 'no one yet')],
    ['Coming up', none(b.upcoming.map(upcomingLine), 'nothing planned')],
    ['Last touches', none(b.last_touches.map((t) => touchLine(t, label)), 'nothing logged yet')],
    ...(b.team === undefined
      ? []
      : ([['Team', none(b.team.map((t) => `${t.member}: ${t.touches} touch${t.touches === 1 ? '' : 'es'}, last on ${t.last_on} (${t.last_channel})`), 'no one else on the team knows them')]] as Array<
          [string, string[]]
        >)),
    ['Opener', [b.opener.text]],
  ];
}

/** The lines of the briefs, a blank line between people. */
export function layoutBriefs(briefs: readonly Brief[], layout: BriefLayout): string[] {
  const { width, paint, label } = layout;
  const measure = layout.measure ?? codePoints;
  const hang = INDENT + ' '.repeat(LABEL_WIDTH);
  const room = width === null ? Number.POSITIVE_INFINITY : Math.max(20, width - hang.length);
  const out: string[] = [];
  for (const [k, b] of briefs.entries()) {
    if (k > 0) out.push('');
    const [head, facts] = headerLines(b);
    out.push(paint.head(head), ...(width === null ? [facts] : wrapLines(facts, Math.max(20, width - INDENT.length), measure)).map((line) => INDENT + line));
    for (const [name, entries] of briefSections(b, label)) {
      entries.forEach((entry, e) => {
        const text = clean(entry);
        const lines = width === null ? [text] : wrapLines(text, room, measure);
        lines.forEach((line, l) => {
          const lead = e === 0 && l === 0 ? INDENT + paint.label(name.padEnd(LABEL_WIDTH)) : hang;
          out.push(`${lead}${line}`);
        });
      });
    }
  }
  return out;
}
