import { describe, expect, it } from 'vitest';
import { resolveSetDates } from '../../src/core/articles/dates.js';
import { parseArticle } from '../../src/core/articles/parse.js';
import { datedArticles } from '../../src/core/briefing/dating.js';

const page = [
  'Storm hits the coast',
  'Source: Example News https://example.com/storm',
  'Date: 2024-10-02',
  'The mayor waves to residents in Tampa, Florida, on Monday. (AP Photo/Jane Doe)',
  'TAMPA, Fla. (AP) — The storm killed 12 people on Tuesday, officials said.',
  'Officials did not say when power would return.',
  'Follow our coverage at https://example.com/storms',
  'Related Posts',
  'Another story entirely',
].join('\n');

describe('parseArticle', () => {
  const a = parseArticle('storm.txt', page);

  it('reads the headline, outlet, url and date lines', () => {
    expect(a.headline).toBe('Storm hits the coast');
    expect(a.outlet).toBe('Example News');
    expect(a.url).toBe('https://example.com/storm');
    expect(a.published?.iso).toBe('2024-10-02');
  });

  it('keeps prose and drops captions, datelines, follow-us lines and what follows "Related Posts"', () => {
    expect(a.body.map((p) => p.text)).toEqual(['The storm killed 12 people on Tuesday, officials said.', 'Officials did not say when power would return.']);
    expect(a.furniture.map((f) => f.reason)).toEqual(['photo caption', 'dateline', 'follow-us line', 'end of article', 'end of article']);
  });

  it("drops an editor's label before a paragraph's prose, and keeps the prose with exact offsets", () => {
    const text =
      'Outage drags on\n\n[Update, July 19, 3:45 p.m.] A tracker showed that the airline had canceled 1,176 flights.\n\n[Related: Five things to know]\n';
    const b = parseArticle('u.txt', text);
    expect(b.body.map((p) => p.text)).toEqual(['A tracker showed that the airline had canceled 1,176 flights.']);
    expect(b.furniture.map((f) => [f.text, f.reason])).toEqual([
      ['[Update, July 19, 3:45 p.m.]', 'editor label'],
      ['[Related: Five things to know]', 'link'],
    ]);
    for (const p of b.body) expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });

  it('keeps body offsets exact, so quotes are substrings of the file', () => {
    for (const p of a.body) expect(page.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });

  it('reads hard-wrapped copy as the paragraphs it is, with quotes still exact', () => {
    const text = [
      'Ferry toll rises',
      'The toll in',
      'the ferry sinking rose to 27 on Saturday, with',
      'families waiting for news at the port of the',
      'island.',
      'At least 20 bodies have been recovered from the lake, said Mara Lind, president of the Port',
      'Workers Union, speaking to reporters at the harbour.',
      'Search for the hull',
      'Divers resumed work on Sunday.',
    ].join('\n');
    const w = parseArticle('w.txt', text);
    expect(w.body.map((p) => p.text.replace(/\n/g, ' '))).toEqual([
      'The toll in the ferry sinking rose to 27 on Saturday, with families waiting for news at the port of the island.',
      'At least 20 bodies have been recovered from the lake, said Mara Lind, president of the Port Workers Union, speaking to reporters at the harbour.',
      'Divers resumed work on Sunday.',
    ]);
    expect(w.furniture.map((f) => f.text)).toEqual(['Search for the hull']);
    for (const p of w.body) expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });

  it('leaves lines apart that do not go on in the next: headings, lone words, a headline in title case', () => {
    const text = [
      'Storm hits',
      'Recent Posts',
      'side-post-image',
      'Ferry Sinks Off The Coast, Officials Investigate',
      'share-icon published on Sunday',
      '- Search for the hull -',
      'Divers resumed work.',
    ].join('\n');
    expect(parseArticle('x.txt', text).body.map((p) => p.text)).not.toContain(expect.stringContaining('\n'));
  });

  it('takes the last few headlines under a list heading for the list, even one that ends with a stop', () => {
    const text = [
      'Fever spreads',
      'Date: 2024-09-29',
      'Health officials reported six deaths and 20 cases on Saturday, and said more tests were under way across the region.',
      'ALSO READ',
      'Suspected Fever Death in Riverton Under Investigation',
      'Valley Confirms Fever Death Amid Rising Concerns',
      'Valley Records Fever Case After Riverton Man Dies',
      'Man who died recently in Riverton was infected with the fever: Health Minister Ana Lind.',
      'Riverton Faces Fever Outbreak: Second Death Reported',
    ].join('\n');
    expect(parseArticle('f.txt', text).body.map((p) => p.text)).toEqual([
      'Health officials reported six deaths and 20 cases on Saturday, and said more tests were under way across the region.',
    ]);
  });

  it('drops a copyright notice run on after the last sentence of a paragraph', () => {
    const text = 'Rates cut\nThe pound fell 0.7 per cent on the day. - Copyright The Daily Ledger Limited 2024\n';
    const a = parseArticle('c.txt', text);
    expect(a.body.map((p) => p.text)).toEqual(['The pound fell 0.7 per cent on the day.']);
    expect(a.furniture.map((f) => f.reason)).toContain('copyright');
    for (const p of a.body) expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });

  it('drops a teaser that repeats the opening of the body, and a repeated headline', () => {
    const t = parseArticle(
      't.txt',
      'Big news\n\nThe council voted to close the port. The vote…\n\nBig news\n\nThe council voted to close the port. The vote was 7 to 2.',
    );
    expect(t.body.map((p) => p.text)).toEqual(['The council voted to close the port. The vote was 7 to 2.']);
    expect(t.furniture.map((f) => f.reason)).toEqual(['teaser', 'repeated headline']);
  });
});

describe('resolveSetDates', () => {
  it('dates an article that gives only an older year by the rest of the set', () => {
    const dated = parseArticle('a.txt', 'A\nDate: 2025-02-19\nThe vote was held.');
    const vague = parseArticle('b.txt', 'B\nThe rate fell in 2024, officials said.');
    const [, b] = resolveSetDates([dated, vague]);
    expect(b?.published).toMatchObject({ iso: '2025-02-19', source: 'set' });
  });

  it("reads a day more than a week before the set's as an earlier event the article looks back on, not its date", () => {
    const dated = parseArticle('a.txt', 'A\nDate: 2025-06-02\nRuiz won the runoff.');
    const later = parseArticle('b.txt', 'B\nRuiz won the runoff on Sunday, officials said on Monday morning. The first round on May 18 was inconclusive.');
    const [, b] = resolveSetDates([dated, later]);
    expect(b?.published?.iso).toBe('2025-06-02');
  });

  it('takes no year ahead of the report for its date: "expects the deal to close by the end of 2027"', () => {
    const dated = parseArticle('a.txt', 'A\nDate: 2026-10-27\nThe deal was signed.');
    const ahead = parseArticle('b.txt', 'B\nPortline said it would pay $11 a share and expects the deal to close by the end of 2027.');
    const [, b] = resolveSetDates([dated, ahead]);
    expect(b?.published).toMatchObject({ iso: '2026-10-27', source: 'set' });
  });

  it('takes no year a forecast names for its date: "expects inflation to rise to 2.75% ..., returning to target in early 2027"', () => {
    const dated = parseArticle('a.txt', 'A\nDate: 2025-08-01\nThe bank cut rates.');
    const forecast = parseArticle('b.txt', 'B\nThe bank expects inflation to rise to 2.75% this year, returning to its 2% target in early 2027.');
    const [, b] = resolveSetDates([dated, forecast]);
    expect(b?.published).toMatchObject({ iso: '2025-08-01', source: 'set' });
  });

  it('moves an undated article on by a weekday named after its latest day, unless that weekday is a day it names', () => {
    const dated = parseArticle('a.txt', 'A\nDate: 2025-04-30\nPower is back.');
    const later = parseArticle('b.txt', 'B\nThe storm hit on April 24. Crews said on Tuesday that power was back.');
    const same = parseArticle('c.txt', 'C\nThe outage struck on April 28. The operator said on April 29 that the blackout, which began on Monday, was over.');
    const [, b, c] = resolveSetDates([dated, later, same]);
    expect(b?.published?.iso).toBe('2025-04-29');
    expect(c?.published?.iso).toBe('2025-04-29');
  });

  it("reads a weekday a few days past the set's date as the one before, when the article's toll trails a dated report's", () => {
    const saturday = parseArticle('a.txt', 'A\nDate: 2024-11-02\nThe death toll from the floods rose to 211.');
    const tuesday = parseArticle('b.txt', 'B\nDate: 2024-11-05\nThe government approved an aid package.');
    const trailing = parseArticle('c.txt', 'C\nRescuers on Friday raised the death toll from the floods to 205.');
    const ahead = parseArticle('d.txt', 'D\nRescuers on Friday raised the death toll from the floods to 230.');
    const [, , c, d] = datedArticles([saturday, tuesday, trailing, ahead]);
    // 205 trails Saturday's 211: the Friday before it. 230 passes it: the Friday after the set's Tuesday.
    expect(c?.published?.iso).toBe('2024-11-01');
    expect(d?.published?.iso).toBe('2024-11-08');
    // By their texts alone, both Fridays are the one after.
    const byText = resolveSetDates([saturday, tuesday, trailing, ahead]);
    expect(byText.map((a) => a.published?.iso)).toEqual(['2024-11-02', '2024-11-05', '2024-11-08', '2024-11-08']);
  });

  it("reads an undated article's weekdays as the days the dated reports mean by them, else as days near the set's date", () => {
    // Dated reports of Sunday and Tuesday both put "Friday's quake" on March 28.
    const sunday = parseArticle('a.txt', 'A\nDate: 2025-03-30\nFriday’s quake killed 1,644, officials said on Saturday.');
    const tuesday = parseArticle('b.txt', 'B\nDate: 2025-04-01\nThe toll from Friday’s quake passed 2,000.');
    const undated = parseArticle('c.txt', 'C\nThe death toll from Friday’s quake rose to 1,000.');
    const monday = parseArticle('d.txt', 'D\nRescuers searched on Monday.');
    const [, , c, d] = resolveSetDates([sunday, tuesday, undated, monday]);
    expect(c?.published?.iso).toBe('2025-03-28');
    expect(d?.published?.iso).toBe('2025-03-31');
  });

  it('dates an undated article by the day a future plan was announced ("will send aid, announced the minister on March 31")', () => {
    const dated = parseArticle('a.txt', 'A\nDate: 2025-04-01\nAid arrived.');
    const announced = parseArticle('b.txt', 'B\nPakistan will send 35 tons of aid, announced Prime Minister Sharif on March 31.');
    const [, b] = resolveSetDates([dated, announced]);
    expect(b?.published?.iso).toBe('2025-03-31');
  });

  it('never dates an article by its photo caption, and dates an undated set by the days its texts name', () => {
    const captioned = parseArticle(
      'a.txt',
      'Port strike spreads\n' +
        'Dockworkers march in Valdivia, Chile, Sunday, Feb. 9, 2025. (AP Photo/Ana Ruiz)\n' +
        'VALDIVIA, Chile (AP) — The strike spread to two more ports on Wednesday, the union said.\n' +
        'It is the longest strike of 2025.',
    );
    const named = parseArticle('b.txt', 'Strike talks\nTalks resumed on February 19 as the strike, the longest of 2025, went on.');
    expect(captioned.dateHint?.iso).not.toBe('2025-02-09');
    const [a, b] = resolveSetDates([captioned, named]);
    expect([a?.published?.iso, b?.published?.iso]).toEqual(['2025-02-19', '2025-02-19']);
  });
});
