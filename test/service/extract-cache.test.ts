import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief } from '../../src/core/briefing/set.js';
import { articleHash, extractorFingerprint } from '../../src/service/extract-cache.js';
import { loadLibrary, type Library, type LibraryOptions } from '../../src/service/library.js';
import { article, tempDir } from '../temp-dir.js';
import { sqliteStore } from '../schedule/harness.js';

const BRIEFINGS = join(import.meta.dirname, '../../briefings');

async function load(cache?: LibraryOptions['cache']): Promise<{ library: Library; cached: number }> {
  let cached = 0;
  const r = await loadLibrary(['ecuador'], BRIEFINGS, {
    cache,
    onLoaded: (_s, info) => {
      cached = info.cached;
    },
  });
  if (!r.ok) throw new Error(r.error.message);
  return { library: r.value, cached };
}

const overview = (l: Library): unknown => {
  const s = l.subjects[0];
  return s ? brief(s.set, 'homicides') : undefined;
};

describe('the extract cache', () => {
  it('serves every article of an unchanged subject on the second start, with the same briefing', async () => {
    const { store } = await sqliteStore();
    const fresh = await load();
    const cold = await load(store.extracts);
    const warm = await load(store.extracts);
    expect([cold.cached, warm.cached]).toEqual([0, 5]);
    expect(overview(warm.library)).toEqual(overview(fresh.library));
    expect(overview(cold.library)).toEqual(overview(fresh.library));
    await store.close();
  });

  it('extracts again an article whose text changed, and only that one', async () => {
    const { store } = await sqliteStore();
    const files = {
      'alpha/briefing.yaml': 'title: Alpha\n',
      'alpha/articles/a.txt': article('A', 'Officials said 12 people were hurt on Monday.'),
      'alpha/articles/b.txt': article('B'),
    };
    const root = await tempDir(files);
    const counts: number[] = [];
    const loadAlpha = async (): Promise<void> => {
      await loadLibrary(['alpha'], root, { cache: store.extracts, onLoaded: (_s, info) => counts.push(info.cached) });
    };
    await loadAlpha();
    await loadAlpha();
    const changed = await tempDir({ ...files, 'alpha/articles/a.txt': article('A', 'Officials said 13 people were hurt on Monday.') });
    await loadLibrary(['alpha'], changed, { cache: store.extracts, onLoaded: (_s, info) => counts.push(info.cached) });
    expect(counts).toEqual([0, 2, 1]);
    await store.close();
  });

  it('keys extracts by the extractor code as well as the article', async () => {
    const coreFingerprint = await extractorFingerprint();
    const other = await extractorFingerprint(await tempDir({ 'x.ts': 'export const changed = true;\n' }));
    expect(other).not.toBe(coreFingerprint);
    const a = { file: 'a.txt', headline: 'A', body: [], furniture: [], bytes: 1 };
    expect(articleHash(a, coreFingerprint)).not.toBe(articleHash(a, other));
  });
});
