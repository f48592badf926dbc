// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layering is enforced here (DESIGN.md "Layers"), the way VS Code and Signal-Desktop do it: each folder
 * names where its code may run, and an import that crosses a boundary is a lint error.
 */
const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'stream',
  'util',
  'events',
  'process',
  'buffer',
];

/** @param {string[]} groups @param {string} message */
const forbid = (groups, message) => ({ group: groups, message });

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-output/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // core/: pure and deterministic — no I/O, DOM, Electron, SQLite, clock or unseeded randomness.
    files: ['core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(NODE_BUILTINS, 'core/ is pure: no Node built-ins (I/O belongs in data/ or cli/).'),
            forbid(['electron', 'electron/*'], 'core/ must not import Electron.'),
            forbid(['better-sqlite3'], 'core/ must not touch SQLite; persistence is data/.'),
            forbid(
              ['react', 'react-dom', 'react-dom/*', 'three', 'd3-selection', 'd3'],
              'core/ must not import UI or DOM libraries.',
            ),
            forbid(
              ['**/data/**', '**/electron/**', '**/renderer/**', '**/cli/**'],
              'core/ imports nothing from the outer layers.',
            ),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'fetch',
          'process',
          'require',
          'Buffer',
          'setTimeout',
          'setInterval',
          'performance',
        ].map((name) => ({ name, message: `core/ is pure: '${name}' is I/O, DOM or time.` })),
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'core/ is deterministic: use a seeded generator passed in.',
        },
        { object: 'Date', property: 'now', message: 'core/ has no clock: take the time as an input.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'core/ has no clock: take the time as an input.',
        },
      ],
    },
  },
  {
    // renderer/: the browser. It reaches storage only through window.safedist.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(NODE_BUILTINS, 'renderer/ runs in the browser: no Node built-ins.'),
            forbid(['electron', 'electron/*'], 'renderer/ talks to the app only through window.safedist.'),
            forbid(['better-sqlite3'], 'renderer/ never touches SQLite.'),
            forbid(
              ['**/data/**', '**/cli/**', '**/electron/main/**', '**/electron/preload/**'],
              'renderer/ never imports data/, cli/ or the main process; use window.safedist.',
            ),
          ],
        },
      ],
    },
  },
  {
    // The preload: one CommonJS bundle whose only import is 'electron' (plus type-only contract files).
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(NODE_BUILTINS, 'The preload imports nothing but electron.'),
            forbid(
              ['**/data/**', '**/core/**', '**/cli/**', '**/renderer/**', 'better-sqlite3', 'zod'],
              'The preload imports nothing but electron and the type-only API contract.',
            ),
          ],
        },
      ],
    },
  },
  {
    // data/: persistence and file formats. Never the UI or Electron.
    files: ['data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(['electron', 'electron/*'], 'data/ must run without Electron (CLI, web mode, workers).'),
            forbid(
              ['**/renderer/**', '**/electron/**', '**/cli/**', 'react', 'react-dom'],
              'data/ does not import the UI, the shell or the CLI.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              ['electron', 'electron/*', '**/renderer/**', '**/electron/**', 'react'],
              'cli/ uses core/ and data/ only.',
            ),
          ],
        },
      ],
    },
  },
);
