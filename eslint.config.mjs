// ESLint flat config. The layering rule mirrors ARCHITECTURE.md:
//   src-shared   imports neither side (no node:, no electron, no DOM-only code, no src-main/src-renderer)
//   src-renderer imports only src-shared (and browser libraries)
//   src-main     never imports the renderer; only src-main/electron and src-main/preload import electron
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noElectron = { group: ['electron', 'electron/*'], message: 'Only src-main/electron and src-main/preload may import electron.' };
const noRenderer = { group: ['**/src-renderer/**'], message: 'The back end never imports the renderer.' };

const rendererOnly = [
  noElectron,
  {
    group: ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3', 'neo4j-driver', 'node-llama-cpp'],
    message: 'The renderer talks only to the API object.',
  },
  { group: ['**/src-main/**'], message: 'The renderer imports only src-shared.' },
];

/** The import rule of one renderer layer: the renderer's own rule, and none of the layers above it. */
function rendererLayer(files, above, message) {
  return [
    {
      files: [files],
      rules: {
        'no-restricted-imports': ['error', { patterns: [...rendererOnly, { group: above.map((layer) => `**/${layer}/*`), message }] }],
      },
    },
  ];
}

/** The import rule of one src-main layer: no electron, no renderer, and none of the layers above it. */
function mainLayer(files, above, message) {
  const layers = above.map((layer) => `**/${layer}/*`);
  return [
    { files: [files], rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, { group: layers, message }] }] } },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'bench/results/**',
      'src-main/services/airflow/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='exec'][arguments.0.type='TemplateLiteral'][arguments.0.expressions.length>0]",
          message: 'No string-built SQL: bind parameters.',
        },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'],
              message: 'src-shared runs on both sides: no Node modules.',
            },
            { group: ['**/src-main/**', '**/src-renderer/**', 'react', 'react-dom'], message: 'src-shared imports neither side.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3', 'neo4j-driver', 'node-llama-cpp'],
              message: 'The renderer talks only to the API object.',
            },
            { group: ['**/src-main/**'], message: 'The renderer imports only src-shared.' },
          ],
        },
      ],
    },
  },
  // The renderer's layers: platform (API, transport, routes, time, theme) <- ui (components any page uses) <- features
  // (one folder per page or panel, named as the person sees it) <- app (the frame and the page switch).
  ...rendererLayer(
    'src-renderer/platform/**/*.{ts,tsx}',
    ['ui', 'features', 'app'],
    "platform is the renderer's lowest layer: no components, no pages.",
  ),
  ...rendererLayer('src-renderer/ui/**/*.{ts,tsx}', ['features', 'app'], 'ui holds components any page uses: it imports platform only.'),
  ...rendererLayer('src-renderer/features/**/*.{ts,tsx}', ['app'], 'a feature never imports the app frame (the frame imports the pages).'),
  // src-main's layers, lowest first: platform (process-level pieces: data directory, safe paths, CSP, file names)
  // <- services <- engine <- server | electron | cli. A layer never imports one above it.
  ...mainLayer(
    'src-main/platform/**/*.ts',
    ['services', 'engine', 'server', 'electron', 'cli', 'preload'],
    'platform is the lowest layer: it imports no other part of src-main.',
  ),
  ...mainLayer(
    'src-main/services/**/*.ts',
    ['engine', 'server', 'electron', 'cli', 'preload'],
    'services import only platform, src-shared and each other (engine, server, electron and cli sit above them).',
  ),
  ...mainLayer(
    'src-main/engine/**/*.ts',
    ['server', 'electron', 'cli', 'preload'],
    'the engine binds services to the API; transports (server, electron) and CLIs sit above it.',
  ),
  ...mainLayer(
    'src-main/server/**/*.ts',
    ['electron', 'cli', 'preload'],
    'the server is one transport of the engine; it never imports the Electron shell or a CLI.',
  ),
  ...mainLayer('src-main/cli/**/*.ts', ['electron', 'preload'], 'CLIs run under plain Node: no Electron shell.'),
  {
    files: ['src-main/electron/**/*.ts', 'src-main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noRenderer,
            {
              group: ['**/server/*', '**/cli/*'],
              message: 'The Electron shell binds the engine itself; it never goes through the served-mode server or a CLI.',
            },
          ],
        },
      ],
    },
  },
);
