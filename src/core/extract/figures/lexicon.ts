/**
 * What WordNet knows that figures need (built into lexicon.json by scripts/build-lexicon.ts):
 * which nouns name people, which nouns mean the same or one is a kind of the other, and the noun
 * for a verb's act. Read on first use.
 */
import data from './lexicon.json' with { type: 'json' };

interface Tables {
  /** Noun -> [its first sense, the sense directly above it]. */
  senses: Map<string, [string, string]>;
  /** Sense -> the first word of it the file lists: a name for the sense that outlives a rebuild of the file. */
  names: Map<string, string>;
  /** Sense -> every word of it. */
  members: Map<string, string[]>;
  people: Set<string>;
  nominal: Map<string, string>;
  nouns: Set<string>;
}

let tables: Tables | undefined;

function load(): Tables {
  if (tables) return tables;
  const senses = new Map<string, [string, string]>();
  const names = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const line of data.senses.split('\n')) {
    const [sense = '', broader = '', words = ''] = line.split(' ');
    const list = words.split(',').map((w) => w.replace('_', ' '));
    for (const w of list) senses.set(w, [sense, broader]);
    if (!names.has(sense) && list[0]) names.set(sense, list[0]);
    members.set(sense, [...(members.get(sense) ?? []), ...list]);
  }
  const nominal = new Map<string, string>();
  for (const pair of data.nominal.split(',')) {
    const [verb = '', noun = ''] = pair.split(':');
    nominal.set(verb, noun);
  }
  tables = { senses, names, members, people: new Set(data.people.split(',')), nominal, nouns: new Set(data.nouns.split(',')) };
  return tables;
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
  const { senses, people } = load();
  const known = (w: string): boolean => senses.has(w) || people.has(w);
  if (known(noun) && !noun.endsWith('s')) return noun;
  for (const [suffix, repl] of [['ies', 'y'], ['ves', 'f'], ['ses', 's'], ['xes', 'x'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ren', ''], ['people', 'person'], ['s', '']] as const) {
    if (noun.length > suffix.length + 2 && noun.endsWith(suffix)) {
      const w = noun.slice(0, -suffix.length) + repl;
      if (known(w)) return w;
    }
  }
  return known(noun) ? noun : noun.replace(/(?<=[^s])s$/, '');
}

/** The WordNet sense of a noun, and the one above it; undefined for words it does not hold. */
export function senseOf(noun: string): { sense: string; broader: string } | undefined {
  const s = load().senses.get(noun) ?? load().senses.get(singular(noun));
  return s ? { sense: s[0], broader: s[1] } : undefined;
}

/** The noun naming a verb's act or result ("invest" -> "investment"); the verb itself when WordNet has none. */
export function nominalOf(verb: string): string {
  return load().nominal.get(verb) ?? verb;
}

/** Whether a lower-case word is a common noun (singular or plural), not only a name: "unemployment", "shares". */
export function isCommonNoun(word: string): boolean {
  const t = load();
  const w = singular(word);
  return t.senses.has(word) || t.senses.has(w) || t.people.has(w) || t.nouns.has(word) || t.nouns.has(w);
}

/** A word that names a sense ("death" for the sense of "death" and "decease"), or the sense id when none is listed. */
export function senseName(sense: string): string {
  return load().names.get(sense) ?? sense;
}

/** The other words of a noun's first sense ("raise" -> "wage increase", "hike", ...). */
export function synonymsOf(noun: string): readonly string[] {
  const s = senseOf(noun);
  return s ? load().members.get(s.sense) ?? [] : [];
}
