/** The fetcher against a loopback server: conditional GETs, limits, redirects, retries, one request at a time per host. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createAddressGuard } from '../../src/ingest/address-guard.js';
import { createFetcher, type FetchOptions } from '../../src/ingest/fetcher.js';
import { rssFeed } from './fixtures.js';
import { startServer } from './server.js';

const RSS = 'application/rss+xml; charset=utf-8';
const FEED = rssFeed('World', []);

/** A fetcher allowed to reach the loopback server, recording its backoff waits instead of sleeping. */
function fetcher(options: Partial<FetchOptions> = {}) {
  const waits: number[] = [];
  const f = createFetcher({
    guard: createAddressGuard({ allowPrivate: true }),
    options: { timeoutMs: 2000, ...options },
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
  return { f, waits };
}

describe('fetching feeds and pages', () => {
  it('sends the stored ETag and Last-Modified, and takes a 304 as "not modified"', async () => {
    const s = await startServer({ '/feed.xml': { type: RSS, body: FEED, etag: '"v1"', lastModified: 'Mon, 14 Apr 2025 08:00:00 GMT' } });
    const { f } = fetcher();
    const first = await f.fetch({ url: s.url('/feed.xml'), kind: 'feed' });
    expect(first.ok && first.value).toMatchObject({ status: 'ok', etag: '"v1"', lastModified: 'Mon, 14 Apr 2025 08:00:00 GMT' });
    const again = await f.fetch({ url: s.url('/feed.xml'), kind: 'feed', etag: '"v1"', lastModified: 'Mon, 14 Apr 2025 08:00:00 GMT' });
    expect(again.ok && again.value.status).toBe('not-modified');
    expect(s.requests[1]?.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'Mon, 14 Apr 2025 08:00:00 GMT' });
    f.close();
  });

  it('follows a relative redirect and decodes a gzipped body', async () => {
    const s = await startServer({
      '/old': { status: 301, headers: { location: '/new' } },
      '/new': { type: RSS, body: gzipSync(FEED), headers: { 'content-encoding': 'gzip' } },
    });
    const { f } = fetcher();
    const r = await f.fetch({ url: s.url('/old'), kind: 'feed' });
    expect(r.ok && r.value.status === 'ok' && [r.value.url, r.value.body]).toEqual([s.url('/new'), FEED]);
    f.close();
  });

  it.each([
    ['a 404', { '/x': { status: 404, type: 'text/html', body: 'gone' } }, 'http-status', 'HTTP 404 Not Found'],
    [
      'a page where a feed should be',
      { '/x': { type: 'text/html', body: '<html></html>' } },
      'wrong-content-type',
      'the server sent text/html, not a feed (RSS, Atom or JSON Feed)',
    ],
    [
      'a redirect loop',
      { '/x': { status: 302, headers: { location: '/y' } }, '/y': { status: 302, headers: { location: '/x' } } },
      'redirect-loop',
      'redirects loop back to',
    ],
    [
      'too many redirects',
      {
        '/x': { status: 302, headers: { location: '/1' } },
        '/1': { status: 302, headers: { location: '/2' } },
        '/2': { status: 302, headers: { location: '/3' } },
      },
      'too-many-redirects',
      'more than 2 redirects',
    ],
    ['a slow answer', { '/x': { type: RSS, body: FEED, delayMs: 1500 } }, 'timeout', 'no answer within 0.3 s'],
    ['a huge body', { '/x': { type: RSS, streamBytes: 8 * 1024 * 1024 } }, 'too-large', 'over the 1.0 MB limit'],
    [
      'a huge declared body',
      { '/x': { type: RSS, body: 'x'.repeat(2 * 1024 * 1024), headers: { 'content-length': String(2 * 1024 * 1024) } } },
      'too-large',
      'the body is 2.0 MB, over the 1.0 MB limit',
    ],
  ])('fails on %s with a reason, without retrying', async (_what, routes, code, message) => {
    const s = await startServer(routes);
    const { f, waits } = fetcher({ timeoutMs: 300, maxBytes: 1024 * 1024, maxRedirects: 2 });
    const r = await f.fetch({ url: s.url('/x'), kind: 'feed' });
    expect(!r.ok && r.error.code).toBe(code);
    expect(!r.ok && r.error.message).toContain(message);
    expect(waits).toEqual([]);
    f.close();
  });

  it("retries a 503 with backoff, and honours a 429's Retry-After", async () => {
    const s = await startServer({
      '/x': { sequence: [{ status: 503 }, { status: 429, headers: { 'retry-after': '7' } }, { type: RSS, body: FEED }] },
    });
    const { f, waits } = fetcher({ attempts: 3, backoffMs: 100, maxBackoffMs: 10_000 });
    const r = await f.fetch({ url: s.url('/x'), kind: 'feed' });
    expect(r.ok).toBe(true);
    expect(waits).toEqual([100, 7000]);
    f.close();
  });

  it('gives up after the last try and says how many were made', async () => {
    const s = await startServer({ '/x': { status: 500 } });
    const { f, waits } = fetcher({ attempts: 3, backoffMs: 100 });
    const r = await f.fetch({ url: s.url('/x'), kind: 'feed' });
    expect(!r.ok && r.error.message).toBe('HTTP 500 Internal Server Error (after 3 tries)');
    expect(waits).toEqual([100, 200]);
    expect(s.hits('/x')).toBe(3);
    f.close();
  });

  it('makes one request at a time to a host', async () => {
    const s = await startServer({ '/a': { type: 'text/html', body: '<p>a</p>', delayMs: 80 }, '/b': { type: 'text/html', body: '<p>b</p>', delayMs: 80 } });
    const { f } = fetcher();
    await Promise.all([f.fetch({ url: s.url('/a'), kind: 'page' }), f.fetch({ url: s.url('/b'), kind: 'page' }), f.fetch({ url: s.url('/a'), kind: 'page' })]);
    const [x, y, z] = s.requests;
    expect(x && y && z && y.start >= x.end && z.start >= y.end).toBe(true);
    f.close();
  });

  it('ends a request in flight, one waiting for its host and one waiting to retry when closed', async () => {
    // Without close() ending them, these would outlast the test's timeout.
    const s = await startServer({ '/slow': { type: 'text/html', body: '<p>late</p>', delayMs: 30_000 }, '/down': { status: 503 } });
    const { f } = fetcher({ timeoutMs: 30_000 });
    // A real sleep here: the retry's 20 s wait must be cut short by close().
    const r = createFetcher({ guard: createAddressGuard({ allowPrivate: true }), options: { backoffMs: 20_000 } });
    const inFlight = f.fetch({ url: s.url('/slow'), kind: 'page' });
    const queued = f.fetch({ url: s.url('/slow'), kind: 'page' });
    const retrying = r.fetch({ url: s.url('/down'), kind: 'feed' });
    await new Promise((done) => setTimeout(done, 100));
    f.close();
    r.close();
    const results = await Promise.all([inFlight, queued, retrying]);
    for (const x of results) expect(x).toMatchObject({ ok: false, error: { code: 'stopped', message: 'not fetched: Sitrep is stopping' } });
    expect(s.hits('/slow')).toBe(1);
    expect(s.hits('/down')).toBe(1);
    expect(await f.fetch({ url: s.url('/down'), kind: 'feed' })).toMatchObject({ ok: false, error: { code: 'stopped' } });
  });

  it('refuses what is not an http(s) address', async () => {
    const { f } = fetcher();
    expect(await f.fetch({ url: 'file:///etc/passwd', kind: 'page' })).toMatchObject({ ok: false, error: { code: 'bad-url' } });
    expect(await f.fetch({ url: 'not a url', kind: 'page' })).toMatchObject({ ok: false, error: { code: 'bad-url' } });
    f.close();
  });
});
