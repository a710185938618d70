/** Subjects: `briefings/<name>/` with a validated `briefing.yaml` and an `articles/` folder. */
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Topic } from '../core/model.js';
import { err, ok, type Result } from '../core/result.js';
import type { LoadedArticles } from './articles.js';
import { loadError, type LoadError } from './load-error.js';
import { describeIssues } from '../schema/issues.js';
import { readYaml } from '../schema/yaml.js';
import { COMMAND_NAME, DEFAULT_POLL_MS, SubjectFile } from './subject-file.js';

/** A subject loaded from disk: its settings and its articles. */
export interface Subject extends SubjectSettings, LoadedArticles {}

/** A subject's settings from its `briefing.yaml`, without reading its articles. */
export interface SubjectSettings {
  /** The folder's name. */
  name: string;
  dir: string;
  title: string;
  /** The slash command's name. */
  command: string;
  topics: Topic[];
  /** Feeds to take new articles from, the words an item must match, and how often to poll (ms). */
  feeds: string[];
  match: string[];
  pollMs: number;
  /** Who may open the briefing page: holders of a signed link, or anyone. */
  pageAccess: 'signed' | 'public';
}

/** Reads and validates `briefing.yaml`: every YAML and schema problem at once, each with where it is. */
async function readSubjectFile(file: string): Promise<Result<SubjectFile, LoadError>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return err(loadError('bad-subject', `No ${file}. Create it with at least a title: line (see the README).`));
  }
  const values = readYaml(text);
  if (!values.ok) return err(loadError('bad-subject', `${file} is not valid YAML:\n${values.error.map((l) => `  ${l}`).join('\n')}`));
  if (values.value === null || values.value === undefined)
    return err(loadError('bad-subject', `${file} is empty. Write at least a title: line, as in title: Port strikes.`));
  const parsed = SubjectFile.safeParse(values.value);
  if (!parsed.success) {
    const lines = describeIssues(parsed.error);
    return err(loadError('bad-subject', `${file} has ${lines.length} problem${lines.length > 1 ? 's' : ''}:\n${lines.map((l) => `  ${l}`).join('\n')}`));
  }
  return ok(parsed.data);
}

/** Reads and checks the settings of the subject in `dir` (its `briefing.yaml`), not its articles. */
export async function loadSubjectSettings(dir: string): Promise<Result<SubjectSettings & { sources: SubjectFile['sources'] }, LoadError>> {
  const file = join(dir, 'briefing.yaml');
  const read = await readSubjectFile(file);
  if (!read.ok) return read;
  const y = read.value;
  const name = basename(resolve(dir));
  const command = y.command ?? name;
  if (!COMMAND_NAME.test(command)) {
    return err(
      loadError(
        'bad-subject',
        `${file} has 1 problem:\n  command: the folder name '${name}' is not a slash command name; set command: to lower-case letters, digits, - or _`,
      ),
    );
  }
  return ok({
    name,
    dir,
    title: y.title,
    command,
    topics: y.topics,
    feeds: y.feeds,
    match: y.match,
    pollMs: y.poll ?? DEFAULT_POLL_MS,
    pageAccess: y.page_access,
    sources: y.sources,
  });
}

/**
 * Loads the subject in `dir`: its `briefing.yaml` (title, command, topics, sources), then the
 * articles of `dir/articles/` with the sources' metadata.
 */
export async function loadSubject(dir: string): Promise<Result<Subject, LoadError>> {
  const read = await loadSubjectSettings(dir);
  if (!read.ok) return read;
  const { sources, ...settings } = read.value;
  // Imported here: the article readers (Markdown, dates) are not needed to list or check subjects.
  const { loadArticlesDir } = await import('./articles.js');
  const loaded = await loadArticlesDir(join(dir, 'articles'), sources);
  // A subject with feeds may start with no files: its articles come from the store.
  if (!loaded.ok && settings.feeds.length) return ok({ ...settings, articles: [], warnings: [] });
  if (!loaded.ok && loaded.error.code === 'no-folder') {
    return err(loadError('bad-subject', `No articles/ folder in ${dir}. Put the subject's article files (.txt or .md) there.`));
  }
  if (!loaded.ok) return loaded;
  const files = new Set(loaded.value.articles.map((a) => a.file));
  const unmatched = Object.keys(sources)
    .filter((f) => !files.has(f) && !loaded.value.warnings.some((w) => w.startsWith(`${f}:`)))
    .map((f) => `briefing.yaml: sources names ${f}, which is not in articles/`);
  return ok({ ...settings, articles: loaded.value.articles, warnings: [...loaded.value.warnings, ...unmatched] });
}
