import { syntheticStream } from '../bench/synthetic.js';
import { findNumbers } from '../src/core/extract/figures/numbers.js';
const sents: string[] = [];
for (const t of syntheticStream(1000)) sents.push(...t.split('\n').slice(2));
let c = 0;
for (let r = 0; r < 3; r++) { const t = performance.now(); for (const s of sents) c += findNumbers(s).length; console.log('findNumbers', (performance.now() - t).toFixed(0), 'ms', sents.length, c); }
