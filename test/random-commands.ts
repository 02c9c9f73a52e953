// Random sequences of commands run through the use cases against an
// in-memory database, and the user data they leave: what the property tests
// of undo and merge are written with.
import fc from 'fast-check';
import { addContact } from '../src/app/add-contact.js';
import { setArchived } from '../src/app/archive-contact.js';
import { setSetting, unsetSetting } from '../src/app/config.js';
import { editContact, emptyContactChange } from '../src/app/edit-contact.js';
import { editInteraction, removeInteraction } from '../src/app/edit-interaction.js';
import { addFavour, removeFavour } from '../src/app/favours.js';
import { dismissItem } from '../src/app/dismiss.js';
import { markDistinct } from '../src/app/duplicates.js';
import { applyImport } from '../src/app/import-apply.js';
import { addFollowup, closeFollowups, editFollowup } from '../src/app/followups.js';
import { logTouch } from '../src/app/log-touch.js';
import { mergeContacts } from '../src/app/merge.js';
import { addOutreach } from '../src/app/outreach-add.js';
import { stepOutreach } from '../src/app/outreach-step.js';
import { removeContact } from '../src/app/remove-contact.js';
import { snoozeContact } from '../src/app/snooze-contact.js';
import type { Clock, Store } from '../src/app/store.js';
import { NetError } from '../src/core/errors.js';
import { emptySummary } from '../src/core/import-types.js';
import { EXPORTERS } from '../src/db/export-records.js';
import { openDatabase, type OpenDatabase } from '../src/db/open.js';

export const NAMES = ['Giulia Rossi', 'Marco Bianchi', 'Anna Meyer', 'Niccolò Verdi'];
export const clock: Clock = { now: new Date('2026-03-14T11:00:00.000Z'), today: '2026-03-14' };

export type Step =
  | { kind: 'add'; name: number; company: string | null; tag: string | null; twin: boolean }
  | { kind: 'edit'; who: number; company: string | null; addTag: string | null; dropTag: string | null; note: string | null }
  | { kind: 'log'; who: number[]; channel: 'call' | 'email' | 'coffee'; daysAgo: number; gave: boolean; promise: boolean }
  | { kind: 'archive'; who: number; archived: boolean }
  | { kind: 'snooze'; who: number; days: number | null }
  | { kind: 'rm'; who: number }
  | { kind: 'followup'; who: number; text: string; theirs: boolean }
  | { kind: 'close'; nth: number; how: 'done' | 'dropped' }
  | { kind: 'move'; nth: number; days: number; to: number }
  | { kind: 'favour'; who: number; given: boolean }
  | { kind: 'unfavour'; nth: number }
  | { kind: 'correct'; nth: number; daysAgo: number; note: string | null; add: number | null }
  | { kind: 'forget'; nth: number }
  | { kind: 'config'; value: number | null }
  | { kind: 'outreach'; who: number }
  | { kind: 'step'; who: number }
  | { kind: 'merge'; keep: number; other: number }
  | { kind: 'dismiss'; who: number }
  | { kind: 'phone'; who: number; phone: string | null }
  | { kind: 'nickname'; who: number; nickname: string }
  | { kind: 'card'; who: number; replace: boolean; emails: Labelled[]; phones: Labelled[]; nicknames: string[] }
  | { kind: 'distinct'; a: number; b: number };

/** An email or phone of an address card: which of a person's few, and its label. */
export interface Labelled {
  n: number;
  label: string | null;
}

const who = fc.nat({ max: NAMES.length - 1 });
const labelledList = fc.uniqueArray(fc.record({ n: fc.nat({ max: 2 }), label: fc.constantFrom('work', 'home', null) }), { selector: (l) => l.n, maxLength: 3 });
const small = fc.constantFrom('Acme', 'Beta', null);
const word = fc.constantFrom('ai', 'jazz', 'fintech', null);
export const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), name: who, company: small, tag: word, twin: fc.boolean() }),
  fc.record({ kind: fc.constant('edit' as const), who, company: small, addTag: word, dropTag: word, note: fc.constantFrom('likes espresso', null) }),
  fc.record({
    kind: fc.constant('log' as const),
    who: fc.uniqueArray(who, { minLength: 1, maxLength: 3 }),
    channel: fc.constantFrom('call' as const, 'email' as const, 'coffee' as const),
    daysAgo: fc.nat({ max: 30 }),
    gave: fc.boolean(),
    promise: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('archive' as const), who, archived: fc.boolean() }),
  fc.record({ kind: fc.constant('snooze' as const), who, days: fc.constantFrom(7, 30, null) }),
  fc.record({ kind: fc.constant('rm' as const), who }),
  fc.record({ kind: fc.constant('followup' as const), who, text: fc.constantFrom('send the deck', 'intro to Sara'), theirs: fc.boolean() }),
  fc.record({ kind: fc.constant('close' as const), nth: fc.nat({ max: 5 }), how: fc.constantFrom('done' as const, 'dropped' as const) }),
  fc.record({ kind: fc.constant('move' as const), nth: fc.nat({ max: 5 }), days: fc.nat({ max: 20 }), to: who }),
  fc.record({ kind: fc.constant('favour' as const), who, given: fc.boolean() }),
  fc.record({ kind: fc.constant('unfavour' as const), nth: fc.nat({ max: 5 }) }),
  fc.record({ kind: fc.constant('correct' as const), nth: fc.nat({ max: 5 }), daysAgo: fc.nat({ max: 30 }), note: fc.constantFrom('the real note', null), add: fc.option(who) }),
  fc.record({ kind: fc.constant('forget' as const), nth: fc.nat({ max: 5 }) }),
  fc.record({ kind: fc.constant('config' as const), value: fc.constantFrom(10, 45, null) }),
  fc.record({ kind: fc.constant('outreach' as const), who }),
  fc.record({ kind: fc.constant('step' as const), who }),
  fc.record({ kind: fc.constant('merge' as const), keep: fc.nat({ max: 5 }), other: fc.nat({ max: 5 }) }),
  fc.record({ kind: fc.constant('dismiss' as const), who }),
  // `net edit --phone`: a new main phone, or none.
  fc.record({ kind: fc.constant('phone' as const), who, phone: fc.constantFrom('+39 333 000 0001', '+39 333 000 0002', '+39 333 000 0003', null) }),
  fc.record({ kind: fc.constant('nickname' as const), who, nickname: fc.constantFrom('Gigi', 'Nico') }),
  // An address card of the person: another source's fills in (new emails, phones, labels), net's own export replaces the lists, order included.
  fc.record({ kind: fc.constant('card' as const), who, replace: fc.boolean(), emails: labelledList, phones: labelledList, nicknames: fc.subarray(['Gigi', 'Nico']) }),
  fc.record({ kind: fc.constant('distinct' as const), a: fc.nat({ max: 5 }), b: fc.nat({ max: 5 }) }),
);

const ago = (days: number) => new Date(clock.now.getTime() - days * 86_400_000);
const nthId = (store: Store, table: string, n: number): number | undefined =>
  (store.sqlite.prepare(`select id from ${table} where deleted_at is null order by id limit 1 offset ?`).pluck().get(n) as number | undefined) ?? undefined;

export async function apply(store: Store, s: Step): Promise<void> {
  const name = (i: number) => NAMES[i];
  switch (s.kind) {
    case 'add':
      // A twin is the same person added again (--force): what merges are for.
      await addContact(store, clock, { fields: { name: name(s.name), company: s.company }, lists: { emails: [], tags: s.tag ? [s.tag] : [], interests: [] }, force: s.twin });
      return;
    case 'edit':
      await editContact(store, clock, name(s.who), {
        ...emptyContactChange(),
        fields: { company: s.company },
        addTags: s.addTag ? [s.addTag] : [],
        removeTags: s.dropTag ? [s.dropTag] : [],
        appendNote: s.note ?? undefined,
      });
      return;
    case 'log':
      await logTouch(store, clock, s.who.map(name), {
        channel: s.channel,
        direction: s.channel === 'email' ? 'in' : 'mutual',
        instant: ago(s.daysAgo),
        note: `${s.channel} ${s.daysAgo}`,
        // A favour and a promise belong to one person: the first named.
        gave: s.gave ? [`${name(s.who[0])}: an intro`] : [],
        followUp: s.promise ? { text: `${name(s.who[0])}: follow up`, dueOn: '2026-03-20' } : undefined,
      });
      return;
    case 'archive':
      await setArchived(store, clock, name(s.who), s.archived);
      return;
    case 'snooze':
      await snoozeContact(store, clock, name(s.who), s.days === null ? null : `2026-04-${String(s.days % 28 + 1).padStart(2, '0')}`);
      return;
    case 'rm': {
      const id = store.sqlite.prepare('select id from contacts where name = ? and deleted_at is null').pluck().get(name(s.who)) as number | undefined;
      if (id !== undefined) await removeContact(store, clock, id);
      return;
    }
    case 'followup':
      await addFollowup(store, clock, name(s.who), s.text, '2026-03-21', { theirs: s.theirs });
      return;
    case 'close': {
      const id = nthId(store, 'followups', s.nth);
      if (id !== undefined) await closeFollowups(store, clock, [id], s.how);
      return;
    }
    case 'move': {
      const id = nthId(store, 'followups', s.nth);
      if (id !== undefined) await editFollowup(store, clock, id, { dueOn: `2026-03-${String(14 + s.days).padStart(2, '0')}`, contact: name(s.to) });
      return;
    }
    case 'favour':
      await addFavour(store, clock, name(s.who), { direction: s.given ? 'given' : 'received', text: 'a referral', day: '2026-03-10' });
      return;
    case 'unfavour': {
      const id = nthId(store, 'favours', s.nth);
      if (id !== undefined) await removeFavour(store, clock, id);
      return;
    }
    case 'correct': {
      const id = nthId(store, 'interactions', s.nth);
      if (id !== undefined) await editInteraction(store, clock, id, { instant: ago(s.daysAgo), note: s.note, add: s.add === null ? [] : [name(s.add)], remove: [] });
      return;
    }
    case 'forget': {
      const id = nthId(store, 'interactions', s.nth);
      if (id !== undefined) await removeInteraction(store, clock, id);
      return;
    }
    case 'config':
      if (s.value === null) await unsetSetting(store, clock, 'cadence.close');
      else await setSetting(store, clock, 'cadence.close', String(s.value));
      return;
    case 'outreach':
      await addOutreach(store, clock, { name: name(s.who), why: 'runs the fintech group', channel: 'email', emails: [], interests: [], tags: [], nextOn: clock.today });
      return;
    case 'step':
      await stepOutreach(store, clock, name(s.who), { stage: 'contacted', note: null, when: { day: clock.today, instant: clock.now } });
      return;
    case 'merge': {
      const keep = nthId(store, 'contacts', s.keep);
      const other = nthId(store, 'contacts', s.other);
      if (keep !== undefined && other !== undefined && keep !== other) await mergeContacts(store, clock, `#${keep}`, `#${other}`);
      return;
    }
    case 'dismiss':
      await dismissItem(store, clock, name(s.who));
      return;
    case 'phone':
      await editContact(store, clock, name(s.who), { ...emptyContactChange(), fields: { phone: s.phone } });
      return;
    case 'nickname':
      await editContact(store, clock, name(s.who), { ...emptyContactChange(), addNicknames: [s.nickname] });
      return;
    case 'card':
      await importCard(store, clock, s);
      return;
    case 'distinct': {
      const a = nthId(store, 'contacts', s.a);
      const b = nthId(store, 'contacts', s.b);
      if (a !== undefined && b !== undefined && a !== b) await markDistinct(store, clock, `#${a}`, `#${b}`);
      return;
    }
  }
}

/** One address card through the import's writers, as `net import` hands them a card of a file. */
export async function importCard(store: Store, at: Clock, s: Omit<Extract<Step, { kind: 'card' }>, 'kind'>): Promise<void> {
  const name = NAMES[s.who];
  const uid = store.sqlite.prepare('select uid from contacts where name = ? and deleted_at is null order by id').pluck().get(name) as string | undefined;
  if (s.replace && uid === undefined) return;
  const first = name.split(' ')[0].toLowerCase();
  const request = { name: 'import vcf', summary: emptySummary('vcf', 'card.vcf', 'contacts', false), placement: { circle: undefined, tags: [] }, strict: false, dryRun: false };
  await applyImport(store, at, request, async (sinks) => {
    sinks.contacts.accept({
      at: 'card 1',
      uid: s.replace ? (uid ?? null) : null,
      name,
      values: {},
      emails: s.emails.map((e) => `${first}.${e.n}@example.com`),
      emailLabels: s.emails.map((e) => e.label),
      phones: s.phones.map((p) => ({ phone: `+39 02 555 000${p.n}`, label: p.label })),
      nicknames: s.nicknames,
      tags: undefined,
      interests: undefined,
      mode: s.replace ? 'replace' : 'fill',
      refresh: [],
      created_at: null,
      updated_at: null,
    });
  });
}

/** The user data: every exported record without its bookkeeping instants, and the settings. */
export function userData(store: Store): unknown {
  const strip = (record: Record<string, unknown>): Record<string, unknown> => {
    const { created_at: _c, updated_at: _u, ...rest } = record;
    if (Array.isArray(rest.events)) rest.events = (rest.events as Array<Record<string, unknown>>).map(strip);
    return rest;
  };
  const data: Record<string, unknown> = {};
  for (const [entity, exporter] of Object.entries(EXPORTERS)) data[entity] = [...exporter(store.sqlite)].map(strip);
  data.settings = store.sqlite.prepare('select key, value from settings order by key').all();
  data.dismissals = store.sqlite.prepare('select uid, contact_id, kind, dismissed_on from dismissals where deleted_at is null order by uid').all();
  data.distinct = store.sqlite.prepare('select uid, contact_a, contact_b from distinct_pairs where deleted_at is null order by uid').all();
  return data;
}

export async function run(store: Store, steps: readonly Step[]): Promise<void> {
  for (const s of steps) {
    try {
      await apply(store, s);
    } catch (error) {
      // A refused command (no such person, a duplicate, a forbidden move) changes nothing: part of the property.
      if (!(error instanceof NetError)) throw error;
    }
  }
}

export const lastCommand = (store: Store): number => (store.sqlite.prepare('select coalesce(max(id), 0) from commands').pluck().get() as number) ?? 0;

export async function withStore<T>(work: (store: OpenDatabase) => Promise<T>): Promise<T> {
  const store = await openDatabase(':memory:');
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

