// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Command-line entry points and the sandbox speak to a person on the terminal.
    files: ['sandbox/**/main.ts', 'bench/**', 'deploy-commands.ts', 'src/index.ts', 'src/sandbox-mode.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['sandbox/playground/web/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
);
