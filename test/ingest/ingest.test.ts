/** Polling a subject's feeds from a loopback server into a real SQLite store. */
import { describe, expect, it } from 'vitest';
import { outletLabel } from '../../src/store/article-key.js';
import { describeStored } from '../../src/cli/ingest-commands.js';
import { canonicalUrl } from '../../src/ingest/ingest.js';
import { createIngestion } from '../../src/ingest/setup.js';
import { logProgress } from '../../src/ingest/progress.js';
import { INGEST_DEFAULTS, type IngestSettings } from '../../src/config/sitrep-config.js';
import type { Store } from '../../src/store/store.js';
import { memoryLog, sqliteStore } from '../schedule/harness.js';
import { itemFor, MINING, newsPage, PORT, rssFeed, RUNOFF, RUNOFF_COPY } from './fixtures.js';
import { startServer, type TestServer } from './server.js';

const RSS = 'application/rss+xml';
const HTML = 'text/html; charset=utf-8';
const LOOPBACK: IngestSettings = { ...INGEST_DEFAULTS, allowPrivate: true, timeoutMs: 500, attempts: 1 };
const SUBJECT = { name: 'ecuador', match: ['Ecuador', 'Noboa', 'Guayaquil'] };

/** A news site: three pages and a world feed listing them and a story on Peru. */
async function site(): Promise<TestServer> {
  const s = await startServer({
    '/diario/noboa-wins': { type: HTML, body: newsPage(RUNOFF) },
    '/prensa/noboa-reelected': { type: HTML, body: newsPage(RUNOFF_COPY) },
    '/diario/port-seizure': { type: HTML, body: newsPage(PORT) },
    '/diario/peru-mining': { type: HTML, body: newsPage(MINING) },
  });
  s.route('/world.xml', {
    type: RSS,
    etag: '"w1"',
    body: rssFeed('El Diario — World', [
      itemFor(RUNOFF, s.url('/diario/noboa-wins')),
      itemFor(MINING, s.url('/diario/peru-mining')),
      itemFor(PORT, s.url('/diario/port-seizure')),
    ]),
  });
  return s;
}

function ingestion(store: Store, settings: IngestSettings = LOOPBACK, progress = logProgress(memoryLog().logger)) {
  let t = Date.parse('2025-04-15T09:00:00Z');
  return createIngestion({ settings, store, now: () => (t += 1000), progress });
}

describe("ingesting a subject's feeds", () => {
  it("keeps the items that match the subject's words, and adds each once across polls", async () => {
    const s = await site();
    const { store } = await sqliteStore();
    const { ingestor, close } = ingestion(store);
    const feeds = [s.url('/world.xml')];
    const first = await ingestor.poll({ ...SUBJECT, feeds });
    expect(first.feeds[0]).toMatchObject({ status: 'ok', items: 3, matched: 2, added: 2, folded: 0, failures: [] });
    expect(s.hits('/diario/peru-mining')).toBe(0);
    // Unchanged: the server answers 304 to the stored ETag.
    const second = await ingestor.poll({ ...SUBJECT, feeds });
    expect(second.feeds[0]).toMatchObject({ status: 'not-modified', added: 0 });
    expect(s.requests.at(-1)?.headers['if-none-match']).toBe('"w1"');
    // Changed feed (new ETag) listing the same items: they are known by url and not fetched again.
    s.route('/world.xml', {
      type: RSS,
      etag: '"w2"',
      body: rssFeed('El Diario — World', [itemFor(RUNOFF, s.url('/diario/noboa-wins')), itemFor(PORT, s.url('/diario/port-seizure'))]),
    });
    const third = await ingestor.poll({ ...SUBJECT, feeds });
    expect(third.feeds[0]).toMatchObject({ status: 'ok', added: 0, seen: 2 });
    expect(s.hits('/diario/noboa-wins')).toBe(1);
    const stored = await store.articles.list('ecuador');
    expect(stored.map((a) => [a.headline, a.outlets, a.published])).toEqual([
      ['Noboa wins Ecuador runoff as homicides fall', [{ outlet: 'El Diario', url: s.url('/diario/noboa-wins') }], '2025-04-14'],
      ['Guayaquil port seizes record cocaine haul hidden in bananas', [{ outlet: 'El Diario', url: s.url('/diario/port-seizure') }], '2025-04-15'],
    ]);
    expect(stored[0]?.text).toMatch(
      /^Noboa wins Ecuador runoff as homicides fall\nSource: El Diario http:\/\/127\.0\.0\.1:\d+\/diario\/noboa-wins\nDate: 2025-04-14\n/,
    );
    close();
  });

  it('folds a wire copy from another site into the stored story, which then lists both outlets', async () => {
    const s = await site();
    s.route('/latam.xml', { type: RSS, body: rssFeed('La Prensa — Latin America', [itemFor(RUNOFF_COPY, s.url('/prensa/noboa-reelected'))]) });
    const { store } = await sqliteStore();
    const { ingestor, close } = ingestion(store);
    const r = await ingestor.poll({ ...SUBJECT, feeds: [s.url('/world.xml'), s.url('/latam.xml')] });
    expect(r.feeds.map((f) => [f.added, f.folded])).toEqual([
      [2, 0],
      [0, 1],
    ]);
    const stored = await store.articles.list('ecuador');
    expect(stored).toHaveLength(2);
    expect(stored[0]?.outlets.map((o) => o.outlet)).toEqual(['El Diario', 'La Prensa']);
    // The same page offered again is a duplicate, not another outlet.
    const again = await ingestor.addUrl('ecuador', s.url('/prensa/noboa-reelected'));
    expect(again.ok && again.value.kind).toBe('duplicate');
    close();
  });

  it('names an outlet once when one of its pages is added under a second address', async () => {
    const s = await site();
    s.route('/diario/noboa-wins?utm=feed', { type: HTML, body: newsPage(RUNOFF) });
    s.route('/amp/diario/noboa-wins', { type: HTML, body: newsPage(RUNOFF) });
    const { store } = await sqliteStore();
    const { ingestor, close } = ingestion(store);
    const first = await ingestor.addUrl('ecuador', s.url('/diario/noboa-wins'));
    const second = await ingestor.addUrl('ecuador', s.url('/amp/diario/noboa-wins'));
    expect([first.ok && first.value.kind, second.ok && second.value.kind]).toEqual(['added', 'duplicate']);
    if (!second.ok) throw new Error('not stored');
    expect(describeStored('ecuador', second.value)).toBe('Already in ecuador: “Noboa wins Ecuador runoff as homicides fall”\n');
    const [stored] = await store.articles.list('ecuador');
    expect(outletLabel(stored?.outlets ?? [])).toBe('El Diario');
    // Both addresses are known: either, seen again in a feed, is not fetched.
    expect(await store.articles.seenUrl('ecuador', s.url('/amp/diario/noboa-wins'))).toBe(true);
    close();
  });

  it('reports bad feeds and pages by name and takes in the rest', async () => {
    const s = await site();
    s.route('/broken.xml', { type: RSS, body: '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>Noboa</titl' });
    s.route('/page.xml', { type: HTML, body: newsPage(RUNOFF) });
    s.route('/loop.xml', { status: 302, headers: { location: '/loop2.xml' } });
    s.route('/loop2.xml', { status: 302, headers: { location: '/loop.xml' } });
    s.route('/slow.xml', { type: RSS, body: rssFeed('Slow', []), delayMs: 2000 });
    s.route('/huge.xml', { type: RSS, streamBytes: 12 * 1024 * 1024 });
    s.route('/partial.xml', {
      type: RSS,
      body: rssFeed('Partial', [{ title: 'Noboa visits Washington', link: s.url('/gone'), description: 'Noboa met officials.' }]),
    });
    const { store } = await sqliteStore();
    const { ingestor, close } = ingestion(store, { ...LOOPBACK, maxBytes: 1024 * 1024 });
    const names = ['/broken.xml', '/page.xml', '/missing.xml', '/loop.xml', '/slow.xml', '/huge.xml', '/partial.xml', '/world.xml'];
    const r = await ingestor.poll({ ...SUBJECT, feeds: names.map((n) => s.url(n)) });
    expect(r.feeds.map((f) => [f.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''), f.status, f.error ?? f.failures.map((x) => x.reason).join('; ')])).toEqual([
      ['/broken.xml', 'failed', 'malformed XML: the feed could not be parsed'],
      ['/page.xml', 'failed', 'the server sent text/html, not a feed (RSS, Atom or JSON Feed)'],
      ['/missing.xml', 'failed', 'HTTP 404 Not Found'],
      ['/loop.xml', 'failed', `redirects loop back to ${s.url('/loop.xml')}`],
      ['/slow.xml', 'failed', 'no answer within 0.5 s'],
      ['/huge.xml', 'failed', 'the body is over the 1.0 MB limit'],
      ['/partial.xml', 'ok', 'HTTP 404 Not Found'],
      ['/world.xml', 'ok', ''],
    ]);
    expect(r.added).toBe(2);
    // A feed with a failed item keeps no validators, so the next poll fetches it whole and retries the item.
    expect((await store.feeds.get('ecuador', s.url('/partial.xml')))?.etag).toBeUndefined();
    close();
  });

  it("records a page no parser can read as that item's failure, and fetches the items and feeds after it", async () => {
    const s = await site();
    const bad = { '/bad/no-html': 'Noboa said nothing of note.', '/bad/lone': '<', '/bad/empty': '', '/bad/binary': '\u0000\u0001\u00ff\u0000PNG' } as const;
    for (const [path, body] of Object.entries(bad)) s.route(path, { type: HTML, body });
    const items = Object.keys(bad).map((path) => ({ title: `Noboa ${path}`, link: s.url(path), description: 'Noboa.' }));
    s.route('/bad.xml', { type: RSS, body: rssFeed('Bad pages', [...items, itemFor(RUNOFF, s.url('/diario/noboa-wins'))]) });
    const { store } = await sqliteStore();
    const { ingestor, close } = ingestion(store);
    const r = await ingestor.poll({ ...SUBJECT, feeds: [s.url('/bad.xml'), s.url('/world.xml')] });
    expect(r.feeds.map((f) => [f.status, f.added, f.failures.length])).toEqual([
      ['ok', 1, 4],
      ['ok', 1, 0],
    ]);
    expect(r.feeds[0]?.failures.map((f) => f.reason)).toEqual(
      Object.keys(bad).map(() => 'no article text found on the page (it may be an index, a video or a paywall page)'),
    );
    expect(s.hits('/diario/port-seizure')).toBe(1);
    close();
  });

  it("uses the feed's own text when the page cannot be had and the feed carries the article", async () => {
    const s = await startServer();
    const content = RUNOFF.paragraphs.map((p) => `<p>${p}</p>`).join('');
    s.route('/full.xml', { type: RSS, body: rssFeed('El Diario — World', [{ ...itemFor(RUNOFF, s.url('/paywalled')), content }]) });
    const { store } = await sqliteStore();
    const { ingestor, close } = ingestion(store);
    const r = await ingestor.poll({ ...SUBJECT, feeds: [s.url('/full.xml')] });
    expect(r.added).toBe(1);
    expect((await store.articles.list('ecuador'))[0]?.outlets).toEqual([{ outlet: 'El Diario — World', url: s.url('/paywalled') }]);
    close();
  });

  it('refuses a feed on a private address unless config allows it', async () => {
    const s = await site();
    const { store } = await sqliteStore();
    const { ingestor, close } = ingestion(store, INGEST_DEFAULTS);
    const r = await ingestor.poll({ ...SUBJECT, feeds: [s.url('/world.xml')] });
    expect(r.feeds[0]?.status).toBe('failed');
    expect(r.feeds[0]?.error).toContain('a loopback address; Sitrep fetches only public addresses (set ingest.allow_private: true in the config to allow it)');
    expect(s.requests).toEqual([]);
    close();
  });

  it('logs progress every so many items on a long import', async () => {
    const s = await site();
    const { store } = await sqliteStore();
    const log = memoryLog();
    const { ingestor, close } = ingestion(store, LOOPBACK, logProgress(log.logger, { every: 1 }));
    await ingestor.poll({ ...SUBJECT, feeds: [s.url('/world.xml')] });
    expect(log.messages()).toEqual([
      'ingest ecuador: 1/2 items (1 added, 0 folded, 0 failed)',
      'ingest ecuador: 2/2 items (2 added, 0 folded, 0 failed)',
      'ingest ecuador: 2/2 items (2 added, 0 folded, 0 failed)',
    ]);
    close();
  });
});

describe('item links', () => {
  it.each([
    ['https://diario.example/a?utm_source=rss&id=3#top', undefined, 'https://diario.example/a?id=3'],
    ['/world/noboa', 'https://diario.example/rss.xml', 'https://diario.example/world/noboa'],
    ['mailto:desk@diario.example', undefined, undefined],
  ])('keeps %s (in a feed at %s) as %s', (link, base, expected) => {
    expect(canonicalUrl(link, base)).toBe(expected);
  });
});
