/** Text helpers the core shares: accents off, overlap of word lists. One copy each. */

/** The text without combining marks ("café" -> "cafe"); case is left as it is. */
export const foldAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

/** How many of `b`'s words are in `a`, and the Jaccard overlap of the two (`a` counted once per word). */
export function overlap(a: readonly string[], b: readonly string[]): { shared: number; jaccard: number } {
  const A = new Set(a);
  const shared = b.filter((x) => A.has(x)).length;
  return { shared, jaccard: shared / (A.size + b.length - shared || 1) };
}
