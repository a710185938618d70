/** A gate in front of many patterns: which of them a sentence can match at all, from the words it holds. */

/**
 * Calls `f` with a key for each word of `text`, a word being a run of ASCII letters read in lower
 * case, as the cues' `\b` and `i` flag read them. The key is a hash, so that no word is cut out as
 * a string: equal words share a key, and two words that happen to share one only let a sentence
 * through the anchor gate that its cues' expressions then turn down.
 */
function forEachWordKey(text: string, f: (key: number) => void): void {
  let h = FNV_OFFSET;
  let letters = 0;
  for (let i = 0; i <= text.length; i++) {
    let c = i < text.length ? text.charCodeAt(i) : 0;
    if (c >= 65 && c <= 90) c += 32;
    if (c >= 97 && c <= 122) {
      h = Math.imul(h ^ c, FNV_PRIME);
      letters++;
    } else if (letters) {
      // Kept to 30 bits: small integers are the cheapest Map keys.
      f(h & 0x3fffffff);
      h = FNV_OFFSET;
      letters = 0;
    }
  }
}
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/**
 * A gate over `cues`: for a sentence, the cues whose anchor sets it holds a word of each of, in their
 * order. `anchors` are space-separated sets of lower-case words a cue's pattern cannot match without.
 * One lookup per word stands in for a scan per cue; most sentences have none, or only "could" or "may".
 */
export function anchorGate<C extends { anchors: readonly string[] }>(cues: readonly C[]): (sentence: string) => C[] {
  // For each anchor word's key, the anchor sets it is in: bit `s` of `cue` stands for set `s` of
  // `cues[cue]`, and `all[cue]` has every set's bit.
  const anchored = new Map<number, { cue: number; bit: number }[]>();
  const all: readonly number[] = cues.map((c) => (1 << c.anchors.length) - 1);
  cues.forEach((c, cue) => {
    c.anchors.forEach((set, s) => {
      forEachWordKey(set, (key) => {
        const had = anchored.get(key);
        if (had) had.push({ cue, bit: 1 << s });
        else anchored.set(key, [{ cue, bit: 1 << s }]);
      });
    });
  });
  // The anchor sets each cue holds while a sentence is read (one array, reused).
  const held = new Int32Array(cues.length);
  return (sentence) => {
    held.fill(0);
    forEachWordKey(sentence, (key) => {
      const sets = anchored.get(key);
      if (sets) for (const { cue, bit } of sets) held[cue] = (held[cue] ?? 0) | bit;
    });
    return cues.filter((_c, i) => held[i] === all[i]);
  };
}
