// A small promise wrapper over IndexedDB: open with an upgrade callback, run one transaction,
// await its requests. Written here rather than added as a dependency (`idb`): Scry needs four
// functions of it.
//
// Awaiting a request inside `transact`'s callback is safe: the promise settles in the request's
// success event and the continuation runs as a microtask before the transaction can auto-commit.
// Awaiting anything else (fetch, timers) inside the callback would let it commit early, so the
// callback must only await requests of its own transaction.

/** Resolves with a request's result, rejects with its error. */
export function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens (creating or upgrading) a database. */
export function openDatabase(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase, oldVersion: number, tx: IDBTransaction) => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let r: IDBOpenDBRequest;
    try {
      r = indexedDB.open(name, version);
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    r.onupgradeneeded = (e) => upgrade(r.result, e.oldVersion, r.transaction!);
    r.onsuccess = () => {
      const db = r.result;
      // Another tab upgrading the schema asks us to let go; a reload picks up the new version.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be opened'));
    r.onblocked = () =>
      reject(new Error('IndexedDB upgrade blocked: another Scry tab holds an older version open'));
  });
}

/** Thrown by `transact` callbacks to abort with a value the caller inspects (not a failure). */
export class Abort<T> {
  constructor(readonly value: T) {}
}

/**
 * Runs `body` in one transaction and resolves with its result once the transaction has
 * COMMITTED (not merely once the requests succeeded). Anything thrown aborts the transaction;
 * an `Abort` is returned to the caller as `{ aborted: value }`, anything else rejects (a quota
 * error, for example, arrives as the transaction's error).
 */
export async function transact<R, A = never>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction) => Promise<R>,
): Promise<{ ok: true; value: R } | { ok: false; aborted: A }> {
  const tx = db.transaction(stores, mode);
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
    tx.onerror = (e) => e.preventDefault(); // reported once, by onabort
  });
  let value: R;
  try {
    value = await body(tx);
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // already finished
    }
    await done.catch(() => undefined);
    if (e instanceof Abort) return { ok: false, aborted: e.value as A };
    throw e;
  }
  await done;
  return { ok: true, value };
}

/** A readable reason for a storage failure (quota, private mode, a blocked upgrade, …). */
export function storageErrorText(e: unknown): string {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError')
    return "this browser's storage for Scry is full (quota exceeded); free space by deleting dashboards or old versions, or allow more storage in the browser's site settings";
  const msg = e instanceof Error ? e.message : String(e);
  return name && !msg.includes(name) ? `${name}: ${msg}` : msg;
}
