import { describe, expect, it } from 'vitest';
import { createFeedPoller } from '../../src/bot/feed-poller.js';
import { buildSet } from '../../src/core/briefing/set.js';
import { feedReport, type IngestReport, type IngestSubject, type Ingestor } from '../../src/ingest/ingest.js';
import { createLibrary, type ServedSubject } from '../../src/service/library.js';
import { memoryLog } from '../schedule/harness.js';
import { openTestStore } from '../store/engines.js';

const subject = (name: string, live?: ServedSubject['live']): ServedSubject => ({
  name,
  command: name,
  title: name,
  warnings: [],
  set: buildSet({ title: name, topics: [], articles: [] }),
  live,
});

/** An ingestor whose polls report `added` new articles, and a failed feed. */
function fakeIngestor(added: number): Ingestor & { polled: IngestSubject[] } {
  const polled: IngestSubject[] = [];
  return {
    polled,
    poll(s) {
      polled.push(s);
      const report: IngestReport = {
        subject: s.name,
        added,
        folded: 0,
        feeds: [feedReport('https://x/bad.xml', 'HTTP 404 Not Found')],
      };
      return Promise.resolve(report);
    },
    addUrl: () => Promise.reject(new Error('unused')),
    addText: () => Promise.reject(new Error('unused')),
  };
}

/** A poller over `library` and `ingestor` that records the subjects it rebuilds, and its log. */
function pollerOf(library: ReturnType<typeof createLibrary>, ingestor: Ingestor) {
  const refreshed: string[] = [];
  const log = memoryLog();
  const poller = createFeedPoller({
    library,
    ingestor,
    refresh: (s) => {
      refreshed.push(s);
      return Promise.resolve();
    },
    logger: log.logger,
  });
  return { poller, refreshed, log };
}

describe('the feed poller', () => {
  it('polls only subjects with feeds, rebuilds a subject that got new articles, and logs a failed feed by name', async () => {
    const library = createLibrary([subject('live', { feeds: ['https://x/bad.xml'], match: ['Ecuador'], pollMs: 60_000 }), subject('static')]);
    const ingestor = fakeIngestor(2);
    const { poller, refreshed, log } = pollerOf(library, ingestor);
    poller.start();
    await poller.poll('live'); // the poll started at start, still running
    await poller.stop();
    expect(ingestor.polled).toEqual([{ name: 'live', feeds: ['https://x/bad.xml'], match: ['Ecuador'] }]);
    expect(refreshed).toEqual(['live']);
    expect(log.messages()).toEqual([
      'ingest live: polling 1 feed(s) every 1 min',
      'ingest live: feed https://x/bad.xml failed: HTTP 404 Not Found',
      'ingest live: 2 new article(s), 0 wire copies folded, from 1 feed(s)',
    ]);
    expect(await poller.poll('static')).toBeUndefined();
  });

  it('does not rebuild when stopped while a poll is in flight: its articles are stored, the next start builds them', async () => {
    const library = createLibrary([subject('live', { feeds: ['https://x/feed.xml'], match: [], pollMs: 60_000 })]);
    const ingestor = fakeIngestor(2);
    const { poller, refreshed } = pollerOf(library, ingestor);
    poller.start();
    await poller.stop();
    expect(ingestor.polled.map((p) => p.name)).toEqual(['live']);
    expect(refreshed).toEqual([]);
  });
});

describe('feed polls shared between replicas', () => {
  it('polls a subject only while this replica holds its lease in the store', async () => {
    const library = createLibrary([subject('live', { feeds: ['https://x/feed.xml'], match: [], pollMs: 60_000 })]);
    const { store } = await openTestStore('sqlite');
    let now = 0;
    const replica = (name: string, ingestor: Ingestor): ReturnType<typeof createFeedPoller> =>
      createFeedPoller({
        library,
        ingestor,
        refresh: () => Promise.resolve(),
        logger: memoryLog().logger,
        claim: (s, pollMs) => store.leases.acquire(`feeds:${s}`, name, now + pollMs + 15_000, now),
      });
    const [a, b] = [fakeIngestor(0), fakeIngestor(0)];
    const [pa, pb] = [replica('a', a), replica('b', b)];
    await pa.poll('live');
    await pb.poll('live');
    now = 60_000;
    await pa.poll('live');
    await pb.poll('live');
    expect([a.polled.length, b.polled.length]).toEqual([2, 0]);
    // a stops polling (it died): after its lease, b takes the feeds over.
    now = 60_000 + 75_001;
    await pb.poll('live');
    expect([a.polled.length, b.polled.length]).toEqual([2, 1]);
  });
});
