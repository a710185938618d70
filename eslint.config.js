// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    // The core is pure: it may import only itself and pure libraries, never the shell.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../render/*', '../../adapters/*', '../../cli*', '../../config/*', '../../store/*', '../../schedule/*', '../../load/*'], message: 'src/core imports nothing outside itself.' },
            { group: ['node:*', 'fs', 'path', 'http', 'https', 'child_process'], message: 'src/core does no I/O.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core reads no environment.' }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Core functions take `now`.' }],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
