#!/usr/bin/env node
/** The only entry point: `sitrep brief | topics | sources | help`. `main(argv, io)` runs without a process. */
import { basename, resolve } from 'node:path';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brief, buildSet, type BriefingSet } from './core/briefing/set.js';
import type { Topic } from './core/model.js';
import { loadArticlesDir } from './load/articles.js';
import { listSubjects, loadSubject } from './load/subject.js';
import { toContractJson } from './render/json.js';
import { renderMarkdown } from './render/markdown.js';

/** Where output goes; tests capture it. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `Usage:
  sitrep brief [subject] [topic...] [--articles DIR] [--topic TOPIC] [--json] [--all]
  sitrep topics [subject]
  sitrep sources [subject] [--articles DIR]
  sitrep help

Examples:
  sitrep brief ecuador homicides
  sitrep brief --articles ./my-articles --json --all
`;

class UsageError extends Error {
  override name = 'UsageError';
  readonly code = 'usage';
}

interface Loaded {
  set: BriefingSet;
  name: string;
  topics: Topic[];
  warnings: string[];
}

async function load(subject: string | undefined, articlesDir: string | undefined): Promise<Loaded> {
  if (articlesDir) {
    const r = await loadArticlesDir(resolve(articlesDir));
    if (!r.ok) throw new UsageError(r.error);
    const title = basename(resolve(articlesDir));
    return { set: buildSet({ title, topics: [], articles: r.value.articles }), name: title, topics: [], warnings: r.value.warnings };
  }
  const known = await listSubjects();
  const name = subject ?? (known.length === 1 ? known[0] : undefined);
  if (!name) throw new UsageError(`Name a subject (${known.join(', ')}) or give --articles DIR.`);
  const r = await loadSubject(name);
  if (!r.ok) throw new UsageError(r.error);
  const s = r.value;
  return { set: buildSet({ title: s.title, topics: s.topics, articles: s.articles }), name: s.name, topics: s.topics, warnings: s.warnings };
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      articles: { type: 'string' },
      topic: { type: 'string' },
      json: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    io.stdout(USAGE);
    return command || values.help ? 0 : 2;
  }
  const known = await listSubjects();
  // The first word names a subject only when one by that name exists; otherwise it is the topic.
  const subject = !values.articles && rest[0] && known.includes(rest[0]) ? rest.shift() : undefined;
  switch (command) {
    case 'brief': {
      const loaded = await load(subject, values.articles);
      for (const w of loaded.warnings) io.stderr(`warning: ${w}\n`);
      const query = values.topic ?? (rest.length ? rest.join(' ') : undefined);
      const r = brief(loaded.set, query);
      if (!r.ok) {
        const e = r.error;
        io.stderr(`No topic '${e.query}' in ${loaded.name}.${e.suggestions.length ? ` Did you mean: ${e.suggestions.join(', ')}?` : ''}\n`);
        if (e.topics.length) io.stderr(`Topics: ${e.topics.join(', ')}. Free text works too: sitrep brief ${loaded.name} "banana ports".\n`);
        return 2;
      }
      io.stdout(values.json ? `${JSON.stringify(toContractJson(r.value), null, 2)}\n` : renderMarkdown(r.value, { all: values.all }));
      return 0;
    }
    case 'topics': {
      const loaded = await load(subject, values.articles);
      if (!loaded.topics.length) io.stdout('No topics defined; any words work as free text.\n');
      for (const t of loaded.topics) io.stdout(`${t.name.padEnd(14)} ${t.label} — ${t.terms.join(', ')}\n`);
      return 0;
    }
    case 'sources': {
      const loaded = await load(subject, values.articles);
      for (const s of loaded.set.sources) io.stdout(`[${s.n}] ${s.file}  ${s.outlet ?? 'outlet unknown'}  ${s.published ?? 'date unknown'}\n    ${s.headline}${s.url ? `\n    ${s.url}` : ''}\n`);
      for (const w of loaded.warnings) io.stdout(`skipped: ${w}\n`);
      return 0;
    }
    default:
      throw new UsageError(`Unknown command '${command}'. Commands: brief, topics, sources, help.`);
  }
}

/** Runs the CLI and returns its exit code: 0 done, 2 usage error, 1 failure. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${(e as Error).message}\n${e instanceof UsageError ? '' : `\n${USAGE}`}`);
      return 2;
    }
    io.stderr(`sitrep failed: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

const invoked = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (invoked === fileURLToPath(import.meta.url)) {
  const code = await main(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
  process.exitCode = code;
}
