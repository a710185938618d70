/**
 * Benchmark (not a test): slash-command latency through the Slack HTTP receiver on loopback,
 * signed like Slack signs, at 50 concurrent requests, over a synthetic set; request to response.
 * `tsx bench/slack.ts [--articles N] [--requests N] [--concurrency N] [--no-cache]`
 */
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createSlackAdapter } from '../src/adapters/slack/adapter.js';
import { SLACK_EVENTS_PATH } from '../src/adapters/slack/settings.js';
import { createLogger } from '../src/log.js';
import { startHttpServer } from '../src/server/http.js';
import { createLibrary } from '../src/service/library.js';
import { startFakeSlack } from '../test/adapters/slack/fake-slack.js';
import { SECRET } from '../test/adapters/slack/requests.js';
import { BENCH_QUERIES, syntheticSet } from './synthetic.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '50' },
    'no-cache': { type: 'boolean', default: false },
  },
});
const n = Number(values.articles);
const total = Number(values.requests);
const concurrency = Number(values.concurrency);

const t0 = performance.now();
const set = syntheticSet(n);
console.log(`articles: ${n}, set built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const library = createLibrary([{ name: 'bench', command: 'bench', title: 'Bench subject', set, warnings: [] }]);
// auth.test at start and any response_url follow-ups land on a loopback fake, never on Slack.
const fake = await startFakeSlack();
// --no-cache: every command computes its briefing, as the first asking of each question does.
const adapter = createSlackAdapter({
  library,
  settings: { botToken: 'xoxb-bench', signingSecret: SECRET, apiUrl: fake.apiUrl },
  logger: createLogger('silent'),
  cacheSize: values['no-cache'] ? 0 : 500,
});
await adapter.start();
const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [...adapter.routes], logger: createLogger('silent') });
const queries = ['', ...BENCH_QUERIES];

/**
 * The load generator runs in a worker thread, as Slack runs on other machines: it must not share
 * the bot's event loop, or its own request and response handling would be counted as the bot's.
 * One worker for every run, keeping its keep-alive connections from the warm-up on: libuv accepts
 * one new connection per event-loop turn, so opening 50 at the start of a measured run would time
 * the accept queue, not the bot.
 * Plain JavaScript, so the worker needs no TypeScript loader.
 */
const LOAD = `
const { parentPort, workerData: w } = require('node:worker_threads');
const { Agent, request } = require('node:http');
const { createHmac } = require('node:crypto');
const agent = new Agent({ keepAlive: true, maxSockets: w.concurrency });
function fire(i) {
  const p = new URLSearchParams({ team_id: 'T_BENCH', channel_id: 'C_BENCH', user_id: 'U0BENCH', command: '/bench',
    text: w.queries[i % w.queries.length], api_app_id: 'A_BENCH', response_url: w.responseUrl + i, trigger_id: String(i) });
  const body = p.toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = 'v0=' + createHmac('sha256', w.secret).update('v0:' + ts + ':' + body).digest('hex');
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': Buffer.byteLength(body),
    'x-slack-request-timestamp': ts,
    'x-slack-signature': signature,
  };
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = request({ host: '127.0.0.1', port: w.port, path: w.path, method: 'POST', headers, agent }, (res) => {
      let size = 0;
      res.on('data', (c) => { size += c.length; });
      res.on('end', () =>
        res.statusCode === 200 ? resolve({ ms: performance.now() - start, answered: size > 0 }) : reject(new Error('HTTP ' + res.statusCode)));
    });
    req.on('error', reject);
    req.end(body);
  });
}
parentPort.on('message', async ({ from, count, parallel }) => {
  try {
    const times = [];
    let answered = 0;
    let next = from;
    const started = performance.now();
    const worker = async () => {
      while (next < from + count) {
        const r = await fire(next++);
        times.push(r.ms);
        if (r.answered) answered++;
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    parentPort.postMessage({ times, answered, secs: (performance.now() - started) / 1000 });
  } catch (e) {
    parentPort.postMessage({ error: String(e) });
  }
});
`;

const loadWorker = new Worker(LOAD, {
  eval: true,
  workerData: { concurrency, port: server.port, path: SLACK_EVENTS_PATH, secret: SECRET, queries, responseUrl: fake.responseUrl('') },
});

/** Fires `count` signed commands from the worker, `parallel` at a time; latencies sorted, and how many were answered in the response. */
async function run(from: number, count: number, parallel: number): Promise<{ times: number[]; answered: number; secs: number }> {
  loadWorker.postMessage({ from, count, parallel });
  const [r] = (await once(loadWorker, 'message')) as [{ times: number[]; answered: number; secs: number } | { error: string }];
  if ('error' in r) throw new Error(r.error);
  return { ...r, times: r.times.sort((a, b) => a - b) };
}

const pct = (times: number[], p: number): string => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1);

await run(0, 200, concurrency); // warm-up: the JIT, and the connections later runs reuse
const one = await run(1000, 220, 1);
console.log(`1 at a time: p50 ${pct(one.times, 0.5)} ms, p99 ${pct(one.times, 0.99)} ms (the cost of one command)`);
const r = await run(10_000, total, concurrency);
console.log(
  `slash commands, ${concurrency} concurrent${values['no-cache'] ? ', no reply cache' : ''}: ` +
    `p50 ${pct(r.times, 0.5)} ms, p99 ${pct(r.times, 0.99)} ms, max ${pct(r.times, 1)} ms over ${total} requests (${(total / r.secs).toFixed(0)}/s); ` +
    `${r.answered} answered in the response, ${total - r.answered} followed up`,
);
console.log(`target p99 < 100 ms: ${Number(pct(r.times, 0.99)) < 100 ? 'met' : 'MISSED'}`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

await loadWorker.terminate();
await server.close();
await adapter.stop();
await fake.close();
