import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  fixtureBlocks,
  hasBinary,
  root,
  startCatService,
  startPrometheus,
  tmpDir,
  waitForScrape,
} from './fixture/stack.mjs';
import { startNativeExporter } from './fixture/native-exporter.mjs';
import { startTenantProxy, startVictoriaMetrics } from './fixture/backends.mjs';
import { backendsDashboard } from './fixture/backendsDashboard';
import { startFaultSetup } from './fixture/faultSetup';
import { serveStatic } from '../scripts/server.mjs';
import { provisionedDashboard } from './fixture/provisioned';

/**
 * Starts the fixture for the whole run: Prometheus (native histograms and exemplar storage
 * enabled) with the
 * backfilled blocks scraping the live "is it a cat?" service and the native-histogram exporter,
 * and two static servers of dist/ (plain, and with a config.json that provisions the fixture as
 * datasource "fixture" plus dashboards). Hands URLs to the specs via
 * environment variables; returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  for (const bin of ['prometheus', 'promtool', 'victoria-metrics'])
    if (!hasBinary(bin))
      throw new Error(
        `The end-to-end suite needs Debian's ${bin}: apt-get install -y prometheus victoria-metrics chromium`,
      );
  // SCRY_DIST lets several people test their own builds at once (vite build --outDir …).
  const dist = path.resolve(root, process.env.SCRY_DIST ?? 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    const r = spawnSync('npx', ['vite', 'build', '--outDir', dist], {
      cwd: root,
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error('vite build failed');
    // the snapshot viewer (one inlinable script, see vite.snapshot.config.ts), as npm run build
    const v = spawnSync(
      'npx',
      ['vite', 'build', '-c', 'vite.snapshot.config.ts', '--outDir', dist],
      { cwd: root, stdio: 'inherit' },
    );
    if (v.status !== 0) throw new Error('vite build of the snapshot viewer failed');
  }
  const blocks = await fixtureBlocks();
  const cat = await startCatService();
  // a native (sparse) histogram, which 2.42 ingests only from protobuf scrapes behind the flag
  const native = await startNativeExporter();
  const prom = await startPrometheus({
    blocksDir: blocks,
    targets: [
      { job: 'cat-service', target: new URL(cat.url).host },
      { job: 'native', target: new URL(native.url).host },
    ],
    // exemplars are kept only from scrapes (promtool's backfill imports none): the cat service's
    // latency histogram carries them (OpenMetrics, demo/cat-service.mjs)
    features: ['native-histograms', 'exemplar-storage'],
  });
  await waitForScrape(prom.url, 'cat-service');
  await waitForScrape(prom.url, 'native');

  const plain = await serveStatic({
    root: dist,
    overlay: {
      '/samples/scry.json': provisionedDashboard('from-url', 'Imported from a URL'),
      '/samples/grafana.json': readFileSync(
        path.join(root, 'e2e/fixture/grafana-sample.json'),
        'utf8',
      ),
    },
  });
  const provisioned = await serveStatic({
    root: dist,
    overlay: {
      '/config.json': {
        datasources: [
          {
            name: 'fixture',
            type: 'prometheus',
            url: prom.url,
            default: true,
            scrapeInterval: '15s',
          },
        ],
        dashboards: ['dashboards/fixture.json', 'dashboards/missing.json'],
      },
      '/dashboards/fixture.json': provisionedDashboard('provisioned', 'Provisioned fixture'),
    },
  });

  // other backends: VictoriaMetrics with the same history, and the Prometheus behind a
  // path-prefixed, tenant-requiring proxy (as Mimir and many gateways are reached)
  const vm = await startVictoriaMetrics();
  const proxy = await startTenantProxy({ target: prom.url, tenant: 'scry-tenant' });
  const backends = await serveStatic({
    root: dist,
    overlay: {
      '/config.json': {
        datasources: [
          { name: 'vm', url: vm.url, default: true, flavour: 'victoriametrics' },
          { name: 'prom', url: prom.url, flavour: 'prometheus' },
          { name: 'tenant', url: proxy.url, orgId: 'scry-tenant' },
          // VM mistaken for a Prometheus: its alerts API fails (no CORS headers)
          { name: 'vm-as-prometheus', url: vm.url, flavour: 'prometheus' },
        ],
        dashboards: ['dashboards/backends.json'],
      },
      '/dashboards/backends.json': backendsDashboard('backends'),
    },
  });

  // the fault suite: a misbehaving Prometheus and Scry provisioned with one datasource per fault
  const faults = await startFaultSetup(dist, prom.url);

  const env = {
    ...faults.env,
    SCRY_BACKENDS_URL: backends.url,
    VM_URL: vm.url,
    PROXY_URL: proxy.url,
    SCRY_URL: plain.url,
    SCRY_PROVISIONED_URL: provisioned.url,
    PROM_URL: prom.url,
    CAT_URL: cat.url,
  };
  Object.assign(process.env, env);
  mkdirSync(tmpDir, { recursive: true });
  writeFileSync(path.join(tmpDir, 'e2e-env.json'), JSON.stringify(env, null, 2));

  return async () => {
    await backends.close();
    await proxy.close();
    await vm.stop();
    await plain.close();
    await provisioned.close();
    await faults.stop();
    await prom.stop();
    cat.stop();
    await native.stop();
  };
}
