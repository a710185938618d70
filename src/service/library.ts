/** The subjects a running bot serves: each loaded once, extracted once and indexed, found by its slash command. */
import { resolveSetDates } from '../core/articles/dates.js';
import { buildSet, buildSetFromExtracts, type BriefingSet } from '../core/briefing/set.js';
import { err, ok, type Result } from '../core/result.js';
import type { LoadError } from '../load/load-error.js';
import { BRIEFINGS_DIR, findSubject, listSubjects, loadSubject, type Subject } from '../load/subject.js';
import type { ExtractCache } from '../store/store.js';
import { extractCached } from './extract-cache.js';

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
}

/** Every served subject, by slash command. */
export interface Library {
  subjects: ServedSubject[];
  byCommand(command: string): ServedSubject | undefined;
}

/** A library over subjects already loaded (tests build them in memory). */
export function createLibrary(subjects: ServedSubject[]): Library {
  const map = new Map(subjects.map((s) => [s.command.toLowerCase(), s]));
  return { subjects, byCommand: (command) => map.get(command.replace(/^\//, '').toLowerCase()) };
}

/** What loading may use besides the files. */
export interface LibraryOptions {
  /** Extracts kept from earlier starts, by content hash: unchanged articles are not extracted again. */
  cache?: ExtractCache | undefined;
  /** Told how many articles of each subject came from the cache. */
  onLoaded?: ((subject: string, info: { articles: number; cached: number }) => void) | undefined;
}

/** A subject's set: built directly, or from extracts in the cache (the same steps as `buildSet`). */
async function setOf(s: Subject, opts: LibraryOptions): Promise<BriefingSet> {
  const { title, topics, articles } = s;
  if (!opts.cache) {
    opts.onLoaded?.(s.name, { articles: articles.length, cached: 0 });
    return buildSet({ title, topics, articles });
  }
  const { extracts, hits } = await extractCached(resolveSetDates(articles), opts.cache);
  opts.onLoaded?.(s.name, { articles: articles.length, cached: hits });
  return buildSetFromExtracts({ title, topics, extracts });
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
    const s = await loadSubject(dir.value);
    if (!s.ok) return s;
    const { title, command, warnings } = s.value;
    subjects.push({ name: s.value.name, command, title, warnings, set: await setOf(s.value, opts) });
  }
  const seen = new Map<string, string>();
  for (const s of subjects) {
    const other = seen.get(s.command);
    if (other) return err({ code: 'bad-subject', message: `Subjects '${other}' and '${s.name}' both use the command /${s.command}. Give one another 'command:' in its briefing.yaml.` });
    seen.set(s.command, s.name);
  }
  return ok(createLibrary(subjects));
}
