/** Property: whatever text arrives, the parsers answer with a value or a clear refusal; they never throw. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configFromText } from '../../src/config/load-config.js';
import { parseArticle } from '../../src/core/articles/parse.js';
import { parseFeedText } from '../../src/ingest/feeds.js';
import { extractPage } from '../../src/ingest/page.js';
import { readYaml } from '../../src/schema/yaml.js';
import { settings, timeout } from './runs.js';

/** Text like what arrives: any characters, or fragments of the formats spliced together. */
const pieces = [
  '<',
  '>',
  '</',
  '<html>',
  '<body>',
  '<p>',
  '<rss version="2.0">',
  '<channel>',
  '<item>',
  '<title>',
  '<feed xmlns="http://www.w3.org/2005/Atom">',
  '<entry>',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&#0;',
  '{"',
  '":',
  '[',
  ']',
  '\n',
  'Date: ',
  '2025-13-45',
  'Source: ',
  '- ',
  ': ',
  '&a ',
  '*a',
  '!!binary',
  '---',
  '\u202E',
  '\u0000',
  '\uFFFF',
  'Noboa said 12 people died on Monday.',
];
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((xs) => xs.join('')),
);

describe('parsers never throw', () => {
  it(
    'an article file',
    () => {
      fc.assert(
        fc.property(text, (t) => {
          const a = parseArticle('fuzz.txt', t);
          expect(typeof a.headline).toBe('string');
        }),
        settings,
      );
    },
    timeout,
  );

  it(
    'a feed',
    () => {
      fc.assert(
        fc.property(text, (t) => {
          const r = parseFeedText(t);
          if (!r.ok) expect(r.error.message).toMatch(/\S/);
        }),
        settings,
      );
    },
    timeout,
  );

  it(
    'a web page',
    () => {
      fc.assert(
        fc.property(text, (t) => {
          const r = extractPage(t, 'https://news.example/story');
          if (!r.ok) expect(r.error.message).toMatch(/\S/);
        }),
        settings,
      );
    },
    timeout,
  );

  it(
    'YAML and the config',
    () => {
      fc.assert(
        fc.property(text, (t) => {
          const y = readYaml(t);
          if (!y.ok) for (const p of y.error) expect(p).not.toContain('\n');
          const c = configFromText(t, { platforms: ['console', 'slack', 'discord'], subjects: ['ecuador'] });
          if (!c.ok) for (const p of c.error.problems) expect(typeof p).toBe('string');
        }),
        settings,
      );
    },
    timeout,
  );
});
