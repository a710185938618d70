/**
 * Benchmark (not a test): ingestion from a loopback news site. A local server serves N synthetic
 * articles (bench/synthetic.ts's texts) as HTML pages with real page furniture, and an RSS feed
 * listing them; Sitrep polls the feed into a temp SQLite file (fetch, Readability, dedupe, store),
 * then builds the subject's set (Sitrep's extraction, cached in the store). Reports pages/s and the
 * memory held while ingesting. `tsx bench/ingest.ts [--pages N]` (pages from `syntheticStream`:
 * every one a different story, so none is folded as a copy).
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { INGEST_DEFAULTS } from '../src/config/sitrep-config.js';
import { logProgress, terminalProgress } from '../src/ingest/progress.js';
import { createIngestion } from '../src/ingest/setup.js';
import { createLogger } from '../src/log.js';
import { loadServedSubject } from '../src/service/library.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { syntheticStream } from './synthetic.js';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '10000' } } });
const n = Number(values.pages);

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A synthetic article text as a news page: cookie banner, menu, byline, caption, share links, related box, footer. */
function page(text: string, i: number): string {
  const [headline = '', dateLine = '', ...body] = text.trimEnd().split('\n');
  const date = dateLine.replace(/^Date:\s*/, '');
  const related = `<li><a href="/p/${String((i + 1) % n)}">Another story</a></li><li><a href="/p/${String((i + 2) % n)}">More news</a></li>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(headline)} | Bench Times</title>
<meta property="og:site_name" content="Bench Times"><meta property="article:published_time" content="${date}T08:00:00Z"></head>
<body class="single-post has-sidebar"><div class="cookie-consent">We use cookies to improve your experience. <button>Accept</button></div>
<header><a href="/">Bench Times</a><nav><a href="/world">World</a> <a href="/politics">Politics</a> <a href="/sports">Sports</a></nav></header>
<main><article><h1>${esc(headline)}</h1><p class="byline">By Staff Writer ${String(i % 40)}</p>
<figure><img src="/img/${String(i)}.jpg" alt=""><figcaption>Police patrol a street in Guayaquil, Ecuador. (AP Photo/Staff)</figcaption></figure>
${body.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div></article>
<aside class="related-stories"><h3>Related</h3><ul>${related}</ul></aside></main>
<footer><p>© 2025 Bench Times. All rights reserved.</p></footer></body></html>`;
}

/** Pages made in order as they are asked for, a window of them kept: the server holds little itself. */
function pages(): (i: number) => string | undefined {
  let stream = syntheticStream(n);
  let next = 0;
  const kept = new Map<number, string>();
  return (i) => {
    if (i < 0 || i >= n) return undefined;
    if (!kept.has(i) && i < next) {
      stream = syntheticStream(n);
      next = 0;
      kept.clear();
    }
    while (next <= i) {
      const r = stream.next();
      if (r.done) return undefined;
      kept.set(next, r.value);
      kept.delete(next - 64);
      next++;
    }
    const text = kept.get(i);
    return text === undefined ? undefined : page(text, i);
  };
}

const pageOf = pages();
const server = createServer((req, res) => {
  const url = req.url ?? '/';
  if (url === '/feed.xml') {
    const items: string[] = [];
    for (let i = 0; i < n; i++)
      items.push(
        `<item><title>Synthetic story ${String(i)}</title><link>http://${req.headers.host ?? ''}/p/${String(i)}</link><guid>p${String(i)}</guid>` +
          `<description>Story ${String(i)} from Ecuador</description></item>`,
      );
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Bench Times</title>${items.join('')}</channel></rss>`);
    return;
  }
  const m = /^\/p\/(\d+)$/.exec(url);
  const html = m ? pageOf(Number(m[1])) : undefined;
  if (!html) res.writeHead(404).end();
  else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;

const root = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'briefing.yaml'), `title: Bench\nfeeds: ["${base}/feed.xml"]\n`);
const opened = openSqliteStore(join(root, 'sitrep.db'));
if (!opened.ok) throw new Error(opened.error);
const store = opened.value;

let peak = { rss: 0, heap: 0 };
const sample = (): void => {
  const m = process.memoryUsage();
  peak = { rss: Math.max(peak.rss, m.rss), heap: Math.max(peak.heap, m.heapUsed) };
};
const sampler = setInterval(sample, 200);
const mb = (b: number): string => `${(b / 1048576).toFixed(0)} MB`;

const progress = process.stderr.isTTY ? terminalProgress(process.stderr) : logProgress(createLogger('info'), { every: 2000, everyMs: 60_000 });
const { ingestor, close } = createIngestion({
  settings: { ...INGEST_DEFAULTS, allowPrivate: true, maxBytes: 10 * 1024 * 1024 },
  store,
  now: Date.now,
  progress,
});
const t0 = performance.now();
const report = await ingestor.poll({ name: 'bench', feeds: [`${base}/feed.xml`], match: [] });
const ingestSecs = (performance.now() - t0) / 1000;
sample();
const ingestPeak = peak;
const held = process.memoryUsage();
close();

/** Builds the subject's set (extracting, or from the cache) and lets it go; how long it took and the peak memory. */
async function build(): Promise<{ secs: number; articles: number; peak: typeof peak }> {
  peak = { rss: 0, heap: 0 };
  const t = performance.now();
  const served = await loadServedSubject(join(root, 'bench'), { cache: store.extracts, articles: store.articles });
  const secs = (performance.now() - t) / 1000;
  sample();
  if (!served.ok) throw new Error(served.error.message);
  return { secs, articles: served.value.set.articleCount, peak };
}

const first = await build();
const buildSecs = first.secs;
const articleCount = first.articles;
const buildPeak = first.peak;
// What the bot does after each poll that brought articles: the whole set again, every extract from
// the cache. (The bot keeps serving the old set meanwhile, so it needs heap for two; here the first
// is let go, to time the rebuild within the benchmark's heap.)
const rebuild = await build();
const rebuildSecs = rebuild.secs;
clearInterval(sampler);
const feed = report.feeds[0];
console.log(
  `pages: ${String(n)} served from ${base}; added ${String(report.added)}, folded ${String(report.folded)}, ` +
    `failed ${String(feed?.failures.length ?? 0)}${feed?.error ? ` (feed: ${feed.error})` : ''}`,
);
console.log(`ingest (fetch one at a time, Readability, hash, near-duplicates, SQLite): ${(n / ingestSecs).toFixed(0)} pages/s (${ingestSecs.toFixed(1)} s)`);
console.log(`memory while ingesting: peak RSS ${mb(ingestPeak.rss)}, peak heap ${mb(ingestPeak.heap)}; after: RSS ${mb(held.rss)}, heap ${mb(held.heapUsed)}`);
console.log(
  `set build with Sitrep's extraction (${String(articleCount)} articles, extracts cached in SQLite): ${buildSecs.toFixed(1)} s; ` +
    `end to end ${(n / (ingestSecs + buildSecs)).toFixed(0)} pages/s`,
);
console.log(`memory while building: peak RSS ${mb(buildPeak.rss)}, peak heap ${mb(buildPeak.heap)}`);
console.log(
  `rebuild with every extract from the cache (what the bot does after a poll brings articles): ${rebuildSecs.toFixed(1)} s, peak heap ${mb(rebuild.peak.heap)}`,
);
await store.close();
server.close();
rmSync(root, { recursive: true, force: true });
