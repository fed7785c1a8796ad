// The dashboard a share link carries (`#/s/<payload>`): its JSON, deflate-raw compressed
// (CompressionStream) and base64url-encoded. Decoding is as strict as import: the payload's
// characters and length, the unpacked size (read with a cap, so a small "zip bomb" stops at the
// limit), the JSON, its depth and the dashboard schema are all checked before anything shows.

import type { Dashboard } from '../model/dashboard';
import { checkJsonDepth, formatBytes, MAX_DASHBOARD_BYTES } from '../model/limits';
import { parseJsonText, validateDashboard, type ParseResult } from '../model/validate';

/** Longest payload read at all: a 10 MB dashboard never needs more (deflate can grow ~0.1 %). */
export const MAX_PAYLOAD_CHARS = Math.ceil((MAX_DASHBOARD_BYTES * 4) / 3) + 1024;

const B64URL = /^[A-Za-z0-9_-]*$/;

/** bytes → base64url without padding */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) → bytes, or null when it is not base64url */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!B64URL.test(text) || text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  let bin: string;
  try {
    bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  } catch {
    return null;
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function readAll(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream) {
  // a Blob's stream feeds the transform without a writer we would have to await and close
  return new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
}

/** A dashboard → the payload of a `#/s/<payload>` link. */
export async function encodeDashboard(d: Dashboard): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(d));
  const packed = await readAll(pipe(bytes, new CompressionStream('deflate-raw')), Infinity);
  return toBase64Url(packed!);
}

/** A link's payload → the dashboard it holds, validated as an import is; or every reason not. */
export async function decodeDashboard(payload: string): Promise<ParseResult<Dashboard>> {
  const fail = (e: string): ParseResult<Dashboard> => ({ ok: false, errors: [e] });
  if (payload === '') return fail('The link holds no dashboard (nothing after "#/s/")');
  if (payload.length > MAX_PAYLOAD_CHARS)
    return fail(
      `The link's dashboard is ${formatBytes(payload.length)} of text; Scry reads at most ${formatBytes(MAX_PAYLOAD_CHARS)}`,
    );
  const packed = fromBase64Url(payload);
  if (!packed)
    return fail(
      'The link is damaged: its dashboard part has characters other than A–Z, a–z, 0–9, "-" and "_" (was it cut or re-encoded by a chat tool?)',
    );
  let bytes: Uint8Array | null;
  try {
    bytes = await readAll(
      pipe(packed, new DecompressionStream('deflate-raw')),
      MAX_DASHBOARD_BYTES,
    );
  } catch {
    return fail(
      'The link is damaged: its dashboard part does not unpack (was the link cut short?)',
    );
  }
  if (!bytes)
    return fail(
      `The link's dashboard unpacks to more than ${formatBytes(MAX_DASHBOARD_BYTES)}; Scry accepts at most ${formatBytes(MAX_DASHBOARD_BYTES)}`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('The link is damaged: its dashboard is not UTF-8 text');
  }
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const deep = checkJsonDepth(json.value);
  if (deep) return fail(deep);
  const v = json.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !('scry' in v))
    return fail('The link does not hold a Scry dashboard (no "scry" format version)');
  return validateDashboard(v);
}
