// Applying an import: one command, one transaction for the whole file. The
// pipeline of each source (src/cli/import-sources.ts) reads the file and
// hands its drafts to the writers made here; a bad row stops the import and
// leaves the database as it was; a dry run does everything and keeps nothing.
import type { ImportSummary, PlacementOptions } from '../core/import-types.js';
import { ContactImporter, ContactStore, loadSettingsRaw, withImportCache } from '../db/import-contacts.js';
import { InteractionImporter } from '../db/import-interactions.js';
import { RecordImporter } from '../db/import-records.js';
import { withSearchDeferred } from '../db/search.js';
import { withSummariesDeferred } from '../db/summaries.js';
import { inCommand, type Clock, type Store } from './store.js';

/** The writers an import's pipeline hands its drafts to. */
export interface ImportSinks {
  contacts: ContactImporter;
  interactions: () => InteractionImporter;
  records: () => RecordImporter;
}

export interface ImportRequest {
  /** The command's name: `import linkedin`. */
  name: string;
  summary: ImportSummary;
  placement: PlacementOptions;
  /** Unknown people are errors instead of new contacts. */
  strict: boolean;
  dryRun: boolean;
}

export async function applyImport(store: Store, clock: Clock, request: ImportRequest, feed: (sinks: ImportSinks) => Promise<void>): Promise<ImportSummary> {
  const { summary, placement } = request;
  const at = clock.now.toISOString();
  const { sqlite } = store;
  return withImportCache(sqlite, () =>
    inCommand(
      store,
      clock,
      request.name,
      async (w) => {
        await withSearchDeferred(sqlite, () => withSummariesDeferred(sqlite, async () => {
          const contactStore = new ContactStore(sqlite);
          const index = contactStore.index();
          const contacts = new ContactImporter({ store: contactStore, index, settings: loadSettingsRaw(sqlite), placement, summary, at, today: clock.today });
          let interactions: InteractionImporter | undefined;
          let records: RecordImporter | undefined;
          await feed({
            contacts,
            interactions: () => (interactions ??= new InteractionImporter({ sqlite, store: contactStore, index, summary, placement, at, strict: request.strict })),
            records: () => (records ??= new RecordImporter({ sqlite, index, summary, at })),
          });
          contacts.finish();
        }));
        const created = summary.added + summary.createdContacts;
        w.summary = `imported ${summary.file}: ${created} added, ${summary.updated} updated`;
        return summary;
      },
      { dryRun: request.dryRun },
    ),
  );
}
