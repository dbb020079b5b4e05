// ESLint flat config. Besides style, these rules hold the process boundaries of DESIGN.md and the
// layers of docs/architecture.md: only src-main/electron imports Electron, raw IPC only in the
// IPC bridge and preloads, the contract imports nothing but zod, and the import zones below keep
// every arrow that must not exist out (windows ↔ windows, core → hosts, domain → station,
// production → test support, the sandbox → the station).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// ── Layers (docs/architecture.md) ────────────────────────────────────────────────────────────
// Hosts run the station: the Electron shell, the HTTP + WebSocket host of `countersign serve`,
// the CLI. The station (src-main/station) wires the domain parts; every other folder of src-main
// is a domain part (read from disk, so a new folder is held by the rules from its first file).
const HOSTS = ['electron', 'serve', 'cli'];
const SCRIPTS = ['bench'];
const mainDirs = readdirSync('src-main', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const DOMAIN = mainDirs.filter((d) => ![...HOSTS, ...SCRIPTS, 'station'].includes(d));
const WINDOWS = ['src-renderer', 'src-customer'];
/** Tests and what only tests use; they may reach across layers to set a scene up. */
const TEST_FILES = [
  '**/*.test.{ts,tsx}',
  '**/test-support/**',
  '**/fixtures/**',
  'src-main/payments/chaos/**',
  'src-main/bench/**',
  'e2e/**',
];
const main = (d) => `./src-main/${d}`;

/** Zones for every file: the arrows between programs and windows. */
const programZones = [
  // The two windows share code only through src-window-shared.
  ...WINDOWS.map((w) => ({
    target: `./${w}`,
    from: WINDOWS.filter((o) => o !== w).map((o) => `./${o}`),
    message: 'A window may not import the other window; shared code lives in src-window-shared/.',
  })),
  {
    target: './src-window-shared',
    from: WINDOWS.map((w) => `./${w}`),
    message: 'Window-shared code may not import either window.',
  },
  {
    target: [...WINDOWS, 'src-window-shared'].map((w) => `./${w}`),
    from: './src-main',
    except: ['./contract'],
    message: 'Windows reach src-main only through src-main/contract (schemas and pure rules).',
  },
  {
    target: [...WINDOWS, 'src-window-shared'].map((w) => `./${w}`),
    from: './src-sandbox',
    message: 'Windows never import the sandbox acquirer; they talk to the station.',
  },
  {
    target: './src-main',
    from: [...WINDOWS, 'src-window-shared'].map((w) => `./${w}`),
    message: 'The main process never imports window code (it is DOM code, built by vite).',
  },
];

/** Zones for production files only: the layers inside the main process and the sandbox. */
const layerZones = [
  {
    target: [...DOMAIN, 'station'].map(main),
    from: HOSTS.map(main),
    message: 'The core never imports a host (Electron shell, serve, CLI): hosts import the core.',
  },
  {
    target: DOMAIN.map(main),
    from: main('station'),
    message: 'A domain part never imports the station: the station wires the parts together.',
  },
  {
    target: './src-sandbox',
    from: './src-main',
    except: ['./contract', './payment-api', './lib'],
    message:
      'The sandbox is a program of its own: it shares only the wire (contract, payment-api, lib).',
  },
  {
    target: [...DOMAIN, 'station'].map(main),
    from: './src-sandbox',
    message:
      'The station launches the sandbox by path (payments/sandbox-process.ts), never imports it.',
  },
  {
    target: '.',
    from: '**/test-support/**',
    message: 'Production code never imports test support.',
  },
];

/** The import-zone rule with these zones. */
const zones = (list) => ({ 'import-x/no-restricted-paths': ['error', { zones: list }] });

const electronOnlyHere =
  'Only src-main/electron/ may import electron (DESIGN.md: domain code never imports Electron).';
const rawIpc =
  'Raw ipcMain/ipcRenderer belong to the IPC bridge and preloads only; use the typed contract.';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'native/build/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: electronOnlyHere }] },
      ],
    },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] }),
      ],
    },
    rules: zones([...programZones, ...layerZones]),
  },
  {
    files: TEST_FILES,
    rules: zones(programZones),
  },
  {
    files: ['src-main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: rawIpc }] },
      ],
    },
  },
  {
    files: ['src-main/electron/ipc-bridge.ts', 'src-main/electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-main/contract/**/*.ts'],
    ignores: ['src-main/contract/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./|\\.\\./contract/).*',
              message:
                'The contract is shared with the windows: it may import only zod and itself.',
            },
            {
              regex: '^\\.\\./\\.\\.',
              message: 'The contract may not reach outside src-main/contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src-renderer/**/*.{ts,tsx}',
      'src-customer/**/*.{ts,tsx}',
      'src-window-shared/**/*.{ts,tsx}',
    ],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Windows talk to main through the preload only.' }],
          // Which of our folders a window may import is the import zones' business (above).
          patterns: [{ regex: '^node:', message: 'Windows run sandboxed: no Node built-ins.' }],
        },
      ],
    },
  },
  {
    // HQ's admin page runs in an admin's browser: no Node, and of HQ's code only the types of
    // its API answers (erased at build), so nothing of the server is bundled.
    files: ['src-hq/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: 'src-main/(?!contract/)',
              allowTypeImports: true,
              message: "HQ's page may import only types from src-main (its API's answers).",
            },
            { regex: '^node:', message: 'A web page: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    // Tests of window code run under Node (vitest, a real Chromium driven from Node).
    files: ['src-window-shared/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-restricted-imports': 'off' },
  },
);
