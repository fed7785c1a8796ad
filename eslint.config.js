import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';

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
    ]),
  },
  {
    target: src(['charts']),
    from: src(['prometheus', 'variables', 'query', 'panels', 'editor', 'import', 'state', 'app']),
  },
  { target: src(['panels']), from: src(['import', 'app']) },
  {
    target: src(['editor']),
    from: src(['variables', 'query', 'panels', 'charts', 'import', 'state', 'app']),
  },
  {
    target: src(['import']),
    from: src(['prometheus', 'variables', 'query', 'panels', 'charts', 'editor', 'state', 'app']),
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
