// What a merge of two people keeps: each field KEEP's, unless KEEP has none
// and OTHER has one; every email, tag and interest of both; two open
// outreach entries become the one at the further stage.
import { STAGES } from './outreach.js';

/** The single-valued fields a merge weighs, in the order the preview shows them. */
export const MERGED_FIELDS = [
  'company', 'role', 'linkedin', 'location', 'how_met', 'met_on', 'circle', 'cadence_days', 'channel', 'birthday', 'notes',
] as const;
export type MergedField = (typeof MERGED_FIELDS)[number];

export type MergeValues = Record<MergedField, string | number | null>;

export interface FieldChoice {
  field: MergedField;
  keep: string | number | null;
  other: string | number | null;
  /** Whose value the merged person has. */
  winner: 'keep' | 'other';
}

const isEmpty = (value: string | number | null) => value === null || (typeof value === 'string' && value.trim() === '');

/** The fields where the two differ, and which value wins; `set` holds the ones KEEP takes from OTHER. */
export function mergeFieldChoices(keep: MergeValues, other: MergeValues): { choices: FieldChoice[]; set: Partial<MergeValues> } {
  const choices: FieldChoice[] = [];
  const set: Partial<MergeValues> = {};
  for (const field of MERGED_FIELDS) {
    if (keep[field] === other[field] || isEmpty(other[field])) {
      if (keep[field] !== other[field]) choices.push({ field, keep: keep[field], other: other[field], winner: 'keep' });
      continue;
    }
    const winner = isEmpty(keep[field]) ? 'other' : 'keep';
    choices.push({ field, keep: keep[field], other: other[field], winner });
    if (winner === 'other') set[field] = other[field];
  }
  return { choices, set };
}

/** The set of both, in KEEP's order then OTHER's new members (case aside for emails). */
export function unitedList(keep: readonly string[], other: readonly string[], ignoreCase: boolean): string[] {
  const key = (v: string) => (ignoreCase ? v.toLowerCase() : v);
  const seen = new Set(keep.map(key));
  return [...keep, ...other.filter((v) => !seen.has(key(v)))];
}

/** Of two open outreach entries, which one goes on: the one further along the pipeline, KEEP's when level. */
export function furtherOutreach(keepStage: string, otherStage: string): 'keep' | 'other' {
  const rank = (stage: string) => STAGES.indexOf(stage as (typeof STAGES)[number]);
  return rank(otherStage) > rank(keepStage) ? 'other' : 'keep';
}
