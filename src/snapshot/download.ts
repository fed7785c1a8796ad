// Writing a snapshot to a file, in the browser: the .json as it is, or the self-contained .html
// (the viewer's two built files fetched from this Scry's own origin and inlined by html.ts).

import { formatBytes } from '../model/limits';
import { compressToBase64 } from './codec';
import { snapshotFileName, type Snapshot } from './format';
import { snapshotHtml } from './html';
import { bannerTitle } from './title';

/** The viewer's built files, beside index.html (vite.snapshot.config.ts). */
export const VIEWER_FILES = { script: 'snapshot/viewer.js', style: 'snapshot/viewer.css' };

async function asset(path: string): Promise<string> {
  const url = new URL(path, document.baseURI).toString();
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(
      `Could not load the snapshot viewer (${url}): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (!res.ok)
    throw new Error(
      `The snapshot viewer is missing from this Scry (HTTP ${res.status} for ${url}): it is built by "npm run build"`,
    );
  return res.text();
}

/** A file the browser downloads. */
export interface SnapshotFile {
  name: string;
  blob: Blob;
}

export function snapshotJsonFile(s: Snapshot): SnapshotFile {
  return {
    name: snapshotFileName(s, 'json'),
    blob: new Blob([JSON.stringify(s) + '\n'], { type: 'application/json' }),
  };
}

export async function snapshotHtmlFile(s: Snapshot): Promise<SnapshotFile> {
  const [script, style, data] = await Promise.all([
    asset(VIEWER_FILES.script),
    asset(VIEWER_FILES.style),
    compressToBase64(JSON.stringify(s)),
  ]);
  const html = await snapshotHtml({ script, style, data, title: bannerTitle(s) });
  return { name: snapshotFileName(s, 'html'), blob: new Blob([html], { type: 'text/html' }) };
}

/** Hands a file to the browser's download. */
export function saveFile(f: SnapshotFile): string {
  const url = URL.createObjectURL(f.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = f.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return `${f.name} (${formatBytes(f.blob.size)})`;
}
