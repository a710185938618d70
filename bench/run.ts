/**
 * Benchmark (not a test): a large synthetic set made from the bundled articles' sentences,
 * recombined with numbers and names varied. Reports extraction throughput on one core, topic
 * briefing latency (p50/p99) and peak memory. `npm run bench [-- --articles N]`
 */
import { parseArgs } from 'node:util';
import { brief, buildSet } from '../src/core/briefing/set.js';
import { BENCH_QUERIES, BENCH_TOPICS, syntheticArticles, syntheticTexts } from './synthetic.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
const n = Number(values.articles);
const texts = syntheticTexts(n);
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
const articles = syntheticArticles(texts);
texts.length = 0;
const t0 = performance.now();
const set = buildSet({ title: 'bench', topics: BENCH_TOPICS, articles });
const secs = (performance.now() - t0) / 1000;
const queries = BENCH_QUERIES;
const times: number[] = [];
for (let r = 0; r < 20; r++) for (const q of queries) {
  const s = performance.now();
  brief(set, q);
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
const pct = (p: number): string => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1);
console.log(`articles: ${n}, ${(bytes / 1e6).toFixed(1)} MB`);
console.log(`extraction: ${(bytes / 1e6 / secs).toFixed(2)} MB/s, ${(n / secs).toFixed(0)} articles/s on one core (${secs.toFixed(1)} s)`);
console.log(`topic briefing: p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms over ${times.length} queries`);
console.log(`figures ${set.figures.length}, actors ${set.actors.length}, questions ${set.questions.length}`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
