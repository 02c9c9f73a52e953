// Settings: circle rhythms, the reply window, the morning list, the weights.
import { deleteSetting, saveSetting, storedSettings } from '../db/settings.js';
import { inCommand, type Clock, type Store } from './store.js';

export async function setSetting(store: Store, clock: Clock, key: string, stored: string): Promise<void> {
  await inCommand(store, clock, 'config set', async (w) => {
    const before = (await storedSettings(w.db)).get(key);
    await saveSetting(w.db, key, stored);
    w.summary = `set ${key} to ${stored}${before === undefined ? '' : ` (was ${before})`}`;
  });
}

export async function unsetSetting(store: Store, clock: Clock, key: string): Promise<void> {
  await inCommand(store, clock, 'config unset', async (w) => {
    await deleteSetting(w.db, key);
    w.summary = `set ${key} back to its default`;
  });
}
