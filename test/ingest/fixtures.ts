/**
 * Pages and feeds written for the ingestion tests, with the furniture of real news sites: a cookie
 * banner, navigation, a byline, a photo caption, share buttons, a "Related" box and a footer.
 */

/** A news page's parts. */
export interface PageParts {
  site: string;
  headline: string;
  /** `YYYY-MM-DD` */
  date: string;
  byline: string;
  caption: string;
  paragraphs: string[];
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The furniture around every story: a cookie banner, the site's menu, a newsletter box. */
const COOKIE_BANNER =
  '<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience and to show you personalised ads. ' +
  '<button>Accept all</button> <button>Manage choices</button></div>';
const MENU =
  '<nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>' +
  '<li><a href="/business">Business</a></li><li><a href="/sports">Sports</a></li></ul></nav>';
const NEWSLETTER =
  '<section class="newsletter-signup"><h3>Get the morning briefing</h3>' +
  "<p>Sign up for our newsletter and get the day's top stories in your inbox every morning.</p></section>";

/** A whole HTML page around an article. */
export function newsPage(p: PageParts): string {
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: p.headline,
    datePublished: `${p.date}T08:00:00Z`,
    publisher: { '@type': 'Organization', name: p.site },
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${esc(p.headline)} | ${esc(p.site)}</title>
<meta property="og:site_name" content="${esc(p.site)}">
<meta property="og:title" content="${esc(p.headline)}">
<meta property="article:published_time" content="${p.date}T08:00:00Z">
<script type="application/ld+json">${ld}</script>
<script>window.dataLayer = [{ page: 'article' }];</script>
</head>
<body class="single-post has-sidebar">
${COOKIE_BANNER}
<header class="site-header"><a class="logo" href="/">${esc(p.site)}</a>
${MENU}</header>
<main><article class="story">
<h1>${esc(p.headline)}</h1>
<p class="byline">By ${esc(p.byline)}</p>
<time datetime="${p.date}">${p.date}</time>
<figure><img src="/img/lead.jpg" alt=""><figcaption>${esc(p.caption)}</figcaption></figure>
${p.paragraphs.map((x) => `<p>${esc(x)}</p>`).join('\n')}
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
</article>
<aside class="related-stories"><h3>Related</h3><ul>
<li><a href="/world/peru-impeachment">Peru's president faces a new impeachment vote in Congress</a></li>
<li><a href="/world/colombia-talks">Colombia's peace talks with armed groups stall again</a></li></ul></aside>
${NEWSLETTER}
</main>
<footer class="site-footer"><p>© 2025 ${esc(p.site)}. All rights reserved.</p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></footer>
</body></html>`;
}

/** The AP story as El Diario ran it. */
export const RUNOFF: PageParts = {
  site: 'El Diario',
  headline: 'Noboa wins Ecuador runoff as homicides fall',
  date: '2025-04-14',
  byline: 'Gonzalo Solano and Regina Garcia Cano',
  caption: 'President Daniel Noboa greets supporters in Guayaquil, Ecuador, on Sunday. (AP Photo/Dolores Ochoa)',
  paragraphs: [
    'QUITO, Ecuador (AP) — President Daniel Noboa won the April 13 runoff election with 55.6 percent of the vote, ' +
      'the National Electoral Council said on Monday, giving the young leader a full four-year term to pursue his crackdown on drug gangs.',
    'His challenger, Luisa González, refused to concede and said her party would ask for a recount in several provinces, ' +
      'alleging irregularities that observers from the European Union said they had not seen.',
    'Noboa made security the centre of his campaign. Ecuador recorded 2,361 homicides in the first quarter of 2025, ' +
      'according to police figures. The homicide rate fell to 30.5 per 100,000 people in 2025, the Interior Ministry said.',
    'Turnout was 83 percent, officials said. Voting is compulsory in Ecuador for ' +
      'citizens between 18 and 64 years old, and those who stay away face a small fine.',
    'The president has said he wants foreign special forces to help fight the cartels that move cocaine through the ' +
      'country’s Pacific ports, a plan that critics in the National Assembly have called a surrender of sovereignty.',
    'Noboa, the heir to a banana fortune, first took office in November 2023 to finish the ' +
      'term of Guillermo Lasso, who dissolved the legislature to avoid an impeachment trial.',
  ],
};

/** The same AP story on another site, lightly edited: other headline, byline and caption, a few words changed, a line added. */
export const RUNOFF_COPY: PageParts = {
  site: 'La Prensa',
  headline: 'Ecuador’s Noboa re-elected in runoff vote',
  date: '2025-04-14',
  byline: 'The Associated Press',
  caption: 'Supporters of Daniel Noboa celebrate in Quito. (AP Photo/Carlos Noriega)',
  paragraphs: [
    'QUITO, Ecuador (AP) — President Daniel Noboa won the April 13 runoff election with 55.6 percent of the vote, ' +
      'the National Electoral Council said on Monday, giving the 37-year-old leader a full four-year term to pursue his crackdown on drug gangs.',
    // The rest as the wire sent it, and the site's own line.
    ...RUNOFF.paragraphs.slice(1),
    'La Prensa staff contributed to this report from Guayaquil.',
  ],
};

/** Another Ecuador story: a different article, not a copy. */
export const PORT: PageParts = {
  site: 'El Diario',
  headline: 'Guayaquil port seizes record cocaine haul hidden in bananas',
  date: '2025-04-15',
  byline: 'María Fernanda Pérez',
  caption: 'Containers at the port of Guayaquil. (Photo: El Diario)',
  paragraphs: [
    'Police in Guayaquil seized 8.8 tons of cocaine hidden among boxes of bananas bound for Belgium, ' +
      'the largest single haul at the port this year, officials said on Tuesday.',
    'The drugs were found during an inspection of 20 containers after a tip from European investigators, ' +
      'according to a police statement that did not say who owned the shipment.',
    'Ecuador has become a main exit point for cocaine produced in Colombia and Peru, ' +
      'and its ports handle a growing share of the shipments bound for Europe, prosecutors say.',
    'Port workers described long queues at the scanners as inspections were tightened after the seizure, ' +
      'while exporters warned that delays could cost them buyers in a competitive market.',
  ],
};

/** A story the Ecuador subject must not keep (none of its match words). */
export const MINING: PageParts = {
  site: 'El Diario',
  headline: 'Peru’s Congress debates a new mining law',
  date: '2025-04-15',
  byline: 'Staff',
  caption: 'A copper mine in the southern Andes. (Photo: El Diario)',
  paragraphs: [
    'Lawmakers in Lima began debating a bill that would extend the deadline for small miners to register their operations, ' +
      'a measure that environmental groups say rewards illegal gold mining in the Amazon.',
    'The bill passed a committee vote last week and needs a majority of the 130-seat Congress, where the largest parties have said they will support it.',
  ],
};

/** An RSS item. */
export interface RssItem {
  title: string;
  link: string;
  description: string;
  pubDate?: string;
  content?: string;
}

/** An RSS 2.0 feed. */
export function rssFeed(title: string, items: RssItem[]): string {
  const item = (i: RssItem): string => {
    const pubDate = i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : '';
    const content = i.content ? `<content:encoded><![CDATA[${i.content}]]></content:encoded>` : '';
    return `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid isPermaLink="true">${esc(i.link)}</guid>
<description>${esc(i.description)}</description>${pubDate}${content}</item>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${esc(title)}</title><link>https://news.example/</link><description>World news</description>
${items.map(item).join('\n')}
</channel></rss>`;
}

/** An Atom feed of `{title, link, summary, updated}` entries. */
export function atomFeed(title: string, entries: { title: string; link: string; summary: string; updated: string; content?: string }[]): string {
  const entry = (e: (typeof entries)[number]): string =>
    `<entry><title>${esc(e.title)}</title><link rel="alternate" href="${esc(e.link)}"/><id>${esc(e.link)}</id><updated>${e.updated}</updated>` +
    `<summary>${esc(e.summary)}</summary>${e.content ? `<content type="html">${esc(e.content)}</content>` : ''}</entry>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:feed</id><updated>2025-04-15T00:00:00Z</updated>
${entries.map(entry).join('\n')}
</feed>`;
}

/** A JSON Feed 1.1. */
export const jsonFeed = (
  title: string,
  items: { id: string; url: string; title: string; summary: string; date_published: string; content_html?: string }[],
): string => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title, items });

/** An item pointing at a page, with the page's first paragraph as its description. */
export const itemFor = (p: PageParts, link: string): RssItem => ({
  title: p.headline,
  link,
  description: p.paragraphs[0] ?? '',
  pubDate: new Date(`${p.date}T08:00:00Z`).toUTCString(),
});
