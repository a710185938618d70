/** Reads a folder of article files; a bad file is skipped with a warning, never fatal. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { isBinaryFile } from 'isbinaryfile';
import { parseArticle } from '../core/articles/parse.js';
import type { Article, SourceMeta } from '../core/model.js';
import { err, ok, type Result } from '../core/result.js';

/** Files over this size are not articles. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** What a folder yields: the articles that parsed, and one line for each file skipped. */
export interface LoadedArticles {
  articles: Article[];
  warnings: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readArticle(dir: string, file: string, meta: SourceMeta | undefined): Promise<Article | string> {
  const path = join(dir, file);
  try {
    const info = await stat(path);
    if (info.size === 0) return `${file}: skipped, the file is empty`;
    if (info.size > MAX_ARTICLE_BYTES) return `${file}: skipped, ${(info.size / 1048576).toFixed(1)} MB is too large for an article (limit 5 MB)`;
    const bytes = await readFile(path);
    if (await isBinaryFile(bytes, info.size)) return `${file}: skipped, it is a binary file, not text`;
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return `${file}: skipped, it is not valid UTF-8 text (re-save it as UTF-8)`;
    }
    if (!text.trim()) return `${file}: skipped, the file has only white space`;
    return parseArticle(file, text.replace(/^\uFEFF/, ''), meta);
  } catch (e) {
    return `${file}: skipped, it could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}

/** Reads every `.txt` and `.md` file of a folder, in name order. */
export async function loadArticlesDir(dir: string, meta: Record<string, SourceMeta> = {}): Promise<Result<LoadedArticles, string>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((f) => ['.txt', '.md'].includes(extname(f).toLowerCase())).sort();
  } catch {
    return err(`No folder at ${dir}. Give a folder of .txt or .md article files.`);
  }
  if (!names.length) return err(`No .txt or .md files in ${dir}. Put one article per file there.`);
  const read = await Promise.all(names.map((f) => readArticle(dir, f, meta[f])));
  const articles = read.filter((r): r is Article => typeof r !== 'string');
  const warnings = read.filter((r): r is string => typeof r === 'string');
  if (!articles.length) return err(`None of the ${names.length} files in ${dir} could be read:\n${warnings.join('\n')}`);
  return ok({ articles, warnings });
}
