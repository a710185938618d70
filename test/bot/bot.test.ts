/**
 * `sitrep start | doctor | digests` through `main`, with a real config file, a real SQLite file,
 * the real HTTP server and a fake chat platform: signals come from an emitter, the console reads
 * and writes in-memory streams.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/bot/bot.js';
import type { ChatPlatform } from '../../src/bot/platforms.js';
import { main, type CliDeps } from '../../src/cli.js';
import { envText, envUrl, readVariables } from '../../src/config/env.js';
import { err, ok } from '../../src/core/result.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { LATEST_VERSION } from '../../src/store/migrations.js';
import { openTestStore } from '../store/engines.js';
import { itemFor, newsPage, rssFeed, RUNOFF } from '../ingest/fixtures.js';
import { startServer } from '../ingest/server.js';
import { memoryLog, recordingPlatform, type RecordingPlatform } from '../schedule/harness.js';
import { tempDir } from '../temp-dir.js';

const NOW = Date.parse('2025-06-10T12:00:30Z');

/**
 * A third chat platform, `fake`, declared here alone: its own variables (FAKE_CHAT_URL turns it on;
 * FAKE_CHAT_TOKEN alone is half a setup), read with its own shape, as Slack's and Discord's are.
 */
const FAKE_VARIABLES = { FAKE_CHAT_URL: envUrl.optional(), FAKE_CHAT_TOKEN: envText };
function fakePlatform(adapter: RecordingPlatform): ChatPlatform {
  return {
    name: 'fake',
    variables: Object.keys(FAKE_VARIABLES),
    enable: 'set FAKE_CHAT_URL',
    settingsFrom: (env) => {
      const vars = readVariables(FAKE_VARIABLES, env);
      if (!vars.ok) return err(vars.error.join('; '));
      return vars.value.FAKE_CHAT_URL ? ok({}) : vars.value.FAKE_CHAT_TOKEN ? err('FAKE_CHAT_URL is missing') : ok(undefined);
    },
    create: () => ({
      ...adapter,
      routes: [
        {
          path: '/fake/events',
          handler: (_req, res) => {
            res.end('fake');
          },
        },
      ],
    }),
  };
}

interface Setup {
  dir: string;
  config: string;
  db: string;
  signals: EventEmitter;
  stdin: PassThrough;
  out: () => string;
  log: ReturnType<typeof memoryLog>;
  deps: CliDeps;
  started: Promise<RunningBot>;
}

async function setup(yaml: string, env: Record<string, string> = {}, platform = recordingPlatform('fake')): Promise<Setup> {
  const dir = await tempDir({ 'sitrep.yaml': yaml });
  const db = join(dir, 'var', 'sitrep.db');
  const signals = new EventEmitter();
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const log = memoryLog();
  let resolveStarted: (bot: RunningBot) => void = () => undefined;
  const started = new Promise<RunningBot>((resolve) => {
    resolveStarted = resolve;
  });
  const deps: CliDeps = {
    env: { PORT: '0', HOST: '127.0.0.1', SITREP_DB: db, ...env },
    stdin,
    stdout,
    signals,
    logger: log.logger,
    platforms: [fakePlatform(platform)],
    now: () => NOW,
    onStarted: resolveStarted,
  };
  return { dir, config: join(dir, 'sitrep.yaml'), db, signals, stdin, out: () => out, log, deps, started };
}

async function cli(argv: string[], deps: CliDeps): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let errors = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (errors += s) }, deps);
  return { code, out, err: errors };
}

const CONSOLE_CONFIG =
  'subjects: [ecuador]\n' +
  'platforms: [fake]\n' +
  'digests:\n' +
  '  - { id: hourly, platform: console, channel: terminal, subject: ecuador, topic: homicides, cron: "0 * * * *" }\n';

describe('sitrep start', () => {
  it('runs the console when no platform is configured: overview, slash commands, /healthz; SIGTERM stops it with exit 0', async () => {
    const s = await setup(CONSOLE_CONFIG);
    const running = cli(['start', '--config', s.config], s.deps);
    const bot = await s.started;
    expect(bot.adapters.map((a) => a.platform)).toEqual(['console']);
    const health = await fetch(`http://127.0.0.1:${String(bot.port)}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { ok: true, database: 'ok' }]);
    expect(s.out()).toMatch(/^Ecuador seeks foreign military help against drug cartels \(Feb 2025\)\nKey figures/);
    s.stdin.write('/ecuador schedule\n');
    await sleep(50);
    expect(s.out()).toContain(
      'Digests in this channel\n' +
        '  “Ecuador seeks foreign military help against drug cartels (Feb 2025) — homicides”: ' +
        'cron "0 * * * *" UTC, next 2025-06-10 13:00 UTC (in 1 h) (from config, hourly)',
    );
    s.signals.emit('SIGTERM');
    expect(await running).toEqual({ code: 0, out: '', err: '' });
    expect(s.log.messages()).toEqual(expect.arrayContaining(['no chat platform is configured: running on the console', 'SIGTERM received', 'stopped']));
    await expect(fetch(`http://127.0.0.1:${String(bot.port)}/healthz`)).rejects.toThrow();
  });

  it('answers piped commands, then stops with exit 0 at the end of the input', async () => {
    const s = await setup(CONSOLE_CONFIG);
    const running = cli(['start', '--config', s.config], s.deps);
    await s.started;
    s.stdin.end('/ecuador schedule\n');
    expect(await running).toEqual({ code: 0, out: '', err: '' });
    expect(s.out()).toContain('Digests in this channel\n');
    expect(s.log.messages()).toEqual(expect.arrayContaining(['console: end of input; stopping once every command is answered', 'stopped']));
  });

  it('runs no console with SITREP_CONSOLE=off, says nothing will be posted, and serves /healthz until SIGTERM', async () => {
    const s = await setup(CONSOLE_CONFIG, { SITREP_CONSOLE: 'off' });
    const running = cli(['start', '--config', s.config], s.deps);
    const bot = await s.started;
    expect(bot.adapters).toEqual([]);
    s.stdin.end();
    expect((await fetch(`http://127.0.0.1:${String(bot.port)}/healthz`)).status).toBe(200);
    expect(s.out()).toBe('');
    expect(s.log.messages()).toEqual(
      expect.arrayContaining([
        "no chat platform is configured and SITREP_CONSOLE=off: nothing will be posted. Set Slack's or Discord's variables (.env.example lists them)",
      ]),
    );
    // Its console digest waits for a platform that is not running: nothing prints into the logs.
    expect(s.log.messages().join('\n')).toContain('1 digest(s) wait for a platform that is not running: hourly (console)');
    s.signals.emit('SIGTERM');
    expect((await running).code).toBe(0);
  });

  it('starts every platform whose secrets are set, mounts its routes, and posts its digests', async () => {
    const platform = recordingPlatform('fake');
    const s = await setup(
      'subjects: [ecuador]\nplatforms: [fake]\ndigests:\n  - { id: noon, platform: fake, channel: C1, subject: ecuador, time: "12:00" }\n',
      { FAKE_CHAT_URL: 'http://127.0.0.1:1/' },
      platform,
    );
    const store = openSqliteStore(s.db);
    if (!store.ok) throw new Error(store.error);
    await store.value.runs.setCheckedUntil(Date.parse('2025-06-10T11:59:00Z'));
    await store.value.close();
    const running = cli(['start', '--config', s.config], s.deps);
    const bot = await s.started;
    expect(bot.adapters.map((a) => a.platform)).toEqual(['fake']);
    expect(await (await fetch(`http://127.0.0.1:${String(bot.port)}/fake/events`)).text()).toBe('fake');
    await bot.scheduler.idle();
    expect(platform.posts.map((p) => [p.channel, p.key, p.reply.kind])).toEqual([['C1', 'noon@2025-06-10T12:00Z', 'briefing']]);
    s.signals.emit('SIGINT');
    expect((await running).code).toBe(0);
  });

  it('finishes a post in flight before closing the database on SIGTERM', async () => {
    const platform = recordingPlatform('fake');
    const slow: RecordingPlatform = {
      ...platform,
      post: async (...args) => {
        await sleep(300);
        return platform.post(...args);
      },
    };
    const s = await setup(
      'subjects: [ecuador]\nplatforms: [fake]\ndigests:\n  - { id: noon, platform: fake, channel: C1, subject: ecuador, time: "12:00" }\n',
      { FAKE_CHAT_URL: 'http://127.0.0.1:1/' },
      slow,
    );
    const seeded = openSqliteStore(s.db);
    if (!seeded.ok) throw new Error(seeded.error);
    await seeded.value.runs.setCheckedUntil(Date.parse('2025-06-10T11:59:00Z'));
    await seeded.value.close();
    const running = cli(['start', '--config', s.config], s.deps);
    await s.started;
    s.signals.emit('SIGTERM');
    expect((await running).code).toBe(0);
    expect(platform.posts).toHaveLength(1);
    const after = openSqliteStore(s.db);
    if (!after.ok) throw new Error(after.error);
    expect((await after.value.runs.list())[0]).toMatchObject({ state: 'posted' });
    await after.value.close();
  });

  it('ends a feed poll in flight on SIGTERM at once, storing nothing half-fetched', async () => {
    // The page never comes in time; its feed item carries the full text, which must not be stored in its stead.
    const site = await startServer({ '/story': { type: 'text/html', body: newsPage(RUNOFF), delayMs: 60_000 } });
    site.route('/feed.xml', {
      type: 'application/rss+xml',
      body: rssFeed('El Diario', [{ ...itemFor(RUNOFF, site.url('/story')), content: RUNOFF.paragraphs.map((p) => `<p>${p}</p>`).join('') }]),
    });
    const s = await setup('subjects: [live]\nplatforms: [fake]\ningest: { allow_private: true, timeout: 60s, attempts: 1 }\n');
    const briefings = await tempDir({ 'live/briefing.yaml': `title: Live\nfeeds: ["${site.url('/feed.xml')}"]\n` });
    const running = cli(['start', '--config', s.config], { ...s.deps, briefingsDir: briefings });
    await s.started;
    while (site.hits('/story') === 0) await sleep(20);
    s.signals.emit('SIGTERM');
    expect((await running).code).toBe(0);
    const messages = s.log.messages();
    expect(messages).toContain('stopped');
    expect(messages.filter((m) => m.includes('still in flight'))).toEqual([]);
    expect(messages.filter((m) => m.includes('could not be rebuilt'))).toEqual([]);
    const after = openSqliteStore(s.db);
    if (!after.ok) throw new Error(after.error);
    expect(await after.value.articles.headers('live')).toEqual([]);
    await after.value.close();
  });

  it('does not start, exit 1, when a platform is half configured or the config is wrong, and says what to fix', async () => {
    const half = await setup(CONSOLE_CONFIG, { FAKE_CHAT_TOKEN: 'token-1' });
    expect(await cli(['start', '--config', half.config], half.deps)).toEqual({
      code: 1,
      out: '',
      err:
        'Some platforms are half configured; fix or unset their variables:\n' +
        '  fake: FAKE_CHAT_URL is missing\n' +
        "Sitrep did not start. 'sitrep doctor' checks everything at once.\n",
    });
    const bad = await setup('digests:\n  - { platform: console, channel: t, subject: ecuador, topic: homicdes, time: "8" }\n');
    const r = await cli(['start', '--config', bad.config], bad.deps);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `${bad.config} has 1 problem:\n` +
        `  digests[0].time: expected a time of day, HH:MM (24-hour), such as "08:00" or "17:30"\n` +
        `Sitrep did not start. 'sitrep doctor' checks everything at once.\n`,
    );
    const topic = await setup('digests:\n  - { platform: console, channel: t, subject: ecuador, topic: homicdes, time: "08:00" }\n');
    expect((await cli(['start', '--config', topic.config], topic.deps)).err).toContain(
      "digests[0].topic: no topic 'homicdes' in ecuador (did you mean homicides?)",
    );
  });
});

describe("the bot commands' arguments", () => {
  it.each([
    [['start', 'now'], "'sitrep start' takes no arguments; 'now' is extra."],
    [['doctor', '--json'], "--json works only with 'sitrep brief'."],
    [['digests', '--limit', '0'], "Option --limit takes a whole number above 0, as in --limit 50; got '0'."],
    [['start', '--failed'], "--failed works only with 'sitrep digests'."],
    [['brief', '--config', 'x.yaml'], "--config works only with 'sitrep start', 'doctor', 'digests', 'ingest' and 'add'."],
    [['start', '--colour'], "Unknown option '--colour'. Options: --config FILE, --help."],
    [['digests', '--config'], 'Option --config needs a value, as in --config config/sitrep.yaml.'],
  ])('answers %j with exit code 2: %s', async (argv, message) => {
    expect(await cli(argv, {})).toEqual({ code: 2, out: '', err: `${message}\nRun 'sitrep help' for usage.\n` });
  });

  it('takes the config from SITREP_CONFIG when --config is not given, relative to the working directory', async () => {
    const s = await setup('digests: nope\n');
    const r = await cli(['doctor'], { ...s.deps, env: { ...s.deps.env, SITREP_CONFIG: s.config } });
    expect(r.out).toContain(`✗ ${s.config} has 1 problem:\n      digests: expected a list of digests`);
  });
});

describe('sitrep doctor', () => {
  it('passes the fresh-clone setup: no secrets, the console, a database still to create', async () => {
    const s = await setup(CONSOLE_CONFIG);
    const r = await cli(['doctor', '--config', s.config], s.deps);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual(
      expect.arrayContaining([
        '✓ environment: PORT 0, HOST 127.0.0.1, LOG_LEVEL info',
        `✓ config: ${s.config} (1 digest; platforms fake)`,
        '· fake: not configured (to run it, set FAKE_CHAT_URL)',
        '✓ console: runs, since no chat platform is configured',
        '✓ subject ecuador (/ecuador): 5 articles, 8 topics',
        `✓ database: ${s.db} does not exist yet; it is created at start`,
        'Ready: sitrep start will run with this setup.',
      ]),
    );
  });

  it('says which subject folders the config leaves unserved, and how to serve them', async () => {
    const s = await setup('subjects: [alpha]\nplatforms: [fake]\n');
    const briefings = await tempDir({
      'alpha/briefing.yaml': 'title: Alpha\n',
      'alpha/articles/a.txt': 'Alpha story\nThe port reopened on Monday.\n',
      'beta/briefing.yaml': 'title: Beta\n',
      'beta/articles/b.txt': 'Beta story\nThe mine closed on Monday.\n',
    });
    const r = await cli(['doctor', '--config', s.config], { ...s.deps, briefingsDir: briefings });
    expect(r.out).toContain(`! not served: briefings/beta. Add it to subjects: in ${s.config}, or remove subjects: to serve every folder.\n`);
  });

  it("fetches each live subject's feeds once: a good one counts its items, a broken one warns with the fix, and neither stops the start", async () => {
    const site = await startServer({ '/down.xml': { status: 503 }, '/page.xml': { type: 'text/html', body: '<html></html>' } });
    site.route('/world.xml', { type: 'application/rss+xml', body: rssFeed('El Diario', [itemFor(RUNOFF, site.url('/story'))]) });
    const s = await setup('subjects: [live]\nplatforms: [fake]\ningest: { allow_private: true, attempts: 3 }\n');
    const briefings = await tempDir({
      'live/briefing.yaml': `title: Live\nfeeds: ["${site.url('/world.xml')}", "${site.url('/down.xml')}", "${site.url('/page.xml')}"]\n`,
    });
    const r = await cli(['doctor', '--config', s.config], { ...s.deps, briefingsDir: briefings });
    const file = join(briefings, 'live', 'briefing.yaml');
    expect(r.out.split('\n')).toEqual(
      expect.arrayContaining([
        `✓ feed ${site.url('/world.xml')} (live): 1 item (RSS)`,
        `! feed ${site.url('/down.xml')} (live): HTTP 503 Service Unavailable. Check the address in ${file}; until it answers, live serves what it has.`,
        `! feed ${site.url('/page.xml')} (live): the server sent text/html, not a feed (RSS, Atom or JSON Feed). ` +
          `Check the address in ${file}; until it answers, live serves what it has.`,
      ]),
    );
    expect(r.code).toBe(0);
    // One try each, even where the config allows three: doctor reports, the poller retries.
    expect([site.hits('/world.xml'), site.hits('/down.xml'), site.hits('/page.xml')]).toEqual([1, 1, 1]);
  });

  it('fails, naming each problem, when secrets are half set and a digest topic is unknown', async () => {
    const s = await setup('digests:\n  - { platform: fake, channel: C1, subject: ecuador, topic: homicdes, time: "08:00" }\n', { FAKE_CHAT_TOKEN: 'token-1' });
    const r = await cli(['doctor', '--config', s.config], s.deps);
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ fake: FAKE_CHAT_URL is missing');
    expect(r.out).toContain("    digests[0].topic: no topic 'homicdes' in ecuador (did you mean homicides?)");
    expect(r.out).toMatch(/\n2 problems \(✗\) to fix before 'sitrep start'\.\n$/);
  });
});

describe('sitrep doctor on PostgreSQL', () => {
  it('reports the server, the schema and its counts, and the replicas beating on it', async () => {
    const { store, location } = await openTestStore('postgres');
    if (location.engine !== 'postgres') throw new Error('expected postgres');
    await store.replicas.beat({ id: 'box-1-a', host: 'box', pid: 1, version: '9.9.9', startedAt: NOW - 7200_000 }, NOW - 4000);
    await store.replicas.beat({ id: 'box-2-b', host: 'box', pid: 2, version: '9.9.9', startedAt: NOW - 3600_000 }, NOW - 3600_000);
    const s = await setup(CONSOLE_CONFIG, { SITREP_DATABASE_URL: `${location.url}?options=${encodeURIComponent(`-c search_path=${location.schema ?? ''}`)}` });
    const r = await cli(['doctor', '--config', s.config], s.deps);
    expect(r.out).toMatch(
      new RegExp(
        `✓ database: PostgreSQL 1\\d[.\\d]* .* at postgres://postgres@127\\.0\\.0\\.1:5432/test\\?options=.* ` +
          `\\(schema v${String(LATEST_VERSION)}; 0 runs, 0 subscriptions\\)\n`,
      ),
    );
    // The replica last seen an hour ago has stopped: only the one seen 4 s ago is listed.
    expect(r.out).toContain('· replicas: 1 running on this database\n    box-1-a on box, v9.9.9, up 2 h, seen 4 s ago\n');
    expect(r.code).toBe(0);
  });

  it('fails with where and what to do when the server does not answer', async () => {
    const s = await setup(CONSOLE_CONFIG, { SITREP_DATABASE_URL: 'postgres://sitrep:pw@127.0.0.1:1/sitrep' });
    const r = await cli(['doctor', '--config', s.config], s.deps);
    expect(r.out).toContain(
      '✗ database: Cannot reach PostgreSQL at postgres://sitrep:***@127.0.0.1:1/sitrep (ECONNREFUSED). Start it, or fix SITREP_DATABASE_URL.\n',
    );
    expect(r.code).toBe(1);
  });
});

describe('sitrep digests', () => {
  it('lists the digests with their next run, and a failed run with its reason', async () => {
    const platform = recordingPlatform('fake');
    platform.fail({ code: 'rejected', message: 'channel_not_found' });
    const s = await setup(
      'subjects: [ecuador]\nplatforms: [fake]\ndigests:\n  - { id: noon, platform: fake, channel: C404, subject: ecuador, time: "12:00" }\n',
      { FAKE_CHAT_URL: 'http://127.0.0.1:1/' },
      platform,
    );
    const seeded = openSqliteStore(s.db);
    if (!seeded.ok) throw new Error(seeded.error);
    await seeded.value.runs.setCheckedUntil(Date.parse('2025-06-10T11:59:00Z'));
    await seeded.value.close();
    const running = cli(['start', '--config', s.config], s.deps);
    const bot = await s.started;
    await bot.scheduler.idle();
    s.signals.emit('SIGTERM');
    await running;
    const r = await cli(['digests', '--config', s.config, '--failed'], s.deps);
    expect(r).toEqual({
      code: 0,
      err: '',
      out: [
        'Digests:',
        '  noon  ecuador -> fake C404  daily 12:00 UTC  (config); next 2025-06-11 12:00 UTC (in 24 h)',
        '',
        'Failed runs, newest first (at most 20):',
        '  2025-06-10 12:00 UTC  noon -> fake C404  FAILED: rejected: channel_not_found (gave up after 1 try)',
        '',
      ].join('\n'),
    });
  });
});
