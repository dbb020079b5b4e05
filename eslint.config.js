// ESLint flat config. Besides style, these rules hold the process boundaries of DESIGN.md:
// only src-main/electron imports Electron, raw IPC only in the IPC bridge and preloads,
// windows reach src-main only through src-main/contract, and the contract imports nothing but zod.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
          patterns: [
            {
              regex: 'src-main/(?!contract/)',
              message:
                'Windows may import only from src-main/contract (DESIGN.md rules of the house).',
            },
            { regex: '^node:', message: 'Windows run sandboxed: no Node built-ins.' },
          ],
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
