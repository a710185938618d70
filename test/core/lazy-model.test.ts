import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * Which of the heavy packages a fresh process has loaded after running `script` (an ES module body).
 * A child process: vitest's workers share one CommonJS cache across test files.
 */
function loadedAfter(script: string): string[] {
  const probe = `
    import { createRequire } from 'node:module';
    ${script}
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    const heavy = { model: /wink-eng-lite-web-model\\/dist\\/model\\.js$/, stemmer: /porter-stemmer\\.js$/ };
    console.log(JSON.stringify(Object.entries(heavy).filter(([, re]) => loaded.some((f) => re.test(f))).map(([k]) => k)));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
    cwd: new URL('../..', import.meta.url).pathname,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '[]') as string[];
}

describe('the language model loads on first use', () => {
  it('is not loaded by importing the briefing, the library, the bot or the CLI', () => {
    expect(
      loadedAfter(`
      await import('./src/core/briefing/set.ts');
      await import('./src/service/library.ts');
      await import('./src/bot/bot.ts');
      await import('./src/cli/brief.ts');
    `),
    ).toEqual([]);
  });

  it('is not loaded to stem a word, and is loaded to read a sentence', () => {
    expect(
      loadedAfter(`
      const { stem } = await import('./src/core/nlp.ts');
      if (stem('killings') !== 'kill') throw new Error('stem');
    `),
    ).toEqual(['stemmer']);
    expect(
      loadedAfter(`
      const { analyse } = await import('./src/core/nlp.ts');
      if (analyse('The toll rose to 82. Officials said so.').length !== 2) throw new Error('analyse');
    `),
    ).toEqual(['model', 'stemmer']);
  });
});
