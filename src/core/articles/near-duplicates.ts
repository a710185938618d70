/**
 * Near-duplicate articles (wire copies: the same AP or Reuters story on several sites, lightly
 * edited), found by MinHash over word 5-grams with LSH buckets, so each new article is compared
 * only with the few that share a bucket: O(signature) per insert, however many are indexed.
 */
import { foldAccents } from '../text.js';

/** A MinHash signature: one minimum per hash function. */
export type Signature = Uint32Array;

/** How signatures are made and compared. */
export interface NearDuplicateOptions {
  /** Words per shingle. */
  shingle: number;
  /** LSH bands and rows per band; `bands * rows` hash functions in all. */
  bands: number;
  rows: number;
  /** Estimated Jaccard similarity at or above which two texts are copies of one story. */
  threshold: number;
}

/**
 * 20 bands of 6 rows (120 hashes): a pair at similarity 0.8 shares a bucket with probability 0.998,
 * a pair at 0.4 with 0.08; candidates are then checked on the whole signature.
 */
export const NEAR_DUPLICATE_DEFAULTS: NearDuplicateOptions = { shingle: 5, bands: 20, rows: 6, threshold: 0.8 };

/** Lower-case words, accents and punctuation dropped: what two copies of one story share. */
export function wordsOf(text: string): string[] {
  return foldAccents(text.toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** FNV-1a over a string: a fast 32-bit hash for shingles. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mixer (murmur3's finaliser): turns one shingle hash into hash function `i`'s value. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const seedsFor = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => mix(i + 1, 0x9e3779b9));

/** The MinHash signature of a text's word shingles. */
export function signatureOf(text: string, opts: NearDuplicateOptions = NEAR_DUPLICATE_DEFAULTS): Signature {
  const n = opts.bands * opts.rows;
  const seeds = seedsFor(n);
  const sig = new Uint32Array(n).fill(0xffffffff);
  const words = wordsOf(text);
  const k = Math.min(opts.shingle, Math.max(1, words.length));
  for (let i = 0; i + k <= words.length; i++) {
    const h = fnv1a(words.slice(i, i + k).join(' '));
    for (let j = 0; j < n; j++) {
      const v = mix(h, seeds[j] ?? 0);
      if (v < (sig[j] ?? 0)) sig[j] = v;
    }
  }
  return sig;
}

/** The share of hash functions on which two signatures agree: an estimate of the texts' Jaccard similarity. */
export function similarity(a: Signature, b: Signature): number {
  const n = Math.min(a.length, b.length);
  if (!n) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/** Signatures by id, bucketed by band, answering "which indexed text is this a copy of?". */
export interface NearDuplicateIndex<Id> {
  /** The most similar indexed text at or above the threshold, and its similarity. */
  match(sig: Signature): { id: Id; similarity: number } | undefined;
  add(id: Id, sig: Signature): void;
  readonly size: number;
}

/** An empty index. */
export function createNearDuplicateIndex<Id>(opts: NearDuplicateOptions = NEAR_DUPLICATE_DEFAULTS): NearDuplicateIndex<Id> {
  // Keyed by a hash of (band, rows): a rare collision only adds a candidate, checked like any other.
  const buckets = new Map<number, number[]>();
  const ids: Id[] = [];
  const sigs: Signature[] = [];
  const keysOf = (sig: Signature): number[] => {
    const out: number[] = [];
    for (let b = 0; b < opts.bands; b++) {
      let h = mix(b, 0x811c9dc5);
      for (let r = 0; r < opts.rows; r++) h = mix(h ^ (sig[b * opts.rows + r] ?? 0), r);
      out.push(h);
    }
    return out;
  };
  return {
    match(sig) {
      let best: { id: Id; similarity: number } | undefined;
      const seen = new Set<number>();
      for (const key of keysOf(sig)) {
        for (const i of buckets.get(key) ?? []) {
          if (seen.has(i)) continue;
          seen.add(i);
          const s = similarity(sig, sigs[i] ?? new Uint32Array());
          if (s >= opts.threshold && (!best || s > best.similarity)) best = { id: ids[i] as Id, similarity: s };
        }
      }
      return best;
    },
    add(id, sig) {
      const i = ids.length;
      ids.push(id);
      sigs.push(sig);
      for (const key of keysOf(sig)) {
        const list = buckets.get(key);
        if (list) list.push(i);
        else buckets.set(key, [i]);
      }
    },
    get size() {
      return ids.length;
    },
  };
}
