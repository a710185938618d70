/**
 * Benchmark (not a test): a large synthetic set made from the bundled articles' sentences,
 * recombined with numbers and names varied. Reports extraction throughput on one core beside a
 * bare wink-nlp `readDoc` pass over the same text (the floor any extraction stands on) and their
 * ratio, topic briefing latency (p50/p99) and peak memory. `npm run bench [-- --articles N]`
 */
import { parseArgs } from 'node:util';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { parseArticle } from '../src/core/articles/parse.js';
import { brief, SetBuilder, type BriefingSet } from '../src/core/briefing/set.js';
import { renderPage } from '../src/render/page.js';
import { extractArticle } from '../src/core/extract/article.js';
import { loadLibrary } from '../src/service/library.js';
import { BENCH_QUERIES, BENCH_TOPICS, syntheticFile, syntheticStream } from './synthetic.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
const n = Number(values.articles);
let bytes = 0;
let i = 0;
let ms = 0;
let cpu = 0;
/** CPU time of this process in ms: less swayed than the clock by other work on a shared machine. */
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// The floor: wink-nlp reading the same text with the same pipeline (sentences, tags), nothing else.
// It runs first, on an empty heap: run after the extraction, it shares the heap with the built set
// and its collector, and reads up to twice as slowly, which flatters the ratio.
const nlp = winkNLP(model, ['sbd', 'pos']);
let bareMs = 0;
let bareCpu = 0;
for (const text of syntheticStream(n)) {
  const t = performance.now();
  const c = cpuNow();
  nlp.readDoc(text);
  bareCpu += cpuNow() - c;
  bareMs += performance.now() - t;
}
// Articles arrive one at a time, as from the store or a folder: each is parsed and extracted
// once, and only its extract is kept. Dated by their `Date:` lines, so no set-wide pass is needed.
const builder = new SetBuilder({ title: 'bench', topics: BENCH_TOPICS }, []);
for (const text of syntheticStream(n)) {
  bytes += Buffer.byteLength(text);
  const t = performance.now();
  const c = cpuNow();
  builder.extract(i, parseArticle(syntheticFile(i++), text));
  cpu += cpuNow() - c;
  ms += performance.now() - t;
}
const t1 = performance.now();
const c1 = cpuNow();
let set: BriefingSet | undefined = builder.done();
const secs = (ms + performance.now() - t1) / 1000;
cpu += cpuNow() - c1;

const queries = BENCH_QUERIES;
const times: number[] = [];
for (let r = 0; r < 20; r++)
  for (const q of queries) {
    const s = performance.now();
    brief(set, q);
    times.push(performance.now() - s);
  }
times.sort((a, b) => a - b);
// The page: the same briefings as a full HTML page, server side (brief and render). One page of the
// whole set first, timed apart: the renderer's first run compiles it, as a bot's first page does once.
const w = performance.now();
const whole = brief(set);
if (whole.ok) renderPage(whole.value, { generatedAt: 0 });
const firstPageMs = performance.now() - w;
const pageTimes: number[] = [];
let pageBytes = 0;
for (let r = 0; r < 5; r++)
  for (const q of queries) {
    const s = performance.now();
    const b = brief(set, q);
    const html = b.ok ? renderPage(b.value, { generatedAt: 0 }) : '';
    pageTimes.push(performance.now() - s);
    pageBytes = Math.max(pageBytes, Buffer.byteLength(html));
  }
pageTimes.sort((a, b) => a - b);
const setSize = `figures ${set.figures.length}, actors ${set.actors.length}, questions ${set.questions.length}`;
// The set is done with: the large article below is read without it, as it would be alone.
set = undefined;

// One very large article (5 MB, one paragraph a line): parsing and extraction must stay linear in its size.
// Each line is numbered: a paragraph printed twice is furniture, and would not be extracted at all.
const bigLines: string[] = ['One very long article', 'Date: 2025-02-19'];
let bigSize = 0;
for (const text of syntheticStream(2000)) {
  for (const line of text.split('\n').slice(2)) {
    const numbered = `${line} (${String(bigLines.length)})`;
    bigLines.push(numbered);
    bigSize += numbered.length + 1;
  }
  if (bigSize > 5e6) break;
}
const bigText = bigLines.join('\n');
const tb = performance.now();
const big = parseArticle('big.txt', bigText);
const bigParse = performance.now() - tb;
extractArticle(big);
const bigAll = performance.now() - tb;

// The bundled subject's overview page, as the bot serves it.
const bundled = await loadLibrary();
const overview = bundled.ok && bundled.value.subjects[0] ? brief(bundled.value.subjects[0].set) : undefined;
const bundledBytes = overview?.ok ? Buffer.byteLength(renderPage(overview.value, { generatedAt: 0 })) : NaN;
const pct = (p: number): string => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1);
console.log(`articles: ${n}, ${(bytes / 1e6).toFixed(1)} MB`);
console.log(`extraction: ${(bytes / 1e6 / secs).toFixed(2)} MB/s, ${(n / secs).toFixed(0)} articles/s on one core (${secs.toFixed(1)} s)`);
console.log(`bare wink-nlp readDoc: ${(bytes / 1e6 / (bareMs / 1000)).toFixed(2)} MB/s (${(bareMs / 1000).toFixed(1)} s)`);
console.log(`extraction / readDoc: ${(bareCpu / cpu).toFixed(2)} by CPU time, ${(bareMs / 1000 / secs).toFixed(2)} by the clock (target >= 0.4)`);
console.log(`topic briefing: p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms over ${times.length} queries`);
console.log(setSize);
const pagePct = (p: number): string => (pageTimes[Math.min(pageTimes.length - 1, Math.floor(p * pageTimes.length))] ?? 0).toFixed(1);
console.log(
  `briefing page (brief and render): first (cold) ${firstPageMs.toFixed(1)} ms; then p50 ${pagePct(0.5)} ms, p99 ${pagePct(0.99)} ms ` +
    `over ${pageTimes.length} pages, largest ${(pageBytes / 1024).toFixed(0)} KB (target p99 <= 50 ms)`,
);
console.log(`bundled subject's page: ${(bundledBytes / 1024).toFixed(1)} KB (target < 100 KB)`);
console.log(
  `one ${(Buffer.byteLength(bigText) / 1e6).toFixed(1)} MB article: parsed in ${bigParse.toFixed(0)} ms, ` +
    `extracted in ${((bigAll - bigParse) / 1000).toFixed(1)} s (${(Buffer.byteLength(bigText) / 1e6 / (bigAll / 1000)).toFixed(2)} MB/s)`,
);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
