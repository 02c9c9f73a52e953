// Follow-ups (promises): kept on time or late in the period, and those still
// open whose day has passed.
import { daysBetween } from '../dates.js';

export interface KeptFollowup {
  due_on: string;
  done_on: string;
}

export interface OpenFollowup {
  id: number;
  contact_id: number;
  name: string;
  text: string;
  due_on: string;
}

export interface OverdueFollowup extends OpenFollowup {
  days_overdue: number;
}

export interface FollowupsSection {
  kept_on_time: number;
  kept_late: number;
  /** Open today, whatever their day. */
  open: number;
  /** Open and past their day. */
  overdue: number;
  overdue_items: OverdueFollowup[];
}

export function followupsSection(kept: readonly KeptFollowup[], open: readonly OpenFollowup[], today: string): FollowupsSection {
  const onTime = kept.filter((k) => k.done_on <= k.due_on).length;
  const overdue_items = open
    .filter((f) => f.due_on < today)
    .map((f) => ({ id: f.id, contact_id: f.contact_id, name: f.name, text: f.text, due_on: f.due_on, days_overdue: daysBetween(f.due_on, today) }))
    .sort((a, b) => a.due_on.localeCompare(b.due_on) || a.id - b.id);
  return {
    kept_on_time: onTime,
    kept_late: kept.length - onTime,
    open: open.length,
    overdue: overdue_items.length,
    overdue_items,
  };
}
