import { z } from 'zod';
import type { Dashboard } from '../model/dashboard';
import { checkTextSize } from '../model/limits';
import { formatIssues, parseJsonText, validateDashboard } from '../model/validate';
import { FLAVOURS } from '../prometheus/flavour';
import type { Datasource } from '../state/datasourceList';
import {
  CONFIG_DEFAULTS,
  CONFIG_TIMEOUT,
  configDatasources,
  declaredUid,
  fetchProvisioning,
  takeParsed,
  type FetchedText,
  type RawProvisioning,
} from './startup';

const configSchema = z.object({
  datasources: z
    .array(
      z.object({
        name: z.string().min(1),
        type: z.literal('prometheus').default('prometheus'),
        url: z.string().url(),
        default: z.boolean().default(CONFIG_DEFAULTS.default),
        scrapeInterval: z.string().default(CONFIG_DEFAULTS.scrapeInterval),
        headers: z.record(z.string(), z.string()).default({}),
        maxConcurrent: z
          .number()
          .int()
          .min(1)
          .max(CONFIG_DEFAULTS.maxConcurrentMax)
          .default(CONFIG_DEFAULTS.maxConcurrent),
        flavour: z.enum(FLAVOURS).optional(),
        orgId: z.string().optional(),
        partialResponse: z.boolean().optional(),
        dedup: z.boolean().optional(),
        /** exemplar link template, e.g. https://tracing.example/trace/${trace_id} */
        exemplarLink: z.string().optional(),
        /** query timeout, e.g. "60s" */
        timeout: z.string().regex(CONFIG_TIMEOUT, 'must be a duration like 60s or 2m').optional(),
      }),
    )
    .default([]),
  dashboards: z.array(z.string().min(1)).default([]),
});

export interface Provisioned {
  datasources: Datasource[];
  dashboards: { dashboard: Dashboard; source: string; notes: string[] }[];
  /** problems to show the user, each naming the file and where in it */
  errors: string[];
  /**
   * With `first`: reads the other dashboards (validating a 10 000-panel dashboard takes a few
   * hundred ms; the one on screen should not wait for the others). Undefined when all were read.
   */
  rest?: () => Pick<Provisioned, 'dashboards' | 'errors'>;
}

/** Turns any dashboard JSON (Scry, or Grafana once converted) into a Scry dashboard. */
export type DashboardReader = (
  raw: unknown,
) => { ok: true; dashboard: Dashboard; notes: string[] } | { ok: false; errors: string[] };

export const readScryDashboard: DashboardReader = (raw) => {
  const r = validateDashboard(raw);
  return r.ok ? { ok: true, dashboard: r.value, notes: [] } : r;
};

/**
 * Reads `config.json` next to index.html (optional: a 404 means "nothing provisioned") and the
 * dashboards it lists, relative to it. Never throws: problems come back in `errors`.
 */
export async function loadProvisioning(
  read: DashboardReader = readScryDashboard,
  base = new URL('config.json', document.baseURI).toString(),
): Promise<Provisioned> {
  return readProvisioning(await fetchProvisioning(base), read);
}

/**
 * Validates what start-up fetched (startup.ts): the config's schema, then each dashboard. With
 * `first` (the uid of the dashboard being opened), only the file declaring that uid is validated
 * now and `rest` reads the others; if no file declares it, all are read now.
 */
export async function readProvisioning(
  raw: RawProvisioning,
  read: DashboardReader = readScryDashboard,
  { first }: { first?: string } = {},
): Promise<Provisioned> {
  const out: Provisioned = { datasources: [], dashboards: [], errors: [] };
  if (!raw.config) return out;
  if (!raw.config.ok) {
    out.errors.push(`config.json: ${raw.config.error}`);
    return out;
  }
  const json = parseJsonText(raw.config.text);
  if (!json.ok) {
    out.errors.push(...json.errors.map((e) => `config.json: ${e}`));
    return out;
  }
  const cfg = configSchema.safeParse(json.value);
  if (!cfg.success) {
    out.errors.push(...formatIssues(cfg.error.issues).map((e) => `config.json: ${e}`));
    return out;
  }
  out.datasources = configDatasources(cfg.data.datasources);

  const parsed = await Promise.all(
    cfg.data.dashboards.map(async (path) => {
      const fetched = await (raw.dashboards.get(path) ??
        Promise.resolve<FetchedText>({ ok: false, error: 'was not fetched' }));
      if (!fetched.ok) return { path, json: { ok: false as const, errors: [fetched.error] } };
      // the start-up planner may have parsed it already (the size limit still applies)
      const early = checkTextSize(fetched.text) ? undefined : takeParsed(fetched.text);
      return {
        path,
        json: early ? { ok: true as const, value: early.value } : parseJsonText(fetched.text),
      };
    }),
  );
  const readAll = (files: typeof parsed) => {
    const got: Pick<Provisioned, 'dashboards' | 'errors'> = { dashboards: [], errors: [] };
    for (const { path, json } of files) {
      const d = json.ok ? read(json.value) : json;
      if (d.ok) got.dashboards.push({ dashboard: d.dashboard, source: path, notes: d.notes });
      else got.errors.push(...d.errors.map((e) => `${path}: ${e}`));
    }
    return got;
  };
  const isFirst = (f: (typeof parsed)[number]) =>
    first !== undefined && f.json.ok && declaredUid(f.json.value) === first;
  const now = parsed.some(isFirst) ? parsed.filter(isFirst) : parsed;
  const got = readAll(now);
  out.dashboards = got.dashboards;
  out.errors.push(...got.errors);
  if (now.length < parsed.length) out.rest = () => readAll(parsed.filter((f) => !isFirst(f)));
  return out;
}
