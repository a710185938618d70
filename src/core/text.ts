/** Text helpers the core shares: accents off, overlap of word lists. One copy each. */

/** The text without combining marks ("café" -> "cafe"); case is left as it is. */
export const foldAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

/** How many of `b`'s words are in `a`, and the Jaccard overlap of the two (`a` counted once per word). */
export function overlap(a: readonly string[], b: readonly string[]): { shared: number; jaccard: number } {
  const A = new Set(a);
  const shared = b.filter((x) => A.has(x)).length;
  return { shared, jaccard: shared / (A.size + b.length - shared || 1) };
}

/**
 * A regex group of alternatives kept as a table, one row each and in order (order decides which
 * wins): `anyOf([/sign(?:ing)? up/, 'inbox'])` is the source `(?:sign(?:ing)? up|inbox)`. A row is a
 * RegExp literal (its source is taken, flags ignored) or a string of regex source.
 */
export const anyOf = (rows: readonly (string | RegExp)[]): string => `(?:${rows.map((r) => (typeof r === 'string' ? r : r.source)).join('|')})`;

/** A count and its noun, singular for one: `plural(3, 'source')` is "3 sources"; `many` names an irregular plural. */
export const plural = (n: number, word: string, many = `${word}s`): string => `${String(n)} ${n === 1 ? word : many}`;

/** The text with its first letter capitalised ("deaths" -> "Deaths"). */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Text on one line: a quote from hard-wrapped copy keeps its line breaks; what is shown of it does not. */
export const oneLine = (s: string): string => (s.includes('\n') ? s.replace(/\s*\n\s*/g, ' ') : s);
