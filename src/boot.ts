// The entry script: starts the start-up fetches (config.json, then the dashboards it lists) before
// the app's code has even been parsed, then loads the app. index.html preloads config.json and
// the app's chunks, so all of it travels in parallel. No inline script: a strict CSP holds.
import { startEarlyQueries } from './app/earlyQueries';
import { startupProvisioning } from './app/startup';
import { peekEarlyRead, startEarlyRead } from './state/earlyRead';
import { applyInitialTheme } from './theme/runtime';

// first the fetches (the theme's style recalculation takes a while on a busy machine)...
performance.mark('scry:boot');
const provisioning = startupProvisioning();

// ...and the read of IndexedDB (the app's first render needs what is stored)...
startEarlyRead();

// ...then the opened dashboard's first-screen queries, as soon as both have arrived: they go out
// while the app's code is still downloading; the panels take their answers...
const planned = startEarlyQueries(provisioning, peekEarlyRead());

// ...then the stored or linked theme, still before anything is painted (same task)...
applyInitialTheme();

// ...and the app. Its code downloads meanwhile (index.html preloads it), but is evaluated once
// the planner is done: evaluating it is one long task (~200 ms) that would hold back the
// planner's last step, which waits on the same files and stored records the app's first render
// needs anyway. So does the validator (zod), which only a present config needs. Not longer than
// 100 ms after config.json has been read (or found absent): a dashboard file of megabytes takes
// longer to arrive, and the app's code should be evaluated meanwhile, as it used to be.
const appTime = Promise.race([
  planned,
  provisioning.then(() => new Promise((r) => setTimeout(r, 100))),
]);
void appTime.then(() => import('./main'));
void Promise.all([provisioning, appTime]).then(([raw]) => {
  if (raw.config) void Promise.all([import('./app/provisioning'), import('./app/readDashboard')]);
});
