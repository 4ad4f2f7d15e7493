// @ts-check
/**
 * ESLint flat config. Zero warnings: run as `eslint . --max-warnings=0` (npm run lint).
 *
 * TypeScript (src, test, demo, scripts, *.config.ts): typescript-eslint recommendedTypeChecked (no `any`) plus the
 * lit, wc (best-practice) and lit-a11y recommended rules; test files also know mocha's BDD globals (Node and
 * browser suites alike). Plain JS/MJS/CJS (scripts, config files, .mocharc*.cjs): @eslint/js recommended with
 * Node globals. Formatting is Prettier's job (`npm run format:check`), not ESLint's.
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import litA11y from 'eslint-plugin-lit-a11y';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'coverage/', 'test-results/', 'custom-elements.json']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.ts'],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommendedTypeChecked,
      lit.configs['flat/recommended'],
      wc.configs['flat/best-practice'],
      litA11y.configs.recommended,
    ],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
      globals: globals.browser,
    },
    settings: {
      // eslint-plugin-wc detects LitElement subclasses with `require.resolve('lit')`, which fails silently
      // under ESM; name the base class explicitly.
      wc: { elementBaseClasses: ['LitElement'] },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Code that runs in Node.
    files: [
      'src/server/**/*.ts',
      'src/simulator/**/*.ts',
      'test/server/**/*.ts',
      'test/simulator/**/*.ts',
      'test/e2e/**/*.ts',
      'demo/serve.ts',
      'scripts/**/*.ts',
      '*.config.ts',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // Lit binds template listeners (`@click=${this.retry}`) to the host element, which unbound-method cannot
    // see. Outside templates, bind listeners yourself (arrow-function fields) — review catches what lint can't.
    files: ['src/element/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: globals.mocha },
    rules: {
      // Stubs save and restore originals: `const original = window.open`.
      '@typescript-eslint/unbound-method': 'off',
      // Fakes implement promise-returning interfaces with plain async functions.
      '@typescript-eslint/require-await': 'off',
      // chai property assertions read as expressions: expect(x).to.be.true
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [{ from: 'package', package: 'chai', name: ['Equal'] }],
        },
      ],
    },
  },
);
