/**
 * `sitrep start`: the one place that wires config, store, subjects, platforms, the HTTP server and
 * the scheduler together, and takes them down again in order.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { PlatformAdapter } from '../adapters/adapter.js';
import { createConsoleAdapter } from '../adapters/console/adapter.js';
import type { Env } from '../config/env.js';
import { describeConfigError, loadConfig } from '../config/load-config.js';
import type { SitrepConfig } from '../config/sitrep-config.js';
import { err, ok, type Result } from '../core/result.js';
import { listSubjects } from '../load/subjects-dir.js';
import type { Logger } from '../log.js';
import { cronOf, nextRun } from '../schedule/cron.js';
import type { Digest } from '../schedule/digest.js';
import { createScheduler, type Scheduler, type SchedulerOptions } from '../schedule/scheduler.js';
import { formatIn, formatLocal } from '../schedule/wall-clock.js';
import { startHttpServer, type HttpServer } from '../server/http.js';
import { createPageLinks } from '../server/page-links.js';
import type { FirstSight } from '../server/replay-cache.js';
import { pageRoute } from '../server/page-route.js';
import { createChatCommands } from '../service/chat.js';
import { createIngestion, type Ingestion } from '../ingest/setup.js';
import { logProgress } from '../ingest/progress.js';
import type { PageLink } from '../service/commands.js';
import { loadLibrary, refreshSubject, type Library, type LibraryOptions } from '../service/library.js';
import type { StoreLocation } from '../store/location.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { createDigestPoster } from './digest-poster.js';
import { createPresence } from './presence.js';
import { sitrepVersion } from '../version.js';
import { createSubjectSync, SUBJECT_SYNC_MS, type SubjectSync } from './subject-sync.js';
import { allDigests, topicProblems } from './digests.js';
import { createFeedPoller } from './feed-poller.js';
import { CHAT_PLATFORMS, configKnown, type ChatPlatform } from './platforms.js';
import { settlesWithin } from './deadline.js';

/** What the bot is started from. */
export interface BotDeps {
  env: Env;
  configFile: string;
  /** The store: a SQLite file, or PostgreSQL shared with other replicas. */
  db: StoreLocation;
  briefingsDir: string;
  logger: Logger;
  /** The console's input: a terminal, a pipe or a file; absent, the console reads nothing (tests). */
  stdin?: (NodeJS.ReadableStream & { isTTY?: boolean | undefined }) | undefined;
  stdout: NodeJS.WritableStream;
  /** The chat platforms this build runs; tests give fakes. */
  platforms?: readonly ChatPlatform[] | undefined;
  /** Called when the person at the console quits (Ctrl-D, Ctrl-C). */
  onQuit?: (() => void) | undefined;
  now?: () => number;
  /** Scheduler settings beyond the config's (tests shorten the lease). */
  scheduler?: Partial<SchedulerOptions> | undefined;
  /** How often this replica beats and reads subject versions (tests shorten them). */
  replica?: { heartbeatMs?: number | undefined; subjectSyncMs?: number | undefined } | undefined;
}

/** The running bot. */
export interface RunningBot {
  config: SitrepConfig;
  library: Library;
  store: Store;
  adapters: readonly PlatformAdapter[];
  scheduler: Scheduler;
  /** The port `/healthz` answers on, when the HTTP server runs. */
  port: number | undefined;
  /** Stops taking requests, finishes posts in flight, closes the database. Safe to call twice. */
  stop(): Promise<void>;
}

/** How long shutdown waits for posts and replies in flight; under Docker's 10 s before SIGKILL. */
const SHUTDOWN_TIMEOUT_MS = 8000;
const EXTRACT_CACHE_DAYS = 30;
/** How long a feed lease outlasts its poll interval, so the replica polling keeps it from one poll to the next. */
const FEED_LEASE_SLACK_MS = 15_000;

/** How subjects are loaded and reloaded: with the extract cache and the stored articles. */
const libraryOptions = (logger: Logger, store: Store): LibraryOptions => ({
  cache: store.extracts,
  articles: store.articles,
  onLoaded: (subject, info) => {
    logger.info({ subject, ...info }, `loaded ${subject}: ${String(info.articles)} articles (${String(info.cached)} from the extract cache)`);
  },
});

/** Loads everything the bot needs before it connects anywhere; every failure is a message. */
async function prepare(deps: BotDeps, platforms: readonly ChatPlatform[]): Promise<Result<{ config: SitrepConfig; store: Store; library: Library }, string>> {
  const known = configKnown(platforms, await listSubjects(deps.briefingsDir));
  const config = await loadConfig(deps.configFile, known);
  if (!config.ok) return err(describeConfigError(config.error));
  const opened = await openStore(deps.db, {
    now: deps.now,
    onError: (e) => {
      deps.logger.warn({ err: e }, `database: a connection failed (${e.message}); it is replaced on the next query`);
    },
  });
  if (!opened.ok) return err(opened.error);
  const store = opened.value;
  const loaded = await loadLibrary(config.value.subjects, deps.briefingsDir, libraryOptions(deps.logger, store));
  const problems = loaded.ok ? topicProblems(config.value.digests, loaded.value) : [];
  if (!loaded.ok || problems.length) {
    await store.close();
    return err(loaded.ok ? describeConfigError({ code: 'invalid', file: deps.configFile, problems }) : loaded.error.message);
  }
  const now = deps.now ?? Date.now;
  await store.extracts.prune(now() - EXTRACT_CACHE_DAYS * 24 * 3600_000);
  return ok({ config: config.value, store, library: loaded.value });
}

/** Makes the adapters of every configured platform whose secrets are set, and the console when none is. */
function makeAdapters(
  deps: BotDeps,
  platforms: readonly ChatPlatform[],
  config: SitrepConfig,
  library: Library,
  store: Store,
  live: Live,
  pageLink: PageLink,
): Result<PlatformAdapter[], string> {
  const commands = createChatCommands({
    library,
    subscriptions: store.subscriptions,
    configDigests: config.digests,
    defaultTimeZone: config.timeZone,
    pageLink,
    ...(deps.now ? { now: deps.now } : {}),
    addPage: async (subject, url) => {
      const r = await live.ingestion.ingestor.addUrl(subject, url);
      if (r.ok && r.value.kind !== 'duplicate') await live.sync.changed(subject);
      return r;
    },
  });
  const adapters: PlatformAdapter[] = [];
  const problems: string[] = [];
  // Replicas share the signatures they saw, so a replay sent to another replica is refused too;
  // a single process (SQLite) remembers them in memory, without a write per request.
  const firstSight: FirstSight | undefined =
    deps.db.engine === 'postgres' ? (key, ts, forgetBefore) => store.seenRequests.firstSight(key, ts, forgetBefore) : undefined;
  for (const p of platforms.filter((x) => config.platforms.includes(x.name))) {
    const settings = p.settingsFrom(deps.env, config.platformConfig[p.name]);
    if (!settings.ok) problems.push(`${p.name}: ${settings.error}`);
    else if (settings.value === undefined) deps.logger.info(`${p.name}: not configured (none of ${p.variables.join(', ')} is set)`);
    else
      adapters.push(
        p.create({
          library,
          logger: deps.logger.child({ platform: p.name }),
          commands,
          settings: settings.value,
          installations: store.installations,
          firstSight,
        }),
      );
  }
  if (problems.length) return err(`Some platforms are half configured; fix or unset their variables:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  if (deps.env.SITREP_CONSOLE === 'off') {
    if (!adapters.length)
      deps.logger.warn(
        "no chat platform is configured and SITREP_CONSOLE=off: nothing will be posted. Set Slack's or Discord's variables (.env.example lists them)",
      );
  } else if (!adapters.length || config.platforms.includes('console')) {
    if (!adapters.length) deps.logger.info('no chat platform is configured: running on the console');
    adapters.push(
      createConsoleAdapter({
        library,
        commands,
        input: deps.stdin,
        output: deps.stdout,
        interactive: deps.stdin?.isTTY === true,
        onQuit: deps.onQuit,
        logger: deps.logger.child({ platform: 'console' }),
        timeZone: config.timeZone,
        ...(deps.now ? { now: deps.now } : {}),
      }),
    );
  }
  return ok(adapters);
}

/**
 * Live subjects: ingestion (feeds, pages from chat) and rebuilding a subject's set when it brought
 * articles, here (`sync.changed`) or on another replica (`sync`'s timer).
 */
interface Live {
  ingestion: Ingestion;
  sync: SubjectSync;
}

/** How often subject versions are read: as often as the most frequent feed poll, and at least every 30 s. */
const syncEvery = (library: Library, deps: BotDeps): number =>
  deps.replica?.subjectSyncMs ?? Math.min(SUBJECT_SYNC_MS, ...library.subjects.flatMap((s) => (s.live ? [s.live.pollMs] : [])));

function makeLive(deps: BotDeps, config: SitrepConfig, library: Library, store: Store): Live {
  const logger = deps.logger.child({ component: 'ingest' });
  const ingestion = createIngestion({ settings: config.ingest, store, now: deps.now ?? Date.now, progress: logProgress(logger) });
  // One rebuild at a time: a poll and a page added from chat may finish together.
  let rebuilding: Promise<unknown> = Promise.resolve();
  const refresh = (subject: string): Promise<void> => {
    const run = rebuilding
      .then(() => refreshSubject(library, subject, libraryOptions(logger, store)))
      .then((r) => {
        if (!r.ok) logger.error({ subject }, `ingest ${subject}: the subject could not be rebuilt: ${r.error.message}`);
      });
    rebuilding = run.catch(() => undefined);
    return run;
  };
  const sync = createSubjectSync({
    versions: store.subjectVersions,
    subjects: () => library.subjects.map((s) => s.name),
    refresh,
    logger,
    now: deps.now ?? Date.now,
    everyMs: syncEvery(library, deps),
  });
  return { ingestion, sync };
}

function logNextRuns(logger: Logger, digests: Digest[], now: number): void {
  for (const d of digests) {
    const next = nextRun(cronOf(d.cron), d.timeZone, now);
    if (next !== undefined)
      logger.info(
        { digest: d.id, platform: d.platform, channel: d.channel },
        `next digest: ${d.id} to ${d.platform} ${d.channel} at ${formatLocal(next, d.timeZone)} (${formatIn(next, now)})`,
      );
  }
}

/** Starts the bot; resolves once it serves, or with what stopped it from starting (nothing is left running then). */
export async function startBot(deps: BotDeps): Promise<Result<RunningBot, string>> {
  const { logger } = deps;
  const platforms = deps.platforms ?? CHAT_PLATFORMS;
  const clock = deps.now ?? Date.now;
  const prepared = await prepare(deps, platforms);
  if (!prepared.ok) return prepared;
  const { config, store, library } = prepared.value;
  // This replica's name in digest claims, leases and the heartbeat `sitrep doctor` lists.
  const instance = `${hostname()}-${String(process.pid)}-${randomUUID().slice(0, 8)}`;
  const presence = createPresence({ store, instance, version: sitrepVersion(), logger, now: clock, everyMs: deps.replica?.heartbeatMs });
  await presence.start();
  const live = makeLive(deps, config, library, store);
  const links = createPageLinks({ publicUrl: deps.env.SITREP_PUBLIC_URL, secret: deps.env.SITREP_LINK_SECRET, ttlMs: deps.env.SITREP_LINK_EXPIRY });
  const pageLink: PageLink = (subject, topic, since) => links.link(subject, topic, clock(), since);
  if (deps.env.SITREP_PUBLIC_URL && !deps.env.SITREP_LINK_SECRET)
    logger.warn('SITREP_PUBLIC_URL is set but SITREP_LINK_SECRET is not: only subjects with page_access: public get links to their page');
  const made = makeAdapters(deps, platforms, config, library, store, live, pageLink);
  if (!made.ok) {
    live.ingestion.close();
    await presence.stop();
    await store.close();
    return made;
  }
  const adapters = made.value;
  const running = new Set(adapters.map((a) => a.platform));
  let stopping = false;

  const routes = [...adapters.flatMap((a) => [...a.routes]), pageRoute({ library, links, logger, coverage: store.coverage, now: clock })];
  let http: HttpServer | undefined;
  try {
    http = await startHttpServer({
      host: deps.env.HOST,
      port: deps.env.PORT,
      routes,
      health: () => ({ ok: !stopping, ...presence.health() }),
      logger: deps.logger,
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (routes.length) {
      await presence.stop();
      await store.close();
      return err(`The HTTP server did not start: ${why}`);
    }
    logger.warn(`no HTTP server, so no /healthz: ${why}`);
  }

  const started: PlatformAdapter[] = [];
  const startAdapter = async (a: PlatformAdapter): Promise<string | undefined> => {
    try {
      await a.start();
      started.push(a);
      return undefined;
    } catch (e) {
      return `${a.platform} did not start: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  const poller = createFeedPoller({
    library,
    ingestor: live.ingestion.ingestor,
    refresh: (subject) => live.sync.changed(subject),

    // One replica polls a subject's feeds at a time: the lease outlasts the interval, so its holder keeps it.
    claim: (subject, pollMs) => store.leases.acquire(`feeds:${subject}`, instance, clock() + pollMs + FEED_LEASE_SLACK_MS, clock()),
    logger: logger.child({ component: 'ingest' }),
  });
  const abort = async (why: string, scheduler?: Scheduler): Promise<Result<never, string>> => {
    await scheduler?.stop();
    await poller.stop();
    live.sync.stop();
    live.ingestion.close();
    await Promise.allSettled(started.map((s) => s.stop()));
    await http?.close();
    await presence.stop();
    await store.close();
    return err(why);
  };
  // Chat platforms connect before the scheduler can post to them; the console, which can print a
  // digest before it reads anything, starts last so its prompt comes after the start-up lines.
  const terminal = adapters.find((a) => a.platform === 'console');
  for (const a of adapters.filter((x) => x !== terminal)) {
    const failed = await startAdapter(a);
    if (failed) return abort(failed);
  }

  const scheduler = createScheduler({
    runs: store.runs,
    digests: () => allDigests(config.digests, store.subscriptions, running),
    post: createDigestPoster({ adapters, library, coverage: store.coverage, now: clock, pageLink }),
    logger: logger.child({ component: 'digests' }),
    options: { ...config.schedule, ...deps.scheduler },
    now: clock,
    instance,
    paused: () => !presence.databaseUp(),
    databaseChecked: () => presence.nextBeat(),
  });
  await scheduler.start();
  poller.start();
  await live.sync.start();
  const everyDigest = await allDigests(config.digests, store.subscriptions);
  const digests = everyDigest.filter((d) => running.has(d.platform));
  const inactive = everyDigest.filter((d) => !running.has(d.platform));
  if (inactive.length)
    logger.info(
      { digests: inactive.map((d) => d.id) },
      `${String(inactive.length)} digest(s) wait for a platform that is not running: ${inactive.map((d) => `${d.id} (${d.platform})`).join(', ')}`,
    );
  logNextRuns(logger, digests, clock());
  logger.info(
    { platforms: [...running], port: http?.port, database: store.location, digests: digests.length },
    `sitrep is running on ${[...running].join(', ')}${http ? `; health at http://${deps.env.HOST}:${String(http.port)}/healthz` : ''}`,
  );
  if (terminal) {
    const failed = await startAdapter(terminal);
    if (failed) return abort(failed, scheduler);
  }

  let stopped: Promise<void> | undefined;
  const shutdown = async (): Promise<void> => {
    stopping = true;
    logger.info('stopping: no new requests or digests; finishing what is in flight');
    // Feed polls are not finished: their fetches end now, and the next start polls again.
    live.ingestion.close();
    live.sync.stop();
    const drain = Promise.allSettled([scheduler.stop(), poller.stop(), ...started.map((a) => a.stop()), http?.close()]);
    const outcome = await settlesWithin(drain, SHUTDOWN_TIMEOUT_MS);
    if (outcome === 'late')
      logger.warn(`work still in flight after ${String(SHUTDOWN_TIMEOUT_MS / 1000)} s; closing anyway (unfinished digests are resumed at the next start)`);
    // Another replica may poll these feeds at once, rather than after the lease runs out.
    await Promise.allSettled(library.subjects.filter((s) => s.live).map((s) => store.leases.release(`feeds:${s.name}`, instance)));
    await presence.stop();
    await store.close();
    logger.info('stopped');
  };
  return ok({
    config,
    library,
    store,
    adapters,
    scheduler,
    port: http?.port,
    stop: () => (stopped ??= shutdown()),
  });
}
