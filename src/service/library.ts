/** The subjects a running bot serves: each loaded once, extracted once and indexed, found by its slash command. */
import { parseDate } from '../core/articles/dates.js';
import { SetBuilder, type BriefingSet } from '../core/briefing/set.js';
import type { Article } from '../core/model.js';
import { err, ok, type Result } from '../core/result.js';
import type { LoadError } from '../load/load-error.js';
import { loadSubject, type Subject } from '../load/subject.js';
import { BRIEFINGS_DIR, findSubject, listSubjects } from '../load/subjects-dir.js';
import type { Signature } from '../core/articles/near-duplicates.js';
import type { ArticleStore, ExtractCache } from '../store/store.js';
import { createCachedExtractor } from './extract-cache.js';
import { planArticles, readStored, type ArticlePlan, type MergedArticles, type SetEntry } from './subject-articles.js';

/** A subject ready to answer: its settings and its indexed set. */
export interface ServedSubject {
  /** The folder's name. */
  name: string;
  /** The slash command's name, without the slash. */
  command: string;
  title: string;
  set: BriefingSet;
  /** Skipped files and unmatched metadata, one line each. */
  warnings: string[];
  /** Each article file's content key, for recording what a digest covered; file names stand in when absent. */
  keys?: ReadonlyMap<string, string> | undefined;
  /** The subject's feeds, the words their items must match, and how often to poll them; absent without feeds. */
  live?: { feeds: string[]; match: string[]; pollMs: number } | undefined;
  /** The subject's folder, to load it again after an ingest. */
  dir?: string | undefined;
  /** Who may open its briefing page: holders of a signed link (the default), or anyone. */
  pageAccess?: 'signed' | 'public' | undefined;
}

/** Every served subject, by slash command. */
export interface Library {
  subjects: ServedSubject[];
  byCommand(command: string): ServedSubject | undefined;
  /** Grows each time a subject is rebuilt (new articles came in): caches of rendered answers key on it. */
  version(): number;
  /** Serves `subject` in place of the subject of the same name. */
  replace(subject: ServedSubject): void;
}

/** A library over subjects already loaded (tests build them in memory). */
export function createLibrary(subjects: ServedSubject[]): Library {
  const key = (command: string): string => command.replace(/^\//, '').toLowerCase();
  const map = new Map(subjects.map((s) => [key(s.command), s]));
  let version = 0;
  return {
    subjects,
    byCommand: (command) => map.get(key(command)),
    version: () => version,
    replace(subject) {
      const i = subjects.findIndex((s) => s.name === subject.name);
      if (i < 0) return;
      const old = subjects[i];
      if (old) map.delete(key(old.command));
      subjects[i] = subject;
      map.set(key(subject.command), subject);
      version++;
    },
  };
}

/** What loading may use besides the files. */
export interface LibraryOptions {
  /** Extracts kept from earlier starts, by content hash: unchanged articles are not extracted again. */
  cache?: ExtractCache | undefined;
  /** Told how many articles of each subject came from the cache. */
  onLoaded?: ((subject: string, info: { articles: number; cached: number }) => void) | undefined;
  /** Articles taken in from feeds and pages, served with each subject's files (read one text at a time). */
  articles?: Pick<ArticleStore, 'headers' | 'text'> | undefined;
}

/** Folder signatures by content hash, kept across reloads of a subject (making them is the slow part of merging). */
const signatureCache = new Map<string, Map<string, Signature>>();

/** A subject's files and stored articles, each story once, stored texts not read yet. */
async function subjectPlan(s: Subject, store: Pick<ArticleStore, 'headers'> | undefined): Promise<ArticlePlan> {
  const stored = store ? await store.headers(s.name) : [];
  let signatures = signatureCache.get(s.dir);
  if (!signatures) signatureCache.set(s.dir, (signatures = new Map<string, Signature>()));
  return planArticles(s.articles, stored, signatures);
}

/** A set entry's article: the folder's, or a stored one read now. */
const readEntry = async (e: SetEntry, store: Pick<ArticleStore, 'text'> | undefined): Promise<Article> =>
  'article' in e ? e.article : readStored(e, (await store?.text(e.stored.id)) ?? '');

/** A subject's files and stored articles, each story once, parsed (the CLI). */
export async function subjectArticles(s: Subject, store: Pick<ArticleStore, 'headers' | 'text'> | undefined): Promise<MergedArticles> {
  const plan = await subjectPlan(s, store);
  const articles: Article[] = [];
  for (const e of plan.entries) articles.push(await readEntry(e, store));
  return { articles, keys: plan.keys, folded: plan.folded };
}

/** Only what dating a set looks at: an article's own date. */
const dateStub = (file: string, published: string): Article => ({
  file,
  headline: '',
  body: [],
  furniture: [],
  bytes: 0,
  published: parseDate(published, 'date-line'),
});

/**
 * A subject's set, built by the core's `SetBuilder` one article at a time: stored texts are read,
 * parsed and extracted in turn, and only their extracts are kept, so a large live subject fits in
 * the heap its extracts need. Extracts come from the cache when it has them.
 */
async function setOf(s: Pick<Subject, 'name' | 'title' | 'topics'>, plan: ArticlePlan, opts: LibraryOptions): Promise<BriefingSet> {
  const { entries } = plan;
  const stubs: Article[] = [];
  // Stored articles carry their date: only undated ones are read twice.
  for (const e of entries) stubs.push('stored' in e && e.stored.published ? dateStub(e.file, e.stored.published) : await readEntry(e, opts.articles));
  const set = new SetBuilder(s, stubs);
  stubs.length = 0;
  const cached = opts.cache ? await createCachedExtractor(opts.cache, set.intern) : undefined;
  let hits = 0;
  for (const [i, e] of entries.entries()) {
    const article = await readEntry(e, opts.articles);
    if (!cached) set.extract(i, article);
    else {
      const r = await cached(set.dated(i, article));
      if (r.hit) hits++;
      set.add(r.extract);
    }
  }
  opts.onLoaded?.(s.name, { articles: entries.length, cached: hits });
  return set.done();
}

/**
 * Loads the named subjects (all of them when `names` is empty) from `root`. One bad subject fails
 * the load with its reason: a bot must not start serving half of what its config promises.
 */
export async function loadLibrary(names: readonly string[] = [], root: string = BRIEFINGS_DIR, opts: LibraryOptions = {}): Promise<Result<Library, LoadError>> {
  const wanted = names.length ? names : await listSubjects(root);
  const subjects: ServedSubject[] = [];
  for (const name of wanted) {
    const dir = await findSubject(name, root);
    if (!dir.ok) return dir;
    const s = await loadServedSubject(dir.value, opts);
    if (!s.ok) return s;
    subjects.push(s.value);
  }
  const seen = new Map<string, string>();
  for (const s of subjects) {
    const other = seen.get(s.command);
    if (other)
      return err({
        code: 'bad-subject',
        message: `Subjects '${other}' and '${s.name}' both use the command /${s.command}. Give one another 'command:' in its briefing.yaml.`,
      });
    seen.set(s.command, s.name);
  }
  return ok(createLibrary(subjects));
}

/** Loads one subject from its folder and the store, extracted and indexed. */
export async function loadServedSubject(dir: string, opts: LibraryOptions = {}): Promise<Result<ServedSubject, LoadError>> {
  const s = await loadSubject(dir);
  if (!s.ok) return s;
  const { name, title, command, topics, warnings, feeds, match, pollMs, pageAccess } = s.value;
  const plan = await subjectPlan(s.value, opts.articles);
  return ok({
    name,
    command,
    title,
    warnings,
    dir,
    keys: plan.keys,
    pageAccess,
    live: feeds.length ? { feeds, match, pollMs } : undefined,
    set: await setOf({ name, title, topics }, plan, opts),
  });
}

/** A loaded subject's set, made as a served subject's is (the CLI's brief, from the bot's extract cache). */
export async function subjectSet(s: Subject, opts: LibraryOptions = {}): Promise<BriefingSet> {
  return setOf(s, await subjectPlan(s, opts.articles), opts);
}

/**
 * Builds a served subject again (after an ingest brought articles) and serves it in place of the
 * old one. Unchanged articles come from the extract cache, so only new ones are extracted.
 */
export async function refreshSubject(library: Library, name: string, opts: LibraryOptions = {}): Promise<Result<ServedSubject, LoadError>> {
  const old = library.subjects.find((s) => s.name === name);
  if (!old?.dir) return err({ code: 'unknown-subject', message: `No subject '${name}' is served.` });
  const made = await loadServedSubject(old.dir, opts);
  if (made.ok) library.replace(made.value);
  return made;
}
