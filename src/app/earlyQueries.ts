// The start-up planner (issue 12, "start at once"): run by the entry script while the app's code
// is still downloading and compiling. Once config.json, the opened dashboard's JSON and the
// stored profile are read, it sends the first screen's queries (app/earlyPlan.ts decides which,
// exactly as the panels will); each panel then finds its answer on the way
// (PrometheusClient.sendEarly) instead of asking once React has laid it out.

import { dropEarlyRequests } from '../prometheus/early';
import type { Loaded } from '../state/db';
import { allDatasources } from '../state/datasourceList';
import { resolveDatasource } from './datasourceHandles';
import { planEarly, readConfigDatasources, readForPlanning, type EarlyPage } from './earlyPlan';
import { declaredUid, parseFetched, type RawProvisioning } from './startup';
import { rememberStartupNow } from './time/startupNow';

/** Height above the grid at the least (the top bar and the dashboard toolbar on one line). */
export const MIN_HEADER_PX = 90;

const parse = (text: string, keep = false): unknown => {
  try {
    return keep ? parseFetched(text) : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
};

/** The dashboard the app will open at `uid`: the user's own copy wins over a provisioned one. */
async function openedDashboard(
  uid: string,
  raw: RawProvisioning,
  loaded: Loaded | null,
): Promise<unknown> {
  const own = loaded?.dashboards.find((r) => r.uid === uid);
  if (own) return parse(own.json);
  for (const file of raw.dashboards.values()) {
    const f = await file;
    // provisioning takes this parse instead of parsing the file again
    const json = f.ok ? parse(f.text, true) : undefined;
    if (declaredUid(json) === uid) return json;
  }
  return undefined;
}

function scrollbarWidth(): number {
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;top:-999px;width:100px;height:100px;overflow:scroll';
  document.body.appendChild(probe);
  const w = probe.offsetWidth - probe.clientWidth;
  probe.remove();
  return w;
}

function pageNow(): EarlyPage {
  const widthPx = document.documentElement.clientWidth;
  return {
    widthPx,
    heightPx: window.innerHeight,
    // a scrollbar already shown is in clientWidth; else one may appear with the grid
    scrollbarPx: window.innerWidth > widthPx ? 0 : scrollbarWidth(),
    headerPx: MIN_HEADER_PX,
  };
}

/**
 * Plans and sends the opened dashboard's first-screen queries. Never throws; does nothing for
 * any other route, a dashboard it cannot plan exactly, or when the page has moved on meanwhile.
 */
export async function startEarlyQueries(
  provisioning: Promise<RawProvisioning>,
  stored: Promise<Loaded> | null,
): Promise<number> {
  try {
    const hash = location.hash;
    const route = /^#?\/d\/([A-Za-z0-9_-]{1,40})(?:\?(.*))?$/.exec(hash);
    if (!route) return 0;
    const params = new URLSearchParams(route[2] ?? '');
    // one panel alone, or the editor: other sizes than the grid's
    if (params.has('viewPanel') || params.has('editPanel')) return 0;
    const nowMs = Date.now();
    const [raw, loaded] = await Promise.all([provisioning, stored?.catch(() => null) ?? null]);
    const config = raw.config?.ok ? readConfigDatasources(parse(raw.config.text)) : [];
    if (!config) return 0;
    const dashboard = readForPlanning(await openedDashboard(route[1]!, raw, loaded));
    if (!dashboard || location.hash !== hash) return 0;
    const own = loaded?.datasources ?? [];
    const ownDefault = own.some((d) => d.isDefault);
    const list = allDatasources({
      own,
      provisioned: config.map((d) => ({ ...d, isDefault: !ownDefault && d.isDefault })),
    });
    const requests = planEarly({
      dashboard,
      params,
      nowMs,
      page: pageNow(),
      datasource: (name) => resolveDatasource(list, name),
    });
    if (!requests.length) return 0;
    rememberStartupNow(hash, nowMs);
    for (const { handle, plan } of requests)
      handle.client.sendEarly(
        plan.instant
          ? { expr: plan.expr, timeSec: plan.endSec }
          : {
              expr: plan.expr,
              startSec: plan.startSec,
              endSec: plan.endSec,
              stepSec: plan.stepSec,
            },
      );
    // another page: nobody will take them (another range on this one: they expire unused)
    const path = (h: string) => h.split('?')[0];
    const onRoute = () => {
      if (path(location.hash) === path(hash)) return;
      window.removeEventListener('hashchange', onRoute);
      dropEarlyRequests();
    };
    window.addEventListener('hashchange', onRoute);
    performance.mark('scry:early');
    return requests.length;
  } catch (e) {
    console.warn('Scry: the start-up queries were not planned', e);
    return 0;
  }
}
