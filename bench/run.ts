/**
 * Benchmark (not a test): a large synthetic set made from the bundled articles' sentences,
 * recombined with numbers and names varied. Reports extraction throughput on one core, topic
 * briefing latency (p50/p99) and peak memory. `npm run bench [-- --articles N]`
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseArticle } from '../src/core/articles/parse.js';
import { brief, buildSet } from '../src/core/briefing/set.js';
import type { Article } from '../src/core/model.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
const n = Number(values.articles);
const dir = join(import.meta.dirname, '../briefings/ecuador/articles');
const sentences = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').slice(1))
  .flatMap((p) => p.split(/(?<=[.!?])\s+(?=[A-Z])/)).filter((s) => s.length > 40 && !/Photo|Courtesy|Follow|Related/.test(s));
const names = ['Noboa', 'Gonzalez', 'Correa', 'Lasso', 'Pazmiño', 'Loffredo', 'Bukele', 'Arce', 'Petro', 'Boluarte'];
let seed = 42;
const rand = (k: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % k);

function synth(i: number): string {
  const body: string[] = [];
  const count = 25 + rand(15);
  for (let k = 0; k < count; k++) {
    const s = sentences[rand(sentences.length)] ?? '';
    body.push(s.replace(/\d+(?:\.\d+)?/g, (d) => (/^(19|20)\d\d$/.test(d) ? d : String(Math.round(Number(d) * (0.5 + rand(100) / 100) * 100) / 100)))
      .replace(/Noboa/g, names[rand(names.length)] ?? 'Noboa'));
  }
  return `Synthetic story ${i}\nDate: 2025-02-${String(1 + (i % 28)).padStart(2, '0')}\n${body.join('\n')}\n`;
}

const texts = Array.from({ length: n }, (_, i) => synth(i));
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
const articles: Article[] = texts.map((t, i) => parseArticle(`${String(i).padStart(5, '0')}.txt`, t));
texts.length = 0;
const t0 = performance.now();
const set = buildSet({ title: 'bench', topics: [], articles });
const secs = (performance.now() - t0) / 1000;
const queries = ['homicides', 'cocaine', 'election runoff', 'military aid', 'banana ports', 'gangs', 'migration', 'United States', 'Constitutional Court', 'special forces'];
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
