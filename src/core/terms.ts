/** Content words of a text, stemmed: how topics, questions and claims are matched across sources. */
import { stem } from './nlp.js';
import { foldAccents } from './text.js';

const STOP = new Set(
  (
    'the a an of to in on for and or but with by from at as is are was were be been being that this which who whom whose ' +
    'it its their his her they he she we our not no did does do would will could can might may should must has have had ' +
    'than then so such into over under about after before while if whether how what when where why also more most very just only ' +
    'said says say there these those'
  ).split(' '),
);

/**
 * Adds the content words of a lower-case text to `terms`, stemmed: each run of a-z longer than two
 * letters (what a split on anything else gives) that is no stop word, read in place. Stops, with
 * false, at the first character past ASCII unless `anyText`: only such text can carry accents.
 */
function addTerms(text: string, terms: Set<string>, anyText: boolean): boolean {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c >= 97 && c <= 122) {
      if (start < 0) start = i;
      continue;
    }
    if (c >= 0x80 && !anyText) return false;
    if (start >= 0 && i - start > 2) {
      const w = text.slice(start, i);
      if (!STOP.has(w)) terms.add(stem(w));
    }
    start = -1;
  }
  return true;
}

/** Content words of a text, stemmed, for matching topics and merging the same question across sources. */
export function termsOf(text: string): string[] {
  const lower = text.toLowerCase();
  const terms = new Set<string>();
  // Accents come off only where there are any: most text is plain ASCII, which NFD leaves as it is.
  if (!addTerms(lower, terms, false)) {
    terms.clear();
    addTerms(foldAccents(lower), terms, true);
  }
  return [...terms];
}
