import { create } from 'zustand';
import { allDatasources, headerRecord, pickDatasource, type Datasource } from './datasourceList';
import { announce } from './channel';
import { readDatasources, writeDatasources } from './db';
import { storageErrorText } from './idb';
import { newUid, reportStorageError } from './storage';

export { allDatasources, headerRecord, pickDatasource, type Datasource };

export type DatasourceDraft = Omit<Datasource, 'id' | 'provisioned' | 'isDefault'> & {
  isDefault?: boolean;
};

interface DatasourceState {
  /** user-defined datasources (persisted) */
  own: Datasource[];
  /** from config.json (not persisted) */
  provisioned: Datasource[];
  add(d: DatasourceDraft): Datasource;
  update(id: string, d: Partial<DatasourceDraft>): void;
  remove(id: string): void;
  setDefault(id: string): void;
  setProvisioned(list: Datasource[]): void;
  /** Takes the stored list as it is (start-up, another tab's change): nothing is written back. */
  load(own: Datasource[]): void;
  /**
   * Adds or replaces (by id) the given datasources (a restored backup). The default stays the
   * one in effect; only when there is none does an incoming default become it.
   */
  merge(list: Datasource[]): void;
}

// Set while the list comes from storage, so the writer below does not write it back.
let loading = false;

export const useDatasources = create<DatasourceState>()((set, get) => ({
  own: [],
  provisioned: [],
  add: (d) => {
    const all = allDatasources(get());
    const ds: Datasource = { ...d, id: newUid(), isDefault: d.isDefault ?? all.length === 0 };
    set((s) => ({
      own: [...(ds.isDefault ? s.own.map((o) => ({ ...o, isDefault: false })) : s.own), ds],
    }));
    if (ds.isDefault)
      set((s) => ({ provisioned: s.provisioned.map((p) => ({ ...p, isDefault: false })) }));
    return ds;
  },
  update: (id, d) => {
    set((s) => ({ own: s.own.map((o) => (o.id === id ? { ...o, ...d } : o)) }));
    if (d.isDefault) get().setDefault(id);
  },
  remove: (id) => set((s) => ({ own: s.own.filter((o) => o.id !== id) })),
  setDefault: (id) =>
    set((s) => ({
      own: s.own.map((o) => ({ ...o, isDefault: o.id === id })),
      provisioned: s.provisioned.map((p) => ({ ...p, isDefault: p.id === id })),
    })),
  setProvisioned: (list) =>
    set((s) => {
      const ownDefault = s.own.some((o) => o.isDefault);
      return {
        provisioned: list.map((p) => ({
          ...p,
          provisioned: true,
          isDefault: !ownDefault && p.isDefault,
        })),
      };
    }),
  merge: (list) =>
    set((s) => {
      const incoming = new Map(list.map((d) => [d.id, d]));
      const ids = new Set(s.own.map((o) => o.id));
      const own = [
        ...s.own.map((o) => incoming.get(o.id) ?? o),
        ...list.filter((d) => !ids.has(d.id)),
      ];
      const defaultId =
        s.own.find((o) => o.isDefault)?.id ??
        (s.provisioned.some((p) => p.isDefault) ? null : list.find((d) => d.isDefault)?.id);
      return {
        own: own.map((o) =>
          o.isDefault === (o.id === defaultId) ? o : { ...o, isDefault: o.id === defaultId },
        ),
      };
    }),
  load: (own) => {
    loading = true;
    try {
      set({ own });
    } finally {
      loading = false;
    }
  },
}));

// Every change of the user's datasources writes just the records that changed (one transaction)
// and tells the other tabs. A failed write keeps the in-memory list and shows the banner.
useDatasources.subscribe((next, prev) => {
  if (loading || next.own === prev.own) return;
  const before = new Map(prev.own.map((d) => [d.id, d]));
  const put = next.own.filter((d) => before.get(d.id) !== d);
  const kept = new Set(next.own.map((d) => d.id));
  const remove = prev.own.filter((d) => !kept.has(d.id)).map((d) => d.id);
  if (!put.length && !remove.length) return;
  writeDatasources(put, remove).then(
    () => announce({ kind: 'datasources' }),
    (e: unknown) =>
      reportStorageError(
        `Datasources could not be saved (${storageErrorText(e)}). Your changes are kept in this tab only.`,
      ),
  );
});

/** Re-reads the datasources after another tab changed them. */
export async function reloadDatasources(): Promise<void> {
  useDatasources.getState().load(await readDatasources());
}
