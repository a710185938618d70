// @ts-check
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first: each top-level folder (or root module) and what it may import
 * besides itself. Declared once; `import-x/no-restricted-paths` keeps it, and `import-x/no-cycle`
 * keeps the graph acyclic. A new folder gets a line here, or lint fails on its first import.
 */
const LAYERS = {
  core: [],
  schema: ['core'],
  'log.ts': ['log-pretty.ts'],
  'log-pretty.ts': [],
  'version.ts': [],
  load: ['core', 'schema'],
  store: ['core'],
  schedule: ['core', 'store', 'log.ts'],
  config: ['core', 'schema', 'schedule'],
  render: ['core'],
  ingest: ['core', 'schema', 'load', 'store', 'config', 'log.ts'],
  service: ['core', 'schema', 'load', 'store', 'schedule', 'render'],
  server: ['core', 'render', 'service', 'store', 'log.ts'],
  adapters: ['core', 'schema', 'load', 'store', 'schedule', 'config', 'render', 'service', 'server', 'log.ts'],
  bot: ['core', 'schema', 'load', 'store', 'schedule', 'config', 'render', 'ingest', 'service', 'server', 'adapters', 'log.ts', 'version.ts'],
  cli: ['core', 'schema', 'load', 'store', 'schedule', 'config', 'render', 'ingest', 'service', 'server', 'adapters', 'bot', 'log.ts', 'version.ts'],
  'cli.ts': ['cli', 'load', 'core', 'version.ts'],
};

/** One zone per layer: everything in src/ but itself and what it may import is out of bounds. */
const zones = Object.entries(LAYERS).map(([layer, allowed]) => ({
  target: `./src/${layer}`,
  from: './src',
  except: [`./${layer}`, ...allowed.map((a) => `./${a}`)],
  message: `src/${layer} may import only ${allowed.map((a) => `src/${a}`).join(', ') || 'itself'} (the layers are declared in eslint.config.js).`,
}));

/** How import-x finds and reads the modules an import names: TypeScript sources, `.js` specifiers. */
const IMPORT_SETTINGS = {
  'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
  'import-x/extensions': ['.ts', '.js'],
  'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'scratch/', 'var/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: IMPORT_SETTINGS,
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The core is pure: no I/O, no environment, no clock, no Node globals.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path', 'http', 'https', 'child_process'], message: 'src/core does no I/O.' }] },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core reads no environment.' },
        ...['Buffer', 'global', 'require', 'module', '__dirname', '__filename', 'setImmediate', 'clearImmediate'].map((name) => ({
          name,
          message: 'src/core uses no Node globals.',
        })),
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Core functions take `now`.' }],
    },
  },
  {
    // Prettier wraps code at 160 columns but not a long regex, string or comment: those become tables or named parts.
    files: ['**/*.{ts,js,mjs}'],
    plugins: { '@stylistic': stylistic },
    rules: { '@stylistic/max-len': ['error', { code: 160, tabWidth: 2, ignoreUrls: true }] },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
