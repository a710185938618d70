/** What the scheduler tests share: a platform fake that records posts and plays scripted failures, a readable log, a real SQLite store. */
import { join } from 'node:path';
import type { PlatformAdapter } from '../../src/adapters/adapter.js';
import type { PostError, Posted } from '../../src/schedule/post-outcome.js';
import { err, ok, type Result } from '../../src/core/result.js';
import { createLogger, type Logger } from '../../src/log.js';
import type { Reply } from '../../src/render/reply.js';
import type { Digest } from '../../src/schedule/digest.js';
import { createScheduler, type Scheduler, type SchedulerOptions } from '../../src/schedule/scheduler.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { tempDir } from '../temp-dir.js';

/** A post as the fake platform received it. */
interface ReceivedPost {
  channel: string;
  key: string | undefined;
  /** When it arrived, ISO (the fake clock's time under fake timers). */
  at: string;
  reply: Reply;
}

/** A chat platform that keeps every post; `fail` scripts the answers to the next posts. */
export interface RecordingPlatform extends PlatformAdapter {
  posts: ReceivedPost[];
  /** Answers the next posts with these failures, in order; then success again. */
  fail(...errors: PostError[]): void;
}

/** A recording platform named `platform`. */
export function recordingPlatform(platform = 'chat'): RecordingPlatform {
  const posts: ReceivedPost[] = [];
  const scripted: PostError[] = [];
  return {
    platform,
    routes: [],
    posts,
    fail: (...errors) => {
      scripted.push(...errors);
    },
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
    post(channel, reply, key): Promise<Result<Posted, PostError>> {
      posts.push({ channel, key, at: new Date().toISOString(), reply });
      const failure = scripted.shift();
      return Promise.resolve(failure ? err(failure) : ok({ channel, messageId: `m${String(posts.length)}` }));
    },
  };
}

/** A log kept in memory: every line's message, level and fields. */
export interface LogLines {
  logger: Logger;
  lines: { level: number; msg: string; [k: string]: unknown }[];
  messages(): string[];
}

/** A logger whose lines a test can read. */
export function memoryLog(): LogLines {
  const lines: LogLines['lines'] = [];
  const logger = createLogger('debug', {
    destination: {
      write: (s: string) => {
        lines.push(JSON.parse(s) as LogLines['lines'][number]);
      },
    },
  });
  return { logger, lines, messages: () => lines.map((l) => l.msg) };
}

/** A real SQLite store in a fresh temp folder; the same `file` reopens it (a restart). */
export async function sqliteStore(file?: string): Promise<{ store: Store; file: string }> {
  const path = file ?? join(await tempDir(), 'sitrep.db');
  const r = openSqliteStore(path);
  if (!r.ok) throw new Error(r.error);
  return { store: r.value, file: path };
}

/** Default scheduler settings for tests: 2 h grace, 3 tries, 30 s backoff. */
export const OPTIONS: SchedulerOptions = { graceMs: 2 * 3600_000, attempts: 3, backoffMs: 30_000, maxBackoffMs: 600_000 };

/** A digest to a `chat` channel; change what a test needs. */
export const digest = (over: Partial<Digest> = {}): Digest => ({
  id: 'morning',
  platform: 'chat',
  channel: 'C1',
  subject: 'ecuador',
  cron: '0 8 * * *',
  timeZone: 'America/New_York',
  origin: 'config',
  ...over,
});

/** A scheduler posting `digests` through `platform`, recording in `store`. */
export function schedulerFor(deps: {
  store: Store;
  platform: RecordingPlatform;
  digests: () => Digest[] | Promise<Digest[]>;
  logger?: Logger;
  options?: Partial<SchedulerOptions>;
  instance?: string;
}): Scheduler {
  return createScheduler({
    runs: deps.store.runs,
    digests: () => Promise.resolve(deps.digests()),
    post: (d, key) => deps.platform.post(d.channel, { kind: 'notice', title: `${d.subject} digest`, lines: [] }, key),
    logger: deps.logger ?? createLogger('silent'),
    options: { ...OPTIONS, ...deps.options },
    ...(deps.instance ? { instance: deps.instance } : {}),
  });
}
