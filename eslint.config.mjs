// ESLint flat config. The layering rule mirrors ARCHITECTURE.md:
//   src-shared   imports neither side (no node:, no electron, no DOM-only code, no src-main/src-renderer)
//   src-renderer imports only src-shared (and browser libraries)
//   src-main     never imports the renderer; only src-main/electron and src-main/preload import electron
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noElectron = { group: ['electron', 'electron/*'], message: 'Only src-main/electron and src-main/preload may import electron.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'bench/results/**', 'src-main/services/airflow/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='exec'][arguments.0.type='TemplateLiteral'][arguments.0.expressions.length>0]", message: 'No string-built SQL: bind parameters.' }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          noElectron,
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'], message: 'src-shared runs on both sides: no Node modules.' },
          { group: ['**/src-main/**', '**/src-renderer/**', 'react', 'react-dom'], message: 'src-shared imports neither side.' },
        ],
      }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          noElectron,
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3', 'neo4j-driver', 'node-llama-cpp'], message: 'The renderer talks only to the API object.' },
          { group: ['**/src-main/**'], message: 'The renderer imports only src-shared.' },
        ],
      }],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/preload/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [noElectron, { group: ['**/src-renderer/**'], message: 'The back end never imports the renderer.' }],
      }],
    },
  },
);
