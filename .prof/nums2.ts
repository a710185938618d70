import { syntheticStream } from '../bench/synthetic.js';
import { DIGITS, WORDS, FRACTION, ONE_UNIT, MAY_HOLD } from '../src/core/extract/figures/numbers.js';
const sents: string[] = [];
for (const t of syntheticStream(1000)) sents.push(...t.split('\n').slice(2));
for (const [name, re] of Object.entries({ DIGITS, WORDS, FRACTION, ONE_UNIT, MAY_HOLD })) {
  for (let r = 0; r < 2; r++) { let c = 0; const t = performance.now(); for (const s of sents) { if (re.global) { for (const _ of s.matchAll(re)) c++; } else if (re.test(s)) c++; } if (r) console.log(name, (performance.now() - t).toFixed(1), 'ms', c); }
}
