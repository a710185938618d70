/**
 * What WordNet knows that figures need (built into lexicon.json by scripts/build-lexicon.ts):
 * which nouns name people, which nouns mean the same or one is a kind of the other, and the noun
 * for a verb's act. Read on first use.
 */
import data from './lexicon.json' with { type: 'json' };

interface Tables {
  /** Noun -> the line of its first sense in `data.senses` (one sense a line: "sense broader word,word"). */
  lineOf: Map<string, number>;
  /** Sense -> its line. */
  senseLine: Map<string, number>;
  /** Per line: the sense, the sense directly above it, and its words as the file lists them. */
  sense: string[];
  broader: string[];
  words: string[];
  people: Set<string>;
  /** Bodies of people, not persons: "police", "staff", "people". */
  groups: Set<string>;
  nominal: Map<string, string>;
  nouns: Set<string>;
  /** A noun's senses after its first that can match another word, in WordNet's order. */
  more: Map<string, Sense[]>;
}

/** A WordNet sense of a noun and the sense directly above it. */
export interface Sense {
  sense: string;
  broader: string;
}

let tables: Tables | undefined;

/** The `,`-separated items of `text` between `from` and `to`, each told to `each` in place (no array made). */
function eachItem(text: string, from: number, to: number, each: (item: string) => void): void {
  let start = from;
  while (start < to) {
    let end = text.indexOf(',', start);
    if (end < 0 || end > to) end = to;
    each(text.slice(start, end));
    start = end + 1;
  }
}

/**
 * Kept as lines and indexes rather than a tuple and a list per word: the set's heap is the budget.
 * Read with indexOf rather than split: this runs once per process, cold, on every brief.
 */
function load(): Tables {
  if (tables) return tables;
  const lineOf = new Map<string, number>();
  const senseLine = new Map<string, number>();
  const sense: string[] = [];
  const broader: string[] = [];
  const words: string[] = [];
  const text = data.senses;
  for (let start = 0, i = 0; start <= text.length; i++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // One sense a line: "sense broader word,word".
    let a = text.indexOf(' ', start);
    if (a < 0 || a > end) a = end;
    let b = a < end ? text.indexOf(' ', a + 1) : end;
    if (b < 0 || b > end) b = end;
    const id = text.slice(start, a);
    sense.push(id);
    broader.push(a < end ? text.slice(a + 1, b) : '');
    words.push(b < end ? text.slice(b + 1, end) : '');
    senseLine.set(id, i);
    const line = i;
    if (b < end) eachItem(text, b + 1, end, (w) => lineOf.set(w.includes('_') ? w.replace('_', ' ') : w, line));
    else lineOf.set('', line);
    start = end + 1;
  }
  const nominal = new Map<string, string>();
  eachItem(data.nominal, 0, data.nominal.length, (pair) => {
    const colon = pair.indexOf(':');
    nominal.set(colon < 0 ? pair : pair.slice(0, colon), colon < 0 ? '' : pair.slice(colon + 1));
  });
  const people = new Set<string>();
  const groups = new Set<string>();
  eachItem(data.people, 0, data.people.length, (w) => {
    const word = w.startsWith('*') ? w.slice(1) : w;
    people.add(word);
    if (word !== w) groups.add(word);
  });
  const more = new Map<string, Sense[]>();
  eachItem(data.more, 0, data.more.length, (entry) => {
    const colon = entry.indexOf(':');
    const word = colon < 0 ? entry : entry.slice(0, colon);
    const ids = colon < 0 ? '' : entry.slice(colon + 1);
    const dot = ids.indexOf('.');
    const key = word.replace('_', ' ');
    const list = more.get(key);
    const s: Sense = { sense: dot < 0 ? ids : ids.slice(0, dot), broader: dot < 0 ? '' : ids.slice(dot + 1) };
    if (list) list.push(s);
    else more.set(key, [s]);
  });
  tables = { lineOf, senseLine, sense, broader, words, people, groups, nominal, nouns: new Set(data.nouns.split(',')), more };
  return tables;
}

/** The words of a sense's line. */
const wordsOf = (t: Tables, line: number): string[] => (t.words[line] ?? '').split(',').map((w) => w.replace('_', ' '));

/** Whether a lower-case noun names a body of people rather than a person ("police", "staff"): never a surname. */
export function isGroupNoun(noun: string): boolean {
  return load().groups.has(noun);
}

/** Whether a lower-case noun (singular or plural) names a person or a body of people ("machinists", "troops"). */
export function isPeopleNoun(noun: string): boolean {
  const { people } = load();
  return people.has(noun) || people.has(singular(noun));
}

const singulars = new Map<string, string>();

/** A noun's singular, by the regular rules ("fatalities" -> "fatality", "buses" -> "bus"); each word worked out once. */
export function singular(noun: string): string {
  let s = singulars.get(noun);
  if (s === undefined) {
    s = singularOf(noun);
    if (singulars.size < 100_000) singulars.set(noun, s);
  }
  return s;
}

function singularOf(noun: string): string {
  const { lineOf, people } = load();
  const known = (w: string): boolean => lineOf.has(w) || people.has(w);
  if (known(noun) && !noun.endsWith('s')) return noun;
  for (const [suffix, repl] of [
    ['ies', 'y'],
    ['ves', 'f'],
    ['ves', 'fe'],
    ['ses', 's'],
    ['xes', 'x'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ren', ''],
    ['people', 'person'],
    ['s', ''],
  ] as const) {
    if (noun.length > suffix.length + 2 && noun.endsWith(suffix)) {
      const w = noun.slice(0, -suffix.length) + repl;
      if (known(w)) return w;
    }
  }
  return known(noun) ? noun : noun.replace(/(?<=[^s])s$/, '');
}

/** The WordNet sense of a noun, and the one above it; undefined for words it does not hold. */
export function senseOf(noun: string): Sense | undefined {
  const t = load();
  const line = t.lineOf.get(noun) ?? t.lineOf.get(singular(noun));
  return line === undefined ? undefined : { sense: t.sense[line] ?? '', broader: t.broader[line] ?? '' };
}

/** Whether the lexicon holds a sense for a noun exactly as written (singular, lower case): no rules tried. */
export function hasSense(noun: string): boolean {
  return load().lineOf.has(noun);
}

let compoundHeads: Set<string> | undefined;

/**
 * Whether some noun of the lexicon written in several words opens with `word` ("power" of "power
 * outage"): a word that opens none cannot open a compound, and most words open none. Any word with
 * a space in it may.
 */
export function opensCompound(word: string): boolean {
  if (!compoundHeads) {
    compoundHeads = new Set<string>();
    for (const noun of load().lineOf.keys()) {
      const space = noun.indexOf(' ');
      if (space > 0) compoundHeads.add(noun.slice(0, space));
    }
  }
  return word.includes(' ') || compoundHeads.has(word);
}

/** Every sense of a noun the lexicon holds, its first one first: the others can match another word of a story. */
export function sensesOf(noun: string): Sense[] {
  const first = senseOf(noun);
  const t = load();
  const more = t.more.get(noun) ?? t.more.get(singular(noun)) ?? [];
  return first ? [first, ...more] : more;
}

/** The noun naming a verb's act or result ("invest" -> "investment"); the verb itself when WordNet has none. */
export function nominalOf(verb: string): string {
  return load().nominal.get(verb) ?? verb;
}

/** Whether a lower-case word is a common noun (singular or plural), not only a name: "unemployment", "shares". */
export function isCommonNoun(word: string): boolean {
  const t = load();
  const w = singular(word);
  return t.lineOf.has(word) || t.lineOf.has(w) || t.people.has(w) || t.nouns.has(word) || t.nouns.has(w);
}

/** The names of the senses the set's measures have used. */
const names = new Map<string, string>();

/** A word that names a sense ("death" for the sense of "death" and "decease"), or the sense id when none is listed. */
export function senseName(sense: string): string {
  let name = names.get(sense);
  if (name === undefined) {
    const t = load();
    const line = t.senseLine.get(sense);
    name = line === undefined ? sense : (wordsOf(t, line)[0] ?? sense);
    names.set(sense, name);
  }
  return name;
}

/** The other words of a noun's first sense ("raise" -> "wage increase", "hike", ...). */
export function synonymsOf(noun: string): readonly string[] {
  const s = senseOf(noun);
  const t = load();
  const line = s ? t.senseLine.get(s.sense) : undefined;
  return line === undefined ? [] : wordsOf(t, line);
}
