import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';
import { readdirSync } from 'node:fs';

// Dependencies point down DESIGN.md's table only: a folder may import the folders listed
// above it that it is allowed to, never the ones below. Each zone says "target may not
// import from".
const src = (names) => names.map((n) => `./src/${n}`);
const zones = [
  {
    target: src(['model']),
    from: src([
      'time',
      'prometheus',
      'variables',
      'query',
      'panels',
      'charts',
      'units',
      'editor',
      'import',
      'state',
      'app',
    ]),
  },
  {
    target: src(['time']),
    from: src([
      'prometheus',
      'variables',
      'query',
      'panels',
      'charts',
      'units',
      'editor',
      'import',
      'state',
      'app',
    ]),
  },
  {
    target: src(['prometheus']),
    from: src([
      'variables',
      'query',
      'panels',
      'charts',
      'units',
      'editor',
      'import',
      'state',
      'app',
    ]),
  },
  {
    target: src(['variables']),
    from: src(['query', 'panels', 'charts', 'units', 'editor', 'import', 'state', 'app']),
  },
  { target: src(['query']), from: src(['panels', 'charts', 'editor', 'import', 'app']) },
  {
    target: src(['units']),
    // units may read wall-clock time (dates as units) from time/zone.ts, nothing else
    from: src([
      'model',
      'prometheus',
      'variables',
      'query',
      'panels',
      'charts',
      'editor',
      'import',
      'state',
      'app',
    ]),
  },
  {
    target: src(['charts']),
    from: src(['prometheus', 'variables', 'query', 'panels', 'editor', 'import', 'state', 'app']),
  },
  { target: src(['panels']), from: src(['import', 'app']) },
  // panels see frames (model/frame.ts, histogramFrame.ts, alertFrame.ts), never the wire types;
  // src/architecture.test.ts also limits which prometheus modules panel code may import
  {
    target: src(['panels']),
    from: './src/prometheus/types.ts',
    message: 'Panels see frames only: the query layer reads Prometheus answers.',
  },
  // A panel type is one folder: it may use src/panels/shared and the contract (types.ts,
  // PluginView.tsx for its tests), never another type's folder, the registry or the shell.
  ...readdirSync('./src/panels', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({
      target: `./src/panels/${d.name}`,
      from: './src/panels',
      except: [...new Set([`./${d.name}`, './shared'])].concat(['./types.ts', './PluginView.tsx']),
      message: 'A panel folder imports only its own files, panels/shared and the panel contract.',
    })),
  {
    target: src(['editor']),
    from: src(['variables', 'query', 'panels', 'charts', 'import', 'state', 'app']),
  },
  {
    target: src(['import']),
    from: src(['prometheus', 'variables', 'query', 'charts', 'editor', 'state', 'app']),
  },
  // the importer asks the panel registry which plugin converts a Grafana type, and the
  // converters (the folders' grafana.ts, loaded with the importer only) for its conversion
  {
    target: src(['import']),
    from: './src/panels',
    except: ['./registry.ts', './types.ts', './grafanaConverters.ts'],
  },
  // the share link's codec and the Grafana export are pure: the model only (tests may use the importer)
  {
    target: src(['share', 'export']),
    from: src(['time', 'prometheus', 'variables', 'query', 'charts', 'editor', 'state', 'app']),
  },
  { target: src(['share']), from: src(['panels', 'import']) },
  // the theme module (choice, contrast, the page's theme) reads colours from units, nothing else
  {
    target: src(['theme']),
    from: src([
      'model',
      'time',
      'prometheus',
      'variables',
      'query',
      'panels',
      'charts',
      'editor',
      'import',
      'state',
      'app',
      'share',
      'export',
      'snapshot',
    ]),
  },
  {
    target: src(['state']),
    from: src(['prometheus', 'variables', 'query', 'panels', 'charts', 'editor', 'import', 'app']),
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, import: importPlugin },
    // without a resolver that knows .ts/.tsx, import/no-restricted-paths cannot resolve any
    // relative import and silently checks nothing
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import/no-restricted-paths': ['error', { zones }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'e2e/**', 'scripts/**', 'bench/**', 'demo/**', '*.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-console': 'off' },
  },
);
