// The scheduler's test network: a person with neutral facts, settings, and
// the list for 2026-03-14 (a Saturday), shared by the scheduler's tests.
import { addDays } from '../../src/core/dates.js';
import { scheduleAttention, type AttentionItem, type ContactFacts, type SchedulerInput } from '../../src/core/scheduler.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.js';

export const TODAY = '2026-03-14';
export const ago = (days: number) => addDays(TODAY, -days);

export function person(overrides: Partial<ContactFacts> = {}): ContactFacts {
  return {
    id: 1,
    name: 'Anna Meyer',
    circle: 'close',
    cadence_days: null,
    snoozed_until: null,
    archived: false,
    met_on: null,
    added_on: ago(400),
    rhythm_from: null,
    birthday: null,
    channel: null,
    last: { on: ago(1), direction: 'mutual', channel: 'coffee' },
    interactions: 2,
    dismissed: null,
    ...overrides,
  };
}

export function settings(change: (s: Settings) => void = () => {}): Settings {
  const s = structuredClone(DEFAULT_SETTINGS);
  change(s);
  return s;
}

export function schedule(input: Partial<SchedulerInput>): AttentionItem[] {
  return scheduleAttention({ today: TODAY, settings: settings(), contacts: [], followups: [], outreach: [], ...input });
}

export const only = (contacts: ContactFacts[], extra: Partial<SchedulerInput> = {}) =>
  schedule({ contacts, ...extra }).map((i) => ({ kind: i.kind, due_on: i.due_on, days_overdue: i.days_overdue }));
