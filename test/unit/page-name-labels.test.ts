// A listing written a page at a time (net history) labels namesakes on every
// page as one written at once would, and finds every namesake's labels only
// once, for the first page of many people, whatever pages come after it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/cli/context.js';
import { nameLabelsOf, pageNameLabels } from '../../src/cli/labels.js';
import { insertContact } from '../../src/db/contacts.js';
import { openDatabase, type OpenDatabase } from '../../src/db/open.js';
import { allowRawWrites } from '../raw-writes.js';

let dir: string;
let opened: OpenDatabase;
let ctx: Context;
const many: number[] = [];
let nexi: number;
let satispay: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'net-page-labels-'));
  opened = await openDatabase(join(dir, 'net.db'));
  allowRawWrites(opened.sqlite);
  const at = '2026-01-01T00:00:00.000Z';
  nexi = await insertContact(opened.db, { name: 'Marco Rossi', company: 'Nexi' }, {}, at);
  satispay = await insertContact(opened.db, { name: 'Marco Rossi', company: 'Satispay' }, {}, at);
  for (let k = 0; k < 520; k++) many.push(await insertContact(opened.db, { name: `Person ${k}` }, {}, at));
  // The labels need only the open database of the command.
  ctx = { existingDatabase: async () => opened } as unknown as Context;
});
afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('page name labels', () => {
  it('label the namesakes of every page, small or large, as the labels of the whole listing do', async () => {
    const whole = await nameLabelsOf(ctx);
    const labelsOf = pageNameLabels(ctx);
    const pages = [[nexi, many[0]], many, [satispay], [nexi, ...many.slice(0, 10)], many.slice(1)];
    for (const page of pages) {
      const label = await labelsOf(page);
      for (const id of page) {
        const name = id === nexi || id === satispay ? 'Marco Rossi' : `Person ${many.indexOf(id)}`;
        expect(label(id, name)).toBe(whole(id, name));
      }
    }
    expect(whole(satispay, 'Marco Rossi')).toBe('Marco Rossi (Satispay)');
  });

  it('find every namesake once, at the first page of more than 500 people, for it and every page after it', async () => {
    const labelsOf = pageNameLabels(ctx);
    const small = await labelsOf([nexi]);
    const first = await labelsOf(many);
    expect(first).not.toBe(small);
    expect(await labelsOf([satispay])).toBe(first);
    expect(await labelsOf(many.slice(1))).toBe(first);
    // A page of few people before any large one finds only theirs, each time.
    const fresh = pageNameLabels(ctx);
    expect(await fresh([nexi])).not.toBe(await fresh([nexi]));
  });
});
