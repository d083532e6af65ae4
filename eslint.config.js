import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-bench/', 'node_modules/', 'test-results/', 'playwright-report/', 'tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The layers of DESIGN.md: the core never reaches up.
    files: ['src/sim/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../content/*', '../net/*', '../patterns/*', '../run/*', '../flow/*', '../stage/*', '../ui/*', '../app/*', 'phaser', 'msw', 'msw/*', 'xstate'] }] },
  },
  {
    files: ['src/content/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/net/*', '**/patterns/*', '**/run/*', '**/flow/*', '**/stage/*', '**/ui/*', '**/app/*', 'phaser', 'msw', 'msw/*', 'xstate'] }] },
  },
  {
    files: ['src/net/**', 'src/patterns/**', 'src/run/**', 'src/flow/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['phaser', '**/stage/*', '**/ui/*', '**/app/*'] }] },
  },
  {
    // The ui may know the stage's types, never load it: the app hands it a loader.
    files: ['src/ui/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['phaser', '**/stage/*', '**/app/*', 'msw', 'msw/*'], allowTypeImports: true }] },
      ],
    },
  },
);
