// The static registry of migrations, in order. Loading them through this
// module (instead of Kysely's FileMigrationProvider) works the same under
// plain Node, the compiled build and vitest.
import type { Migration } from 'kysely/migration';
import * as m001 from './001-initial.js';
import * as m002 from './002-outreach.js';
import * as m003 from './003-contact-activity.js';
import * as m004 from './004-contact-rhythm.js';
import * as m005 from './005-operations.js';
import * as m006 from './006-distinct-pairs.js';
import * as m009 from './009-address-book.js';
import * as m010 from './010-search.js';
import * as m011 from './011-trust.js';
import * as m012 from './012-read-views.js';
import * as m014 from './014-capture.js';
import * as m015 from './015-theirs.js';
import * as m016 from './016-read-views-theirs.js';
import * as m017 from './017-sync.js';
import * as m018 from './018-capture-key.js';
import * as m019 from './019-team.js';

export const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['001-initial', m001],
  ['002-outreach', m002],
  ['003-contact-activity', m003],
  ['004-contact-rhythm', m004],
  ['005-operations', m005],
  ['006-distinct-pairs', m006],
  ['009-address-book', m009],
  ['010-search', m010],
  ['011-trust', m011],
  ['012-read-views', m012],
  // 013 is unused: sync was numbered so while made in parallel, and landed as 017.
  ['014-capture', m014],
  ['015-theirs', m015],
  ['016-read-views-theirs', m016],
  ['017-sync', m017],
  ['018-capture-key', m018],
  ['019-team', m019],
];
