/**
 * Property: whatever reaches the Slack and Discord endpoints (any method, type, body, signed or not),
 * the answer is a refusal or an answer, never a 500, and the server goes on serving.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { INTERACTIONS_PATH } from '../../src/adapters/discord/http-endpoint.js';
import { startHttpServer, type HttpServer } from '../../src/server/http.js';
import { startFakeDiscord, APP_ID, type FakeDiscord } from '../adapters/discord/fake-discord.js';
import { ecuadorLibrary as discordLibrary, silent } from '../adapters/discord/harness.js';
import { command } from '../adapters/discord/interactions.js';
import { createSigner } from '../adapters/discord/signer.js';
import { startFakeSlack, type FakeSlack } from '../adapters/slack/fake-slack.js';
import { ecuadorLibrary, startHttpSlack, type HttpSlack } from '../adapters/slack/harness.js';
import { commandBody, nowSec, sign } from '../adapters/slack/requests.js';
import { requestSettings, timeout } from './runs.js';

const TYPES = ['application/x-www-form-urlencoded', 'application/json', 'text/plain', 'application/x-www-form-urlencoded; charset=utf-8', ''];
const body = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => `payload=${encodeURIComponent(JSON.stringify(v))}`),
  fc.string({ maxLength: 60 }).map((t) => commandBody('/ecuador', t, 'http://127.0.0.1:9/r')),
);

let slackFake: FakeSlack;
let slack: HttpSlack;
let discordFake: FakeDiscord;
let discord: { adapter: DiscordAdapter; server: HttpServer; url: string };
const signer = createSigner();

beforeAll(async () => {
  slackFake = await startFakeSlack();
  // A signed body no listener handles waits for Bolt's 404: briefly here, 3 s in production.
  slack = await startHttpSlack(slackFake, await ecuadorLibrary(), { unhandledAfterMs: 50 });
  discordFake = await startFakeDiscord();
  const adapter = createDiscordAdapter({
    library: await discordLibrary(),
    settings: { mode: 'http', applicationId: APP_ID, publicKey: signer.publicKeyHex, token: 'test-token', apiUrl: discordFake.api },
    logger: silent,
  });
  await adapter.start();
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [...adapter.routes], logger: silent });
  discord = { adapter, server, url: `http://127.0.0.1:${String(server.port)}${INTERACTIONS_PATH}` };
});
afterAll(async () => {
  await slack.close();
  await slackFake.close();
  await discord.adapter.stop();
  await discord.server.close();
  await discordFake.close();
});

const alive = async (url: string): Promise<void> => {
  expect((await fetch(new URL('/healthz', url))).status).toBe(200);
};

describe('the endpoints under any request', () => {
  it(
    'Slack: refuses or answers, never fails, signed or not',
    async () => {
      await fc.assert(
        fc.asyncProperty(body, fc.constantFrom(...TYPES), fc.boolean(), fc.integer({ min: -900, max: 900 }), async (b, type, signed, skew) => {
          const ts = nowSec() + skew;
          const headers: Record<string, string> = { 'x-slack-request-timestamp': String(ts) };
          if (type) headers['content-type'] = type;
          if (signed) headers['x-slack-signature'] = sign(b, ts);
          const r = await fetch(slack.url, { method: 'POST', headers, body: b });
          await r.arrayBuffer();
          expect([200, 400, 401, 404, 413]).toContain(r.status);
        }),
        requestSettings,
      );
      await alive(slack.url);
    },
    timeout,
  );

  it(
    'Discord: refuses or answers, never fails, for any signed body',
    async () => {
      const interaction = fc
        .oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.record({ type: fc.integer({ min: 0, max: 6 }), id: fc.string(), data: fc.jsonValue({ maxDepth: 2 }) }),
          fc.string({ maxLength: 80 }).map((t) => command('ecuador', { topic: t })),
        )
        .map((v) => JSON.stringify(v));
      await fc.assert(
        fc.asyncProperty(interaction, async (b) => {
          const r = await fetch(discord.url, { method: 'POST', headers: signer.headers(b), body: b });
          await r.arrayBuffer();
          expect([200, 400, 401]).toContain(r.status);
        }),
        requestSettings,
      );
      await alive(discord.url);
    },
    timeout,
  );
});
