import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../../src/ingest/feeds.js';
import { atomFeed, itemFor, jsonFeed, rssFeed, RUNOFF } from './fixtures.js';

const expected = { title: 'Noboa wins Ecuador runoff as homicides fall', url: 'https://diario.example/noboa', published: '2025-04-14' };

describe('feeds (feedsmith)', () => {
  it.each([
    [
      'RSS 2.0',
      rssFeed('El Diario — World', [{ ...itemFor(RUNOFF, 'https://diario.example/noboa'), content: '<p>First paragraph.</p><p>Second <b>paragraph</b>.</p>' }]),
    ],
    [
      'Atom',
      atomFeed('El Diario — World', [
        {
          title: RUNOFF.headline,
          link: 'https://diario.example/noboa',
          summary: RUNOFF.paragraphs[0] ?? '',
          updated: '2025-04-14T08:00:00Z',
          content: '<p>First paragraph.</p><p>Second <b>paragraph</b>.</p>',
        },
      ]),
    ],
    [
      'JSON Feed',
      jsonFeed('El Diario — World', [
        {
          id: '1',
          url: 'https://diario.example/noboa',
          title: RUNOFF.headline,
          summary: RUNOFF.paragraphs[0] ?? '',
          date_published: '2025-04-14T08:00:00Z',
          content_html: '<p>First paragraph.</p><p>Second <b>paragraph</b>.</p>',
        },
      ]),
    ],
  ])('reads %s items: title, link, date, summary and the text as paragraphs', (_format, body) => {
    const r = parseFeedText(body);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.title).toBe('El Diario — World');
    expect(r.value.items).toHaveLength(1);
    expect(r.value.items[0]).toMatchObject({ ...expected, content: ['First paragraph.', 'Second paragraph.'] });
    expect(r.value.items[0]?.summary).toMatch(/^QUITO, Ecuador \(AP\) — President Daniel Noboa won/);
  });

  it.each([
    ['malformed XML', '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>Broken</titl', 'malformed'],
    ['an HTML page', '<!doctype html><html><body><h1>Welcome</h1></body></html>', 'not-a-feed'],
    ['JSON that is not a JSON Feed', '{"hello": "world"}', 'not-a-feed'],
  ])('refuses %s with a reason', (_what, body, code) => {
    const r = parseFeedText(body);
    expect(!r.ok && r.error.code).toBe(code);
  });
});
