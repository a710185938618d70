/** The command line read into a command and its options; usage errors worded for the reader. Cheap to import. */
import { parseArgs } from 'node:util';
import { err, ok, type Result } from '../core/result.js';
import type { LoadError } from '../load/load-error.js';

/** An expected failure, worded for the reader, with its exit code: 2 for usage errors, 1 otherwise. */
export interface Failure {
  exit: 1 | 2;
  message: string;
}

export const usage = (message: string): Failure => ({ exit: 2, message: `${message}\nRun 'sitrep help' for usage.` });
export const fromLoad = (e: LoadError): Failure => ({ exit: e.code === 'bad-subject' ? 1 : 2, message: e.message });

const BRIEF_COMMANDS = ['brief', 'page', 'topics', 'sources'] as const;
const BOT_COMMANDS = ['start', 'doctor', 'digests'] as const;
const STORE_COMMANDS = ['ingest', 'add', 'remove'] as const;
const COMMANDS = [...BRIEF_COMMANDS, 'explain', ...STORE_COMMANDS, ...BOT_COMMANDS] as const;
const CONFIG_COMMANDS: readonly string[] = [...BOT_COMMANDS, 'ingest', 'add'];
type Command = (typeof COMMANDS)[number] | 'help';

export interface Args {
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
  remove: '--help',
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
  const briefOnly = (['json', 'all', 'explain'] as const).find((k) => values[k]);
  if (command !== 'brief' && briefOnly) return usage(`--${briefOnly} works only with 'sitrep brief'.`);
  const briefOrPage = (['topic', 'since'] as const).find((k) => values[k]);
  if (command !== 'brief' && command !== 'page' && briefOrPage) return usage(`--${briefOrPage} works only with 'sitrep brief' and 'sitrep page'.`);
  if (command !== 'explain' && values.date !== undefined) return usage(`--date works only with 'sitrep explain'.`);
  if (values.explain && values.json) return usage('Give --explain or --json, not both.');
  if (!(BRIEF_COMMANDS as readonly string[]).includes(command) && values.articles !== undefined)
    return usage(`--articles works only with 'sitrep brief', 'page', 'topics' and 'sources'.`);
  if (!CONFIG_COMMANDS.includes(command) && values.config !== undefined)
    return usage(`--config works only with 'sitrep start', 'doctor', 'digests', 'ingest' and 'add'.`);
  const digestsOnly = values.failed ? 'failed' : values.limit !== undefined ? 'limit' : undefined;
  if (command !== 'digests' && digestsOnly) return usage(`--${digestsOnly} works only with 'sitrep digests'.`);
  return undefined;
}

export function parse(argv: string[]): Result<Args, Failure> {
  const named = argv.find((a) => !a.startsWith('-'));
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
    const [first, ...words] = positionals;
    const defaults = { words: [], json: false, all: false, limit: 20, failed: false, explain: false };
    if (values.help || first === 'help') return ok({ command: 'help', ...defaults });
    if (first === undefined) return err(usage('Name a command: brief, page, topics, sources, explain, ingest, add, remove, start, doctor or digests.'));
    if (!(COMMANDS as readonly string[]).includes(first))
      return err(usage(`Unknown command '${first}'. Commands: ${COMMANDS.join(', ')}, slack manifest, discord register, help.`));
    const command = first as Command;
    const misplaced = misplacedOption(command, values);
    if (misplaced) return err(misplaced);
    if ((BOT_COMMANDS as readonly string[]).includes(command) && words.length)
      return err(usage(`'sitrep ${command}' takes no arguments; '${words.join(' ')}' is extra.`));
    if (values.articles !== undefined && !values.articles.trim()) return err(usage('Option --articles needs a folder, as in --articles ./my-articles.'));
    if (values.config !== undefined && !values.config.trim()) return err(usage('Option --config needs a file, as in --config config/sitrep.yaml.'));
    if (command === 'explain' && !words.join(' ').trim())
      return err(usage(`'sitrep explain' takes a sentence, as in sitrep explain "At least 82 people died on Sunday."`));
    if (command === 'ingest' && words.length > 1) return err(usage(`'sitrep ingest' takes at most one subject; '${words.slice(1).join(' ')}' is extra.`));
    if (command === 'remove' && words.length !== 2)
      return err(
        usage(
          "'sitrep remove' takes a subject and an added article (its file name in 'sitrep sources', or its web address), " +
            'as in sitrep remove <subject> example.com-1a2b3c4d5e.txt.',
        ),
      );
    if (command === 'add' && words.length !== 2)
      return err(usage(`'sitrep add' takes a subject and a web address or file, as in sitrep add <subject> https://example.com/news/story.`));
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) return err(usage(`Option --limit takes a whole number above 0, as in --limit 50; got '${values.limit ?? ''}'.`));
    return ok({
      command,
      words,
      articles: values.articles,
      topic: values.topic,
      json: values.json,
      all: values.all,
      config: values.config,
      limit,
      failed: values.failed,
      since: values.since,
      explain: values.explain,
      date: values.date,
    });
  } catch (e) {
    const failure = parseError(e, named);
    if (failure) return err(failure);
    throw e;
  }
}
