#!/usr/bin/env node
/** The only entry point: `sitrep brief | topics | sources | help`. `main(argv, io)` runs without a process. */
import { realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brief, buildSet, type UnknownTopic } from './core/briefing/set.js';
import type { Article, Topic } from './core/model.js';
import { err, ok, type Result } from './core/result.js';
import { loadArticlesDir } from './load/articles.js';
import type { LoadError } from './load/load-error.js';
import { BRIEFINGS_DIR, findSubject, listSubjects, loadSubject } from './load/subject.js';
import { toContractJson } from './render/json.js';
import { renderMarkdown } from './render/markdown.js';

/** Where output goes; tests capture it. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** What the CLI reads besides its arguments; tests point it at their own subjects. */
export interface CliDeps {
  /** The folder of subjects (`<name>/briefing.yaml`); the bundled `briefings/` by default. */
  briefingsDir?: string;
}

const USAGE = `Usage:
  sitrep brief [subject] [topic words...] [--topic TOPIC] [--json] [--all]
  sitrep brief --articles DIR [topic words...] [--json] [--all]
  sitrep topics [subject | --articles DIR]
  sitrep sources [subject | --articles DIR]
  sitrep help

  --articles DIR  brief any folder of .txt/.md articles instead of a bundled subject
  --topic TOPIC   a topic's name, label or word, or free text (same as words after the subject)
  --json          print the briefing as JSON (and nothing else) on stdout
  --all           everything, not just what fits one chat message

Examples:
  sitrep brief ecuador
  sitrep brief ecuador homicides
  sitrep brief --articles ./my-articles --json --all
`;

/** An expected failure, worded for the reader, with its exit code: 2 for usage errors, 1 otherwise. */
interface Failure {
  exit: 1 | 2;
  message: string;
}

const usage = (message: string): Failure => ({ exit: 2, message: `${message}\nRun 'sitrep help' for usage.` });
const fromLoad = (e: LoadError): Failure => ({ exit: e.code === 'bad-subject' ? 1 : 2, message: e.message });

type Command = 'brief' | 'topics' | 'sources' | 'help';

interface Args {
  command: Command;
  words: string[];
  articles?: string | undefined;
  topic?: string | undefined;
  json: boolean;
  all: boolean;
}

/** Rewords node:util's parse errors: name the bad option and list the good ones. */
function parseError(e: unknown): Failure | undefined {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return undefined;
  const message = (e as Error).message;
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return usage(`Unknown option '${option}'. Options: --articles DIR, --topic TOPIC, --json, --all, --help.`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return usage(`Option ${option} needs a value, as in ${option} ${option === '--articles' ? './my-articles' : 'homicides'}.`);
  return usage(message);
}

const OPTIONS = {
  articles: { type: 'string' },
  topic: { type: 'string' },
  json: { type: 'boolean', default: false },
  all: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parse(argv: string[]): Result<Args, Failure> {
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
    const [first, ...words] = positionals;
    if (values.help || first === 'help') return ok({ command: 'help', words: [], json: false, all: false });
    if (first === undefined) return err(usage('Name a command: brief, topics or sources.'));
    if (first !== 'brief' && first !== 'topics' && first !== 'sources') return err(usage(`Unknown command '${first}'. Commands: brief, topics, sources, help.`));
    if (first !== 'brief') {
      const misplaced = (['topic', 'json', 'all'] as const).find((k) => values[k]);
      if (misplaced) return err(usage(`--${misplaced} works only with 'sitrep brief'.`));
    }
    if (values.articles !== undefined && !values.articles.trim()) return err(usage('Option --articles needs a folder, as in --articles ./my-articles.'));
    return ok({ command: first, words, articles: values.articles, topic: values.topic, json: values.json, all: values.all });
  } catch (e) {
    const failure = parseError(e);
    if (failure) return err(failure);
    throw e;
  }
}

/** An article set ready to brief: a bundled subject, or any folder given with --articles. */
interface Loaded {
  name: string;
  title: string;
  topics: Topic[];
  articles: Article[];
  warnings: string[];
  /** The arguments left once the subject is taken: topic words. */
  words: string[];
}

async function loadSet(args: Args, root: string): Promise<Result<Loaded, Failure>> {
  const known = await listSubjects(root);
  const words = [...args.words];
  if (args.articles !== undefined) {
    if (words[0] && known.includes(words[0])) return err(usage(`Give a subject ('${words[0]}') or --articles DIR, not both.`));
    const dir = resolve(args.articles);
    const r = await loadArticlesDir(dir);
    if (!r.ok) return err(fromLoad(r.error));
    const name = basename(dir);
    return ok({ name, title: name, topics: [], ...r.value, words });
  }
  let name: string;
  if (words[0] && known.includes(words[0])) name = words.shift() ?? '';
  // With one bundled subject, `sitrep brief homicides` means that subject's topic.
  else if (known.length === 1 && known[0] && (args.command === 'brief' || !words.length)) name = known[0];
  else if (words[0]) name = words.shift() ?? '';
  else return err(usage(known.length ? `Name a subject: ${known.join(', ')}. Or give --articles DIR.` : `There are no subjects in ${root}. Give --articles DIR.`));
  const dir = await findSubject(name, root);
  if (!dir.ok) return err(fromLoad(dir.error));
  const s = await loadSubject(dir.value);
  if (!s.ok) return err(fromLoad(s.error));
  return ok({ name: s.value.name, title: s.value.title, topics: s.value.topics, articles: s.value.articles, warnings: s.value.warnings, words });
}

function unknownTopic(e: UnknownTopic, name: string): Failure {
  if (!e.topics.length) return { exit: 2, message: `Nothing to look for in '${e.query}': give words that appear in the articles.` };
  const guess = e.suggestions.length ? ` Did you mean: ${e.suggestions.join(', ')}?` : '';
  return { exit: 2, message: `No topic '${e.query}' in ${name}.${guess}\nTopics: ${e.topics.join(', ')} ('sitrep topics ${name}' shows their words; free text works too).` };
}

function runBrief(args: Args, set: Loaded, io: Io): Result<void, Failure> {
  if (args.topic !== undefined && set.words.length) return err(usage(`Give the topic once: '${set.words.join(' ')}' or --topic ${args.topic}, not both.`));
  const query = args.topic ?? (set.words.length ? set.words.join(' ') : undefined);
  for (const w of set.warnings) io.stderr(`warning: ${w}\n`);
  const r = brief(buildSet({ title: set.title, topics: set.topics, articles: set.articles }), query);
  if (!r.ok) return err(unknownTopic(r.error, set.name));
  io.stdout(args.json ? `${JSON.stringify(toContractJson(r.value), null, 2)}\n` : renderMarkdown(r.value, { all: args.all }));
  return ok(undefined);
}

function runTopics(set: Loaded, io: Io): Result<void, Failure> {
  if (set.words.length) return err(usage(`'sitrep topics' takes one subject; '${set.words.join(' ')}' is extra.`));
  for (const w of set.warnings) io.stderr(`warning: ${w}\n`);
  if (!set.topics.length) io.stdout(`No topics are defined for ${set.name}; any words work as free text.\n`);
  const width = Math.max(0, ...set.topics.map((t) => t.name.length)) + 2;
  for (const t of set.topics) io.stdout(`${t.name.padEnd(width)}${t.label}: ${t.terms.join(', ')}\n`);
  return ok(undefined);
}

function runSources(set: Loaded, io: Io): Result<void, Failure> {
  if (set.words.length) return err(usage(`'sitrep sources' takes one subject; '${set.words.join(' ')}' is extra.`));
  // Numbered by buildSet, exactly as a briefing cites them.
  const { sources } = buildSet({ title: set.title, topics: set.topics, articles: set.articles });
  for (const s of sources) {
    io.stdout(`[${s.n}] ${s.outlet ?? 'outlet unknown'} · ${s.published ?? 'date unknown'} · ${s.file}\n    ${s.headline}\n${s.url ? `    ${s.url}\n` : ''}`);
  }
  if (set.warnings.length) io.stdout(`Skipped or unmatched:\n${set.warnings.map((w) => `  ${w}\n`).join('')}`);
  return ok(undefined);
}

async function run(argv: string[], io: Io, deps: CliDeps): Promise<Result<void, Failure>> {
  const args = parse(argv);
  if (!args.ok) return args;
  if (args.value.command === 'help') {
    io.stdout(USAGE);
    return ok(undefined);
  }
  const set = await loadSet(args.value, deps.briefingsDir ?? BRIEFINGS_DIR);
  if (!set.ok) return set;
  if (args.value.command === 'topics') return runTopics(set.value, io);
  if (args.value.command === 'sources') return runSources(set.value, io);
  return runBrief(args.value, set.value, io);
}

/** Runs the CLI and returns its exit code: 0 done, 2 usage error, 1 failure. */
export async function main(argv: string[], io: Io, deps: CliDeps = {}): Promise<number> {
  try {
    const r = await run(argv, io, deps);
    if (r.ok) return 0;
    io.stderr(`${r.error.message}\n`);
    return r.error.exit;
  } catch (e) {
    // A fault, not an expected failure: say so, with the trace to report.
    io.stderr(`sitrep: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

/** Whether this file is the process's script (the `sitrep` bin, through npm's symlink), not an import. */
function isBin(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isBin()) {
  process.exitCode = await main(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
}
