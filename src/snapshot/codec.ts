// Snapshot text ↔ the compressed form carried inside a snapshot .html: deflate-raw
// (CompressionStream) then base64. Decoding stops as soon as the output passes the size limit,
// so a small hostile payload cannot inflate into gigabytes.

import { formatBytes } from '../model/limits';
import { MAX_SNAPSHOT_BYTES } from './format';

/** UTF-8 text → deflate-raw → base64. */
export async function compressToBase64(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return bytesToBase64(bytes);
}

/** base64 → inflate → UTF-8 text, refusing more than `maxBytes` of output. */
export async function decompressFromBase64(
  b64: string,
  maxBytes = MAX_SNAPSHOT_BYTES,
): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(b64.trim());
  } catch {
    throw new Error('The snapshot data is not base64: the file was changed or cut off');
  }
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new RangeError(
          `The snapshot data inflates to more than ${formatBytes(maxBytes)}; Scry opens snapshots up to that size`,
        );
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof RangeError) throw e;
    throw new Error('The snapshot data does not decompress: the file was changed or cut off');
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(out);
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
