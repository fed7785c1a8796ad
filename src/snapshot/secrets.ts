// Secrets never go into a snapshot. The snapshot names datasources from an allow-list of fields
// (name, scrape interval, flavour, default), so URLs and headers are never copied; as a second
// line, any datasource secret that still appears in a string of the snapshot (a panel title, a
// label value, a text panel) is replaced before anything is written.

import type { Datasource } from '../state/datasources';
import { parseDuration } from '../time/duration';
import type { SnapshotDatasource } from './format';

/** What a snapshot may say about a datasource. */
export function publicDatasource(d: Datasource): SnapshotDatasource {
  return {
    name: d.name,
    // as handleFor plans with it (app/datasourceHandles.ts)
    scrapeIntervalMs: parseDuration(d.scrapeInterval) ?? 15_000,
    isDefault: d.isDefault,
    ...(d.flavour ? { flavour: d.flavour } : {}),
  };
}

/** Shorter strings are too likely to be ordinary words or numbers to redact safely. */
const MIN_SECRET_LENGTH = 6;

/**
 * The strings of a datasource that must not leave this browser: its URL (and the user:password
 * in it), the Authorization value (and the token or decoded credentials inside it), tenant and
 * custom header values.
 */
export function datasourceSecrets(d: Datasource): string[] {
  const out = new Set<string>();
  const add = (s: string | undefined) => {
    const t = s?.trim();
    if (t && t.length >= MIN_SECRET_LENGTH) out.add(t);
  };
  add(d.url);
  add(d.url.replace(/\/+$/, ''));
  try {
    const u = new URL(d.url);
    add(u.host);
    if (u.username || u.password) {
      add(`${u.username}:${u.password}`);
      add(u.password);
    }
  } catch {
    // not a URL: the whole string is covered above
  }
  add(d.authorization);
  const auth = d.authorization?.trim() ?? '';
  const scheme = /^(\w+)\s+(.+)$/.exec(auth);
  if (scheme) {
    add(scheme[2]);
    if (scheme[1]!.toLowerCase() === 'basic') {
      try {
        const plain = atob(scheme[2]!);
        add(plain);
        add(plain.slice(plain.indexOf(':') + 1));
      } catch {
        // not base64: the token itself is covered
      }
    }
  }
  add(d.orgId);
  for (const h of d.headers) add(h.value);
  // longest first, so a URL is replaced whole before its host
  return [...out].sort((a, b) => b.length - a.length);
}

export const REDACTED = '[redacted]';

/** A copy of `value` with every occurrence of each secret in its strings (keys too) replaced. */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  if (!secrets.length) return value;
  const scrub = (s: string) => {
    let out = s;
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[scrub(k)] = walk(x);
    return out;
  };
  return walk(value) as T;
}
