/**
 * Extraction with a cache: an article whose content and extractor are unchanged since the last
 * start is not extracted again. The key is a SHA-256 of the article as the extractor sees it (the
 * file's text, its metadata and its resolved date) and of the extraction code itself.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../core/extract/article.js';
import type { Article, ArticleExtract } from '../core/model.js';
import type { ExtractCache } from '../store/store.js';

/** Bump to drop every cached extract, e.g. when a dependency's model changes how text is read. */
export const EXTRACT_CACHE_VERSION = 1;

const CORE_DIR = fileURLToPath(new URL('../core/', import.meta.url));

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map(async (e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  }));
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
    for (const file of await sourceFiles(coreDir)) h.update(file.slice(coreDir.length)).update('\0').update(await readFile(file)).update('\0');
    return h.digest('hex').slice(0, 16);
  };
  if (coreDir !== CORE_DIR) return compute();
  fingerprint ??= compute();
  return fingerprint;
}

/** The cache key of an article (dated, with its metadata) under an extractor fingerprint. */
export const articleHash = (article: Article, extractor: string): string =>
  createHash('sha256').update(extractor).update('\0').update(JSON.stringify(article)).digest('hex');

/** Extracts each article, or takes its extract from `cache`; new extracts are stored. Counts hits for the log. */
export async function extractCached(articles: Article[], cache: ExtractCache): Promise<{ extracts: ArticleExtract[]; hits: number }> {
  const extractor = await extractorFingerprint();
  let hits = 0;
  const extracts: ArticleExtract[] = [];
  for (const article of articles) {
    const hash = articleHash(article, extractor);
    const kept = await cache.get(hash);
    if (kept) {
      hits++;
      extracts.push(kept);
      continue;
    }
    const made = extractArticle(article);
    await cache.put(hash, made);
    extracts.push(made);
  }
  return { extracts, hits };
}
