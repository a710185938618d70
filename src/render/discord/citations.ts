/**
 * Source numbers as a briefing cites them ("[1][2][3]+40"), fast on large sets: the numbering of a
 * source list is built once per list, and the citation of a list of evidence once per list. A bot
 * answers from the same set for its whole life, so both are reused from one answer to the next;
 * the lists are the set's own (immutable) arrays, held weakly.
 */
import type { Evidence, SourceRef } from '../../core/model.js';
import { publishedRange, sourceNumbers } from '../parts.js';

/** A source list, indexed. */
export interface SourceIndex {
  /** The source numbered `n`. */
  byNumber: ReadonlyMap<number, SourceRef>;
  /** "2025-02-18 to 2025-02-21", one date, or "undated"; "~" first when some were inferred. */
  dates: string;
  /** "[1][2][3]+N" for a list of files or evidence, the lowest `cap` numbers shown. */
  cite(list: readonly (string | Evidence)[]): string;
}

/** Citations shown per item before "+N". */
const REFS_SHOWN = 3;

const indexes = new WeakMap<readonly SourceRef[], SourceIndex>();

/** The lowest `k` of `ns`, ascending, without sorting them all. */
function lowest(ns: Iterable<number>, k: number): number[] {
  const low: number[] = [];
  for (const n of ns) {
    if (low.length === k && n >= (low[k - 1] ?? Infinity)) continue;
    let i = low.length;
    while (i > 0 && (low[i - 1] ?? 0) > n) i--;
    low.splice(i, 0, n);
    if (low.length > k) low.pop();
  }
  return low;
}

/** The index of `sources`, made once per list. */
export function sourceIndex(sources: readonly SourceRef[]): SourceIndex {
  const known = indexes.get(sources);
  if (known) return known;
  const number = sourceNumbers(sources);
  const cited = new WeakMap<readonly (string | Evidence)[], string>();
  const compute = (list: readonly (string | Evidence)[]): string => {
    const ns = new Set<number>();
    for (const x of list) {
      const n = number.get(typeof x === 'string' ? x : x.file);
      if (n !== undefined) ns.add(n);
    }
    const shown = lowest(ns, REFS_SHOWN)
      .map((n) => `[${String(n)}]`)
      .join('');
    return ns.size > REFS_SHOWN ? `${shown}+${String(ns.size - REFS_SHOWN)}` : shown;
  };
  const index: SourceIndex = {
    byNumber: new Map(sources.map((s) => [s.n, s])),
    dates: publishedRange(sources) ?? 'undated',
    cite(list) {
      // Short lists are cheaper to cite than to remember.
      if (list.length <= 8) return compute(list);
      let text = cited.get(list);
      if (text === undefined) cited.set(list, (text = compute(list)));
      return text;
    },
  };
  indexes.set(sources, index);
  return index;
}
