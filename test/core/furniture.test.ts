import { describe, expect, it } from 'vitest';
import { datelineOf, furnitureReason, repeatsHeadline } from '../../src/core/articles/furniture.js';
import { parseArticle } from '../../src/core/articles/parse.js';

describe('furnitureReason', () => {
  it.each([
    ['Already a subscriber? Log in to continue reading.', 'paywall prompt'],
    ['Sign up for the Harbour Daily newsletter', 'reader prompt'],
    ['From breaking news to weekend reads, get the best of the Gazette delivered to your inbox.', 'reader prompt'],
    ['Escape the noise. Get the stories that matter to you, every morning.', 'reader prompt'],
    ['Want to catch up on the week? Click to follow the Harbour Hour wherever you get podcasts.', 'reader prompt'],
    ['A free weekly email wi', 'reader prompt'],
    ['More than 300 flights were cancelled and thousands of passengers had their plans disrupted (EPA)', 'photo caption'],
    [
      'NEW LOOK Sign up to get the inside scoop on the biggest stories in harbours, shipping and trade, delivered daily. Read preview ' +
        'Thanks for signing up! Find your favourite topics in a personal feed while you travel. download the app Email address Sign up ' +
        'By clicking “Sign Up”, you accept our Terms of Service and Privacy Policy. You can opt-out at any time.',
      'reader prompt',
    ],
    ['Hide Ad.png?fit=crop&width=800&quality=70)', 'ad label'],
    ['photo.jpeg?crop=16:9&width=1200', 'image url'],
    ['Copyright 2023 Coastline Media. All rights reserved.', 'copyright'],
    ['© 2022 Northern Wire', 'copyright'],
    ['The publisher provides the information as is, without warranty of any kind.', 'disclaimer'],
    [
      'Denial of responsibility! The Daily Wire Feed is an automatic aggregator of the world’s media. All trademarks belong to their rightful owners.',
      'disclaimer',
    ],
    ['Reporters Ana Ruiz in Quito and Tom Vale in Lima contributed to this report.', 'contributor line'],
    ['By Maria Okafor, The Lagos Ledger', 'byline'],
    ['Updated March 3, 2024, 9:14 a.m.', 'timestamp'],
    ['A ferry worker, who has piloted boats on the lake for 22 years, waits at the pier on Friday. (Jon Berg / The Courier)', 'photo caption'],
    ['Firefighters rest after a night shift near the ridge. Photo by Lee Park/Valley Herald', 'photo caption'],
    ['2. Officials say the bridge will stay shut', 'numbered subhead'],
    ['What comes next?', 'subhead'],
    ['SHARE NOW', 'navigation'],
    ['Recommended Stories', 'navigation'],
    ['Reporting by Ana Ruiz; Editing by Tom Vale', 'credit line'],
    ['By TOM VALE, Northern Wire Published 3:45 PM, March 4, 2024', 'byline'],
    ['Read more: Floods close the river port for a week', 'link'],
    ['FILE - Firefighters battle a blaze near the harbour on June 3, 2021.', 'photo caption'],
    ['Image caption, Volunteers fill sandbags outside the town hall', 'photo caption'],
    ["Editor's note: This story contains descriptions of violence.", 'page note'],
    ['Contact the reporter at tvale@example.com', 'contact line'],
    ['This article originally appeared on Harbour Weekly.', 'page note'],
    ['Tags: ferries, strikes, harbour', 'tags or form'],
    ['Your email address will not be published. Required fields are marked *', 'tags or form'],
  ])('calls %j furniture (%s)', (text, reason) => {
    expect(furnitureReason(text)).toBe(reason);
  });

  it.each([
    'By the time rescuers arrived, the house had collapsed.',
    'Published in 1998, the report found 12 errors.',
    'The company said in a newsletter to staff that 400 jobs would go.',
    'Streaming subscribers rose to 12 million in the quarter, the company said now.',
    'Copyright law changes take effect next year, the ministry said.',
    'Two of the injured remain in hospital, officials said.',
    'Will the bridge reopen before the winter storms arrive in the valley?',
  ])('keeps prose: %j', (text) => {
    expect(furnitureReason(text)).toBeUndefined();
  });
});

describe('datelines and headlines', () => {
  it.each([
    ['March 3 (Reuters) -- Floods closed the port.', 'March 3 (Reuters) -- '],
    ['OSLO, May 9 (NTB) - The strike ended.', 'OSLO, May 9 (NTB) - '],
    ['NAIROBI: Rain fell for a third day.', 'NAIROBI: '],
    ['LAGOS—Fuel prices rose again.', 'LAGOS—'],
    ['TAMPERE, Finland, June 14 (Reuters) - The toll rose.', 'TAMPERE, Finland, June 14 (Reuters) - '],
    ['Tampere, Jun 13 (PTI) Investigators found the recorder.', 'Tampere, Jun 13 (PTI) '],
  ])('strips the dateline of %j', (text, dateline) => {
    expect(text.slice(0, datelineOf(text)?.length ?? 0)).toBe(dateline);
  });

  it('does not take a label for a dateline', () => {
    expect(datelineOf('UPDATE: The road has reopened.')).toBeUndefined();
    expect(datelineOf('The storm hit on May 9 - a Friday.')).toBeUndefined();
  });

  it('recognises the headline with a site name after it', () => {
    expect(repeatsHeadline('Port strike ends after 12 days – The Harbour Times', 'Port strike ends after 12 days')).toBe(true);
    expect(repeatsHeadline('Port strike ends after 12 days | Harbour News', 'Port strike ends after 12 days')).toBe(true);
    expect(repeatsHeadline('Port strike ends after 12 days, union says; talks resume on Monday with a mediator', 'Port strike ends after 12 days')).toBe(false);
  });
});

describe('parseArticle drops the page around the article', () => {
  const page = [
    'Ferry crews end strike after pay deal',
    'Source: Lake Courier https://example.com/ferry',
    'A ferry worker, who has crewed boats on the lake for 22 years, stands on the pier on Friday.',
    'A ferry worker, who has crewed boats on the lake for 22 years, stands on the pier on Friday.',
    'Ferry crews end strike after pay deal – Lake Courier',
    'Ferry crews voted on Friday to accept a 9% raise, ending a 12-day strike.',
    'Recommended Stories',
    '- Who is the new harbour master? Meet the veteran sailor in charge',
    '- Bridge repairs to start in spring',
    'Services will resume on Monday, the operator said.',
    'Recent Posts',
    'Can Lakes Be Saved? A New Study Says Maybe',
    'June 2, 2023',
  ].join('\n');
  const a = parseArticle('ferry.txt', page);

  it('keeps only the prose', () => {
    expect(a.body.map((p) => p.text)).toEqual([
      'Ferry crews voted on Friday to accept a 9% raise, ending a 12-day strike.',
      'Services will resume on Monday, the operator said.',
    ]);
  });

  it('records why each line went', () => {
    expect(a.furniture.map((f) => f.reason)).toEqual([
      'repeated caption',
      'repeated caption',
      'repeated headline',
      'navigation',
      'link list',
      'link list',
      'end of article',
      'end of article',
      'end of article',
    ]);
  });

  it('takes the links under a "More from <outlet>" heading for a list, not the story', () => {
    const t = parseArticle(
      'm.txt',
      [
        'Talks resume',
        'The talks resumed on Monday after a week.',
        'More from Lake Courier:',
        '- Harbour fees to rise in spring',
        '- New ferry enters service',
        'No deal is expected soon, the mediator said.',
        'Both sides will meet again on Thursday.',
        'The union has not said whether it will strike again.',
      ].join('\n'),
    );
    expect(t.body.map((p) => p.text)).toEqual([
      'The talks resumed on Monday after a week.',
      'No deal is expected soon, the mediator said.',
      'Both sides will meet again on Thursday.',
      'The union has not said whether it will strike again.',
    ]);
    expect(t.furniture.map((f) => f.reason)).toEqual(['navigation', 'link list', 'link list']);
  });

  it('keeps a paragraph a site prints twice once, when it is not a caption', () => {
    const t = parseArticle(
      't.txt',
      'Talks resume\nThe talks resumed on Monday after a week.\nThe talks resumed on Monday after a week.\nNo deal is expected soon.',
    );
    expect(t.body.map((p) => p.text)).toEqual(['The talks resumed on Monday after a week.', 'No deal is expected soon.']);
    expect(t.furniture.map((f) => f.reason)).toEqual(['repeated paragraph']);
  });
});
