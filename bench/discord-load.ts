/**
 * The load generator of bench/discord.ts, in a worker thread so that signing and reading answers
 * do not share the bot's event loop (Discord is not inside the bot's process either).
 */
import { Agent, request } from 'node:http';
import { parentPort } from 'node:worker_threads';
import { INTERACTIONS_PATH } from '../src/adapters/discord/http-endpoint.js';
import { autocomplete, command } from '../test/adapters/discord/interactions.js';
import { createSigner } from '../test/adapters/discord/signer.js';
import { BENCH_QUERIES } from './synthetic.js';

/** What the bench asks of the worker. */
export interface LoadJob {
  port: number;
  count: number;
  concurrency: number;
  /**
   * `pool`: over the worker's keep-alive connections, opened by an earlier job on the same port.
   * `new`: over connections opened for this job, all at once.
   */
  connections: 'pool' | 'new';
}

/** What the worker reports: latencies in ms by kind, deferred replies, seconds taken. */
export interface LoadResult {
  command: number[];
  autocomplete: number[];
  deferred: number;
  secs: number;
}

const port = parentPort;
if (!port) throw new Error('bench/discord-load.ts runs as a worker of bench/discord.ts');
const signer = createSigner();
port.postMessage({ publicKeyHex: signer.publicKeyHex });

/** Commands on the bench queries, and autocomplete on their first letters, in turn. */
const payload = (i: number): unknown => {
  const q = BENCH_QUERIES[i % BENCH_QUERIES.length] ?? 'homicides';
  return i % 4 === 3 ? autocomplete('bench', q.slice(0, 1 + (i % 5))) : command('bench', { topic: q });
};

/** A request ready to send: signed before the clock starts, so signing is not counted as latency. */
interface Prepared {
  body: string;
  headers: Record<string, string>;
}

const prepare = (i: number): Prepared => {
  const body = JSON.stringify(payload(i));
  return { body, headers: { ...signer.headers(body), 'content-length': String(Buffer.byteLength(body)) } };
};

function fire(agent: Agent, to: number, { body, headers }: Prepared): Promise<{ ms: number; type: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = request({ host: '127.0.0.1', port: to, path: INTERACTIONS_PATH, method: 'POST', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - start;
        const text = Buffer.concat(chunks).toString();
        if (res.statusCode !== 200) reject(new Error(`HTTP ${String(res.statusCode)}: ${text}`));
        else resolve({ ms, type: (JSON.parse(text) as { type: number }).type });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The worker's keep-alive connections, kept from one `pool` job to the next on the same port. */
let pool: { port: number; agent: Agent } | undefined;

function pooled(port: number, concurrency: number): Agent {
  if (pool?.port !== port) {
    pool?.agent.destroy();
    pool = { port, agent: new Agent({ keepAlive: true, maxSockets: concurrency }) };
  }
  return pool.agent;
}

async function run(job: LoadJob): Promise<LoadResult> {
  const requests = Array.from({ length: job.count }, (_, i) => prepare(i));
  const agent = job.connections === 'pool' ? pooled(job.port, job.concurrency) : new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const out: LoadResult = { command: [], autocomplete: [], deferred: 0, secs: 0 };
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      for (let r = requests[next++]; r; r = requests[next++]) {
        const { ms, type } = await fire(agent, job.port, r);
        (type === 8 ? out.autocomplete : out.command).push(ms);
        if (type === 5) out.deferred++;
      }
    }),
  );
  if (agent !== pool?.agent) agent.destroy();
  return { ...out, secs: (performance.now() - start) / 1000 };
}

port.on('message', (job: LoadJob) => {
  run(job).then(
    (r) => {
      port.postMessage(r);
    },
    (e: unknown) => {
      port.postMessage({ error: String(e) });
    },
  );
});
