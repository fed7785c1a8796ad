// Start-up and cross-tab wiring of the stores: one read of IndexedDB before the first list
// renders, then every change another tab commits is re-read at once.

import { onChange } from './channel';
import { useDashboards } from './dashboards';
import { reloadDatasources, useDatasources } from './datasources';
import { loadAll, type Loaded } from './db';
import { takeEarlyRead } from './earlyRead';
import { storageErrorText } from './idb';
import { reportStorageError } from './storage';

/** Loads everything into the stores (migrating the localStorage profile the first time). */
export async function loadStores(): Promise<Loaded['migrated']> {
  try {
    // the entry script has usually begun the read already (earlyRead.ts)
    const loaded = await (takeEarlyRead() ?? loadAll());
    useDatasources.getState().load(loaded.datasources);
    useDashboards.getState().load(loaded.dashboards, loaded.history);
    if (loaded.migrated?.problems.length)
      reportStorageError(
        `Some of what this browser had stored could not be moved to the new storage (it is still in localStorage): ${loaded.migrated.problems.join('; ')}`,
      );
    return loaded.migrated;
  } catch (e) {
    reportStorageError(
      `This browser's storage could not be opened (${storageErrorText(e)}): nothing can be saved in this tab; export what you make as JSON.`,
    );
    return undefined;
  }
}

/** Follows the other tabs' commits; returns the unsubscribe. */
export function followOtherTabs(): () => void {
  return onChange((c) => {
    if (c.kind === 'datasources') void reloadDatasources();
    else void useDashboards.getState().refresh(c.uid);
  });
}

let persistAsked = false;

/** Asks the browser once per session to keep Scry's storage (no prompt in Chromium). */
export async function askPersistence(): Promise<boolean | undefined> {
  if (persistAsked || !navigator.storage?.persist) return undefined;
  persistAsked = true;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return undefined;
  }
}
