/** Reads a folder of article files; a bad file is skipped with a one-line warning, never fatal. */
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { isBinaryFile } from 'isbinaryfile';
import { parseArticle } from '../core/articles/parse.js';
import type { Article, SourceMeta } from '../core/model.js';
import { err, ok, type Result } from '../core/result.js';
import { loadError, type LoadError } from './load-error.js';
import { markdownArticleText } from './markdown.js';

/** Files over this size are not articles. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** Extensions read as articles; other files in the folder are ignored. */
const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.md'];

/** What a folder yields: the articles that parsed, in file-name order, and one line per file skipped. */
export interface LoadedArticles {
  articles: Article[];
  warnings: string[];
}

/** Files read at once: enough to keep the disk busy, few enough to stay clear of the open-file limit. */
const CONCURRENCY = 32;

const utf8 = new TextDecoder('utf-8', { fatal: true });

const skipped = (file: string, reason: string): string => `${file}: skipped, ${reason}`;

/** Decodes a file's bytes as text, or says why it is not an article. */
async function textOf(bytes: Buffer): Promise<{ text: string } | { reason: string }> {
  if (await isBinaryFile(bytes, bytes.length)) return { reason: 'it is a binary file, not text' };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { reason: 'it is not valid UTF-8 text (re-save it as UTF-8)' };
  }
}

/** What a path is, when it is not a regular file: said in a skip warning. */
function notAFile(info: Awaited<ReturnType<typeof stat>>): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return 'it is a folder, not a file';
  if (info.isFIFO()) return 'it is a named pipe, not a file';
  if (info.isSocket()) return 'it is a socket, not a file';
  return 'it is a device, not a file';
}

/**
 * An article file's text, or why it is no article (a folder, a device, too large, empty, binary,
 * not UTF-8): the one check for every way a file arrives, a subject's folder or `sitrep add`.
 */
export async function readArticleText(path: string): Promise<{ text: string } | { reason: string }> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    const kind = notAFile(info);
    if (kind) return { reason: kind };
    // Checked before reading, so a huge file never reaches memory.
    if (info.size > MAX_ARTICLE_BYTES) return { reason: `it is too large for an article (${(info.size / 1048576).toFixed(1)} MB, limit 5 MB)` };
    bytes = await readFile(path);
  } catch (e) {
    return { reason: `it could not be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  if (bytes.length === 0) return { reason: 'the file is empty' };
  const decoded = await textOf(bytes);
  if ('reason' in decoded) return decoded;
  if (!decoded.text.trim()) return { reason: 'the file holds only white space' };
  return { text: articleFormat(path, decoded.text) };
}

/** One file: an Article, or the warning that says why it was skipped. `root` is the folder's real path. */
async function readArticle(dir: string, root: string, file: string, meta: SourceMeta | undefined): Promise<Article | string> {
  const path = join(dir, file);
  try {
    // A link is followed only inside the subject's folder: one to /etc/passwd is no article.
    if ((await lstat(path)).isSymbolicLink()) {
      const target = await realpath(path).catch(() => undefined);
      if (!target) return skipped(file, 'it is a link to nothing (the file it points to is gone)');
      if (!target.startsWith(`${root}${sep}`)) return skipped(file, "it is a link to a file outside the subject's folder");
    }
  } catch (e) {
    return skipped(file, `it could not be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const read = await readArticleText(path);
  return 'reason' in read ? skipped(file, read.reason) : parseArticle(file, read.text, meta);
}

/** An article file's text in Sitrep's format: Markdown (`.md`) read into plain lines, any other text as it is. */
function articleFormat(file: string, text: string): string {
  return extname(file).toLowerCase() === '.md' ? markdownArticleText(text) : text;
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping their order. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Reads every `.txt` and `.md` file of `dir`, sorted by name, through `parseArticle`. `meta`
 * (from briefing.yaml, keyed by file name) wins over what a file says about itself.
 */
export async function loadArticlesDir(dir: string, meta: Readonly<Record<string, SourceMeta>> = {}): Promise<Result<LoadedArticles, LoadError>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((f) => ARTICLE_EXTENSIONS.includes(extname(f).toLowerCase())).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return err(loadError('no-folder', `${dir} is a file, not a folder. Give the folder that holds the article files.`));
    return err(loadError('no-folder', `No folder at ${dir}. Give a folder of .txt or .md article files (--articles DIR).`));
  }
  if (!names.length) {
    return err(loadError('no-articles', `No .txt or .md files in ${dir}. Put one article per file there: headline on the first line, then the body.`));
  }
  const root = await realpath(dir);
  const read = await mapLimited(names, CONCURRENCY, (f) => readArticle(dir, root, f, meta[f]));
  const articles = read.filter((r): r is Article => typeof r !== 'string');
  // A file kept with a date it could not use says so, with the line: it is read, dated from its text.
  const warnings = [
    ...read.filter((r): r is string => typeof r === 'string'),
    ...articles.flatMap((a) => (a.dateProblem ? [`${a.file}: ${a.dateProblem}`] : [])),
  ].sort();
  if (!articles.length) {
    return err(loadError('no-articles', `None of the ${names.length} files in ${dir} could be read:\n${warnings.map((w) => `  ${w}`).join('\n')}`));
  }
  return ok({ articles, warnings });
}
