/** `sitrep brief`, `topics`, `sources` and `explain`: a subject or a folder of articles, briefed. */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { calendarProblem, parseDate } from '../core/articles/dates.js';
import { datedArticles } from '../core/briefing/dating.js';
import { brief, buildSet, type BriefingSet, type UnknownTopic } from '../core/briefing/set.js';
import type { Article, Topic } from '../core/model.js';
import { err, ok, type Result } from '../core/result.js';
import { loadArticlesDir } from '../load/articles.js';
import { parseSpan } from '../schema/duration.js';
import { loadSubject, type Subject } from '../load/subject.js';
import { findSubject, listSubjects } from '../load/subjects-dir.js';
import { toContractJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { sourceDate } from '../render/parts.js';
import { terminalText } from '../render/visible.js';
import { subjectArticles, subjectSet } from '../service/library.js';
import type { StoreLocation } from '../store/location.js';
import { openStore } from '../store/open.js';
import { fromLoad, usage, type Args, type Failure } from './args.js';
import { files } from './files.js';
import type { CliDeps, Io } from './types.js';

/** An article set ready to brief: a bundled subject, or any folder given with --articles. */
interface Loaded {
  name: string;
  title: string;
  topics: Topic[];
  warnings: string[];
  /** The arguments left once the subject is taken: topic words. */
  words: string[];
  /** A subject's own files: the set's other articles were added (`sitrep add`, chat, feeds). Absent for --articles. */
  folderFiles?: ReadonlySet<string>;
  /** The articles, or the set already built from them with the store's extract cache (the bot's own). */
  content: { articles: Article[] } | { set: BriefingSet };
}

/** The loaded set's articles as one set: the cached one when there is one. */
const setOf = (loaded: Loaded): BriefingSet =>
  'set' in loaded.content ? loaded.content.set : buildSet({ title: loaded.title, topics: loaded.topics, articles: loaded.content.articles });

export async function loadSet(args: Args, root: string, deps: CliDeps): Promise<Result<Loaded, Failure>> {
  const known = await listSubjects(root);
  const words = [...args.words];
  if (args.articles !== undefined) {
    if (words[0] && known.includes(words[0])) return err(usage(`Give a subject ('${words[0]}') or --articles DIR, not both.`));
    const dir = resolve(args.articles);
    const r = await loadArticlesDir(dir);
    if (!r.ok) return err(fromLoad(r.error));
    const name = basename(dir);
    return ok({ name, title: name, topics: [], warnings: r.value.warnings, words, content: { articles: r.value.articles } });
  }
  let name: string;
  if (words[0] && known.includes(words[0])) name = words.shift() ?? '';
  // With one bundled subject, `sitrep brief homicides` means that subject's topic.
  else if (known.length === 1 && known[0] && (args.command === 'brief' || args.command === 'page' || !words.length)) name = known[0];
  else if (words[0]) name = words.shift() ?? '';
  else
    return err(usage(known.length ? `Name a subject: ${known.join(', ')}. Or give --articles DIR.` : `There are no subjects in ${root}. Give --articles DIR.`));
  const dir = await findSubject(name, root);
  if (!dir.ok) return err(fromLoad(dir.error));
  const s = await loadSubject(dir.value);
  if (!s.ok) return err(fromLoad(s.error));
  // --since picks articles by date before extraction; every other brief can use the cached extracts.
  const content = await withStore(s.value, files(args, deps.env ?? {}).db, args.since === undefined && args.command !== 'topics');
  if (!content.ok) return err({ exit: 1, message: content.error });
  const folderFiles = new Set(s.value.articles.map((a) => a.file));
  return ok({ name: s.value.name, title: s.value.title, topics: s.value.topics, warnings: s.value.warnings, words, folderFiles, content: content.value });
}

/**
 * A subject's files and, when the database exists, the articles ingested into it (each story once).
 * With `cached`, the set itself, built as the bot builds it: extracts the bot (or an earlier brief)
 * stored are not made again, and new ones are stored.
 */
async function withStore(s: Subject, db: StoreLocation, cached: boolean): Promise<Result<Loaded['content'], string>> {
  if (db.engine === 'sqlite' && !existsSync(db.file)) return ok({ articles: s.articles });
  const store = await openStore(db);
  if (!store.ok) return err(store.error);
  try {
    const { articles, extracts } = store.value;
    return ok(cached ? { set: await subjectSet(s, { articles, cache: extracts }) } : { articles: (await subjectArticles(s, articles)).articles });
  } finally {
    await store.value.close();
  }
}

/** `--since 7d` or `--since 2025-04-01` as the first day kept, `YYYY-MM-DD`. */
function sinceDay(since: string, now: number): string | undefined {
  const span = parseSpan(since);
  if (span !== undefined) return new Date(now - span).toISOString().slice(0, 10);
  return parseDate(since, 'metadata')?.iso;
}

function unknownTopic(e: UnknownTopic, name: string): Failure {
  if (!e.topics.length) return { exit: 2, message: `Nothing to look for in '${e.query}': give words that appear in the articles.` };
  const guess = e.suggestions.length ? ` Did you mean: ${e.suggestions.join(', ')}?` : '';
  return {
    exit: 2,
    message: `No topic '${e.query}' in ${name}.${guess}\nTopics: ${e.topics.join(', ')} ('sitrep topics ${name}' shows their words; free text works too).`,
  };
}

export async function runBrief(args: Args, set: Loaded, io: Io, now: number): Promise<Result<void, Failure>> {
  if (args.topic !== undefined && set.words.length) return err(usage(`Give the topic once: '${set.words.join(' ')}' or --topic ${args.topic}, not both.`));
  const query = args.topic ?? (set.words.length ? set.words.join(' ') : undefined);
  for (const w of set.warnings) io.stderr(`warning: ${w}\n`);
  let briefed = setOf(set);
  if (args.since !== undefined && 'articles' in set.content) {
    const all = set.content.articles;
    const day = sinceDay(args.since, now);
    if (!day) {
      const problem = calendarProblem(args.since);
      return err(
        usage(
          problem
            ? `Option --since: '${args.since}' is not a date (${problem}).`
            : `Option --since takes a span or a date, as in --since 7d, --since 12h or --since 2025-04-01; got '${args.since}'.`,
        ),
      );
    }
    // Dated first, so an article without a Date: line is judged by the date the set gives it.
    const articles = datedArticles(all).filter((a) => a.published !== undefined && a.published.iso >= day);
    if (!articles.length) io.stderr(`No article of ${set.name} was published since ${day} (${String(all.length)} in all).\n`);
    briefed = buildSet({ title: `${set.title} (since ${day})`, topics: set.topics, articles });
  }
  const r = brief(briefed, query);
  if (!r.ok) return err(unknownTopic(r.error, set.name));
  if (args.command === 'page') {
    const { renderPage } = await import('../render/page.js');
    io.stdout(renderPage(r.value, { generatedAt: now }));
  } else if (args.explain) {
    const { renderBriefingExplained } = await import('../render/explain.js');
    io.stdout(terminalText(renderBriefingExplained(r.value)));
  } else io.stdout(args.json ? `${JSON.stringify(toContractJson(r.value), null, 2)}\n` : terminalText(renderMarkdown(r.value, { all: args.all })));
  return ok(undefined);
}

/** `sitrep explain "<sentence>"`: what the extractor makes of each number, against --date or today. */
export async function runExplain(args: Args, io: Io, now: number): Promise<Result<void, Failure>> {
  const pub = args.date === undefined ? parseDate(new Date(now).toISOString().slice(0, 10), 'metadata') : parseDate(args.date, 'metadata');
  if (!pub) return err(usage(`Option --date takes a date, as in --date 2025-02-19; got '${args.date ?? ''}'.`));
  const [{ explainText }, { renderExplainedText }] = await Promise.all([import('../core/extract/figures/explain.js'), import('../render/explain.js')]);
  io.stdout(terminalText(renderExplainedText(explainText(args.words.join(' '), pub))));
  return ok(undefined);
}

export function runTopics(set: Loaded, io: Io): Result<void, Failure> {
  if (set.words.length) return err(usage(`'sitrep topics' takes one subject; '${set.words.join(' ')}' is extra.`));
  for (const w of set.warnings) io.stderr(`warning: ${w}\n`);
  if (!set.topics.length) io.stdout(`No topics are defined for ${set.name}; any words work as free text.\n`);
  const width = Math.max(0, ...set.topics.map((t) => t.name.length)) + 2;
  for (const t of set.topics) io.stdout(`${t.name.padEnd(width)}${t.label}: ${t.terms.join(', ')}\n`);
  return ok(undefined);
}

export function runSources(set: Loaded, io: Io): Result<void, Failure> {
  if (set.words.length) return err(usage(`'sitrep sources' takes one subject; '${set.words.join(' ')}' is extra.`));
  // Numbered by buildSet, exactly as a briefing cites them.
  const { sources } = setOf(set);
  const added = (file: string): boolean => set.folderFiles !== undefined && !set.folderFiles.has(file);
  for (const s of sources) {
    io.stdout(
      terminalText(
        `[${s.n}] ${s.outlet ?? 'outlet unknown'} · ${sourceDate(s) ?? 'date unknown'} · ${s.file}${added(s.file) ? ' · added' : ''}\n` +
          `    ${s.headline}\n${s.url ? `    ${s.url}\n` : ''}`,
      ),
    );
  }
  if (!sources.length) io.stdout(`${set.name} has no articles yet.\n`);
  const first = sources.find((s) => added(s.file));
  if (first) io.stdout(terminalText(`Added articles are kept in the database: 'sitrep remove ${set.name} ${first.file}' takes one out.\n`));
  if (set.warnings.length) io.stdout(terminalText(`Skipped or unmatched:\n${set.warnings.map((w) => `  ${w}\n`).join('')}`));
  return ok(undefined);
}
