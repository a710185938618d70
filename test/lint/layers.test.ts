/**
 * The layering lint fails on a deliberate violation of each rule: an import against the layers
 * (eslint.config.js declares them), a Node global in the core, an import cycle, a file over 400 lines,
 * a line over 160 characters.
 * Files are linted as if they stood in src/, without type information (these rules need none).
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT, overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }] });

/** The rule ids and messages lint gives `code` standing at `file` (a path under the project). */
async function lint(file: string, code: string): Promise<{ rule: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe('the layers, as lint keeps them', () => {
  it.each([
    ['src/core/fixture.ts', "import { renderMarkdown } from '../render/markdown.js';\nexport const x = renderMarkdown;\n", 'src/core may import only itself'],
    ['src/render/fixture.ts', "import type { Library } from '../service/library.js';\nexport type X = Library;\n", 'src/render may import only src/core'],
    [
      'src/schedule/fixture.ts',
      "import type { PlatformAdapter } from '../adapters/adapter.js';\nexport type X = PlatformAdapter;\n",
      'src/schedule may import only',
    ],
    ['src/ingest/fixture.ts', "import { CHAT_PLATFORMS } from '../bot/platforms.js';\nexport const x = CHAT_PLATFORMS;\n", 'src/ingest may import only'],
    ['src/config/fixture.ts', "import { loadSubject } from '../load/subject.js';\nexport const x = loadSubject;\n", 'src/config may import only'],
  ])('refuses %s importing across the layers', async (file, code, message) => {
    expect(await lint(file, code)).toEqual([
      expect.objectContaining({ rule: 'import-x/no-restricted-paths', message: expect.stringContaining(message) as string }),
    ]);
  });

  it('lets a layer import what it may', async () => {
    expect(await lint('src/service/fixture.ts', "import type { Reply } from '../render/reply.js';\nexport type X = Reply;\n")).toEqual([]);
  });

  it('refuses a Node global in the core', async () => {
    expect(await lint('src/core/fixture.ts', 'export const size = (s: string): number => Buffer.byteLength(s);\n')).toEqual([
      { rule: 'no-restricted-globals', message: "Unexpected use of 'Buffer'. src/core uses no Node globals." },
    ]);
  });

  it('refuses a file over 400 lines of code', async () => {
    const code = Array.from({ length: 401 }, (_, i) => `export const v${String(i)} = ${String(i)};`).join('\n');
    expect(await lint('src/store/fixture.ts', `${code}\n`)).toEqual([expect.objectContaining({ rule: 'max-lines' })]);
  });

  it('refuses a line over 160 characters, a regex or string as much as code', async () => {
    const long = `export const WORDS = /\\b(?:${Array.from({ length: 30 }, (_, i) => `word${String(i)}`).join('|')})\\b/;\n`;
    expect(await lint('test/fixture.ts', long)).toEqual([expect.objectContaining({ rule: '@stylistic/max-len' })]);
    expect(await lint('test/fixture.ts', `export const WORDS = [${Array.from({ length: 30 }, (_, i) => `'word${String(i)}'`).join(',\n')}];\n`)).toEqual([]);
  });

  it('refuses an import cycle', async () => {
    // The fixtures stand outside src/: they get src/'s import settings, and the cycle rule.
    const { settings } = (await eslint.calculateConfigForFile(join(ROOT, 'src/cli.ts'))) as { settings: Record<string, unknown> };
    const cycle = new ESLint({
      cwd: ROOT,
      overrideConfig: [
        { files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked },
        {
          files: ['test/lint/fixtures/**/*.ts'],
          plugins: { 'import-x': importX },
          settings,
          rules: { 'import-x/no-cycle': 'error' },
        },
      ],
    });
    const [result] = await cycle.lintFiles([join(ROOT, 'test/lint/fixtures/cycle/a.ts')]);
    expect(result?.messages.map((m) => m.ruleId)).toEqual(['import-x/no-cycle']);
  });
});
