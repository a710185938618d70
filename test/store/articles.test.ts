/** The ingestion tables: articles stored once by hash, outlets of wire copies, feed validators, digest coverage with its run. */
import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../src/core/briefing/changes.js';
import type { NewArticle } from '../../src/store/store.js';
import { ENGINES, openTestStore } from './engines.js';

const article = (over: Partial<NewArticle> = {}): NewArticle => ({
  subject: 'ecuador',
  hash: 'h1',
  headline: 'Noboa wins',
  published: '2025-04-14',
  addedAt: 1,
  text: 'Noboa wins\nBody.\n',
  signature: Uint32Array.from([1, 2, 3]),
  outlet: { outlet: 'El Diario', url: 'https://diario.example/a' },
  ...over,
});

describe.each(ENGINES)('stored articles on %s', (engine) => {
  it('stores an article once per subject and hash, and remembers every url it came from', async () => {
    const { store } = await openTestStore(engine);
    expect(await store.articles.add(article())).toEqual({ added: true, id: 1 });
    expect(await store.articles.add(article({ outlet: { outlet: 'El Diario', url: 'https://diario.example/a?utm=x' } }))).toEqual({ added: false, id: 1 });
    expect((await store.articles.add(article({ subject: 'other' }))).added).toBe(true);
    expect(await store.articles.seenUrl('ecuador', 'https://diario.example/a?utm=x')).toBe(true);
    expect(await store.articles.seenUrl('other', 'https://diario.example/a?utm=x')).toBe(false);
    expect(await store.articles.addOutlet(1, { outlet: 'La Prensa', url: 'https://prensa.example/b' })).toBe(true);
    expect(await store.articles.addOutlet(1, { outlet: 'La Prensa', url: 'https://prensa.example/b' })).toBe(false);
    const [kept] = await store.articles.list('ecuador');
    expect(kept?.outlets.map((o) => o.outlet)).toEqual(['El Diario', 'La Prensa']);
    expect([...(kept?.signature ?? [])]).toEqual([1, 2, 3]);
    expect(await store.articles.signatures('ecuador')).toEqual([{ id: 1, signature: Uint32Array.from([1, 2, 3]) }]);
    expect(await store.articles.count('ecuador')).toBe(1);
  });

  it("keeps a feed's validators per subject", async () => {
    const { store } = await openTestStore(engine);
    await store.feeds.put({ subject: 'ecuador', url: 'https://x/feed', etag: '"1"', polledAt: 5 });
    expect(await store.feeds.get('ecuador', 'https://x/feed')).toEqual({
      subject: 'ecuador',
      url: 'https://x/feed',
      etag: '"1"',
      lastModified: undefined,
      polledAt: 5,
      error: undefined,
    });
    expect(await store.feeds.get('other', 'https://x/feed')).toBeUndefined();
  });

  it('records what a digest covered in the same write as its posted run, and only for the instance holding it', async () => {
    const { store, location } = await openTestStore(engine);
    const run = { key: 'morning@2025-06-10T08:00Z', digestId: 'morning', platform: 'chat', channel: 'C1', subject: 'ecuador', timeZone: 'UTC', scheduledAt: 0 };
    const coverage: Coverage = { at: '2025-06-10T08:00:00.000Z', articles: ['h1'], figures: [], actors: ['noboa'], questions: [] };
    await store.runs.claim(run, 'me', 100, 0);
    expect(await store.runs.update(run.key, 'someone else', { state: 'posted', attempts: 1, messageId: 'm1', coverage }, 10)).toBe(false);
    expect(await store.coverage.latest('morning')).toBeUndefined();
    expect(await store.runs.update(run.key, 'me', { state: 'posted', attempts: 1, messageId: 'm1', coverage }, 10)).toBe(true);
    await store.close();
    const { store: reopened } = await openTestStore(engine, location);
    expect(await reopened.coverage.latest('morning')).toEqual({ runKey: run.key, postedAt: 10, coverage });
  });
});
