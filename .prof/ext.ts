import { parseArticle } from '/work/main/src/core/articles/parse.js';
import { createInterner, extractArticle } from '/work/main/src/core/extract/article.js';
import { syntheticFile, syntheticStream } from '/work/main/bench/synthetic.js';
const n = Number(process.argv[2] ?? 1000);
const intern = createInterner();
let i = 0; let c = 0;
const t = performance.now();
for (const text of syntheticStream(n)) { c += extractArticle(parseArticle(syntheticFile(i++), text), intern).figures.length; }
console.log('ms', performance.now() - t, c);
