import { describe, expect, it } from 'vitest';
import { createNearDuplicateIndex, signatureOf, similarity, wordsOf } from '../../src/core/articles/near-duplicates.js';
import { MINING, PORT, RUNOFF, RUNOFF_COPY } from './fixtures.js';

const body = (p: { paragraphs: string[] }): string => p.paragraphs.join('\n');

describe('near-duplicate articles (MinHash over word 5-grams)', () => {
  it('reads words without case, accents or punctuation', () => {
    expect(wordsOf('González, 55.6% — “Noboa”!')).toEqual(['gonzalez', '55', '6', 'noboa']);
  });

  it.each([
    ['the same text', body(RUNOFF), body(RUNOFF), 1, 1],
    ['the same text laid out differently', body(RUNOFF), RUNOFF.paragraphs.join('  ').toUpperCase(), 1, 1],
    ['a wire copy with a few words changed and a line added', body(RUNOFF), body(RUNOFF_COPY), 0.8, 1],
    ['another story on the same subject', body(RUNOFF), body(PORT), 0, 0.2],
    ['a story on another subject', body(RUNOFF), body(MINING), 0, 0.2],
  ])('estimates %s as similar between the bounds', (_what, a, b, low, high) => {
    const s = similarity(signatureOf(a), signatureOf(b));
    expect(s).toBeGreaterThanOrEqual(low);
    expect(s).toBeLessThanOrEqual(high);
  });

  it('finds the copy an indexed story has, and nothing for a new story', () => {
    const index = createNearDuplicateIndex<string>();
    index.add('runoff', signatureOf(body(RUNOFF)));
    index.add('port', signatureOf(body(PORT)));
    expect(index.match(signatureOf(body(RUNOFF_COPY)))?.id).toBe('runoff');
    expect(index.match(signatureOf(body(MINING)))).toBeUndefined();
    expect(index.size).toBe(2);
  });

  it('stays fast with thousands of indexed articles: a lookup only checks its buckets', () => {
    const index = createNearDuplicateIndex<number>();
    const words = wordsOf([RUNOFF, PORT, MINING].map(body).join(' '));
    // Distinct synthetic texts: a different slice of words each, so none is a copy of another.
    for (let i = 0; i < 3000; i++)
      index.add(
        i,
        signatureOf(
          words
            .slice(i % 97, (i % 97) + 40)
            .concat([`n${String(i)}`, `m${String(i * 7)}`])
            .join(' '),
        ),
      );
    const t = performance.now();
    for (let i = 0; i < 200; i++) index.match(signatureOf(body(MINING)));
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
