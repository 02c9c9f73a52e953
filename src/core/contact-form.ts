// A person as an editable text (`net edit CONTACT` in $EDITOR): one
// "field: value" line each, lists comma-separated, the notes last and
// verbatim. Read back, the fields that changed become the options of
// `net edit`, checked and applied as one command.
import { UsageError } from './errors.js';

export interface FormValues {
  name: string;
  /** A title before the name ("Dott.ssa"), kept apart from it. */
  namePrefix: string;
  nameSuffix: string;
  nicknames: string[];
  company: string;
  role: string;
  emails: string[];
  phone: string;
  linkedin: string;
  location: string;
  circle: string;
  /** The person's own rhythm: "" for the circle's, "none", or an interval ("3 weeks"). */
  every: string;
  channel: string;
  birthday: string;
  metAt: string;
  metOn: string;
  tags: string[];
  interests: string[];
  notes: string;
}

type Key = keyof FormValues;
type ListKey = 'emails' | 'nicknames' | 'tags' | 'interests';
const LISTS: readonly ListKey[] = ['emails', 'nicknames', 'tags', 'interests'];

/** The label of each field in the text, in its order; the notes come last. */
const LABELS: ReadonlyArray<readonly [label: string, key: Key]> = [
  ['name', 'name'],
  ['name prefix', 'namePrefix'],
  ['name suffix', 'nameSuffix'],
  ['nicknames', 'nicknames'],
  ['company', 'company'],
  ['role', 'role'],
  ['emails', 'emails'],
  ['phone', 'phone'],
  ['linkedin', 'linkedin'],
  ['location', 'location'],
  ['circle', 'circle'],
  ['every', 'every'],
  ['channel', 'channel'],
  ['birthday', 'birthday'],
  ['met at', 'metAt'],
  ['met on', 'metOn'],
  ['tags', 'tags'],
  ['interests', 'interests'],
];

function isList(key: Key): key is ListKey {
  return (LISTS as readonly Key[]).includes(key);
}

export function formText(values: FormValues): string {
  const lines = LABELS.map(([label, key]) => {
    const value = values[key];
    return `${label}: ${Array.isArray(value) ? value.join(', ') : value}`.trimEnd();
  });
  return `${lines.join('\n')}\nnotes:\n${values.notes}`;
}

/** Help for the editor, shown as # lines above the text. */
export const FORM_HELP =
  'Change the values after the colons; an empty value clears a field. Lists are comma-separated.\n' +
  '# every: the rhythm with this person ("3 weeks", "none"), empty for the circle\'s. phone: the first number (empty: none at all).\n' +
  '# Everything after notes: is the notes.';

/** The fields of an edited text; a field left out is unchanged. */
export function parseForm(text: string): Partial<FormValues> {
  const out: Partial<FormValues> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const m = /^([a-z ]+):(.*)$/i.exec(line);
    if (!m) throw new UsageError(`line ${i + 1} of the edited text is not "field: value": ${line}`, 'nothing was changed; run net edit again');
    const label = m[1].trim().toLowerCase();
    if (label === 'notes') {
      out.notes = [m[2].trim(), ...lines.slice(i + 1)].join('\n').trim();
      break;
    }
    const key = LABELS.find(([l]) => l === label)?.[1];
    if (key === undefined) throw new UsageError(`line ${i + 1}: "${m[1].trim()}" is not a field of a person`, `the fields are: ${LABELS.map(([l]) => l).join(', ')}, notes`);
    const value = m[2].trim();
    if (isList(key)) out[key] = value.split(',').map((v) => v.trim()).filter((v) => v !== '');
    else out[key] = value;
  }
  return out;
}

export interface FormChange {
  /** Changed fields, as the text of `net edit`'s options ("" clears). */
  options: Partial<Record<Exclude<Key, ListKey | 'name' | 'every'>, string>>;
  rename?: string;
  /** Changed rhythm: "" is the circle's again. */
  every?: string;
  add: Record<ListKey, string[]>;
  remove: Record<ListKey, string[]>;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** What changed from `before` to `after`; lists compared without case. */
export function formChanges(before: FormValues, after: Partial<FormValues>): FormChange {
  const change: FormChange = {
    options: {},
    add: { emails: [], nicknames: [], tags: [], interests: [] },
    remove: { emails: [], nicknames: [], tags: [], interests: [] },
  };
  for (const [, key] of [...LABELS, ['notes', 'notes'] as const]) {
    const value = after[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const list = key as ListKey;
      change.add[list] = value.filter((v) => !before[list].some((b) => same(b, v)));
      change.remove[list] = before[list].filter((b) => !value.some((v) => same(b, v)));
    } else if (value !== before[key]) {
      if (key === 'name') change.rename = value;
      else if (key === 'every') change.every = value;
      else change.options[key as keyof FormChange['options']] = value;
    }
  }
  return change;
}

export function isEmptyChange(change: FormChange): boolean {
  return (
    Object.keys(change.options).length === 0 &&
    change.rename === undefined &&
    change.every === undefined &&
    LISTS.every((k) => change.add[k].length === 0 && change.remove[k].length === 0)
  );
}
