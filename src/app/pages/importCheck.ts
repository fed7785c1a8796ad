import { useCallback, useEffect, useRef, useState } from 'react';
import {
  answerCheck,
  BACKGROUND_BYTES,
  checkDashboardText,
  type CheckProgress,
  type CheckReply,
  type CheckRequest,
  type Checked,
} from '../../import/checkText';
import {
  checkSnapshotText,
  looksLikeSnapshot,
  type SnapshotCheck,
} from '../../snapshot/importCheck';

/** A checked dashboard, or a snapshot (viewed, not imported). */
export type ImportChecked = Checked | SnapshotCheck;

/** Snapshots are read on the page (src/snapshot); a file is sniffed by its first bytes. */
async function snapshotOf(req: CheckRequest): Promise<SnapshotCheck | null> {
  if ('text' in req)
    return looksLikeSnapshot(req.text) ? checkSnapshotText(req.text, req.source) : null;
  if (!looksLikeSnapshot(await req.file.slice(0, 200).text())) return null;
  return checkSnapshotText(await req.file.text(), req.source);
}

/**
 * Checks import text on the main thread when it is small and in a Web Worker when it is not (or
 * is a file), reporting progress. `cancel` stops the worker (the page left, or a new check
 * started). A worker that cannot start (no Worker, blocked) falls back to the main thread.
 */
export function checkImport(
  req: CheckRequest,
  onProgress: (p: CheckProgress) => void,
): { result: Promise<ImportChecked>; cancel: () => void } {
  let cancel = () => {};
  const result = snapshotOf(req).then((snap) => {
    if (snap) return snap;
    const run = checkDashboard(req, onProgress);
    cancel = run.cancel;
    return run.result;
  });
  return { result, cancel: () => cancel() };
}

function checkDashboard(
  req: CheckRequest,
  onProgress: (p: CheckProgress) => void,
): { result: Promise<Checked>; cancel: () => void } {
  if ('text' in req && req.text.length <= BACKGROUND_BYTES)
    return {
      result: Promise.resolve(checkDashboardText(req.text, req.source, req.opts)),
      cancel: () => {},
    };
  if (typeof Worker === 'undefined')
    return { result: answerCheck(req, onProgress), cancel: () => {} };
  let worker: Worker | null = null;
  let settle: (c: Checked) => void = () => {};
  const result = new Promise<Checked>((resolve) => (settle = resolve));
  try {
    worker = new Worker(new URL('../../import/check.worker.ts', import.meta.url), {
      type: 'module',
      name: 'scry-import-check',
    });
  } catch {
    return { result: answerCheck(req, onProgress), cancel: () => {} };
  }
  const w = worker;
  w.onmessage = (e: MessageEvent<CheckReply>) => {
    if ('progress' in e.data) onProgress(e.data.progress);
    else {
      settle(e.data.done);
      w.terminate();
    }
  };
  w.onerror = (e) => {
    e.preventDefault();
    w.terminate();
    console.warn(`Scry: the import check worker failed (${e.message}); checking on the page`);
    void answerCheck(req, onProgress).then(settle);
  };
  w.postMessage(req);
  return { result, cancel: () => w.terminate() };
}

/** The import page's check: the result, the progress while it runs, and how to start one. */
export function useImportCheck() {
  const [checked, setChecked] = useState<ImportChecked | null>(null);
  const [progress, setProgress] = useState<{ source: string; p: CheckProgress } | null>(null);
  const running = useRef<{ cancel: () => void } | null>(null);
  const stop = useCallback(() => {
    running.current?.cancel();
    running.current = null;
    setProgress(null);
  }, []);
  useEffect(() => stop, [stop]);
  const start = useCallback(
    (req: CheckRequest) => {
      stop();
      setChecked(null);
      const background = 'file' in req || req.text.length > BACKGROUND_BYTES;
      if (background)
        setProgress({
          source: req.source,
          p:
            'file' in req
              ? { stage: 'reading', done: 0, total: req.file.size }
              : { stage: 'parsing', bytes: req.text.length },
        });
      const run = checkImport(req, (p) => {
        if (running.current === run) setProgress({ source: req.source, p });
      });
      running.current = run;
      void run.result.then((c) => {
        if (running.current !== run) return;
        running.current = null;
        setProgress(null);
        setChecked(c);
      });
    },
    [stop],
  );
  /** Forgets the result (the text changed) and stops a check in flight. */
  const reset = useCallback(() => {
    stop();
    setChecked(null);
  }, [stop]);
  return { checked, setChecked, progress, start, reset };
}
