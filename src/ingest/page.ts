/**
 * A web page reduced to an article: headline, outlet, date, url and body paragraphs, by Mozilla's
 * Readability over linkedom's DOM, with the page's metadata (Open Graph, JSON-LD, <time>) for what
 * Readability does not give. The result is written as a Sitrep article text, so parseArticle and
 * its furniture rules apply to web pages exactly as to files.
 */
import { Readability } from '@mozilla/readability';
import { err, ok, type Result } from '../core/result.js';
import { anyOf } from '../core/text.js';
import { isoDay } from './feeds.js';
import { parseHtml, type DomElement } from './dom.js';
import { paragraphsOfNode } from './html-text.js';

/** What a page yields. */
export interface PageArticle {
  headline: string;
  outlet?: string | undefined;
  url?: string | undefined;
  /** `YYYY-MM-DD` */
  published?: string | undefined;
  paragraphs: string[];
}

/** Why a page gave no article. */
export interface PageError {
  code: 'no-article';
  message: string;
}

/** Class or id words of page furniture (regex source, one row each), removed before Readability looks for the article. */
const FURNITURE_WORDS = [
  'cookie',
  'consent',
  'gdpr',
  'newsletter',
  'subscribe',
  'signup',
  'paywall',
  'promo',
  'advert',
  'ads?',
  'sponsor',
  'related',
  'recommend',
  'more-stories',
  'share',
  'social',
  'comments?',
  'breadcrumbs?',
  'sidebar',
  'popup',
  'modal',
  'banner',
  'outbrain',
  'taboola',
];
/** A class or id that holds one of FURNITURE_WORDS as a whole word (parts split by space, `_` or `-`). */
const FURNITURE = new RegExp(String.raw`(?:^|[\s_-])${anyOf(FURNITURE_WORDS)}(?:$|[\s_-])`, 'i');
const FURNITURE_TAGS = ['nav', 'footer', 'aside', 'form', 'dialog'];

type El = DomElement;

const squash = (s: string | null | undefined): string => (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
const metaOf = (doc: El, ...keys: string[]): string | undefined => {
  for (const k of keys) {
    const v = squash(doc.querySelector(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`)?.getAttribute('content'));
    if (v) return v;
  }
  return undefined;
};

/** The first JSON-LD object that describes an article (NewsArticle, Article, BlogPosting...). */
function jsonLdArticle(doc: El): Record<string, unknown> | undefined {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]?.textContent ?? '');
    } catch {
      continue;
    }
    const nodes: unknown[] = Array.isArray(data) ? data : [data, ...((data as { '@graph'?: unknown[] } | null)?.['@graph'] ?? [])];
    for (const n of nodes) {
      if (typeof n !== 'object' || n === null) continue;
      const type = (n as { '@type'?: unknown })['@type'];
      const types = Array.isArray(type) ? type : [type];
      if (types.some((t) => typeof t === 'string' && /Article|BlogPosting|Report/.test(t))) return n as Record<string, unknown>;
    }
  }
  return undefined;
}

const nameOf = (v: unknown): string | undefined => {
  const x = Array.isArray(v) ? (v as unknown[])[0] : v;
  if (typeof x === 'string') return squash(x) || undefined;
  const name = typeof x === 'object' && x !== null ? (x as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? squash(name) || undefined : undefined;
};

/** "Port strike ends | El Diario" -> "Port strike ends" when the outlet is known. */
function stripSiteName(title: string, outlet: string | undefined): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title;
  const last = parts.at(-1) ?? '';
  if (outlet && last.toLowerCase() === outlet.toLowerCase()) return parts.slice(0, -1).join(' - ');
  return parts.length === 2 && last.split(/\s+/).length <= 4 && (parts[0] ?? '').split(/\s+/).length >= 4 ? (parts[0] ?? title) : title;
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reduces a page to its article. `url` is where it was fetched from (for the outlet when the page
 * names none). Never throws: a page the parser or Readability cannot read is an error result.
 */
export function extractPage(html: string, url?: string): Result<PageArticle, PageError> {
  try {
    return readPage(html, url);
  } catch (e) {
    return err({ code: 'no-article', message: `the page could not be read as HTML (${e instanceof Error ? e.message : String(e)})` });
  }
}

function readPage(html: string, url: string | undefined): Result<PageArticle, PageError> {
  const doc = parseHtml(html);
  const ld = jsonLdArticle(doc);
  const outlet = metaOf(doc, 'og:site_name', 'application-name') ?? nameOf(ld?.publisher) ?? hostOf(url);
  const canonical = squash(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) || metaOf(doc, 'og:url');
  const published =
    isoDay(metaOf(doc, 'article:published_time', 'datePublished', 'pubdate', 'publish-date', 'date', 'dc.date', 'DC.date.issued')) ??
    isoDay(ld?.datePublished) ??
    isoDay(doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime'));
  const h1 = squash(doc.querySelector('article h1, h1')?.textContent);
  const titled = nameOf(ld?.headline) ?? metaOf(doc, 'og:title', 'twitter:title') ?? (h1 || undefined);
  // Furniture goes first: Readability keeps a cookie banner or a "Related" box that sits inside the article.
  for (const tag of FURNITURE_TAGS) for (const e of Array.from(doc.querySelectorAll(tag))) e.remove();
  for (const e of Array.from(doc.querySelectorAll('[class], [id], [role], [aria-hidden]'))) {
    // A page's wrappers carry words like "has-sidebar" too: never drop what holds the article.
    if (/^(?:html|body|main|article)$/i.test(e.tagName) || e.querySelector('h1')) continue;
    const words = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`;
    if (
      FURNITURE.test(words) ||
      /^(?:navigation|complementary|banner|contentinfo)$/.test(e.getAttribute('role') ?? '') ||
      e.getAttribute('aria-hidden') === 'true'
    )
      e.remove();
  }
  const read = new Readability(doc, { charThreshold: 200 }).parse();
  const headline = stripSiteName(titled ?? squash(read?.title), outlet);
  let paragraphs: string[] = [];
  if (read?.content) {
    paragraphs = paragraphsOfNode(parseHtml(`<!doctype html><html><body>${read.content}</body></html>`).body, new Set(['FIGURE', 'FIGCAPTION', 'H1']));
  }
  const byline = squash(read?.byline);
  // A <time> element's date stands alone as a line; it is metadata, not prose.
  paragraphs = paragraphs.filter((p) => p !== headline && p !== byline && !(p.split(' ').length <= 4 && isoDay(p) !== undefined));
  if (!headline || !paragraphs.some((p) => p.split(/\s+/).length >= 12)) {
    return err({ code: 'no-article', message: 'no article text found on the page (it may be an index, a video or a paywall page)' });
  }
  return ok({ headline, outlet, url: url ?? (canonical || undefined), published: published ?? isoDay(read?.publishedTime ?? undefined), paragraphs });
}

/**
 * An article as Sitrep's text format: headline, `Source:` outlet and url, `Date:`, then one
 * paragraph a line.
 */
export function articleText(a: PageArticle): string {
  const source = [a.outlet, a.url].filter(Boolean).join(' ');
  const head = [squash(a.headline), ...(source ? [`Source: ${source}`] : []), ...(a.published ? [`Date: ${a.published}`] : [])];
  return `${[...head, '', ...a.paragraphs.map(squash)].join('\n')}\n`;
}
