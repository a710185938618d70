/**
 * Digests that lead with what changed: a first digest, then an ingest from a loopback feed, then the
 * next digest leads with the new figures and the question the new article answers; then a digest
 * with nothing new says so in one line, or posts nothing when set to skip.
 */
import { describe, expect, it } from 'vitest';
import { createDigestPoster, noticeKey } from '../../src/bot/digest-poster.js';
import { INGEST_DEFAULTS } from '../../src/config/sitrep-config.js';
import { createIngestion } from '../../src/ingest/setup.js';
import { createLogger } from '../../src/log.js';
import { startHttpServer } from '../../src/server/http.js';
import { createPageLinks } from '../../src/server/page-links.js';
import { pageRoute } from '../../src/server/page-route.js';
import { BRIEFINGS_DIR } from '../../src/load/subjects-dir.js';
import { createScheduler } from '../../src/schedule/scheduler.js';
import type { Reply } from '../../src/render/reply.js';
import { loadLibrary, refreshSubject } from '../../src/service/library.js';
import { itemFor, newsPage, rssFeed, RUNOFF } from '../ingest/fixtures.js';
import { startServer } from '../ingest/server.js';
import { digest, OPTIONS, recordingPlatform, sqliteStore } from '../schedule/harness.js';

const at = (iso: string): number => Date.parse(iso);
const links = createPageLinks({ publicUrl: 'https://sitrep.example', secret: 's'.repeat(40) });
const notice = (r: Reply): { title: string; lines: string[] } =>
  r.kind === 'notice' ? { title: r.title, lines: r.lines } : { title: `(${r.kind})`, lines: [] };

describe('digests after an ingest', () => {
  it('lead with what is new since the last one, say when nothing is, and skip when told to', async () => {
    const { store } = await sqliteStore();
    const opts = { cache: store.extracts, articles: store.articles };
    const loaded = await loadLibrary(['ecuador'], BRIEFINGS_DIR, opts);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const library = loaded.value;
    const platform = recordingPlatform('chat');
    let now = at('2025-06-10T08:00:30Z');
    const digests = [digest({ id: 'morning', channel: 'C1', timeZone: 'UTC' }), digest({ id: 'quiet', channel: 'C2', timeZone: 'UTC', whenUnchanged: 'skip' })];
    const scheduler = createScheduler({
      runs: store.runs,
      digests: () => Promise.resolve(digests),
      logger: createLogger('silent'),
      options: OPTIONS,
      now: () => now,
      post: createDigestPoster({
        adapters: [platform],
        library,
        coverage: store.coverage,
        now: () => now,
        pageLink: (subject, topic, since) => links.link(subject, topic, now, since),
      }),
    });
    await store.runs.setCheckedUntil(at('2025-06-10T07:59:00Z'));
    const day = async (iso: string): Promise<typeof platform.posts> => {
      now = at(iso);
      const before = platform.posts.length;
      await scheduler.sweep();
      await scheduler.idle();
      return platform.posts.slice(before);
    };

    // Day 1: nothing to compare with yet; the briefing goes out and its coverage is recorded with the run.
    const first = await day('2025-06-10T08:00:30Z');
    expect(first.map((p) => [p.channel, p.reply.kind])).toEqual([
      ['C1', 'briefing'],
      ['C2', 'briefing'],
    ]);
    expect((await store.coverage.latest('morning'))?.coverage.articles).toHaveLength(5);

    // An ingest brings the AP story on the runoff; the subject is rebuilt.
    const s = await startServer({ '/diario/noboa-wins': { type: 'text/html', body: newsPage(RUNOFF) } });
    s.route('/world.xml', { type: 'application/rss+xml', body: rssFeed('El Diario — World', [itemFor(RUNOFF, s.url('/diario/noboa-wins'))]) });
    const { ingestor, close } = createIngestion({ settings: { ...INGEST_DEFAULTS, allowPrivate: true }, store, now: () => now });
    expect((await ingestor.poll({ name: 'ecuador', feeds: [s.url('/world.xml')], match: ['Ecuador', 'Noboa'] })).added).toBe(1);
    close();
    const version = library.version();
    expect((await refreshSubject(library, 'ecuador', opts)).ok).toBe(true);
    expect(library.version()).toBe(version + 1);

    // Day 2: a "What's new" notice right before the briefing, keyed apart so a platform can refuse a duplicate of each.
    const second = await day('2025-06-11T08:00:30Z');
    expect(second.map((p) => [p.channel, p.reply.kind, p.key])).toEqual([
      ['C1', 'notice', noticeKey('morning@2025-06-11T08:00Z')],
      ['C1', 'briefing', 'morning@2025-06-11T08:00Z'],
      ['C2', 'notice', noticeKey('quiet@2025-06-11T08:00Z')],
      ['C2', 'briefing', 'quiet@2025-06-11T08:00Z'],
    ]);
    const news = notice(second[0]?.reply ?? { kind: 'notice', title: '', lines: [] });
    expect(news.title).toBe("What's new since 2025-06-10 08:00 UTC");
    // It leads with the new figures, each citing its source; a new period of a measure shows the one before it.
    expect(news.lines.slice(0, 4)).toEqual(
      expect.arrayContaining([
        'New figure: homicide rate, 2025: 30.5 per 100,000 people (2024: 38.76 or 36.18 or 38) — El Diario, 2025-04-14',
        'New figure: homicides, Q1 2025: 2,361 (first 50 days of 2025: 1,300) — El Diario, 2025-04-14',
      ]),
    );
    expect(news.lines[0]).toMatch(/^New figure: /);
    expect(news.lines.some((l) => l.startsWith('Updated figure: homicides'))).toBe(false);
    // The question the new article answers is marked, with the sentence that answers it.
    expect(news.lines).toContain(
      'Answered: Who will win the April 13 election, and what will it change? “President Daniel Noboa won the ' +
        'April 13 runoff election with 55.6 percent of the vote, the National Electoral Council said on Monday, ' +
        'giving the young leader a full four-year term to pursue his crackdown on drug gangs.” — El Diario, 2025-04-14',
    );
    expect(news.lines).toContain('New article: “Noboa wins Ecuador runoff as homicides fall” — El Diario, 2025-04-14');

    // The briefing's page link leads with the same news, since the run before this one.
    const briefing = second[1]?.reply;
    const page = briefing?.kind === 'briefing' ? (briefing.page ?? '') : '';
    expect(page).toMatch(/^https:\/\/sitrep\.example\/b\/ecuador\?t=\d+\.[\w-]+&since=morning%402025-06-10T08%3A00Z$/);
    const server = await startHttpServer({
      host: '127.0.0.1',
      port: 0,
      routes: [pageRoute({ library, links, logger: createLogger('silent'), coverage: store.coverage, now: () => now })],
      logger: createLogger('silent'),
    });
    const html = await (await fetch(`http://127.0.0.1:${String(server.port)}${new URL(page).pathname}${new URL(page).search}`)).text();
    expect(html).toContain('<h2 id="whats-new-h">What\'s new since 2025-06-10 08:00 UTC</h2>');
    expect(html).toContain('New figure: homicide rate, 2025: 30.5 per 100,000 people (2024: 38.76 or 36.18 or 38)');
    // Another run key under the same signature is refused: the key is part of what is signed.
    const forged = await fetch(`http://127.0.0.1:${String(server.port)}${new URL(page).pathname}${new URL(page).search.replace('2025-06-10', '2025-06-09')}`);
    expect(forged.status).toBe(404);
    await server.close();

    // Day 3: nothing new. The first digest says so in one line; the second posts nothing and is recorded as skipped.
    const third = await day('2025-06-12T08:00:30Z');
    expect(third.map((p) => [p.channel, notice(p.reply)])).toEqual([['C1', { title: 'Nothing new since 2025-06-11 08:00 UTC', lines: [] }]]);
    const runs = await store.runs.list();
    expect(runs.filter((r) => r.scheduledAt === at('2025-06-12T08:00:00Z')).map((r) => [r.digestId, r.state, r.error])).toEqual(
      expect.arrayContaining([
        ['morning', 'posted', undefined],
        ['quiet', 'skipped', 'nothing new since 2025-06-11 08:00 UTC (when_unchanged: skip)'],
      ]),
    );
  });
});
