// A person as the review reads them, with everything not given left neutral.
import type { ReviewContact } from '../../src/core/review/contacts.js';

export function person(id: number, more: Partial<ReviewContact> = {}): ReviewContact {
  return {
    id,
    name: `Person ${id}`,
    circle: 'network',
    cadence_days: null,
    snoozed_until: null,
    archived: false,
    met_on: null,
    added_on: '2025-01-01',
    rhythm_from: null,
    birthday: null,
    channel: null,
    last: null,
    interactions: 2,
    dismissed: null,
    ...more,
  };
}
