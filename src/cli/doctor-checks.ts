/**
 * `sitrep doctor`: checks the environment, the config, each platform's secrets, the subjects and
 * their feeds, the digests and the database, without starting anything or writing anywhere, and
 * says what to fix.
 */
import { join } from 'node:path';
import { readEnv, type Env } from '../config/env.js';
import { describeConfigError, loadConfig } from '../config/load-config.js';
import type { IngestSettings, SitrepConfig } from '../config/sitrep-config.js';
import { createAddressGuard } from '../ingest/address-guard.js';
import { parseFeedText } from '../ingest/feeds.js';
import { createFetcher } from '../ingest/fetcher.js';
import { listSubjects } from '../load/subjects-dir.js';
import { cronOf, describeSchedule, nextRun } from '../schedule/cron.js';
import { formatDuration, formatIn, formatLocal } from '../schedule/wall-clock.js';
import { loadLibrary, type Library } from '../service/library.js';
import { DEFAULT_LINK_MS } from '../server/page-links.js';
import { inspectSqliteStore } from '../store/inspect.js';
import { describeLocation, type StoreLocation } from '../store/location.js';
import { topicProblems } from '../bot/digests.js';
import { HEARTBEAT_MS } from '../bot/presence.js';
import { CHAT_PLATFORMS, configKnown, type ChatPlatform } from '../bot/platforms.js';
import { plural } from '../core/text.js';

/** What doctor looks at. */
export interface DoctorDeps {
  /** The raw environment (doctor reports its problems rather than stopping at them). */
  env: Readonly<Record<string, string | undefined>>;
  configFile: string;
  db: StoreLocation;
  briefingsDir: string;
  platforms?: readonly ChatPlatform[] | undefined;
  now?: () => number;
}

/** The verdicts, one line each: `ok`, `info` (nothing to do), `warn` (works, but look), `fail` (fix before starting). */
export interface Finding {
  level: 'ok' | 'info' | 'warn' | 'fail';
  text: string;
}

const MARK: Record<Finding['level'], string> = { ok: '✓', info: '·', warn: '!', fail: '✗' };

/** A finding as printed. */
export const formatFinding = (f: Finding): string => `${MARK[f.level]} ${f.text.split('\n').join('\n    ')}`;

function platformFindings(env: Env, config: SitrepConfig, platforms: readonly ChatPlatform[]): { findings: Finding[]; running: Set<string> } {
  const findings: Finding[] = [];
  const running = new Set<string>();
  for (const p of platforms) {
    const listed = config.platforms.includes(p.name);
    const s = p.settingsFrom(env, config.platformConfig[p.name]);
    if (!s.ok) findings.push({ level: listed ? 'fail' : 'warn', text: `${p.name}: ${s.error}` });
    else if (s.value === undefined) findings.push({ level: 'info', text: `${p.name}: not configured (to run it, ${p.enable})` });
    else if (!listed)
      findings.push({ level: 'warn', text: `${p.name}: its secrets are set, but the config's platforms: does not list it, so it will not start` });
    else {
      running.add(p.name);
      findings.push({ level: 'ok', text: `${p.name}: configured` });
    }
  }
  if (!running.size || config.platforms.includes('console')) {
    running.add('console');
    findings.push({ level: 'ok', text: `console: runs${running.size === 1 ? ', since no chat platform is configured' : ''}` });
  }
  return { findings, running };
}

function digestFindings(config: SitrepConfig, library: Library | undefined, running: Set<string>, now: number, file: string): Finding[] {
  const out: Finding[] = [];
  if (library) {
    const problems = topicProblems(config.digests, library);
    if (problems.length) out.push({ level: 'fail', text: describeConfigError({ code: 'invalid', file, problems }) });
  }
  for (const d of config.digests) {
    const next = nextRun(cronOf(d.cron), d.timeZone, now);
    const what = `digest ${d.id}: ${d.subject}${d.topic ? ` / ${d.topic}` : ''} to ${d.platform} ${d.channel}, ${describeSchedule(d.cron)} ${d.timeZone}`;
    if (!running.has(d.platform)) out.push({ level: 'warn', text: `${what}; waits, since ${d.platform} will not run` });
    else out.push({ level: 'ok', text: `${what}; next ${next === undefined ? 'never' : `${formatLocal(next, d.timeZone)} (${formatIn(next, now)})`}` });
  }
  if (!config.digests.length) out.push({ level: 'info', text: 'digests: none in the config (channels can still subscribe from chat)' });
  return out;
}

/** Longest wait for one feed: doctor makes one try, and a feed slower than this would fail a poll too. */
const FEED_CHECK_TIMEOUT_MS = 10_000;

/**
 * Fetches and parses each live subject's feeds once, as a poll would (same address rules and
 * limits), all at once. A failing feed is a warning: the bot starts and serves what it has.
 */
async function feedFindings(library: Library, settings: IngestSettings): Promise<Finding[]> {
  const feeds = library.subjects.flatMap((s) =>
    (s.live?.feeds ?? []).map((url) => ({ subject: s.name, file: s.dir ? join(s.dir, 'briefing.yaml') : `${s.name}'s briefing.yaml`, url })),
  );
  if (!feeds.length) return [];
  const fetcher = createFetcher({
    guard: createAddressGuard({ allowPrivate: settings.allowPrivate, allowHosts: settings.allowHosts }),
    options: { timeoutMs: Math.min(settings.timeoutMs, FEED_CHECK_TIMEOUT_MS), maxBytes: settings.maxBytes, maxRedirects: settings.maxRedirects, attempts: 1 },
  });
  try {
    return await Promise.all(
      feeds.map(async ({ subject, file, url }): Promise<Finding> => {
        const what = `feed ${url} (${subject})`;
        const fix = `Check the address in ${file}; until it answers, ${subject} serves what it has.`;
        const got = await fetcher.fetch({ url, kind: 'feed' });
        if (!got.ok) return { level: 'warn', text: `${what}: ${got.error.message}. ${fix}` };
        if (got.value.status !== 'ok') return { level: 'ok', text: `${what}: answers` };
        const feed = parseFeedText(got.value.body);
        if (!feed.ok) return { level: 'warn', text: `${what}: ${feed.error.message}. ${fix}` };
        return { level: 'ok', text: `${what}: ${plural(feed.value.items.length, 'item')} (${feed.value.format.toUpperCase()})` };
      }),
    );
  } finally {
    fetcher.close();
  }
}

/** The counts both engines report once the database is there. */
function storeCounts(where: string, db: { version: number; latest: number; runs: number; subscriptions: number; failedSince: number }, fix: string): Finding[] {
  const out: Finding[] = [];
  if (db.version > db.latest)
    out.push({
      level: 'fail',
      text: `database: ${where} has schema v${String(db.version)}, newer than this Sitrep (v${String(db.latest)}). Run a newer Sitrep or ${fix}.`,
    });
  else
    out.push({
      level: 'ok',
      text:
        `database: ${where} (schema v${String(db.version)}${db.version < db.latest ? `, migrated to v${String(db.latest)} at start` : ''}; ` +
        `${plural(db.runs, 'run')}, ${plural(db.subscriptions, 'subscription')})`,
    });
  if (db.failedSince)
    out.push({ level: 'warn', text: `${String(db.failedSince)} digest run(s) failed in the last 7 days; 'sitrep digests --failed' shows why` });
  return out;
}

/** How far a replica's clock may be from the database's before doctor warns: leases last 30 s. */
const MAX_CLOCK_SKEW_MS = 2000;

async function databaseFindings(location: StoreLocation, now: number): Promise<Finding[]> {
  const since = now - 7 * 24 * 3600_000;
  if (location.engine === 'postgres') {
    const { inspectPostgresStore } = await import('../store/postgres-inspect.js');
    const db = await inspectPostgresStore(location.url, { failedAfter: since, seenAfter: now - 3 * HEARTBEAT_MS, schema: location.schema });
    if (db.state === 'unreachable') return [{ level: 'fail', text: `database: ${db.reason}` }];
    const replicas = db.replicas.map(
      (r) => `${r.id} on ${r.host}, v${r.version}, up ${formatDuration(now - r.startedAt)}, seen ${formatDuration(Math.max(0, now - r.seenAt))} ago`,
    );
    return [
      ...storeCounts(`PostgreSQL ${db.server} at ${describeLocation(location)}`, db, 'point SITREP_DATABASE_URL at another database'),
      {
        level: 'info',
        text: replicas.length
          ? `replicas: ${String(replicas.length)} running on this database\n${replicas.join('\n')}`
          : 'replicas: none running on this database',
      },
      ...(Math.abs(db.clockSkewMs) > MAX_CLOCK_SKEW_MS
        ? [
            {
              level: 'warn' as const,
              text:
                `clock: this machine is ${formatDuration(Math.abs(db.clockSkewMs))} ${db.clockSkewMs > 0 ? 'behind' : 'ahead of'} the database; ` +
                "replicas' digest leases assume their clocks agree. Keep every replica's clock synchronised (NTP).",
            },
          ]
        : []),
    ];
  }
  const file = location.file;
  const db = inspectSqliteStore(file, since);
  if (db.state === 'missing') {
    return [
      db.creatable
        ? { level: 'ok', text: `database: ${file} does not exist yet; it is created at start` }
        : {
            level: 'fail',
            text: `database: ${file} cannot be created (${db.folder} is not writable). Set SITREP_DB to a writable path, or mount a writable volume there.`,
          },
    ];
  }
  if (db.state === 'unreadable')
    return [{ level: 'fail', text: `database: ${file} cannot be read: ${db.reason}. Set SITREP_DB to another file, or move this one away.` }];
  if (db.version <= db.latest && !db.writable)
    return [{ level: 'fail', text: `database: ${file} is not writable by this user. Fix its permissions (and its folder's), or set SITREP_DB.` }];
  return storeCounts(file, db, 'use another SITREP_DB');
}

/** Whether answers link to the full briefing page, and what to set when they do not. */
function pageLinks(env: Env): Finding {
  if (!env.SITREP_PUBLIC_URL)
    return {
      level: 'info',
      text:
        "briefing pages: no links in answers (set SITREP_PUBLIC_URL to the bot's public address, " +
        'and SITREP_LINK_SECRET, to add an "Open full briefing" link)',
    };
  if (!env.SITREP_LINK_SECRET)
    return {
      level: 'warn',
      text: 'briefing pages: SITREP_LINK_SECRET is not set, so only subjects with page_access: public get links (make one with openssl rand -base64 32)',
    };
  return {
    level: 'ok',
    text:
      `briefing pages: answers link to ${env.SITREP_PUBLIC_URL.replace(/\/+$/, '')}/b/<subject>, ` +
      `signed, for ${String(Math.round((env.SITREP_LINK_EXPIRY ?? DEFAULT_LINK_MS) / 86_400_000))} days`,
  };
}

/** Runs every check; the findings in order, and whether any must be fixed before starting. */
export async function doctor(deps: DoctorDeps): Promise<{ findings: Finding[]; ok: boolean }> {
  const now = (deps.now ?? Date.now)();
  const platforms = deps.platforms ?? CHAT_PLATFORMS;
  const findings: Finding[] = [];
  const env = readEnv(deps.env);
  if (!env.ok) findings.push({ level: 'fail', text: `environment:\n${env.error.join('\n')}` });
  else {
    findings.push({ level: 'ok', text: `environment: PORT ${String(env.value.PORT)}, HOST ${env.value.HOST}, LOG_LEVEL ${env.value.LOG_LEVEL}` });
    findings.push(pageLinks(env.value));
  }

  const subjects = await listSubjects(deps.briefingsDir);
  const config = await loadConfig(deps.configFile, configKnown(platforms, subjects));
  if (!config.ok) findings.push({ level: 'fail', text: describeConfigError(config.error) });
  else
    findings.push({
      level: 'ok',
      text: `config: ${deps.configFile} (${plural(config.value.digests.length, 'digest')}; platforms ${config.value.platforms.join(', ') || 'none'})`,
    });

  let library: Library | undefined;
  if (config.ok) {
    const running = env.ok ? platformFindings(env.value, config.value, platforms) : { findings: [], running: new Set<string>() };
    findings.push(...running.findings);
    // A folder the config leaves out is not served, and nothing else says so.
    const unserved = config.value.subjects.length ? subjects.filter((s) => !config.value.subjects.includes(s)) : [];
    if (unserved.length)
      findings.push({
        level: 'warn',
        text:
          `not served: ${unserved.map((s) => `briefings/${s}`).join(', ')}. ` +
          `Add ${unserved.length > 1 ? 'them' : 'it'} to subjects: in ${deps.configFile}, or remove subjects: to serve every folder.`,
      });
    const loaded = await loadLibrary(config.value.subjects, deps.briefingsDir);
    if (!loaded.ok) findings.push({ level: 'fail', text: `subjects: ${loaded.error.message}` });
    else {
      library = loaded.value;
      for (const s of library.subjects) {
        findings.push({
          level: s.warnings.length ? 'warn' : 'ok',
          text:
            `subject ${s.name} (/${s.command}): ${String(s.set.articleCount)} articles, ` +
            `${String(s.set.topics.length)} topics${s.warnings.length ? `\n${s.warnings.join('\n')}` : ''}`,
        });
      }
      findings.push(...(await feedFindings(library, config.value.ingest)));
    }
    findings.push(...digestFindings(config.value, library, running.running, now, deps.configFile));
  }
  findings.push(...(await databaseFindings(deps.db, now)));
  return { findings, ok: !findings.some((f) => f.level === 'fail') };
}
