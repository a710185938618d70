import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSubject } from '../../src/load/subject.js';
import { BRIEFINGS_DIR, findSubject, listSubjects } from '../../src/load/subjects-dir.js';
import { labelOf } from '../../src/load/subject-file.js';
import { article, tempDir } from '../temp-dir.js';

/** A subject folder with `briefing.yaml` and one article. */
const subject = (yaml: string, articles: Record<string, string> = { 'a.txt': article('Port strike ends') }): Promise<string> =>
  tempDir({ 'port-news/briefing.yaml': yaml, ...Object.fromEntries(Object.entries(articles).map(([f, t]) => [`port-news/articles/${f}`, t])) });

const problems = async (yaml: string): Promise<string> => {
  const r = await loadSubject(join(await subject(yaml), 'port-news'));
  if (r.ok) throw new Error('expected briefing.yaml to be rejected');
  expect(r.error.code).toBe('bad-subject');
  return r.error.message;
};

describe('loadSubject', () => {
  it('reads short-form topics and derives their labels from the names', async () => {
    const root = await subject('title: Port news\ntopics:\n  strikes: [strike, walkout]\n  us-trade: [tariff]\n  cost-of-living: [prices]\n');
    const r = await loadSubject(join(root, 'port-news'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.topics).toEqual([
      { name: 'strikes', label: 'Strikes', terms: ['strike', 'walkout'] },
      { name: 'us-trade', label: 'US trade', terms: ['tariff'] },
      { name: 'cost-of-living', label: 'Cost of living', terms: ['prices'] },
    ]);
  });

  it('reads long-form topics with their own labels, and topics given as a list', async () => {
    const map = await subject('title: Port news\ntopics:\n  strikes: { label: Labour unrest, terms: [strike] }\n');
    const list = await subject('title: Port news\ntopics:\n  - { name: strikes, label: Labour unrest, terms: [strike] }\n  - ports: [port, 2024]\n');
    const a = await loadSubject(join(map, 'port-news'));
    const b = await loadSubject(join(list, 'port-news'));
    expect(a.ok && a.value.topics).toEqual([{ name: 'strikes', label: 'Labour unrest', terms: ['strike'] }]);
    expect(b.ok && b.value.topics).toEqual([
      { name: 'strikes', label: 'Labour unrest', terms: ['strike'] },
      { name: 'ports', label: 'Ports', terms: ['port', '2024'] },
    ]);
  });

  it('takes the command name from the folder unless briefing.yaml gives one', async () => {
    const plain = await loadSubject(join(await subject('title: Port news\n'), 'port-news'));
    const named = await loadSubject(join(await subject('title: Port news\ncommand: ports\n'), 'port-news'));
    expect(plain.ok && [plain.value.name, plain.value.command, plain.value.title, plain.value.topics]).toEqual(['port-news', 'port-news', 'Port news', []]);
    expect(named.ok && named.value.command).toBe('ports');
  });

  it('gives each source its metadata and warns about metadata for a file that is not there', async () => {
    const yaml = 'title: Port news\nsources:\n  a.txt: { outlet: Reuters, url: "https://reuters.example/a", published: 2025-02-19 }\n  b.txt: { outlet: AP }\n';
    const r = await loadSubject(join(await subject(yaml), 'port-news'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.articles[0]).toMatchObject({ outlet: 'Reuters', url: 'https://reuters.example/a', published: { iso: '2025-02-19' } });
    expect(r.value.warnings).toEqual(['briefing.yaml: sources names b.txt, which is not in articles/']);
  });

  it('lists every problem in briefing.yaml at once, each with its path', async () => {
    const message = await problems(
      [
        'command: Port News',
        'topics:',
        '  Strikes: [strike]',
        '  ports: []',
        '  tariffs: { lable: Tariffs, terms: [tariff] }',
        'sources:',
        '  a.txt: { url: not-a-url, published: someday }',
        '  b.txt: { published: 2025-13-45 }',
        'colour: blue',
      ].join('\n'),
    );
    const lines = message
      .split('\n')
      .slice(1)
      .map((l) => l.trim());
    expect(message.split('\n')[0]).toMatch(/briefing\.yaml has 9 problems:$/);
    expect(lines).toEqual(
      expect.arrayContaining([
        'title: required: the briefing title',
        expect.stringMatching(/^command: a slash command name/) as unknown,
        expect.stringMatching(/^topics\.Strikes: a topic name is lower-case/) as unknown,
        'topics.ports: give at least one word or phrase',
        'topics.tariffs: unknown key "lable"; did you mean "label"?',
        'sources["a.txt"].url: a full http(s) address',
        'sources["a.txt"].published: not a date I can read: write it YYYY-MM-DD',
        'sources["b.txt"].published: not a date: there is no month 13; write it YYYY-MM-DD',
        '(top level): unknown key "colour"; expected title, command, topics, sources, feeds, match, poll, page_access',
      ]),
    );
  });

  it('reports list-form topics without a name or defined twice by their position', async () => {
    const message = await problems(
      'title: Port news\ntopics:\n  - { terms: [strike] }\n  - { name: ports, terms: [port] }\n  - { name: ports, terms: [dock] }\n',
    );
    expect(message).toContain('topics[0]: a topic needs a name');
    expect(message).toContain("topics[2]: topic 'ports' is defined twice");
  });

  it('reports YAML syntax errors with their line', async () => {
    const message = await problems('title: Port news\ntopics:\n  strikes: [strike\n');
    expect(message).toMatch(/is not valid YAML:\n {2}line \d+: /);
  });

  it.each([
    ['title: 42\n', 'title: the briefing title, as text; got 42'],
    ['title: Port news\ntopics:\n  pay: wage\n', 'topics.pay: a list of words ([strike, walkout]) or { label, terms }; got "wage"'],
    ['title: Port news\ntopcs:\n  pay: [wage]\n', '(top level): unknown key "topcs"; did you mean "topics"?'],
    ['title: Port news\nsources:\n  a.txt: { outlt: AP }\n', 'sources["a.txt"]: unknown key "outlt"; did you mean "outlet"?'],
  ])('says what is expected for %j, and the key meant', async (yaml, line) => {
    expect(
      (await problems(yaml))
        .split('\n')
        .slice(1)
        .map((l) => l.trim()),
    ).toEqual([line]);
  });

  it('says an empty briefing.yaml is empty, and ends a YAML error on its reason', async () => {
    expect(await problems('')).toMatch(/briefing\.yaml is empty\. Write at least a title: line, as in title: Port strikes\.$/);
    expect(await problems('title: Port news\ntopics:\n  strikes: [strike\n')).toMatch(/line \d+: [^\n]*[^:\s]$/);
  });

  it('refuses a YAML alias bomb in one line naming the file', async () => {
    const message = await problems(
      `title: Port news\n` +
        `a: &a [x, x, x, x, x, x, x, x, x, x]\n` +
        `b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n` +
        `c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n` +
        `d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n` +
        `e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n`,
    );
    expect(message).toMatch(/briefing\.yaml is not valid YAML:\n {2}refused: its aliases \(\*name\) expand too far, as in an alias bomb \(.+\)$/);
    expect(message.split('\n')).toHaveLength(2);
  });

  it('says how to create briefing.yaml when it is missing', async () => {
    const root = await tempDir({ 'bare/articles/a.txt': article('Headline') });
    const r = await loadSubject(join(root, 'bare'));
    expect(!r.ok && r.error).toEqual({
      code: 'bad-subject',
      message: expect.stringMatching(/^No .*briefing\.yaml\. Create it with at least a title: line/) as unknown,
    });
  });
});

describe('loadSubject without articles', () => {
  it('says where the articles go when the subject has no articles/ folder', async () => {
    const root = await tempDir({ 'bare/briefing.yaml': 'title: Bare\n' });
    const r = await loadSubject(join(root, 'bare'));
    expect(!r.ok && r.error).toEqual({
      code: 'bad-subject',
      message: `No articles/ folder in ${join(root, 'bare')}. Put the subject's article files (.txt or .md) there.`,
    });
  });
});

describe('findSubject', () => {
  it('finds a subject folder under the root', async () => {
    const root = await subject('title: Port news\n');
    expect(await findSubject('port-news', root)).toEqual({ ok: true, value: join(root, 'port-news') });
  });

  it('answers an unknown subject with the known ones', async () => {
    const root = await tempDir({ 'alpha/briefing.yaml': 'title: A\n', 'beta/briefing.yaml': 'title: B\n' });
    const r = await findSubject('gamma', root);
    expect(!r.ok && r.error).toEqual({
      code: 'unknown-subject',
      message: "No subject 'gamma'. Known subjects: alpha, beta. To brief any folder of articles, use --articles DIR.",
    });
  });

  it('never resolves a name outside the root', async () => {
    const root = await tempDir({ 'alpha/briefing.yaml': 'title: A\n' });
    expect((await findSubject('../alpha', join(root, 'alpha'))).ok).toBe(false);
  });

  it('finds the bundled subjects from the package root, wherever the process runs', async () => {
    expect(await listSubjects(BRIEFINGS_DIR)).toContain('ecuador');
    const r = await loadSubject(join(BRIEFINGS_DIR, 'ecuador'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.articles).toHaveLength(5);
    expect(r.value.warnings).toEqual([]);
    expect(r.value.topics.map((t) => t.name)).toEqual(['homicides', 'cocaine', 'migration', 'election', 'military-aid', 'us-relations', 'gangs', 'economy']);
  });
});

describe('labelOf', () => {
  it.each([
    ['homicides', 'Homicides'],
    ['military-aid', 'Military aid'],
    ['us-relations', 'US relations'],
    ['cost-of-living', 'Cost of living'],
  ])('labels topic %s as "%s"', (name, label) => {
    expect(labelOf(name)).toBe(label);
  });
});

describe('live subjects in briefing.yaml', () => {
  it('reads feeds, match words and the poll interval; a subject with feeds may start with no files', async () => {
    const root = await tempDir({
      'live/briefing.yaml': 'title: Live\nfeeds: [https://news.example/world.xml]\nmatch: [Ecuador, Noboa, 2025]\npoll: every 2h\n',
    });
    const r = await loadSubject(join(root, 'live'));
    expect(r.ok && [r.value.feeds, r.value.match, r.value.pollMs, r.value.articles]).toEqual([
      ['https://news.example/world.xml'],
      ['Ecuador', 'Noboa', '2025'],
      2 * 3600_000,
      [],
    ]);
  });

  it('reports bad feeds, match words and poll intervals with their paths', async () => {
    const root = await tempDir({
      'live/briefing.yaml': 'title: Live\nfeeds: [ftp://x/feed, world.xml]\nmatch: Ecuador\npoll: every 10s\n',
      'live/articles/a.txt': 'Headline\nBody text here.\n',
    });
    const r = await loadSubject(join(root, 'live'));
    expect(!r.ok && r.error.message.split('\n').slice(1)).toEqual([
      '  feeds[0]: a feed address, http(s)://…',
      '  feeds[1]: a feed address, http(s)://…',
      '  match: a list of words and phrases',
      '  poll: poll at most once a minute ("every 1m" or longer)',
    ]);
    const slow = await tempDir({ 'live/briefing.yaml': 'title: Live\nfeeds: [https://news.example/world.xml]\npoll: every 30d\n' });
    const s = await loadSubject(join(slow, 'live'));
    expect(!s.ok && s.error.message.split('\n').slice(1)).toEqual(['  poll: poll at least once a week ("every 7d" or shorter); got "every 30d"']);
  });
});
