/**
 * Taking articles into a subject: polling its feeds (items kept when they match the subject's
 * words), fetching each new item's page, adding one page or file, and storing each story once.
 * The same text twice is one row (content hash); a wire copy, the same story lightly edited on
 * another site, is folded into the article already stored, which then lists both outlets.
 */
import escapeStringRegexp from 'escape-string-regexp';
import {
  createNearDuplicateIndex,
  NEAR_DUPLICATE_DEFAULTS,
  signatureOf,
  type NearDuplicateIndex,
  type NearDuplicateOptions,
} from '../core/articles/near-duplicates.js';
import { parseArticle } from '../core/articles/parse.js';
import { err, ok, type Result } from '../core/result.js';
import type { Outlet, Store } from '../store/store.js';
import { bodyText, contentHash, hostOf, outletNames } from '../store/article-key.js';
import { parseFeedText, type FeedItem } from './feeds.js';
import type { FetchError, Fetcher } from './fetcher.js';
import { articleText, extractPage, type PageArticle, type PageError } from './page.js';
import { silentProgress, type ProgressCounts, type ProgressFactory } from './progress.js';
import { foldAccents } from '../core/text.js';

/** A subject as ingestion sees it. */
export interface IngestSubject {
  name: string;
  feeds: readonly string[];
  /** Words and phrases an item must contain (title, summary or text); none keeps every item. */
  match: readonly string[];
}

/** What became of one article offered to a subject. */
export type Stored = { kind: 'added' | 'duplicate' | 'folded'; id: number; headline: string; outlets: Outlet[] };

/** One feed's poll. */
export interface FeedReport {
  url: string;
  status: 'ok' | 'not-modified' | 'failed';
  /** Why the feed failed (the feed itself, not one of its items). */
  error?: string | undefined;
  items: number;
  matched: number;
  added: number;
  folded: number;
  duplicates: number;
  /** Items whose url was taken in before. */
  seen: number;
  /** Items that could not be taken in, with why. */
  failures: { url: string; reason: string }[];
}

/** A feed's report before anything is read from it; `failed` with `error` when it could not be read. */
export const feedReport = (url: string, error?: string): FeedReport => ({
  url,
  status: error === undefined ? 'ok' : 'failed',
  ...(error === undefined ? {} : { error }),
  items: 0,
  matched: 0,
  added: 0,
  folded: 0,
  duplicates: 0,
  seen: 0,
  failures: [],
});

/** One subject's poll. */
export interface IngestReport {
  subject: string;
  feeds: FeedReport[];
  added: number;
  folded: number;
}

/** What ingestion is made from. */
export interface IngestDeps {
  store: Pick<Store, 'articles' | 'feeds'>;
  fetcher: Fetcher;
  now: () => number;
  progress?: ProgressFactory | undefined;
  nearDuplicates?: NearDuplicateOptions | undefined;
  /** Items handled at once (pages on one host still go one at a time). */
  concurrency?: number | undefined;
}

/** Why one page could not be added. */
type AddError = FetchError | PageError | { code: 'no-text'; message: string };

/** Takes articles into subjects. */
export interface Ingestor {
  poll(subject: IngestSubject): Promise<IngestReport>;
  /** Fetches one page and stores its article. */
  addUrl(subject: string, url: string): Promise<Result<Stored, AddError>>;
  /** Stores an article already in Sitrep's text format (a file), or an HTML page's text when `html`. */
  addText(subject: string, text: string, origin: { file: string; html?: boolean }): Result<Stored, AddError> | Promise<Result<Stored, AddError>>;
}

const fold = (s: string): string => foldAccents(s.toLowerCase());

/** A test for whether a text names any of `words` (whole words, case and accents ignored). */
function matcher(words: readonly string[]): (text: string) => boolean {
  if (!words.length) return () => true;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map((w) => escapeStringRegexp(fold(w.trim()))).join('|')})(?![\\p{L}\\p{N}])`, 'u');
  return (text) => re.test(fold(text));
}

/**
 * A link as the store keeps it: resolved against the feed's own url (feeds may give relative
 * links), without its #fragment and utm_ tracking parameters, so one page is known by one url.
 */
export function canonicalUrl(link: string, base?: string): string | undefined {
  try {
    const u = new URL(link, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (/^utm_/i.test(k)) u.searchParams.delete(k);
    return u.href;
  } catch {
    return undefined;
  }
}

/** Feed text (content, else summary) long enough to stand for the article when its page cannot be had. */
const MIN_FEED_WORDS = 60;

/** Runs `fn` over `items`, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The ingestor over `deps`. */
export function createIngestor(deps: IngestDeps): Ingestor {
  const { store, fetcher } = deps;
  const progressOf = deps.progress ?? silentProgress;
  const ndOptions = deps.nearDuplicates ?? NEAR_DUPLICATE_DEFAULTS;
  // One store write at a time per ingestor, so a copy is never checked against an index that misses its twin.
  let lock: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = lock.then(fn, fn);
    lock = run.catch(() => undefined);
    return run;
  };
  const indexes = new Map<string, Promise<NearDuplicateIndex<number>>>();
  const indexOf = (subject: string, fresh = false): Promise<NearDuplicateIndex<number>> => {
    let index = fresh ? undefined : indexes.get(subject);
    if (!index) {
      index = store.articles.signatures(subject).then((rows) => {
        const made = createNearDuplicateIndex<number>(ndOptions);
        for (const r of rows) made.add(r.id, r.signature);
        return made;
      });
      indexes.set(subject, index);
    }
    return index;
  };

  /** Stores an article text for `subject`: added, a duplicate, or folded into a copy already kept. */
  function storeText(subject: string, text: string, outlet: Outlet, file: string): Promise<Result<Stored, AddError>> {
    const article = parseArticle(file, text);
    if (!bodyText(article).trim()) return Promise.resolve(err({ code: 'no-text', message: 'the article has no body text' }));
    const hash = contentHash(article);
    const signature = signatureOf(bodyText(article), ndOptions);
    const from: Outlet = { outlet: outlet.outlet ?? article.outlet ?? hostOf(outlet.url ?? article.url), url: outlet.url ?? article.url };
    return serial(async () => {
      const index = await indexOf(subject);
      const copy = index.match(signature);
      const kept = copy
        ? undefined
        : await store.articles.add({
            subject,
            hash,
            headline: article.headline,
            published: article.published?.iso,
            addedAt: deps.now(),
            text,
            signature,
            outlet: from,
          });
      if (kept?.added) {
        index.add(kept.id, signature);
        return ok({ kind: 'added' as const, id: kept.id, headline: article.headline, outlets: [from] });
      }
      const id = copy?.id ?? kept?.id ?? 0;
      const row = await store.articles.get(id);
      const folded = await store.articles.addOutlet(id, from);
      const outlets = [...(row?.outlets ?? []), ...(folded ? [from] : [])];
      // A second address of an outlet's page (its AMP copy, a tracking link) is kept, so it is known when seen again, but adds no outlet.
      const newOutlet = folded && outletNames(outlets).length > outletNames(row?.outlets ?? []).length;
      return ok({
        kind: newOutlet ? ('folded' as const) : ('duplicate' as const),
        id,
        headline: row?.headline ?? article.headline,
        outlets: outlets.length ? outlets : [from],
      });
    });
  }

  /** A feed item's article: its page, or the feed's own text when the page cannot be had. */
  async function itemArticle(item: FeedItem, feedTitle: string | undefined): Promise<Result<{ text: string; outlet: Outlet }, string>> {
    let why = 'the item has no link';
    if (item.url) {
      const page = await pageArticle(item.url);
      if (page.ok) {
        const a: PageArticle = { ...page.value, published: page.value.published ?? item.published };
        return ok({ text: articleText(a), outlet: { outlet: a.outlet, url: item.url } });
      }
      // Stopping is no reason to settle for the feed's summary: the next poll fetches the page.
      if (page.error.code === 'stopped') return err(page.error.message);
      why = page.error.message;
    }
    const paragraphs = item.content.length ? item.content : item.summary ? [item.summary] : [];
    if (paragraphs.join(' ').split(/\s+/).length < MIN_FEED_WORDS) return err(why);
    const outlet = feedTitle ?? hostOf(item.url);
    return ok({ text: articleText({ headline: item.title, outlet, url: item.url, published: item.published, paragraphs }), outlet: { outlet, url: item.url } });
  }

  async function pageArticle(url: string): Promise<Result<PageArticle, AddError>> {
    const got = await fetcher.fetch({ url, kind: 'page' });
    if (!got.ok) return got;
    if (got.value.status !== 'ok') return err({ code: 'no-article', message: 'the server answered 304 to a request without validators' });
    return extractPage(got.value.body, got.value.url);
  }

  async function pollFeed(subject: IngestSubject, url: string, counts: ProgressCounts, progress: ReturnType<ProgressFactory>): Promise<FeedReport> {
    const report = feedReport(url);
    const state = await store.feeds.get(subject.name, url);
    const got = await fetcher.fetch({ url, kind: 'feed', etag: state?.etag, lastModified: state?.lastModified });
    const polledAt = deps.now();
    if (!got.ok && got.error.code === 'stopped') return { ...report, status: 'failed', error: got.error.message };
    if (!got.ok || got.value.status === 'not-modified') {
      const error = got.ok ? undefined : got.error.message;
      await store.feeds.put({ subject: subject.name, url, etag: state?.etag, lastModified: state?.lastModified, polledAt, error });
      return { ...report, status: got.ok ? 'not-modified' : 'failed', error };
    }
    const feed = parseFeedText(got.value.body);
    if (!feed.ok) {
      await store.feeds.put({ subject: subject.name, url, polledAt, error: feed.error.message });
      return { ...report, status: 'failed', error: feed.error.message };
    }
    const matches = matcher(subject.match);
    const wanted = feed.value.items
      .filter((i) => matches([i.title, i.summary, ...i.content].join('\n')))
      .map((i) => ({ ...i, url: i.url === undefined ? undefined : canonicalUrl(i.url, got.value.url) }));
    report.items = feed.value.items.length;
    report.matched = wanted.length;
    progress.grow(wanted.length);
    await eachLimited(wanted, deps.concurrency ?? 4, async (item) => {
      if (item.url && (await store.articles.seenUrl(subject.name, item.url))) report.seen++;
      else {
        // One item that fails in a way nobody foresaw is that item's failure: the rest of the feed goes on.
        const stored: Result<Stored, AddError | string> = await itemArticle(item, feed.value.title)
          .then((a): Promise<Result<Stored, AddError | string>> | Result<Stored, string> =>
            a.ok ? storeText(subject.name, a.value.text, a.value.outlet, item.url ?? item.id) : a,
          )
          .catch((e: unknown) => err(`unexpected error: ${e instanceof Error ? e.message : String(e)}`));
        if (!stored.ok) {
          report.failures.push({ url: item.url ?? item.id, reason: typeof stored.error === 'string' ? stored.error : stored.error.message });
          counts.failed++;
        } else if (stored.value.kind === 'added') {
          report.added++;
          counts.added++;
        } else if (stored.value.kind === 'folded') {
          report.folded++;
          counts.folded++;
        } else report.duplicates++;
      }
      progress.tick(counts);
    });
    // The validators are kept only when every item was taken in: a 304 must not hide an item whose page failed.
    const complete = !report.failures.length;
    await store.feeds.put({
      subject: subject.name,
      url,
      etag: complete ? got.value.etag : undefined,
      lastModified: complete ? got.value.lastModified : undefined,
      polledAt,
    });
    return report;
  }

  return {
    async poll(subject) {
      // Another process (the CLI beside the bot) may have stored articles since: start from the store.
      await indexOf(subject.name, true);
      const counts: ProgressCounts = { added: 0, folded: 0, failed: 0 };
      const progress = progressOf(`ingest ${subject.name}`);
      const feeds: FeedReport[] = [];
      try {
        for (const url of subject.feeds) {
          // A feed that fails in a way nobody foresaw is that feed's failure: the subject's other feeds are still polled.
          feeds.push(
            await pollFeed(subject, url, counts, progress).catch((e: unknown) =>
              feedReport(url, `unexpected error: ${e instanceof Error ? e.message : String(e)}`),
            ),
          );
        }
      } finally {
        progress.done(counts);
      }
      return { subject: subject.name, feeds, added: counts.added, folded: counts.folded };
    },
    async addUrl(subject, given) {
      const url = canonicalUrl(given) ?? given;
      const page = await pageArticle(url);
      if (!page.ok) return page;
      return storeText(subject, articleText({ ...page.value, url }), { outlet: page.value.outlet, url }, url);
    },
    addText(subject, text, origin) {
      if (!origin.html) return storeText(subject, text, {}, origin.file);
      const page = extractPage(text);
      if (!page.ok) return page;
      return storeText(subject, articleText(page.value), { outlet: page.value.outlet, url: page.value.url }, origin.file);
    },
  };
}
