/**
 * Benchmark (not a test): interaction latency through the Discord HTTP interactions endpoint on
 * loopback, signed as Discord signs, at 50 concurrent requests, over a synthetic set. Two runs: as
 * the bot runs (answers remembered), and rendering every answer afresh (the worst case: every
 * request a new query). The requests come from a worker thread, as Discord's would come from
 * outside the process, over keep-alive connections opened during the warm-up: libuv accepts one
 * new connection per event-loop turn, so opening 50 at the start of a measured run would time the
 * accept queue, not the bot. Each run ends with bursts on new connections, measured apart.
 * `tsx bench/discord.ts [--articles N] [--requests N] [--concurrency N]`
 */
import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createDiscordAdapter } from '../src/adapters/discord/adapter.js';
import { createLogger } from '../src/log.js';
import { startHttpServer } from '../src/server/http.js';
import { createLibrary } from '../src/service/library.js';
import { APP_ID, startFakeDiscord } from '../test/adapters/discord/fake-discord.js';
import type { LoadJob, LoadResult } from './discord-load.js';
import { syntheticSet } from './synthetic.js';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '10000' }, requests: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '50' } },
});
const n = Number(values.articles);
const total = Number(values.requests);
const concurrency = Number(values.concurrency);

const t0 = performance.now();
const set = syntheticSet(n);
console.log(`articles: ${String(n)}, set built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const library = createLibrary([{ name: 'bench', command: 'bench', title: 'Bench subject', set, warnings: [] }]);

// tsx does not follow into workers by itself: the worker registers it, then loads the TypeScript.
const loader =
  `import('tsx/esm/api').then((t) => t.tsImport(` +
  `${JSON.stringify(new URL('./discord-load.ts', import.meta.url).href)}, ${JSON.stringify(import.meta.url)}))`;
const worker = new Worker(loader, { eval: true });
const [{ publicKeyHex }] = (await once(worker, 'message')) as [{ publicKeyHex: string }];
// Edits of deferred replies (if any) land on a loopback fake, never on Discord.
const fake = await startFakeDiscord();

async function load(job: LoadJob): Promise<LoadResult> {
  worker.postMessage(job);
  const [r] = (await once(worker, 'message')) as [LoadResult | { error: string }];
  if ('error' in r) throw new Error(r.error);
  return r;
}

const pct = (xs: number[], p: number): string => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0).toFixed(1);
};

/** One run against a fresh endpoint remembering `answerCacheSize` answers (the default when undefined). */
async function phase(label: string, answerCacheSize?: number): Promise<number[]> {
  const adapter = createDiscordAdapter({
    library,
    settings: { mode: 'http', applicationId: APP_ID, publicKey: publicKeyHex, token: 'bench', apiUrl: fake.api, answerCacheSize },
    logger: createLogger('silent'),
  });
  await adapter.start();
  // Server-side time, receipt to response sent: apart from the load generator's own delays.
  const served: number[] = [];
  const routes = adapter.routes.map((route) => ({
    ...route,
    handler: (req: IncomingMessage, res: ServerResponse) => {
      const start = performance.now();
      res.once('finish', () => served.push(performance.now() - start));
      return route.handler(req, res);
    },
  }));
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes, logger: createLogger('silent') });
  // Warm-up: the JIT, and the connections the measured run reuses.
  await load({ port: server.port, count: Math.min(200, total), concurrency, connections: 'pool' });
  served.length = 0;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const r = await load({ port: server.port, count: total, concurrency, connections: 'pool' });
  loop.disable();
  const all = [...r.command, ...r.autocomplete];
  console.log(`${label}: ${String(all.length)} interactions at ${String(concurrency)} concurrent, ${(all.length / r.secs).toFixed(0)}/s`);
  console.log(`  all: p50 ${pct(all, 0.5)} ms, p99 ${pct(all, 0.99)} ms`);
  console.log(`  commands (${String(r.command.length)}): p50 ${pct(r.command, 0.5)} ms, p99 ${pct(r.command, 0.99)} ms, deferred ${String(r.deferred)}`);
  console.log(`  autocomplete (${String(r.autocomplete.length)}): p50 ${pct(r.autocomplete, 0.5)} ms, p99 ${pct(r.autocomplete, 0.99)} ms`);
  console.log(
    `  server side: p50 ${pct(served, 0.5)} ms, p99 ${pct(served, 0.99)} ms; ` +
      `event loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`,
  );
  const bursts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const b = await load({ port: server.port, count: concurrency, concurrency, connections: 'new' });
    bursts.push(...b.command, ...b.autocomplete);
  }
  console.log(`  ${String(concurrency)} at once on new connections (5 bursts): p50 ${pct(bursts, 0.5)} ms, max ${pct(bursts, 1)} ms`);
  await adapter.stop();
  await server.close();
  return all;
}

const asRuns = await phase('as the bot runs (answers remembered)');
await phase('every answer rendered afresh', 0);
console.log(`target p99 < 100 ms (as the bot runs): ${Number(pct(asRuns, 0.99)) < 100 ? 'met' : 'MISSED'}`);
await worker.terminate();
await fake.close();
