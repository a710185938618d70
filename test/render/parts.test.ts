import { describe, expect, it } from 'vitest';
import type { SourceRef } from '../../src/core/model.js';
import { publishedRange } from '../../src/render/parts.js';

const src = (n: number, published?: string, dateInferred?: boolean): SourceRef => ({ n, file: `${String(n)}.txt`, headline: 'h', published, dateInferred });

describe('publishedRange', () => {
  it.each([
    ['one date', [src(1, '2025-02-19')], '2025-02-19'],
    ['a span, earliest first', [src(1, '2025-02-19'), src(2, '2025-02-09')], '2025-02-09 to 2025-02-19'],
    ['~ when any date was inferred', [src(1, '2025-02-19'), src(2, '2025-02-09', true)], '~2025-02-09 to 2025-02-19'],
    ['only known dates', [src(1), src(2, '2025-02-19')], '2025-02-19'],
    ['nothing when no date is known', [src(1)], undefined],
  ])('%s', (_, sources, expected) => {
    expect(publishedRange(sources)).toBe(expected);
  });
});
