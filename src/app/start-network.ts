// The start of a network (`net init`): circle rhythms and the first people, as one command.
import { insertContact } from '../db/contacts.js';
import { saveSetting } from '../db/settings.js';
import { inCommand, type Clock, type Store } from './store.js';

export async function startNetwork(
  store: Store,
  clock: Clock,
  rhythms: ReadonlyMap<string, string>,
  people: ReadonlyArray<{ name: string; circle: string }>,
): Promise<void> {
  const at = clock.now.toISOString();
  await inCommand(store, clock, 'init', async (w) => {
    for (const [circle, stored] of rhythms) await saveSetting(w.db, `cadence.${circle}`, stored);
    for (const person of people) await insertContact(w.db, { name: person.name, circle: person.circle }, {}, at);
    w.summary = `set up: ${people.length} ${people.length === 1 ? 'person' : 'people'}, ${rhythms.size} rhythm(s)`;
  });
}

/** How many people the network holds. */
export async function countPeople(store: Store): Promise<number> {
  const { n } = await store.db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n);
}
