import { describe, expect, it } from 'vitest';
import { clip, fitLines, md } from '../../../src/render/discord/fit.js';

describe('clip', () => {
  it.each([
    ['short', 10, 'short'],
    ['a sentence that is too long', 12, 'a sentence…'],
    ['emoji 😀😀', 8, 'emoji…'],
    ['escaped \\* star', 10, 'escaped…'],
  ])('clips %j to %i as %j', (s, max, expected) => {
    expect(clip(s, max)).toBe(expected);
    expect(clip(s, max).length).toBeLessThanOrEqual(max);
  });
});

describe('fitLines', () => {
  const more = (n: number): string => (n ? `+${String(n)} more` : '');
  const lines = Array.from({ length: 30 }, (_, i) => `line ${String(i)} `.repeat(5));

  it.each([50, 100, 333, 1024])('keeps %i characters, the last line saying how many were left out', (max) => {
    const out = fitLines(lines, max, more);
    expect(out.length).toBeLessThanOrEqual(max);
    const shown = out.split('\n');
    expect(shown.at(-1)).toBe(`+${String(30 - (shown.length - 1))} more`);
  });

  it('keeps everything when it fits', () => {
    expect(fitLines(['a', 'b'], 100, more)).toBe('a\nb');
  });

  it('clips a line longer than its share', () => {
    expect(fitLines(['x'.repeat(500)], 100, more, 60)).toBe(`${'x'.repeat(59)}…`);
  });
});

describe('md', () => {
  it('escapes what Discord would format, link or mention', () => {
    expect(md('*a* _b_ ~c~ `d` |e| [f](g) <@1> \\')).toBe('\\*a\\* \\_b\\_ \\~c\\~ \\`d\\` \\|e\\| \\[f\\](g) \\<@1\\> \\\\');
  });
});
