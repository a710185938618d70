/** `sitrep ingest`, `sitrep add` and `sitrep brief --since` through `main`, with a loopback news site and a real SQLite file. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliDeps } from '../../src/cli.js';
import { memoryLog } from '../schedule/harness.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { tempDir } from '../temp-dir.js';
import { itemFor, MINING, newsPage, PORT, rssFeed, RUNOFF, RUNOFF_COPY } from './fixtures.js';
import { startServer, type TestServer } from './server.js';

async function run(argv: string[], deps: CliDeps): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) }, deps);
  return { code, out, err };
}

/** A live subject (no files yet, one feed) under a temp root, a config that may fetch from loopback, and a database file. */
async function setup(s: TestServer, feeds: string[], allowPrivate = true): Promise<{ deps: CliDeps; root: string }> {
  const root = await tempDir({
    'briefings/live/briefing.yaml':
      `title: Ecuador, live\n` + `feeds: [${feeds.map((f) => s.url(f)).join(', ')}]\n` + `match: [Ecuador, Noboa, Guayaquil]\n` + `poll: every 30m\n`,
    'sitrep.yaml': `subjects: [live]\nplatforms: [console]\ningest: { allow_private: ${String(allowPrivate)}, timeout: 2s, attempts: 1 }\n`,
  });
  const deps: CliDeps = {
    briefingsDir: join(root, 'briefings'),
    logger: memoryLog().logger,
    now: () => Date.parse('2025-04-16T12:00:00Z'),
    env: { SITREP_CONFIG: join(root, 'sitrep.yaml'), SITREP_DB: join(root, 'var', 'sitrep.db') },
  };
  return { deps, root };
}

async function site(): Promise<TestServer> {
  const s = await startServer({
    '/diario/noboa-wins': { type: 'text/html', body: newsPage(RUNOFF) },
    '/prensa/noboa-reelected': { type: 'text/html', body: newsPage(RUNOFF_COPY) },
    '/diario/port-seizure': { type: 'text/html', body: newsPage(PORT) },
    '/diario/peru-mining': { type: 'text/html', body: newsPage(MINING) },
    '/broken.xml': { type: 'application/rss+xml', body: '<rss><channel><item><title>Noboa</titl' },
  });
  s.route('/world.xml', {
    type: 'application/rss+xml',
    body: rssFeed('World', [
      itemFor(RUNOFF, s.url('/diario/noboa-wins')),
      itemFor(MINING, s.url('/diario/peru-mining')),
      itemFor(PORT, s.url('/diario/port-seizure')),
    ]),
  });
  return s;
}

describe('sitrep ingest and add', () => {
  it("polls a subject's feeds, says what came in and which feed failed (exit 1), and the briefing includes the new articles", async () => {
    const s = await site();
    const { deps } = await setup(s, ['/world.xml', '/broken.xml']);
    const r = await run(['ingest', 'live'], deps);
    expect(r.code).toBe(1);
    expect(r.out.replace(/http:\/\/127\.0\.0\.1:\d+/g, '')).toBe(
      [
        'live: 2 new articles, 0 wire copies folded into stored articles, from 2 feeds (1 failed)',
        '  ✓ /world.xml: 3 items, 2 matching, 2 new, 0 folded, 0 already stored',
        '  ✗ /broken.xml: malformed XML: the feed could not be parsed',
        '',
      ].join('\n'),
    );
    expect(r.err).toBe('1 feed failed; the others were taken in.\n');
    const sources = await run(['sources', 'live'], deps);
    expect(sources.out).toContain('El Diario · 2025-04-14');
    expect(sources.out).toContain('Noboa wins Ecuador runoff as homicides fall');
  });

  it('adds a page by url, folds a wire copy into it, and adds an article file', async () => {
    const s = await site();
    const { deps, root } = await setup(s, ['/world.xml']);
    const first = await run(['add', 'live', s.url('/diario/noboa-wins')], deps);
    expect(first).toEqual({ code: 0, out: 'Added to live: “Noboa wins Ecuador runoff as homicides fall” — El Diario\n', err: '' });
    const copy = await run(['add', 'live', s.url('/prensa/noboa-reelected')], deps);
    expect(copy.out).toBe('Folded into “Noboa wins Ecuador runoff as homicides fall” as a wire copy: it counts once, and lists El Diario, La Prensa\n');
    const file = join(await tempDir({ 'port.txt': `${PORT.headline}\nSource: El Universo\nDate: 2025-04-15\n${PORT.paragraphs.join('\n')}\n` }), 'port.txt');
    expect((await run(['add', 'live', file], deps)).out).toBe(`Added to live: “${PORT.headline}” — El Universo\n`);
    const sources = await run(['sources', 'live'], deps);
    expect(sources.out.match(/^\[\d+\]/gm)).toHaveLength(2);
    expect(sources.out).toContain('El Diario (also La Prensa) · 2025-04-14');
    expect(root).toBeTruthy();
  });

  it("lists added articles in sources and takes one out with sitrep remove, by file name or by a copy's address", async () => {
    const s = await site();
    const { deps } = await setup(s, ['/world.xml']);
    await run(['add', 'live', s.url('/diario/noboa-wins')], deps);
    await run(['add', 'live', s.url('/prensa/noboa-reelected')], deps);
    await run(['add', 'live', s.url('/diario/port-seizure')], deps);
    const before = await run(['sources', 'live'], deps);
    const files = [...before.out.matchAll(/ · (\S+\.txt) · added\n/g)].map((m) => m[1] ?? '');
    expect(files).toHaveLength(2);
    expect(before.out).toContain(`Added articles are kept in the database: 'sitrep remove live ${files[0] ?? ''}' takes one out.\n`);

    // The wire copy's address names the story it was folded into.
    const byCopy = await run(['remove', 'live', s.url('/prensa/noboa-reelected')], deps);
    expect(byCopy).toEqual({
      code: 0,
      err: '',
      out: 'Removed from live: “Noboa wins Ecuador runoff as homicides fall” and the 1 copy folded into it. A running bot drops it within 30 s.\n',
    });
    const byFile = await run(['remove', 'live', files[1] ?? ''], deps);
    expect(byFile.out).toBe(`Removed from live: “${PORT.headline}”. A running bot drops it within 30 s.\n`);
    expect((await run(['sources', 'live'], deps)).out).toBe('live has no articles yet.\n');

    const again = await run(['remove', 'live', files[1] ?? ''], deps);
    expect(again).toEqual({ code: 2, out: '', err: `No added article '${files[1] ?? ''}' in live. live has none.\n` });
    // Taken out for good: adding the page again adds it anew.
    expect((await run(['add', 'live', s.url('/prensa/noboa-reelected')], deps)).out).toMatch(/^Added to live: /);
  });

  it('tells running bots the subject changed: add and remove raise its version, a duplicate does not', async () => {
    const s = await site();
    const { deps } = await setup(s, ['/world.xml']);
    const versions = async (): Promise<number | undefined> => {
      const opened = openSqliteStore(deps.env?.SITREP_DB ?? '');
      if (!opened.ok) throw new Error(opened.error);
      const v = (await opened.value.subjectVersions.all()).get('live');
      await opened.value.close();
      return v;
    };
    await run(['add', 'live', s.url('/diario/noboa-wins')], deps);
    expect(await versions()).toBe(1);
    await run(['add', 'live', s.url('/diario/noboa-wins')], deps);
    expect(await versions()).toBe(1);
    const listed = await run(['sources', 'live'], deps);
    const [file] = [...listed.out.matchAll(/ · (\S+\.txt) · added\n/g)].map((m) => m[1] ?? '');
    await run(['remove', 'live', file ?? ''], deps);
    expect(await versions()).toBe(2);
  });

  it("leaves a subject's own files to the user", async () => {
    const s = await site();
    const { deps, root } = await setup(s, ['/world.xml']);
    await mkdir(join(root, 'briefings/live/articles'), { recursive: true });
    await writeFile(join(root, 'briefings/live/articles/own.txt'), `${PORT.headline}\nDate: 2025-04-15\n${PORT.paragraphs.join('\n')}\n`);
    const r = await run(['remove', 'live', 'own.txt'], deps);
    expect(r).toEqual({ code: 2, out: '', err: "own.txt is a file of live's articles/ folder, not an added article: delete the file to take it out.\n" });
  });

  it('says in one line why a page it cannot read was not added, by url or as a file', async () => {
    const s = await site();
    s.route('/lone', { type: 'text/html', body: '<' });
    const { deps } = await setup(s, ['/world.xml']);
    const byUrl = await run(['add', 'live', s.url('/lone')], deps);
    const file = join(await tempDir({ 'bad.html': '<' }), 'bad.html');
    const byFile = await run(['add', 'live', file], deps);
    for (const r of [byUrl, byFile]) {
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^Not added: .+: no article text found on the page \(it may be an index, a video or a paywall page\)\n$/);
    }
  });

  it('refuses a binary or non-UTF-8 file as the folder loader does, and adds nothing', async () => {
    const s = await site();
    const { deps } = await setup(s, ['/world.xml']);
    const dir = await tempDir({
      'tool.txt': Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64), Buffer.from('GLIBC_2.2.5 USH')]),
      'cafe.txt': Buffer.from('Café strike\nThe café workers in Quito walked out on Monday.\n', 'latin1'),
    });
    const binary = await run(['add', 'live', join(dir, 'tool.txt')], deps);
    expect(binary).toMatchObject({ code: 1, err: `Not added: ${join(dir, 'tool.txt')}: it is a binary file, not text.\n` });
    const latin1 = await run(['add', 'live', join(dir, 'cafe.txt')], deps);
    expect(latin1).toMatchObject({ code: 1, err: `Not added: ${join(dir, 'cafe.txt')}: it is not valid UTF-8 text (re-save it as UTF-8).\n` });
    expect((await run(['sources', 'live'], deps)).out).not.toMatch(/GLIBC|Caf/);
  });

  it('refuses a private address unless the config allows it', async () => {
    const s = await site();
    const { deps } = await setup(s, ['/world.xml'], false);
    const r = await run(['add', 'live', s.url('/diario/noboa-wins')], deps);
    expect(r.code).toBe(1);
    expect(r.err).toContain('a loopback address; Sitrep fetches only public addresses');
    expect(s.requests).toEqual([]);
  });

  it.each([
    [['add', 'live'], "'sitrep add' takes a subject and a web address or file, as in sitrep add <subject> https://example.com/news/story."],
    [
      ['remove', 'live'],
      "'sitrep remove' takes a subject and an added article (its file name in 'sitrep sources', " +
        'or its web address), as in sitrep remove <subject> example.com-1a2b3c4d5e.txt.',
    ],
    [['remove', 'live', 'x.txt', '--config', 'c.yaml'], "--config works only with 'sitrep start', 'doctor', 'digests', 'ingest' and 'add'."],
    [['ingest', 'live', 'more'], "'sitrep ingest' takes at most one subject; 'more' is extra."],
    [['brief', 'live', '--since', 'soon'], "Option --since takes a span or a date, as in --since 7d, --since 12h or --since 2025-04-01; got 'soon'."],
    [['topics', 'live', '--since', '7d'], "--since works only with 'sitrep brief' and 'sitrep page'."],
  ])('answers %j with a usage error', async (argv, message) => {
    const s = await site();
    const { deps } = await setup(s, ['/world.xml']);
    expect(await run(argv, deps)).toEqual({ code: 2, out: '', err: `${message}\nRun 'sitrep help' for usage.\n` });
  });

  it('briefs only a time window with --since, and says which', async () => {
    const s = await site();
    const { deps } = await setup(s, ['/world.xml']);
    await run(['ingest', 'live'], deps);
    const week = await run(['brief', 'live', '--since', '7d', '--json'], deps);
    const day = await run(['brief', 'live', '--since', '1d', '--all'], deps);
    expect((JSON.parse(week.out) as { title: string; sources: unknown[] }).title).toBe('Ecuador, live (since 2025-04-09)');
    expect(day.out.split('\n')[0]).toBe('Ecuador, live (since 2025-04-15)');
    expect(day.out).toContain('Guayaquil port seizes record cocaine haul');
    expect(day.out).not.toContain('Noboa wins Ecuador runoff');
    const none = await run(['brief', 'live', '--since', '2025-05-01'], deps);
    expect(none.err).toBe('No article of live was published since 2025-05-01 (2 in all).\n');
  });
});
