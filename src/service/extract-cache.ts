/**
 * Extraction with a cache: an article whose content and extractor are unchanged since the last
 * start is not extracted again. The key is a SHA-256 of the article as the extractor sees it (the
 * file's text, its metadata and its resolved date) and of the extraction code itself.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterner, extractArticle, shareFigure, type Interner } from '../core/extract/article.js';
import type { Article, ArticleExtract, Evidence } from '../core/model.js';
import type { ExtractCache } from '../store/store.js';

/** Bump to drop every cached extract, e.g. when a dependency's model changes how text is read. */
const EXTRACT_CACHE_VERSION = 1;

const CORE_DIR = fileURLToPath(new URL('../core/', import.meta.url));

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return sourceFiles(path);
      return /\.(js|ts|json)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
    }),
  );
  return nested.flat().sort();
}

let fingerprint: Promise<string> | undefined;

/**
 * A hash of the extraction code (every file of the core, as built), so a new version of the
 * extractor never serves extracts made by an old one, even without a version bump.
 */
export function extractorFingerprint(coreDir: string = CORE_DIR): Promise<string> {
  const compute = async (): Promise<string> => {
    const h = createHash('sha256').update(`v${String(EXTRACT_CACHE_VERSION)}\n`);
    for (const file of await sourceFiles(coreDir))
      h.update(file.slice(coreDir.length))
        .update('\0')
        .update(await readFile(file))
        .update('\0');
    return h.digest('hex').slice(0, 16);
  };
  if (coreDir !== CORE_DIR) return compute();
  fingerprint ??= compute();
  return fingerprint;
}

/** The cache key of an article (dated, with its metadata) under an extractor fingerprint. */
export const articleHash = (article: Article, extractor: string): string =>
  createHash('sha256').update(extractor).update('\0').update(JSON.stringify(article)).digest('hex');

/**
 * A cached extract made whole again: its strings shared through `intern` and each mention pointing
 * at its sentence's Evidence, as `extractArticle` leaves them. JSON gives every mention its own
 * copy; at 10,000 articles those copies alone are tens of megabytes.
 */
function reviveExtract(e: ArticleExtract, intern: Interner): ArticleExtract {
  for (const s of e.sentences) s.file = intern(s.file);
  const bySentence = new Map(e.sentences.map((s) => [s.quote, s]));
  const evidence = (x: Evidence): Evidence => bySentence.get(x.quote) ?? x;
  for (const f of e.figures) {
    shareFigure(f, intern);
    f.evidence = evidence(f.evidence);
  }
  for (const a of e.actors) {
    a.name = intern(a.name);
    a.key = intern(a.key);
    if (a.role !== undefined) a.role = intern(a.role);
    a.evidence = evidence(a.evidence);
  }
  for (const q of e.questions) q.evidence = evidence(q.evidence);
  return e;
}

/** Extracts one article, or takes its extract from `cache` (new extracts are stored); says which. */
export type CachedExtractor = (article: Article) => Promise<{ extract: ArticleExtract; hit: boolean }>;

/** An extractor over `cache` for one set, sharing strings across its articles. */
export async function createCachedExtractor(cache: ExtractCache, intern: Interner = createInterner()): Promise<CachedExtractor> {
  const extractor = await extractorFingerprint();
  return async (article) => {
    const hash = articleHash(article, extractor);
    const kept = await cache.get(hash);
    if (kept) return { extract: reviveExtract(kept, intern), hit: true };
    const made = extractArticle(article, intern);
    await cache.put(hash, made);
    return { extract: made, hit: false };
  };
}
