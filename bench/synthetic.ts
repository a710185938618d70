/** A large synthetic article set from the bundled articles' sentences, recombined with numbers and names varied. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../src/core/articles/parse.js';
import { SetBuilder, type BriefingSet } from '../src/core/briefing/set.js';
import type { Article, Topic } from '../src/core/model.js';

const dir = join(import.meta.dirname, '../briefings/ecuador/articles');
const sentences = readdirSync(dir)
  .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').slice(1))
  .flatMap((p) => p.split(/(?<=[.!?])\s+(?=[A-Z])/))
  .filter((s) => s.length > 40 && !/Photo|Courtesy|Follow|Related/.test(s));
const names = ['Noboa', 'Gonzalez', 'Correa', 'Lasso', 'Pazmiño', 'Loffredo', 'Bukele', 'Arce', 'Petro', 'Boluarte'];

/** A 32-bit PRNG (mulberry32): integer arithmetic only, so its period is 2^32. */
function mulberry32(seed: number): (k: number) => number {
  let a = seed >>> 0;
  return (k) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % k;
  };
}

/**
 * The texts of `n` distinct synthetic articles, one at a time (so a benchmark need not hold them
 * all); the same for the same `n`. Integer-only randomness: an earlier generator lost precision
 * past 2^53 and repeated its texts after about 209 articles.
 */
export function* syntheticStream(n: number): Generator<string> {
  const rand = mulberry32(42);
  for (let i = 0; i < n; i++) {
    const body: string[] = [];
    const count = 25 + rand(15);
    for (let k = 0; k < count; k++) {
      const s = sentences[rand(sentences.length)] ?? '';
      body.push(
        s
          .replace(/\d+(?:\.\d+)?/g, (d) => (/^(19|20)\d\d$/.test(d) ? d : String(Math.round(Number(d) * (0.5 + rand(100) / 100) * 100) / 100)))
          .replace(/Noboa/g, names[rand(names.length)] ?? 'Noboa'),
      );
    }
    yield `Synthetic story ${i}\nDate: 2025-02-${String(1 + (i % 28)).padStart(2, '0')}\n${body.join('\n')}\n`;
  }
}

/** The texts of `n` synthetic articles, all at once. */
export const syntheticTexts = (n: number): string[] => [...syntheticStream(n)];

/** The file name of synthetic article `i`. */
export const syntheticFile = (i: number): string => `${String(i).padStart(5, '0')}.txt`;

/** The synthetic texts parsed as articles. */
export const syntheticArticles = (texts: string[]): Article[] => texts.map((t, i) => parseArticle(syntheticFile(i), t));

/** Topics like the bundled subject's, for briefings on the synthetic set. */
export const BENCH_TOPICS: Topic[] = [
  { name: 'homicides', label: 'Homicides', terms: ['homicide', 'murder', 'killings'] },
  { name: 'cocaine', label: 'Cocaine', terms: ['cocaine', 'drugs', 'trafficking'] },
  { name: 'election', label: 'Election', terms: ['election', 'runoff', 'vote'] },
  { name: 'military-aid', label: 'Military aid', terms: ['military aid', 'special forces', 'troops'] },
];

/** Queries a benchmark cycles through: topics and free text. */
export const BENCH_QUERIES = [
  'homicides',
  'cocaine',
  'election runoff',
  'military aid',
  'banana ports',
  'gangs',
  'migration',
  'United States',
  'Constitutional Court',
  'special forces',
];

/** The indexed set of `n` synthetic articles, built as the bot builds one: each article extracted once, only its extract kept. */
export function syntheticSet(n: number, title = 'Bench subject'): BriefingSet {
  // Each article dates itself (its `Date:` line): no set-wide dating pass is needed.
  const set = new SetBuilder({ title, topics: BENCH_TOPICS }, []);
  let i = 0;
  for (const text of syntheticStream(n)) set.extract(i, parseArticle(syntheticFile(i++), text));
  return set.done();
}
