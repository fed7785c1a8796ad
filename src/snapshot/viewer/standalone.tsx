// The entry of the self-contained snapshot page (vite.snapshot.config.ts builds it into one
// classic script): reads the compressed snapshot from the page's data block, checks it as an
// import would, and shows it. No request of any kind is made.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../app/app.css';
import { decompressFromBase64 } from '../codec';
import { checkSnapshotSize, validateSnapshot } from '../format';
import { SNAPSHOT_DATA_ID } from '../html';
import SnapshotView from './SnapshotView';

async function read() {
  const text = document.getElementById(SNAPSHOT_DATA_ID)?.textContent ?? '';
  if (!text.trim()) throw new Error('This page holds no snapshot data');
  const json = await decompressFromBase64(text);
  const tooBig = checkSnapshotSize(json.length);
  if (tooBig) throw new Error(tooBig);
  const r = validateSnapshot(JSON.parse(json) as unknown);
  if (!r.ok) throw new Error(`This snapshot is not valid: ${r.errors.join('; ')}`);
  return r.value;
}

const root = createRoot(document.getElementById('root')!);
read().then(
  (snapshot) =>
    root.render(
      <StrictMode>
        <SnapshotView snapshot={snapshot} standalone />
      </StrictMode>,
    ),
  (e: unknown) =>
    root.render(
      <div className="page" role="alert" data-testid="snapshot-error">
        <h1>Cannot show this snapshot</h1>
        <p>{e instanceof Error ? e.message : String(e)}</p>
      </div>,
    ),
);
