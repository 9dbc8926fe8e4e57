// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Rules that catch mistakes, not a style: formatting is Prettier's job. The recommended sets of
 * ESLint, typescript-eslint and eslint-plugin-astro, with unused code as an error and type-only
 * imports marked, so that a bundler never keeps a module alive for a type.
 */
/** Globals only Node has. */
const nodeOnlyGlobals = [
  'process',
  'Buffer',
  'require',
  'module',
  '__dirname',
  '__filename',
  'global',
];
/** Globals only the browser has (what src/lib must never reach for). */
const domGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'HTMLElement',
  'Element',
  'Node',
  'customElements',
];
/** @type {(names: string[], where: string) => { name: string; message: string }[]} */
const restricted = (names, where) =>
  names.map((name) => ({ name, message: `${name} is ${where}.` }));
const nodeModules = {
  group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'module', 'url', 'crypto'],
  message: 'Browser code cannot use Node modules.',
};
export default defineConfig(
  globalIgnores([
    'dist/',
    'dist-*/',
    '.astro/',
    'test-results/',
    'playwright-report/',
    '.form-inbox/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Astro components run their frontmatter at build time and their scripts in the browser.
    name: 'Astro components',
    files: ['**/*.astro'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    name: 'browser code',
    files: ['src/client/**', 'src/scripts/**'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-globals': ['error', ...restricted(nodeOnlyGlobals, 'Node, not the browser')],
      'no-restricted-imports': ['error', { patterns: [nodeModules] }],
    },
  },
  {
    name: 'Node code',
    files: [
      'scripts/**',
      'src/build/**',
      'src/integrations/**',
      '*.config.*',
      'tests/unit/**',
      'tests/e2e/**',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // The end-to-end tests also hand functions to the browser (page.evaluate), which use its globals.
    name: 'end-to-end tests',
    files: ['tests/e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    name: 'src/lib: pure TypeScript, no import from src/client, no DOM, no disk',
    files: ['src/lib/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...restricted(nodeOnlyGlobals, 'Node: such code belongs in src/build/'),
        ...restricted(domGlobals, 'the browser: such code belongs in src/client/'),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...nodeModules, message: 'src/lib has no disk or Node API: put this in src/build/.' },
            {
              group: ['**/client/**', '**/client'],
              message: 'src/lib imports nothing from src/client: move what both need into src/lib.',
            },
          ],
        },
      ],
    },
  },
);
