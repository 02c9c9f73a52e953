// A listing written a page at a time (net history) labels namesakes on every
// page as one written at once would, and finds every namesake's labels only
// once, when its pages have named many people, whatever pages come after.
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

  it('find every namesake once, when the pages have named more than 500 people, for that page and every page after it', async () => {
    const labelsOf = pageNameLabels(ctx);
    const small = await labelsOf([nexi]);
    const first = await labelsOf(many);
    expect(first).not.toBe(small);
    expect(await labelsOf([satispay])).toBe(first);
    expect(await labelsOf(many.slice(1))).toBe(first);
    // Pages of few people find only theirs, each time, until together they name more than 500.
    const fresh = pageNameLabels(ctx);
    expect(await fresh([nexi])).not.toBe(await fresh([nexi]));
    const pages = [many.slice(0, 200), many.slice(200, 400), many.slice(400, 500)];
    const each = [];
    for (const page of pages) each.push(await fresh(page));
    expect(new Set(each).size).toBe(3);
    const past = await fresh([satispay, ...many.slice(500)]);
    expect(await fresh([nexi])).toBe(past);
    expect(past(satispay, 'Marco Rossi')).toBe('Marco Rossi (Satispay)');
  });
});
