import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { main, type CliDeps } from '../src/cli.js';
import { envVariables } from '../src/bot/platforms.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { article, tempDir } from './temp-dir.js';

async function run(argv: string[], deps: CliDeps = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  // No database unless a test gives one: a developer's var/sitrep.db must not change what the tests see.
  const env = deps.env ?? { SITREP_DB: join(tmpdir(), 'sitrep-cli-test-no.db') };
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) }, { ...deps, env });
  return { code, out, err };
}

/** Two subjects under a temp root: alpha (with a topic) and beta. */
const twoSubjects = (): Promise<string> =>
  tempDir({
    'alpha/briefing.yaml': 'title: Alpha story\ntopics:\n  strikes: [strike, walkout]\n',
    'alpha/articles/a.txt': article('Port strike ends', 'Dockers ended a strike that cost $12 million, the union said on Monday.'),
    'beta/briefing.yaml': 'title: Beta story\n',
    'beta/articles/b.txt': article('Beta headline'),
  });

interface Json {
  title: string;
  figures: { metric: string; value: number; unit: string; period: string; sources: { file: string; quote: string }[] }[];
  conflicts: { metric: string; period: string; kind: string; values: { value: number; sources: string[] }[] }[];
  actors: unknown[];
  questions: unknown[];
}

describe('sitrep brief on the bundled subject', () => {
  it('prints a short briefing with the homicide-rate disagreement flagged inline', async () => {
    const r = await run(['brief', 'ecuador']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('⚠ sources disagree: 38.76 [1] · 36.18 [2] · 38 [5] (contradiction)');
    expect(r.out.trimEnd().split('\n').length).toBeLessThanOrEqual(20);
    expect(r.out).toMatch(/^\+\d+ more figures/m);
  });

  it('uses the only bundled subject when none is named', async () => {
    const r = await run(['brief', 'homicides']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('Ecuador seeks foreign military help against drug cartels (Feb 2025) — Homicides');
  });

  it('prints only the contract JSON on stdout with --json', async () => {
    const r = await run(['brief', 'ecuador', 'homicides', '--json', '--all']);
    expect(r.code).toBe(0);
    const b = JSON.parse(r.out) as Json;
    expect(b.figures.length).toBeGreaterThan(0);
    expect(b.figures[0]).toEqual(
      expect.objectContaining({
        metric: expect.any(String) as unknown,
        value: expect.any(Number) as unknown,
        unit: expect.any(String) as unknown,
        period: expect.any(String) as unknown,
      }),
    );
    expect(b.figures[0]?.sources[0]).toEqual({ file: expect.stringMatching(/\.txt$/) as unknown, quote: expect.any(String) as unknown });
    expect(b.conflicts.some((c) => c.metric === 'homicide rate' && c.period === '2024' && c.kind === 'contradiction')).toBe(true);
  });

  it('takes the topic from --topic as from words after the subject', async () => {
    const words = await run(['brief', 'ecuador', 'military', 'aid']);
    const flag = await run(['brief', 'ecuador', '--topic', 'military aid']);
    expect(flag.code).toBe(0);
    expect(flag.out).toBe(words.out);
  });

  it('answers an unknown topic with the closest topics and the list, exit code 2', async () => {
    const r = await run(['brief', 'ecuador', 'homicdes']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain("No topic 'homicdes' in ecuador. Did you mean: homicides?");
    expect(r.err).toContain('Topics: homicides, cocaine, migration, election, military-aid, us-relations, gangs, economy');
  });
});

describe('sitrep brief with a database', () => {
  it('serves the extracts the store keeps, as the bot does, and stores the ones it makes', async () => {
    const root = await twoSubjects();
    const db = join(root, 'sitrep.db');
    const store = openSqliteStore(db);
    if (!store.ok) throw new Error(store.error);
    await store.value.close();
    const env = { SITREP_DB: db };
    const first = await run(['brief', 'alpha', '--json', '--all'], { briefingsDir: root, env });
    expect(first.code).toBe(0);
    expect((JSON.parse(first.out) as Json).figures.map((f) => f.value)).toContain(12_000_000);
    // The stored extract, not the article, is what the next brief reads: change it and the briefing follows.
    const sqlite = new Database(db);
    const rows = sqlite.prepare('SELECT hash, extract FROM extract_cache').all() as { hash: string; extract: string }[];
    expect(rows).toHaveLength(1);
    for (const r of rows) sqlite.prepare('UPDATE extract_cache SET extract = ? WHERE hash = ?').run(r.extract.replaceAll('12000000', '13000000'), r.hash);
    sqlite.close();
    const second = await run(['brief', 'alpha', '--json', '--all'], { briefingsDir: root, env });
    expect((JSON.parse(second.out) as Json).figures.map((f) => f.value)).toContain(13_000_000);
  });

  it('leaves a missing database missing', async () => {
    const root = await twoSubjects();
    const r = await run(['brief', 'alpha'], { briefingsDir: root, env: { SITREP_DB: join(root, 'none.db') } });
    expect(r.code).toBe(0);
    expect(existsSync(join(root, 'none.db'))).toBe(false);
  });
});

describe('sitrep brief --articles', () => {
  it('briefs any folder, with bad files named on stderr and only JSON on stdout', async () => {
    const dir = await tempDir({
      'a.txt': 'Port strike ends\nDate: 2024-03-01\nDockers ended a strike that cost $12 million last month, the union said.\n',
      'empty.txt': '',
      'bin.txt': Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]),
    });
    const r = await run(['brief', '--articles', dir, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('warning: bin.txt: skipped, it is a binary file, not text\nwarning: empty.txt: skipped, the file is empty\n');
    const b = JSON.parse(r.out) as Json;
    expect(b.title).toBe(dir.split('/').pop());
    expect(b.figures.map((f) => f.value)).toContain(12_000_000);
  });

  it('says what to do when the folder does not exist, exit code 2', async () => {
    const r = await run(['brief', '--articles', '/nonexistent/sitrep']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('No folder at /nonexistent/sitrep. Give a folder of .txt or .md article files (--articles DIR).\n');
  });

  it('refuses a subject and --articles together', async () => {
    const dir = await tempDir({ 'a.txt': article('Headline') });
    const r = await run(['brief', 'ecuador', '--articles', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Give a subject ('ecuador') or --articles DIR, not both.");
  });
});

describe('sitrep usage errors', () => {
  it.each([
    [
      ['summarise'],
      "Unknown command 'summarise'. Commands: brief, page, topics, sources, explain, " +
        'ingest, add, remove, start, doctor, digests, slack manifest, discord register, help.',
    ],
    [['brief', '--colour'], "Unknown option '--colour'. Options: --articles DIR, --topic TOPIC, --since SPAN, --json, --all, --explain, --help."],
    [['brief', '--articles'], 'Option --articles needs a value, as in --articles ./my-articles.'],
    [[], 'Name a command: brief, page, topics, sources, explain, ingest, add, remove, start, doctor or digests.'],
    [['topics', '--json'], "--json works only with 'sitrep brief'."],
    [['brief', 'ecuador', 'gangs', '--topic', 'cocaine'], "Give the topic once: 'gangs' or --topic cocaine, not both."],
    [['brief', 'ecuador', '--since', '2025-13-45'], "Option --since: '2025-13-45' is not a date (there is no month 13)."],
    [['brief', 'ecuador', '--since', '2025-02-30'], "Option --since: '2025-02-30' is not a date (February 2025 has 28 days)."],
  ])('answers %j with exit code 2: %s', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`${message}\nRun 'sitrep help' for usage.\n`);
  });

  it('prints the usage for help and --help, exit code 0', async () => {
    for (const argv of [['help'], ['--help'], ['brief', '-h']]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Usage:\n {2}sitrep brief \[subject\]/);
    }
  });

  it('prints its version for --version, -V and version, exit code 0', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const argv of [['--version'], ['-V'], ['version']]) expect(await run(argv)).toEqual({ code: 0, out: `sitrep ${pkg.version}\n`, err: '' });
  });

  it('ships .env.example naming every variable Sitrep reads, each under a comment', async () => {
    const lines = (await readFile(new URL('../.env.example', import.meta.url), 'utf8')).split('\n');
    const named = lines.filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.slice(0, l.indexOf('=')));
    expect([...named].sort()).toEqual(envVariables().sort());
    for (const v of named) {
      const at = lines.findIndex((l) => l.startsWith(`${v}=`));
      // A comment above it, or above the group it belongs to.
      expect(
        lines
          .slice(0, at)
          .reverse()
          .find((l) => !/^[A-Z_]+=/.test(l)),
      ).toMatch(/^# \S/);
    }
  });

  it('runs every brief and explain example the help prints, as printed', async () => {
    const help = (await run(['help'])).out;
    const examples = help
      .slice(help.indexOf('Examples'))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^sitrep (?:brief|explain) /.test(l));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const line of examples) {
      // Words as a shell splits them: a quoted sentence is one word.
      const argv = [...line.slice('sitrep '.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
      const r = await run(argv);
      expect([line, r.code, r.err]).toEqual([line, 0, '']);
      expect(r.out.trim()).not.toBe('');
    }
  });

  it('answers an unknown subject with the known ones, exit code 2', async () => {
    const r = await run(['topics', 'atlantis']);
    expect(r.code).toBe(2);
    expect(r.err).toBe("No subject 'atlantis'. Known subjects: ecuador. To brief any folder of articles, use --articles DIR.\n");
  });

  it('asks for a subject when there are several and none is named', async () => {
    const root = await twoSubjects();
    const none = await run(['brief'], { briefingsDir: root });
    const unknown = await run(['brief', 'gamma', 'strikes'], { briefingsDir: root });
    expect([none.code, unknown.code]).toEqual([2, 2]);
    expect(none.err).toContain('Name a subject: alpha, beta. Or give --articles DIR.');
    expect(unknown.err).toContain("No subject 'gamma'. Known subjects: alpha, beta.");
  });

  it('reports a broken briefing.yaml with every problem and its path, exit code 1', async () => {
    const root = await tempDir({ 'broken/briefing.yaml': 'topics:\n  Bad Name: [x]\n', 'broken/articles/a.txt': article('Headline') });
    const r = await run(['brief', 'broken'], { briefingsDir: root });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/briefing\.yaml has 2 problems:\n {2}title: required: the briefing title\n {2}topics\["Bad Name"\]: a topic name is lower-case/);
  });
});

describe('sitrep topics and sources', () => {
  it('lists the topics of a subject with their labels and words', async () => {
    const r = await run(['topics', 'ecuador']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^homicides {5}Homicides: homicide, murder, killings, deadliest/m);
    expect(r.out).toMatch(/^military-aid {2}Military aid: special forces/m);
  });

  it('says a folder without briefing.yaml has no topics but takes free text', async () => {
    const dir = await tempDir({ 'a.txt': article('Headline') });
    const r = await run(['topics', '--articles', dir]);
    expect(r.out).toBe(`No topics are defined for ${dir.split('/').pop() ?? ''}; any words work as free text.\n`);
  });

  it('numbers the sources as briefings cite them, with outlet, date, file and headline', async () => {
    const r = await run(['sources', 'ecuador']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('[1] AP · ');
    expect(r.out).toMatch(/^\[5\] outlet unknown · \S+ · 004_5f90fad844f25562\.txt\n {4}Ecuador Says Will Ask Allied Countries/m);
  });

  it('lists skipped files under the sources of a folder', async () => {
    const dir = await tempDir({ 'a.txt': article('Headline', 'Body with 3 numbers.'), 'b.md': '' });
    const r = await run(['sources', '--articles', dir]);
    expect(r.out).toContain('[1] outlet unknown · 2025-02-19 · a.txt\n    Headline\n');
    expect(r.out).toContain('Skipped or unmatched:\n  b.md: skipped, the file is empty\n');
  });

  it('reads a subject from another root, naming it by its folder', async () => {
    const root = await twoSubjects();
    const r = await run(['topics', 'alpha'], { briefingsDir: root });
    expect(r.out).toBe('strikes  Strikes: strike, walkout\n');
  });
});

describe('sitrep explain', () => {
  it('says what each number of a sentence measures, its period and rule, and why the others are no figure', async () => {
    const r = await run(['explain', 'Homicides rose to 8,248 in 2023, up from 4,600 the year before.', '--date', '2024-02-10']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('2023 → no figure: part of a date or time expression (rule period.year)');
    expect(r.out).toMatch(/^ {2}8,248 → homicides · count · 2023 · rule measure\.\S+$/m);
    expect(r.out).toContain('time “in 2023” → 2023 (rule period.year)');
  });

  it('reads a sentence against the date given, and refuses a bad date or no sentence', async () => {
    const r = await run(['explain', 'At least 82 people died on Sunday.', '--date', '2025-07-07']);
    expect(r.out).toMatch(/82 → deaths · count, at least · people · July 6, 2025 · rule state\.\S+/);
    expect((await run(['explain', 'x', '--date', 'nope'])).err).toContain("Option --date takes a date, as in --date 2025-02-19; got 'nope'.");
    expect((await run(['explain'])).code).toBe(2);
  });

  it('shows each figure of a briefing with its rule and the measure it merged on, with --explain', async () => {
    const r = await run(['brief', 'ecuador', '--explain']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^46\.18 \[1\]\[2\]\n {2}homicide rate · rate · per 100,000 people \(ratio\) · 2023 · rule measure\.rate\n {2}matched as rate\|/m);
  });
});
