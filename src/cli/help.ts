/** `sitrep help`: the usage and examples made from the first subject folder. Imports no parser of articles. */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { listSubjects } from '../load/subjects-dir.js';
import { readYaml } from '../schema/yaml.js';
import { isRecord } from '../core/records.js';

export const USAGE = `Usage:
  sitrep brief [subject] [topic words...] [--topic TOPIC] [--since SPAN] [--json] [--all]
  sitrep brief --articles DIR [topic words...] [--since SPAN] [--json] [--all] [--explain]
  sitrep page [subject] [topic words...] [--topic TOPIC] [--since SPAN] > briefing.html
  sitrep explain "<sentence>" [--date YYYY-MM-DD]
  sitrep topics [subject | --articles DIR]
  sitrep sources [subject | --articles DIR]
  sitrep ingest [subject] [--config FILE]
  sitrep add <subject> <url | file> [--config FILE]
  sitrep remove <subject> <added article>
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

  page     the full briefing as one HTML page (every figure with its sources, charts), for a file or email
  explain  says what each number of a sentence measures and which rule read it, or why it is no figure
  ingest   polls the subject's feeds now (every subject with feeds when none is named)
  add      adds one article: a web page (fetched and reduced to its text) or a file
  remove   takes out an added article (its file name in 'sitrep sources', or its web address)
  start    runs the bot: every chat platform whose secrets are set, or the console when none is;
           scheduled digests, subscriptions from chat, GET /healthz on PORT (3000)
  doctor   checks config, secrets, subjects, feeds and the database, and says what to fix
  digests  lists the digests with their next run, and recent runs with why any failed
  slack manifest     prints the Slack app manifest for the subjects (Socket Mode unless --url)
  discord register   registers the subjects' slash commands (one guild at once with --guild)

`;

/**
 * The name of the first topic in the subject's `briefing.yaml`, read without validating the file:
 * help only shows it, and checking would load the schema (a tenth of a second on every `sitrep help`).
 */
async function firstTopic(dir: string): Promise<string | undefined> {
  try {
    const y = readYaml(await readFile(join(dir, 'briefing.yaml'), 'utf8'));
    const topics = y.ok && isRecord(y.value) ? y.value.topics : undefined;
    return isRecord(topics) ? Object.keys(topics)[0] : undefined;
  } catch {
    return undefined;
  }
}

/** Examples that run as printed: on the first subject under `root` and its first topic, when there is one. */
export async function examples(root: string): Promise<string> {
  const [name] = await listSubjects(root);
  const subject = name ?? '<subject>';
  const topic = name === undefined ? undefined : await firstTopic(join(root, name));
  return `Examples${name === undefined ? '' : ` (the subject ${name})`}:
  sitrep brief ${subject}
  sitrep brief ${subject} --explain
${topic ? `  sitrep brief ${subject} ${topic} --all\n` : ''}  sitrep brief --articles ${
    name === undefined ? 'DIR' : relative(process.cwd(), join(root, name, 'articles')) || '.'
  } --json
  sitrep explain "The death toll rose to 82 on Sunday."
  sitrep add ${subject} <web address or article file>
  sitrep start
`;
}
