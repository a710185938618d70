/**
 * `sitrep ingest [subject]` and `sitrep add <subject> <url|file>`: poll feeds or add one article
 * now, into the database the bot reads (SITREP_DB), and say what came in and what failed, by name.
 */
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { CHAT_PLATFORMS, configKnown, type ChatPlatform } from '../bot/platforms.js';
import { describeConfigError, loadConfig } from '../config/load-config.js';
import type { SitrepConfig } from '../config/sitrep-config.js';
import { err, ok, type Result } from '../core/result.js';
import { loadSubject, type Subject } from '../load/subject.js';
import { findSubject, listSubjects } from '../load/subjects-dir.js';
import type { StoreLocation } from '../store/location.js';
import { openStore } from '../store/open.js';
import type { Store, StoredArticle } from '../store/store.js';
import { outletNames, storedFileName } from '../store/article-key.js';
import { canonicalUrl, type FeedReport, type IngestReport, type Stored } from '../ingest/ingest.js';
import type { ProgressFactory } from '../ingest/progress.js';
import { createIngestion, type Ingestion } from '../ingest/setup.js';
import { readArticleText } from '../load/articles.js';
import type { Resolver } from '../ingest/address-guard.js';
import { plural } from '../core/text.js';

/** What the commands read and where they write. */
export interface IngestCommandDeps {
  configFile: string;
  /** The store articles go into. */
  db: StoreLocation;
  briefingsDir: string;
  out: (s: string) => void;
  progress: ProgressFactory;
  now: () => number;
  platforms?: readonly ChatPlatform[] | undefined;
  /** Tests resolve host names their own way. */
  resolver?: Resolver | undefined;
}

/** A failure in words, with its exit code (2 usage, 1 otherwise). */
export interface CommandFailure {
  exit: 1 | 2;
  message: string;
}

interface Opened {
  config: SitrepConfig;
  store: Store;
  ingestion: Ingestion;
}

async function open(deps: IngestCommandDeps): Promise<Result<Opened, CommandFailure>> {
  const subjects = await listSubjects(deps.briefingsDir);
  const config = await loadConfig(deps.configFile, configKnown(deps.platforms ?? CHAT_PLATFORMS, subjects));
  if (!config.ok) return err({ exit: 1, message: describeConfigError(config.error) });
  const store = await openStore(deps.db, { now: deps.now });
  if (!store.ok) return err({ exit: 1, message: store.error });
  const ingestion = createIngestion({ settings: config.value.ingest, store: store.value, now: deps.now, progress: deps.progress, resolver: deps.resolver });
  return ok({ config: config.value, store: store.value, ingestion });
}

async function close(o: Opened): Promise<void> {
  o.ingestion.close();
  await o.store.close();
}

async function subjectNamed(name: string, root: string): Promise<Result<Subject, CommandFailure>> {
  const dir = await findSubject(name, root);
  if (!dir.ok) return err({ exit: 2, message: dir.error.message });
  const s = await loadSubject(dir.value);
  return s.ok ? s : err({ exit: 1, message: s.error.message });
}

function feedLines(f: FeedReport): string[] {
  if (f.status === 'failed') return [`  ✗ ${f.url}: ${f.error ?? 'failed'}`];
  if (f.status === 'not-modified') return [`  · ${f.url}: not modified since the last poll`];
  const counts = [
    `${plural(f.items, 'item')}, ${String(f.matched)} matching`,
    `${String(f.added)} new`,
    `${String(f.folded)} folded`,
    `${String(f.duplicates + f.seen)} already stored`,
  ];
  if (f.failures.length) counts.push(`${String(f.failures.length)} failed`);
  return [`  ✓ ${f.url}: ${counts.join(', ')}`, ...f.failures.map((x) => `      ✗ ${x.url}: ${x.reason}`)];
}

/** The poll of one subject in words. */
function describeIngest(r: IngestReport): string {
  const failed = r.feeds.filter((f) => f.status === 'failed').length;
  const head =
    `${r.subject}: ${plural(r.added, 'new article')}, ${plural(r.folded, 'wire copy', 'wire copies')} folded into stored articles, ` +
    `from ${plural(r.feeds.length, 'feed')}${failed ? ` (${String(failed)} failed)` : ''}`;
  return `${[head, ...r.feeds.flatMap(feedLines)].join('\n')}\n`;
}

/** `sitrep ingest [subject]`: polls the subject's feeds (every subject with feeds when none is named). Exit 1 when a feed failed. */
export async function runIngest(subject: string | undefined, deps: IngestCommandDeps): Promise<Result<void, CommandFailure>> {
  const names = subject ? [subject] : await listSubjects(deps.briefingsDir);
  const subjects: Subject[] = [];
  for (const name of names) {
    const s = await subjectNamed(name, deps.briefingsDir);
    if (!s.ok) return s;
    if (s.value.feeds.length) subjects.push(s.value);
    else if (subject)
      return err({ exit: 2, message: `${name} has no feeds. List them under feeds: in ${name}/briefing.yaml (and the words to keep under match:).` });
  }
  if (!subjects.length) return err({ exit: 2, message: `No subject has feeds. List them under feeds: in a subject's briefing.yaml.` });
  const opened = await open(deps);
  if (!opened.ok) return opened;
  let failed = 0;
  try {
    for (const s of subjects) {
      const report = await opened.value.ingestion.ingestor.poll({ name: s.name, feeds: s.feeds, match: s.match });
      if (report.added || report.folded) await opened.value.store.subjectVersions.bump(s.name, deps.now());
      deps.out(describeIngest(report));
      failed += report.feeds.filter((f) => f.status === 'failed').length;
    }
  } finally {
    await close(opened.value);
  }
  return failed ? err({ exit: 1, message: `${plural(failed, 'feed')} failed; the others were taken in.` }) : ok(undefined);
}

/** One stored article in words. */
export function describeStored(subject: string, s: Stored): string {
  const outlets = outletNames(s.outlets);
  if (s.kind === 'added') return `Added to ${subject}: “${s.headline}”${outlets[0] ? ` — ${outlets[0]}` : ''}\n`;
  if (s.kind === 'folded') return `Folded into “${s.headline}” as a wire copy: it counts once, and lists ${outlets.join(', ')}\n`;
  return `Already in ${subject}: “${s.headline}”\n`;
}

/** `sitrep add <subject> <url|file>`: one page (fetched) or file (.txt/.md in Sitrep's format, or .html). */
export async function runAdd(subject: string, target: string, deps: IngestCommandDeps): Promise<Result<void, CommandFailure>> {
  const s = await subjectNamed(subject, deps.briefingsDir);
  if (!s.ok) return s;
  const isUrl = /^https?:\/\//i.test(target);
  let text = '';
  if (!isUrl) {
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (!exists) return err({ exit: 2, message: `No file ${target}. Give a web address (https://…) or an article file (.txt, .md or .html).` });
    // The same check as a subject's folder: a binary or non-UTF-8 file is no article, whichever way it comes.
    const read = await readArticleText(target);
    if ('reason' in read) return err({ exit: 1, message: `Not added: ${target}: ${read.reason}.` });
    text = read.text;
  }
  const opened = await open(deps);
  if (!opened.ok) return opened;
  try {
    const { ingestor } = opened.value.ingestion;
    const html = /^\.html?$/i.test(extname(target));
    const r = isUrl ? await ingestor.addUrl(s.value.name, target) : await ingestor.addText(s.value.name, text, { file: basename(target), html });
    if (!r.ok) return err({ exit: 1, message: `Not added: ${target}: ${r.error.message}` });
    if (r.value.kind !== 'duplicate') await opened.value.store.subjectVersions.bump(s.value.name, deps.now());
    deps.out(describeStored(s.value.name, r.value));
    return ok(undefined);
  } finally {
    await close(opened.value);
  }
}

type Header = Omit<StoredArticle, 'text'>;

/**
 * The stored articles `target` names: its file name as `sitrep sources` shows it, the start of its hash,
 * or a page address of it or of a copy folded into it.
 */
function named(headers: readonly Header[], target: string): Header[] {
  const url = /^https?:\/\//i.test(target) ? canonicalUrl(target) : undefined;
  const file = target.replace(/\.txt$/i, '');
  return headers.filter((h) =>
    url !== undefined
      ? h.outlets.some((o) => o.url !== undefined && canonicalUrl(o.url) === url)
      : storedFileName(h).replace(/\.txt$/, '') === file || (/^[0-9a-f]{6,}$/i.test(target) && h.hash.startsWith(target.toLowerCase())),
  );
}

/**
 * `sitrep remove <subject> <article>`: takes an article that `sitrep add`, chat or a feed stored out
 * of the database, with every copy folded into it. A file of the subject's folder is the user's own
 * to delete; the command says so rather than touching it.
 */
export async function runRemove(
  subject: string,
  target: string,
  deps: Pick<IngestCommandDeps, 'db' | 'briefingsDir' | 'out' | 'now'>,
): Promise<Result<void, CommandFailure>> {
  const s = await subjectNamed(subject, deps.briefingsDir);
  if (!s.ok) return s;
  const folderFile = s.value.articles.find((a) => a.file === target || a.file === basename(target));
  const opened = await openStore(deps.db);
  if (!opened.ok) return err({ exit: 1, message: opened.error });
  const store = opened.value;
  try {
    const headers = await store.articles.headers(s.value.name);
    const found = named(headers, target);
    if (found.length === 1 && found[0]) {
      const h = found[0];
      await store.articles.remove(h.id);
      await store.subjectVersions.bump(s.value.name, deps.now());
      const copies = h.outlets.length - 1;
      deps.out(
        `Removed from ${s.value.name}: “${h.headline}”${copies > 0 ? ` and the ${plural(copies, 'copy', 'copies')} folded into it` : ''}. ` +
          'A running bot drops it within 30 s.\n',
      );
      return ok(undefined);
    }
    if (found.length > 1)
      return err({
        exit: 2,
        message: `'${target}' names ${String(found.length)} added articles of ${s.value.name}: ${found.map(storedFileName).join(', ')}. Give one of these.`,
      });
    if (folderFile)
      return err({
        exit: 2,
        message: `${folderFile.file} is a file of ${s.value.name}'s articles/ folder, not an added article: delete the file to take it out.`,
      });
    const list = headers.length
      ? ` Added articles: ${headers.slice(0, 10).map(storedFileName).join(', ')}` +
        `${headers.length > 10 ? `, and ${String(headers.length - 10)} more ('sitrep sources ${s.value.name}' lists them)` : ''}.`
      : ` ${s.value.name} has none.`;
    return err({ exit: 2, message: `No added article '${target}' in ${s.value.name}.${list}` });
  } finally {
    await store.close();
  }
}
