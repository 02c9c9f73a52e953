// Operations in words, for `net changes` and `net undo`: "company of Giulia
// Rossi (#12): Acme → Beta". Pure: the names of records come from `label`.

export interface OpForWords {
  kind: string;
  entity: string;
  record: string;
  field: string | null;
  old: string | null;
  new: string | null;
}

/** How a record is named in words, by entity and uid. */
export type RecordLabel = (entity: string, uid: string) => string;

const MEMBER_NAMES: Readonly<Record<string, string>> = { emails: 'email', phones: 'phone', nicknames: 'nickname', tags: 'tag', interests: 'interest', participants: 'with' };

const FIELD_NAMES: Readonly<Record<string, string>> = {
  cadence_days: 'rhythm (days)',
  how_met: 'how you met',
  met_on: 'met on',
  snoozed_until: 'snoozed until',
  archived_at: 'archived',
  occurred_at: 'time',
  occurred_on: 'day',
  due_on: 'due',
  done_on: 'kept on',
  dropped_on: 'dropped on',
  next_on: 'next step',
  contact_id: 'person',
  via_contact_id: 'introducer',
  rhythm_from: 'first touch from',
  dismissed_on: 'dismissed on',
  interaction_id: 'interaction',
  theirs: 'whose',
};

function shown(value: unknown, limit = 40): string {
  if (value === null || value === undefined) return '(none)';
  const text = String(value).replace(/\s+/g, ' ');
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

/** Reference fields hold uids: show the record they name. */
function valueWords(field: string | null, value: unknown, label: RecordLabel): string {
  if (value !== null && (field === 'contact_id' || field === 'via_contact_id' || field === 'merged_into')) return label('contact', String(value));
  if (value !== null && field === 'interaction_id') return label('interaction', String(value));
  // A follow-up's `theirs` is stored as 0/1: said as whose promise it is.
  if (field === 'theirs' && value !== null) return value === 1 || value === true ? 'theirs' : 'mine';
  return shown(value);
}

export function describeOp(op: OpForWords, label: RecordLabel): string {
  if (op.entity === 'setting') return `setting ${op.record}: ${shown(parse(op.old))} → ${shown(parse(op.new))}`;
  const who = label(op.entity, op.record);
  switch (op.kind) {
    case 'create':
      return `new ${who}`;
    case 'delete':
      return `deleted ${who}`;
    case 'restore':
      return `restored ${who}`;
    case 'merge':
      return `merged ${who} into ${label('contact', String(parse(op.new)))}`;
    case 'add':
    case 'remove': {
      const member = parse(op.kind === 'add' ? op.new : op.old);
      const labelled = member !== null && typeof member === 'object' ? (member as { value: string; label: string | null }) : null;
      const shownMember =
        op.field === 'participants' ? label('contact', String(member)) : labelled ? `${shown(labelled.value)}${labelled.label ? ` (${labelled.label})` : ''}` : shown(member);
      return `${who}: ${op.kind === 'add' ? '+' : '−'} ${MEMBER_NAMES[op.field ?? ''] ?? op.field} ${shownMember}`;
    }
    default: {
      const field = FIELD_NAMES[op.field ?? ''] ?? (op.field ?? '').replaceAll('_', ' ');
      return `${field} of ${who}: ${valueWords(op.field, parse(op.old), label)} → ${valueWords(op.field, parse(op.new), label)}`;
    }
  }
}
