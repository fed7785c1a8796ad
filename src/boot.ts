// The entry script: starts the start-up fetches (config.json, then the dashboards it lists) before
// the app's code has even been parsed, then loads the app. index.html preloads config.json and
// the app's chunks, so all of it travels in parallel. No inline script: a strict CSP holds.
import { startupProvisioning } from './app/startup';
import { applyInitialTheme } from './theme/runtime';

// the stored or linked theme before anything is painted
applyInitialTheme();

void startupProvisioning().then((raw) => {
  // Only a present config needs the validator (zod) and the importer: fetch them meanwhile.
  if (raw.config) void Promise.all([import('./app/provisioning'), import('./app/readDashboard')]);
});
void import('./main');
