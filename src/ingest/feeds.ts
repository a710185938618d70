/** Feeds (RSS 2.0 and 0.9x, Atom, RDF, JSON Feed) read with feedsmith into one item shape. */
import { parseFeed } from 'feedsmith';
import { err, ok, type Result } from '../core/result.js';
import { paragraphsOfHtml, textOfHtml } from './html-text.js';

/** One feed entry, whatever the format. */
export interface FeedItem {
  /** The entry's id (guid, id), else its link, else its title. */
  id: string;
  title: string;
  url?: string | undefined;
  /** Publication date as `YYYY-MM-DD`, when the feed gives one. */
  published?: string | undefined;
  summary: string;
  /** The full text when the feed carries it (content:encoded, Atom content, content_html), as paragraphs. */
  content: string[];
  author?: string | undefined;
}

/** A parsed feed. */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title?: string | undefined;
  items: FeedItem[];
}

/** Why a body is not a feed. */
export interface FeedError {
  code: 'malformed' | 'not-a-feed';
  message: string;
}

/** A date as `YYYY-MM-DD` (UTC), or undefined when it cannot be read. */
export function isoDay(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return /^\d{4}-\d{2}-\d{2}/.exec(value.trim())?.[0];
  return new Date(t).toISOString().slice(0, 10);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
/** Atom text constructs come as `{ value }`; other formats as strings. */
const text = (v: unknown): string | undefined => str(v) ?? (typeof v === 'object' && v !== null ? str((v as { value?: unknown }).value) : undefined);

interface Raw {
  id?: unknown;
  guid?: unknown;
  title?: unknown;
  link?: unknown;
  links?: unknown;
  url?: unknown;
  external_url?: unknown;
  description?: unknown;
  summary?: unknown;
  content?: unknown;
  content_html?: unknown;
  content_text?: unknown;
  pubDate?: unknown;
  published?: unknown;
  updated?: unknown;
  date_published?: unknown;
  date_modified?: unknown;
  dc?: { date?: unknown; dates?: unknown; creator?: unknown; creators?: unknown } | undefined;
  author?: unknown;
  authors?: unknown;
}

function linkOf(r: Raw): string | undefined {
  if (Array.isArray(r.links)) {
    const links = r.links as { href?: unknown; rel?: unknown }[];
    return str((links.find((l) => l.rel === undefined || l.rel === 'alternate') ?? links[0])?.href);
  }
  return str(r.link) ?? str(r.url) ?? str(r.external_url);
}

function authorOf(r: Raw): string | undefined {
  const first = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : v);
  const a = first(r.authors) ?? first(r.author) ?? first(r.dc?.creators) ?? r.dc?.creator;
  return str(a) ?? (typeof a === 'object' && a !== null ? str((a as { name?: unknown }).name) : undefined);
}

/** One raw entry of any format as a FeedItem. */
function itemOf(r: Raw): FeedItem | undefined {
  const title = text(r.title) ? textOfHtml(text(r.title) ?? '') : undefined;
  const url = linkOf(r);
  const encoded = typeof r.content === 'object' && r.content !== null ? (r.content as { encoded?: unknown; value?: unknown }) : undefined;
  const contentHtml = str(encoded?.encoded) ?? str(encoded?.value) ?? str(r.content) ?? str(r.content_html) ?? str(r.content_text);
  const summary = text(r.description) ?? text(r.summary) ?? '';
  const dcDate = r.dc?.date ?? (Array.isArray(r.dc?.dates) ? (r.dc.dates as unknown[])[0] : undefined);
  const guid = typeof r.guid === 'object' && r.guid !== null ? str((r.guid as { value?: unknown }).value) : str(r.guid);
  const id = guid ?? str(r.id) ?? url ?? title;
  if (!id || (!title && !url)) return undefined;
  return {
    id,
    title: title ?? url ?? id,
    url,
    published: isoDay(r.pubDate) ?? isoDay(r.published) ?? isoDay(r.date_published) ?? isoDay(dcDate) ?? isoDay(r.updated) ?? isoDay(r.date_modified),
    summary: textOfHtml(summary),
    content: contentHtml ? paragraphsOfHtml(contentHtml) : [],
    author: authorOf(r),
  };
}

/** Parses a feed body; malformed XML and bodies that are not feeds are errors, worded. */
export function parseFeedText(body: string): Result<ParsedFeed, FeedError> {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(body);
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'MalformedError') return err({ code: 'malformed', message: 'malformed XML: the feed could not be parsed' });
    const start = body.trimStart().slice(0, 1);
    if (start === '<' && name === 'DetectError' && /^<\?xml|^<(?:rss|feed|rdf)/i.test(body.trimStart()))
      return err({ code: 'malformed', message: 'malformed XML: the feed could not be parsed' });
    return err({
      code: 'not-a-feed',
      message:
        start === '<'
          ? 'not a feed: no RSS, Atom or RDF document in the body'
          : start === '{'
            ? 'not a feed: the JSON is not a JSON Feed'
            : 'not a feed: the body is neither XML nor JSON',
    });
  }
  const feed = parsed.feed as { title?: unknown; items?: unknown; entries?: unknown };
  const raw = (Array.isArray(feed.items) ? feed.items : Array.isArray(feed.entries) ? feed.entries : []) as Raw[];
  return ok({ format: parsed.format, title: text(feed.title), items: raw.map(itemOf).filter((i): i is FeedItem => i !== undefined) });
}
