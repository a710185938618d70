#!/usr/bin/env node
/**
 * The only entry point: `sitrep brief | topics | sources | start | doctor | digests | help`.
 * `main(argv, io, deps)` runs without a process.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBot, type RunningBot } from './bot/bot.js';
import { digestsReport } from './bot/digests-report.js';
import { doctor, formatFinding } from './bot/doctor.js';
import type { ChatPlatform } from './bot/platforms.js';
import { readEnv } from './config/env.js';
import { DEFAULT_CONFIG_FILE } from './config/load-config.js';
import { calendarProblem, parseDate, resolveSetDates } from './core/articles/dates.js';
import { brief, buildSet, type UnknownTopic } from './core/briefing/set.js';
import type { Article, Topic } from './core/model.js';
import { err, ok, type Result } from './core/result.js';
import { loadArticlesDir } from './load/articles.js';
import type { LoadError } from './load/load-error.js';
import { BRIEFINGS_DIR, findSubject, listSubjects, loadSubject, loadSubjectSettings, type Subject } from './load/subject.js';
import { parseSpan } from './load/duration.js';
import type { Resolver } from './ingest/address-guard.js';
import { runAdd, runIngest } from './ingest/cli-commands.js';
import { logProgress, terminalProgress } from './ingest/progress.js';
import { subjectArticles } from './service/library.js';
import { toContractJson } from './render/json.js';
import { createLogger, type Logger } from './log.js';
import { runPlatformCommand } from './platform-cli.js';
import { terminalText } from './render/visible.js';
import { renderMarkdown } from './render/markdown.js';
import { sourceDate } from './render/parts.js';
import { DEFAULT_DB_FILE, openSqliteStore } from './store/sqlite.js';

/** Where output goes; tests capture it. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Where SIGTERM and SIGINT come from: the process, or a test's emitter. */
export interface Signals {
  once(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
  off(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
}

/** What the CLI reads besides its arguments; tests point it at their own subjects, files and fakes. */
export interface CliDeps {
  /** The folder of subjects (`<name>/briefing.yaml`); the bundled `briefings/` by default. */
  briefingsDir?: string;
  /** Environment variables (secrets, PORT, SITREP_CONFIG, SITREP_DB...); the bin passes `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The console adapter's input for `start`; nothing is read when absent. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean | undefined };
  /** The console adapter's output for `start`; `io.stdout` when absent. */
  stdout?: NodeJS.WritableStream;
  /** Signals that stop `start`; the process's when absent. */
  signals?: Signals;
  /** The logger of `start`; made from LOG_LEVEL when absent. */
  logger?: Logger;
  /** The chat platforms `start` may run; this build's when absent. */
  platforms?: readonly ChatPlatform[];
  now?: () => number;
  /** Told once `start` serves (tests talk to the running bot). */
  onStarted?: (bot: RunningBot) => void;
  /** How `ingest` and `add` resolve host names; the system's resolver when absent. */
  resolver?: Resolver;
}

const USAGE = `Usage:
  sitrep brief [subject] [topic words...] [--topic TOPIC] [--since SPAN] [--json] [--all]
  sitrep brief --articles DIR [topic words...] [--since SPAN] [--json] [--all] [--explain]
  sitrep explain "<sentence>" [--date YYYY-MM-DD]
  sitrep topics [subject | --articles DIR]
  sitrep sources [subject | --articles DIR]
  sitrep ingest [subject] [--config FILE]
  sitrep add <subject> <url | file> [--config FILE]
  sitrep start [--config FILE]
  sitrep doctor [--config FILE]
  sitrep digests [--config FILE] [--limit N] [--failed]
  sitrep slack manifest [subject...] [--url https://your.host] [--json]
  sitrep discord register [--guild ID]
  sitrep help | --version

  --articles DIR  brief any folder of .txt/.md articles instead of a bundled subject
  --topic TOPIC   a topic's name, label or word, or free text (same as words after the subject)
  --json          print the briefing as JSON (and nothing else) on stdout
  --all           everything, not just what fits one chat message
  --explain       each figure with the rule that read it and the measure it was matched on
  --date DATE     the publication date 'explain' reads a sentence against (default today)
  --since SPAN    only articles published in the last SPAN (7d, 12h, 2w) or since a date (2025-04-01)
  --config FILE   the deployment config (default config/sitrep.yaml, or SITREP_CONFIG)
  --limit N       how many runs 'digests' lists (default 20)
  --failed        only the runs that failed

  explain  says what each number of a sentence measures and which rule read it, or why it is no figure
  ingest   polls the subject's feeds now (every subject with feeds when none is named)
  add      adds one article: a web page (fetched and reduced to its text) or a file
  start    runs the bot: every chat platform whose secrets are set, or the console when none is;
           scheduled digests, subscriptions from chat, GET /healthz on PORT (3000)
  doctor   checks config, secrets, subjects, feeds and the database, and says what to fix
  digests  lists the digests with their next run, and recent runs with why any failed
  slack manifest     prints the Slack app manifest for the subjects (Socket Mode unless --url)
  discord register   registers the subjects' slash commands (one guild at once with --guild)

`;

/** Examples that run as printed: on the first subject under `root` and its first topic, when there is one. */
async function examples(root: string): Promise<string> {
  const [name] = await listSubjects(root);
  const settings = name === undefined ? undefined : await loadSubjectSettings(join(root, name));
  const subject = name ?? '<subject>';
  const topic = settings?.ok ? settings.value.topics[0]?.name : undefined;
  return `Examples${name === undefined ? '' : ` (the subject ${name})`}:
  sitrep brief ${subject}
  sitrep brief ${subject} --explain
${topic ? `  sitrep brief ${subject} ${topic} --all\n` : ''}  sitrep brief --articles ${name === undefined ? 'DIR' : relative(process.cwd(), join(root, name, 'articles')) || '.'} --json
  sitrep explain "The death toll rose to 82 on Sunday."
  sitrep add ${subject} <web address or article file>
  sitrep start
`;
}

/** An expected failure, worded for the reader, with its exit code: 2 for usage errors, 1 otherwise. */
interface Failure {
  exit: 1 | 2;
  message: string;
}

const usage = (message: string): Failure => ({ exit: 2, message: `${message}\nRun 'sitrep help' for usage.` });
const fromLoad = (e: LoadError): Failure => ({ exit: e.code === 'bad-subject' ? 1 : 2, message: e.message });

const BRIEF_COMMANDS = ['brief', 'topics', 'sources'] as const;
const BOT_COMMANDS = ['start', 'doctor', 'digests'] as const;
const STORE_COMMANDS = ['ingest', 'add'] as const;
const COMMANDS = [...BRIEF_COMMANDS, 'explain', ...STORE_COMMANDS, ...BOT_COMMANDS] as const;
const CONFIG_COMMANDS: readonly string[] = [...BOT_COMMANDS, ...STORE_COMMANDS];
type Command = (typeof COMMANDS)[number] | 'help';

interface Args {
  command: Command;
  words: string[];
  articles?: string | undefined;
  topic?: string | undefined;
  json: boolean;
  all: boolean;
  config?: string | undefined;
  limit: number;
  failed: boolean;
  since?: string | undefined;
  explain: boolean;
  date?: string | undefined;
}

/** The options each command takes, for the list shown after an unknown one. */
const OPTIONS_OF: Record<string, string> = {
  explain: '--date YYYY-MM-DD, --help',
  start: '--config FILE, --help',
  doctor: '--config FILE, --help',
  digests: '--config FILE, --limit N, --failed, --help',
  ingest: '--config FILE, --help',
  add: '--config FILE, --help',
};
const BRIEF_OPTIONS = '--articles DIR, --topic TOPIC, --since SPAN, --json, --all, --explain, --help';

/** Rewords node:util's parse errors: name the bad option and list the good ones. */
function parseError(e: unknown, command: string | undefined): Failure | undefined {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return undefined;
  const message = (e as Error).message;
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return usage(`Unknown option '${option}'. Options: ${OPTIONS_OF[command ?? ''] ?? BRIEF_OPTIONS}.`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const example: Record<string, string> = { '--articles': './my-articles', '--config': 'config/sitrep.yaml', '--limit': '50', '--since': '7d' };
    return usage(`Option ${option} needs a value, as in ${option} ${example[option] ?? 'homicides'}.`);
  }
  return usage(message);
}

const OPTIONS = {
  articles: { type: 'string' },
  topic: { type: 'string' },
  json: { type: 'boolean', default: false },
  all: { type: 'boolean', default: false },
  config: { type: 'string' },
  limit: { type: 'string' },
  failed: { type: 'boolean', default: false },
  since: { type: 'string' },
  explain: { type: 'boolean', default: false },
  date: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>['values'];

/** An option given to a command that does not take it. */
function misplacedOption(command: Command, values: Values): Failure | undefined {
  const briefOnly = (['topic', 'json', 'all', 'since', 'explain'] as const).find((k) => values[k]);
  if (command !== 'brief' && briefOnly) return usage(`--${briefOnly} works only with 'sitrep brief'.`);
  if (command !== 'explain' && values.date !== undefined) return usage(`--date works only with 'sitrep explain'.`);
  if (values.explain && values.json) return usage('Give --explain or --json, not both.');
  if (!(BRIEF_COMMANDS as readonly string[]).includes(command) && values.articles !== undefined) return usage(`--articles works only with 'sitrep brief', 'topics' and 'sources'.`);
  if (!CONFIG_COMMANDS.includes(command) && values.config !== undefined) return usage(`--config works only with 'sitrep start', 'doctor', 'digests', 'ingest' and 'add'.`);
  const digestsOnly = values.failed ? 'failed' : values.limit !== undefined ? 'limit' : undefined;
  if (command !== 'digests' && digestsOnly) return usage(`--${digestsOnly} works only with 'sitrep digests'.`);
  return undefined;
}

function parse(argv: string[]): Result<Args, Failure> {
  const named = argv.find((a) => !a.startsWith('-'));
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
    const [first, ...words] = positionals;
    const defaults = { words: [], json: false, all: false, limit: 20, failed: false, explain: false };
    if (values.help || first === 'help') return ok({ command: 'help', ...defaults });
    if (first === undefined) return err(usage('Name a command: brief, topics, sources, explain, ingest, add, start, doctor or digests.'));
    if (!(COMMANDS as readonly string[]).includes(first)) return err(usage(`Unknown command '${first}'. Commands: ${COMMANDS.join(', ')}, slack manifest, discord register, help.`));
    const command = first as Command;
    const misplaced = misplacedOption(command, values);
    if (misplaced) return err(misplaced);
    if ((BOT_COMMANDS as readonly string[]).includes(command) && words.length) return err(usage(`'sitrep ${command}' takes no arguments; '${words.join(' ')}' is extra.`));
    if (values.articles !== undefined && !values.articles.trim()) return err(usage('Option --articles needs a folder, as in --articles ./my-articles.'));
    if (values.config !== undefined && !values.config.trim()) return err(usage('Option --config needs a file, as in --config config/sitrep.yaml.'));
    if (command === 'explain' && !words.join(' ').trim()) return err(usage(`'sitrep explain' takes a sentence, as in sitrep explain "At least 82 people died on Sunday."`));
    if (command === 'ingest' && words.length > 1) return err(usage(`'sitrep ingest' takes at most one subject; '${words.slice(1).join(' ')}' is extra.`));
    if (command === 'add' && words.length !== 2) return err(usage(`'sitrep add' takes a subject and a web address or file, as in sitrep add <subject> https://example.com/news/story.`));
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) return err(usage(`Option --limit takes a whole number above 0, as in --limit 50; got '${values.limit ?? ''}'.`));
    return ok({ command, words, articles: values.articles, topic: values.topic, json: values.json, all: values.all, config: values.config, limit, failed: values.failed, since: values.since, explain: values.explain, date: values.date });
  } catch (e) {
    const failure = parseError(e, named);
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

async function loadSet(args: Args, root: string, deps: CliDeps): Promise<Result<Loaded, Failure>> {
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
  const stored = await withStoredArticles(s.value, files(args, deps.env ?? {}).dbFile);
  if (!stored.ok) return err({ exit: 1, message: stored.error });
  return ok({ name: s.value.name, title: s.value.title, topics: s.value.topics, articles: stored.value, warnings: s.value.warnings, words });
}

/** A subject's files and, when the database exists, the articles ingested into it (each story once). */
async function withStoredArticles(s: Subject, dbFile: string): Promise<Result<Article[], string>> {
  if (!existsSync(dbFile)) return ok(s.articles);
  const store = openSqliteStore(dbFile);
  if (!store.ok) return err(store.error);
  try {
    return ok((await subjectArticles(s, store.value.articles)).articles);
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
  return { exit: 2, message: `No topic '${e.query}' in ${name}.${guess}\nTopics: ${e.topics.join(', ')} ('sitrep topics ${name}' shows their words; free text works too).` };
}

async function runBrief(args: Args, set: Loaded, io: Io, now: number): Promise<Result<void, Failure>> {
  if (args.topic !== undefined && set.words.length) return err(usage(`Give the topic once: '${set.words.join(' ')}' or --topic ${args.topic}, not both.`));
  const query = args.topic ?? (set.words.length ? set.words.join(' ') : undefined);
  for (const w of set.warnings) io.stderr(`warning: ${w}\n`);
  let { title, articles } = set;
  if (args.since !== undefined) {
    const day = sinceDay(args.since, now);
    if (!day) {
      const problem = calendarProblem(args.since);
      return err(usage(problem ? `Option --since: '${args.since}' is not a date (${problem}).` : `Option --since takes a span or a date, as in --since 7d, --since 12h or --since 2025-04-01; got '${args.since}'.`));
    }
    // Dated first, so an article without a Date: line is judged by the date the set gives it.
    articles = resolveSetDates(articles).filter((a) => a.published !== undefined && a.published.iso >= day);
    title = `${title} (since ${day})`;
    if (!articles.length) io.stderr(`No article of ${set.name} was published since ${day} (${String(set.articles.length)} in all).\n`);
  }
  const r = brief(buildSet({ title, topics: set.topics, articles }), query);
  if (!r.ok) return err(unknownTopic(r.error, set.name));
  if (args.explain) {
    const { renderBriefingExplained } = await import('./render/explain.js');
    io.stdout(terminalText(renderBriefingExplained(r.value)));
  } else io.stdout(args.json ? `${JSON.stringify(toContractJson(r.value), null, 2)}\n` : terminalText(renderMarkdown(r.value, { all: args.all })));
  return ok(undefined);
}

/** `sitrep explain "<sentence>"`: what the extractor makes of each number, against --date or today. */
async function runExplain(args: Args, io: Io, now: number): Promise<Result<void, Failure>> {
  const pub = args.date === undefined ? parseDate(new Date(now).toISOString().slice(0, 10), 'metadata') : parseDate(args.date, 'metadata');
  if (!pub) return err(usage(`Option --date takes a date, as in --date 2025-02-19; got '${args.date ?? ''}'.`));
  const [{ explainText }, { renderExplainedText }] = await Promise.all([import('./core/extract/figures/explain.js'), import('./render/explain.js')]);
  io.stdout(terminalText(renderExplainedText(explainText(args.words.join(' '), pub))));
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
    io.stdout(terminalText(`[${s.n}] ${s.outlet ?? 'outlet unknown'} · ${sourceDate(s) ?? 'date unknown'} · ${s.file}\n    ${s.headline}\n${s.url ? `    ${s.url}\n` : ''}`));
  }
  if (set.warnings.length) io.stdout(terminalText(`Skipped or unmatched:\n${set.warnings.map((w) => `  ${w}\n`).join('')}`));
  return ok(undefined);
}

/** The config and database files: --config, then SITREP_CONFIG, then the bundled default; SITREP_DB, then var/sitrep.db. */
function files(args: Args, env: Readonly<Record<string, string | undefined>>): { configFile: string; dbFile: string } {
  const config = args.config ?? (env.SITREP_CONFIG?.trim() || undefined);
  const db = env.SITREP_DB?.trim() || undefined;
  return { configFile: config ? resolve(config) : DEFAULT_CONFIG_FILE, dbFile: db ? resolve(db) : DEFAULT_DB_FILE };
}

/** `sitrep start`: runs until SIGTERM or SIGINT (or Ctrl-D at the console), then stops in order and exits 0. */
async function runStart(args: Args, io: Io, deps: CliDeps): Promise<Result<void, Failure>> {
  const rawEnv = deps.env ?? {};
  const env = readEnv(rawEnv);
  if (!env.ok) return err({ exit: 2, message: `The environment has problems:\n${env.error.map((l) => `  ${l}`).join('\n')}` });
  const logger = deps.logger ?? createLogger(env.value.LOG_LEVEL, { pretty: process.stderr.isTTY });
  const signals: Signals = deps.signals ?? process;
  let quit: () => void = () => undefined;
  const stopRequested = new Promise<string>((resolve) => { quit = () => { resolve('quit'); }; });
  const stdout = deps.stdout ?? new Writable({ write(chunk: Buffer | string, _encoding, done) { io.stdout(String(chunk)); done(); } });
  const bot = await startBot({
    env: env.value, ...files(args, rawEnv), briefingsDir: deps.briefingsDir ?? BRIEFINGS_DIR, logger,
    stdin: deps.stdin ?? Readable.from([]), stdout, platforms: deps.platforms, onQuit: () => { quit(); }, ...(deps.now ? { now: deps.now } : {}),
  });
  if (!bot.ok) return err({ exit: 1, message: `${bot.error}\nSitrep did not start. 'sitrep doctor' checks everything at once.` });
  deps.onStarted?.(bot.value);
  const listeners: [('SIGTERM' | 'SIGINT'), () => void][] = (['SIGTERM', 'SIGINT'] as const).map((sig) => [sig, () => { logger.info({ signal: sig }, `${sig} received`); quit(); }]);
  for (const [sig, fn] of listeners) signals.once(sig, fn);
  await stopRequested;
  for (const [sig, fn] of listeners) signals.off(sig, fn);
  await bot.value.stop();
  return ok(undefined);
}

async function runDoctor(args: Args, io: Io, deps: CliDeps): Promise<Result<void, Failure>> {
  const env = deps.env ?? {};
  const r = await doctor({ env, ...files(args, env), briefingsDir: deps.briefingsDir ?? BRIEFINGS_DIR, platforms: deps.platforms, ...(deps.now ? { now: deps.now } : {}) });
  io.stdout(`${r.findings.map(formatFinding).join('\n')}\n`);
  const fails = r.findings.filter((f) => f.level === 'fail').length;
  io.stdout(r.ok ? '\nReady: sitrep start will run with this setup.\n' : `\n${String(fails)} problem${fails === 1 ? '' : 's'} (✗) to fix before 'sitrep start'.\n`);
  return r.ok ? ok(undefined) : err({ exit: 1, message: '' });
}

async function runDigests(args: Args, io: Io, deps: CliDeps): Promise<Result<void, Failure>> {
  const env = deps.env ?? {};
  const r = await digestsReport({ ...files(args, env), briefingsDir: deps.briefingsDir ?? BRIEFINGS_DIR, platforms: deps.platforms, limit: args.limit, failedOnly: args.failed, ...(deps.now ? { now: deps.now } : {}) });
  if (!r.ok) return err({ exit: 1, message: r.error });
  io.stdout(r.value);
  return ok(undefined);
}

/** `sitrep ingest` and `sitrep add`: a progress bar on a terminal, log lines otherwise. */
function runStoreCommand(args: Args, io: Io, deps: CliDeps): Promise<Result<void, Failure>> {
  const env = deps.env ?? {};
  const tty = !deps.logger && process.stderr.isTTY;
  const level = readEnv(env);
  const logger = deps.logger ?? createLogger(level.ok ? level.value.LOG_LEVEL : 'info', { pretty: process.stderr.isTTY });
  const common = {
    ...files(args, env), briefingsDir: deps.briefingsDir ?? BRIEFINGS_DIR, out: io.stdout, platforms: deps.platforms, now: deps.now ?? Date.now,
    progress: tty ? terminalProgress(process.stderr) : logProgress(logger), resolver: deps.resolver,
  };
  const [subject, target] = args.words;
  if (args.command === 'add') return runAdd(subject ?? '', target ?? '', common);
  return runIngest(subject, common);
}

/** The installed version, from the package.json beside `src/` or `dist/`. */
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

async function run(argv: string[], io: Io, deps: CliDeps): Promise<Result<void, Failure>> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V' || argv[0] === 'version')) {
    io.stdout(`sitrep ${version()}\n`);
    return ok(undefined);
  }
  if (argv[0] === 'slack' || argv[0] === 'discord') {
    const code = await runPlatformCommand(argv, io, { briefingsDir: deps.briefingsDir, env: deps.env });
    return code === 0 ? ok(undefined) : err({ exit: code === 2 ? 2 : 1, message: '' });
  }
  const args = parse(argv);
  if (!args.ok) return args;
  if (args.value.command === 'help') {
    io.stdout(`${USAGE}${await examples(deps.briefingsDir ?? BRIEFINGS_DIR)}`);
    return ok(undefined);
  }
  if (args.value.command === 'start') return runStart(args.value, io, deps);
  if (args.value.command === 'doctor') return runDoctor(args.value, io, deps);
  if (args.value.command === 'digests') return runDigests(args.value, io, deps);
  if (args.value.command === 'ingest' || args.value.command === 'add') return runStoreCommand(args.value, io, deps);
  if (args.value.command === 'explain') return runExplain(args.value, io, (deps.now ?? Date.now)());
  const set = await loadSet(args.value, deps.briefingsDir ?? BRIEFINGS_DIR, deps);
  if (!set.ok) return set;
  if (args.value.command === 'topics') return runTopics(set.value, io);
  if (args.value.command === 'sources') return runSources(set.value, io);
  return runBrief(args.value, set.value, io, (deps.now ?? Date.now)());
}

/** Runs the CLI and returns its exit code: 0 done, 2 usage error, 1 failure. */
export async function main(argv: string[], io: Io, deps: CliDeps = {}): Promise<number> {
  try {
    const r = await run(argv, io, deps);
    if (r.ok) return 0;
    if (r.error.message) io.stderr(`${r.error.message}\n`);
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
  const argv = process.argv.slice(2);
  const code = await main(argv, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }, { env: process.env, stdin: process.stdin, stdout: process.stdout });
  process.exitCode = code;
  // A bot that has stopped exits even if a library left a handle open; stdout gets a moment to drain.
  if (argv.includes('start')) setTimeout(() => process.exit(code), 500).unref();
}
