/** Slack test harness: requests signed as Slack signs them, payload builders, a log recorder, the adapter on the shared server. */
import { pino } from 'pino';
import { expect } from 'vitest';
import { createSlackAdapter, type SlackAdapter, type SlackAdapterDeps } from '../../../src/adapters/slack/adapter.js';
import type { Logger } from '../../../src/log.js';
import { slackLimitProblems } from '../../../src/render/slack/assertions.js';
import { startHttpServer } from '../../../src/server/http.js';
import { loadLibrary, type Library } from '../../../src/service/library.js';
import type { FakeSlack } from './fake-slack.js';
import { SECRET } from './requests.js';

/** The bundled Ecuador subject, loaded and indexed. */
export async function ecuadorLibrary(): Promise<Library> {
  const r = await loadLibrary(['ecuador']);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A pino logger whose lines are kept for assertions. */
export function recordingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info', base: null },
    {
      write: (s: string) => {
        lines.push(JSON.parse(s) as Record<string, unknown>);
      },
    },
  );
  return { logger, lines };
}

/** Fails with Slack's own words for every limit the message breaks. */
export function expectWithinSlackLimits(message: unknown): void {
  expect(slackLimitProblems(message)).toEqual([]);
}

/** Every text in a message's blocks, joined, for `toContain` checks. */
export function blocksText(message: Record<string, unknown> | undefined): string {
  return JSON.stringify(message?.blocks ?? []);
}

/** The adapter in HTTP mode on the shared server, against the fake. */
export interface HttpSlack {
  adapter: SlackAdapter;
  /** `http://127.0.0.1:PORT/slack/events` */
  url: string;
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** Starts the HTTP-mode adapter on a loopback port. */
export async function startHttpSlack(fake: FakeSlack, library: Library, extra: Partial<SlackAdapterDeps> = {}): Promise<HttpSlack> {
  const { logger, lines } = recordingLogger();
  const adapter = createSlackAdapter({ library, logger, settings: { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: fake.apiUrl }, ...extra });
  await adapter.start();
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [...adapter.routes], logger });
  return {
    adapter,
    url: `http://127.0.0.1:${server.port}/slack/events`,
    logs: lines,
    close: async () => {
      await adapter.stop();
      await server.close();
    },
  };
}
