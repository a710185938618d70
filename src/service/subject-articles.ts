/**
 * A subject's articles: its folder's files and the articles stored by ingestion, as one list. The
 * same story is one article: equal bodies (content hash) and wire copies (near-duplicates) fold
 * into the first, whose outlet then names every outlet that ran it, so one AP story on five sites
 * counts as one source, not five.
 */
import { datedArticles } from '../core/briefing/dating.js';
import { createNearDuplicateIndex, type Signature } from '../core/articles/near-duplicates.js';
import { parseArticle } from '../core/articles/parse.js';
import type { Article } from '../core/model.js';
import { bodySignature, contentHash, outletLabel, storedFileName } from '../store/article-key.js';
import type { Outlet, StoredArticle } from '../store/store.js';

/** A stored article without its text: enough to fold copies and to date the set. */
export type StoredHeader = Omit<StoredArticle, 'text'>;

/** One article of a set: a folder file (parsed), or a stored article whose text is read when needed. */
export type SetEntry = { file: string; article: Article } | { file: string; stored: StoredHeader; outlet?: string | undefined; url?: string | undefined };

/** The set's articles in order, and each one's content key (file -> the start of its hash) for digest coverage. */
export interface ArticlePlan {
  entries: SetEntry[];
  keys: Map<string, string>;
  /** Articles folded into another (exact or wire copies). */
  folded: number;
}

/** The merged list as parsed articles. */
export interface MergedArticles {
  articles: Article[];
  keys: Map<string, string>;
  folded: number;
}

interface Entry {
  file: string;
  hash: string;
  article?: Article | undefined;
  stored?: StoredHeader | undefined;
  outlets: Outlet[];
  /** A folder article keeps its outlet as written unless a copy folds into it. */
  changed: boolean;
}

const outletOf = (a: Article): Outlet => ({ outlet: a.outlet, url: a.url });
const sameOutlet = (a: Outlet, b: Outlet): boolean => (a.url ?? a.outlet) === (b.url ?? b.outlet);

/**
 * Folder articles first (in file order), then stored ones (oldest first), each story once. A
 * folder is curated by hand, so its files fold only when their text is equal; stored articles also
 * fold into a near-duplicate. `signatures` keeps folder signatures by hash across reloads.
 */
export function planArticles(folder: readonly Article[], stored: readonly StoredHeader[], signatures: Map<string, Signature> = new Map()): ArticlePlan {
  // The folder's undated files are dated among themselves: articles ingested months later must not
  // pull February's files into April.
  folder = datedArticles([...folder]);
  const entries: Entry[] = [];
  const byHash = new Map<string, number>();
  const index = createNearDuplicateIndex<number>();
  let folded = 0;
  const foldInto = (i: number, outlets: readonly Outlet[]): void => {
    const e = entries[i];
    if (!e) return;
    folded++;
    for (const o of outlets) {
      if (!e.outlets.some((x) => sameOutlet(x, o))) {
        e.outlets.push(o);
        e.changed = true;
      }
    }
  };
  for (const article of folder) {
    const hash = contentHash(article);
    const twin = byHash.get(hash);
    if (twin !== undefined) {
      foldInto(twin, [outletOf(article)]);
      continue;
    }
    byHash.set(hash, entries.length);
    // Signatures cost a millisecond an article: made only when there are stored articles to compare.
    if (stored.length) {
      let signature = signatures.get(hash);
      if (!signature) signatures.set(hash, (signature = bodySignature(article)));
      index.add(entries.length, signature);
    }
    entries.push({ file: article.file, hash, article, outlets: [outletOf(article)], changed: false });
  }
  for (const s of stored) {
    const twin = byHash.get(s.hash) ?? index.match(s.signature)?.id;
    if (twin !== undefined) {
      foldInto(twin, s.outlets);
      continue;
    }
    byHash.set(s.hash, entries.length);
    index.add(entries.length, s.signature);
    entries.push({ file: storedFileName(s), hash: s.hash, stored: s, outlets: [...s.outlets], changed: true });
  }
  return {
    entries: entries.map((e): SetEntry => {
      if (e.stored) return { file: e.file, stored: e.stored, outlet: outletLabel(e.outlets), url: e.outlets[0]?.url };
      const article = e.article as Article;
      return { file: e.file, article: e.changed ? { ...article, outlet: outletLabel(e.outlets) } : article };
    }),
    // 16 hex digits (64 bits) are plenty to tell a set's articles apart, and keep each digest's coverage small.
    keys: new Map(entries.map((e) => [e.file, e.hash.slice(0, 16)])),
    folded,
  };
}

/** A stored entry's article, from its text. */
export const readStored = (e: Extract<SetEntry, { stored: StoredHeader }>, text: string): Article =>
  parseArticle(e.file, text, { outlet: e.outlet, url: e.url });

/** Merges and parses everything at once (small sets: the CLI, tests). */
export function mergeArticles(folder: readonly Article[], stored: readonly StoredArticle[], signatures: Map<string, Signature> = new Map()): MergedArticles {
  const texts = new Map(stored.map((s) => [s.id, s.text]));
  const plan = planArticles(folder, stored, signatures);
  return {
    articles: plan.entries.map((e) => ('article' in e ? e.article : readStored(e, texts.get(e.stored.id) ?? ''))),
    keys: plan.keys,
    folded: plan.folded,
  };
}
