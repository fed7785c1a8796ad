// The entry script: starts the start-up fetches (config.json, then the dashboards it lists) before
// the app's code has even been parsed, then loads the app. index.html preloads config.json and
// the app's chunks, so all of it travels in parallel. No inline script: a strict CSP holds.
import { startEarlyQueries } from './app/earlyQueries';
import { startupProvisioning } from './app/startup';
import { peekEarlyRead, startEarlyRead } from './state/earlyRead';
import { applyInitialTheme } from './theme/runtime';

// first the fetches (the theme's style recalculation takes a while on a busy machine)...
performance.mark('scry:boot');
void startupProvisioning().then((raw) => {
  // Only a present config needs the validator (zod) and the importer: fetch them meanwhile.
  if (raw.config) void Promise.all([import('./app/provisioning'), import('./app/readDashboard')]);
});

// ...and the read of IndexedDB (the app's first render needs what is stored)...
startEarlyRead();

// ...then the opened dashboard's first-screen queries, as soon as both have arrived (they go out
// while the app's code is still loading; the panels take their answers)...
void startEarlyQueries(startupProvisioning(), peekEarlyRead());

// ...then the stored or linked theme, still before anything is painted (same task)
applyInitialTheme();
void import('./main');
