/**
 * A loopback fake of Discord: REST under `/api/v10` recording every call, scripted failures (429,
 * 500, ...), and a gateway that says HELLO, answers IDENTIFY with READY and dispatches what a test
 * sends. Point discord.js at `fake.api`.
 */
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** A REST call as the fake received it; `path` is as sent (`@original` arrives as `%40original`). */
export interface RecordedCall {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** When it arrived (`performance.now()`). */
  at: number;
}

/** A scripted answer. */
interface Scripted {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The fake's application and bot. */
export const APP_ID = '100000000000000001';
const BOT_ID = '100000000000000002';
/** A token the fake's /gateway/bot refuses with 401. */
export const BAD_TOKEN = 'bad-token';

/** The running fake. */
export interface FakeDiscord {
  /** The REST base to give discord.js (`DISCORD_API_URL`). */
  api: string;
  calls: RecordedCall[];
  /** Calls matching method and path pattern. */
  callsTo(method: string, path: RegExp): RecordedCall[];
  /** Answers the next matching calls with `responses`, in order; then the defaults again. */
  script(method: string, path: RegExp, ...responses: Scripted[]): void;
  /** Resolves once `count` matching calls have arrived. */
  waitFor(method: string, path: RegExp, count?: number): Promise<RecordedCall[]>;
  /** The IDENTIFY payloads received. */
  identified: unknown[];
  /** Sends a dispatch (op 0) to every connected gateway session, or only to the session of `shard`. */
  dispatch(t: string, d: unknown, shard?: number): void;
  /** How many shards GET /gateway/bot recommends (1 until set). */
  recommendShards(n: number): void;
  /**
   * The messages a channel shows, oldest first. As Discord documents `enforce_nonce`, a message
   * posted again with the nonce of a recent one in the channel is not created twice: the first comes back.
   */
  messagesIn(channel: string): Record<string, unknown>[];
  /**
   * Takes the next call that matches (a message is created as usual) and never answers it, as when
   * the sender dies after Discord took its message; resolves with the call when it arrives.
   */
  holdNext(match: (c: RecordedCall) => boolean): Promise<RecordedCall>;
  close(): Promise<void>;
}

let snowflake = 200000000000000000n;
const nextId = (): string => String(++snowflake);

function defaults(method: string, path: string, body: unknown, wsUrl: string, shards: number): Scripted {
  if (method === 'GET' && path === '/api/v10/gateway/bot') {
    return { status: 200, body: { url: wsUrl, shards, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 16 } } };
  }
  if (method === 'PUT' && /\/commands$/.test(path)) {
    return { status: 200, body: (Array.isArray(body) ? body : []).map((c: object) => ({ id: nextId(), application_id: APP_ID, version: '1', ...c })) };
  }
  if (method === 'POST' && /^\/api\/v10\/interactions\/[^/]+\/[^/]+\/callback$/.test(path)) return { status: 204 };
  if (method === 'PATCH' && /^\/api\/v10\/webhooks\//.test(path)) return { status: 200, body: { id: nextId(), ...(body as object) } };
  return { status: 404, body: { message: 'Unknown route', code: 0 } };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

function send(res: ServerResponse, r: Scripted): void {
  // A 204 must carry no JSON content-type: the REST client would try to parse the empty body.
  if (r.body === undefined) res.writeHead(r.status, r.headers).end();
  else res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers }).end(JSON.stringify(r.body));
}

function gatewaySession(ws: WebSocket, fake: { identified: unknown[]; wsUrl: string; seq: () => number; onShard: (shard: number) => void }): void {
  ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null }));
  ws.on('message', (raw: Buffer) => {
    const msg = JSON.parse(raw.toString('utf8')) as { op: number; d: unknown };
    if (msg.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
    if (msg.op !== 2) return;
    fake.identified.push(msg.d);
    // Each session is one shard: READY names the one IDENTIFY asked for.
    const shard = (msg.d as { shard?: [number, number] } | undefined)?.shard ?? [0, 1];
    fake.onShard(shard[0]);
    const user = { id: BOT_ID, username: 'sitrep', discriminator: '0', global_name: null, avatar: null, bot: true };
    ws.send(
      JSON.stringify({
        op: 0,
        t: 'READY',
        s: fake.seq(),
        d: {
          v: 10,
          user,
          guilds: [],
          session_id: `fake-session-${String(shard[0])}`,
          resume_gateway_url: fake.wsUrl,
          shard,
          application: { id: APP_ID, flags: 0 },
        },
      }),
    );
  });
}

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeDiscord(): Promise<FakeDiscord> {
  const calls: RecordedCall[] = [];
  const scripts: { method: string; path: RegExp; responses: Scripted[] }[] = [];
  const events = new EventEmitter();
  const identified: unknown[] = [];
  const sockets = new Set<WebSocket>();
  const shardSockets = new Map<number, WebSocket>();
  let recommended = 1;
  let seq = 0;
  let wsUrl = '';
  const channels = new Map<string, Record<string, unknown>[]>();
  const holds: { match: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] = [];

  /** Posts a message to a channel, or gives back the recent one with the same enforced nonce. */
  const postMessage = (channel: string, body: Record<string, unknown>): Scripted => {
    const shown = channels.get(channel) ?? [];
    channels.set(channel, shown);
    const same = body.enforce_nonce === true && body.nonce !== undefined ? shown.find((m) => m.nonce === body.nonce) : undefined;
    if (same) return { status: 200, body: same };
    const message = { id: nextId(), channel_id: channel, ...body };
    shown.push(message);
    return { status: 200, body: message };
  };

  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const method = req.method ?? 'GET';
      const body = await readJson(req);
      const call = { method, path, headers: req.headers, body, at: performance.now() };
      calls.push(call);
      events.emit('call');
      if (method === 'GET' && path === '/api/v10/gateway/bot' && req.headers.authorization === `Bot ${BAD_TOKEN}`) {
        send(res, { status: 401, body: { message: '401: Unauthorized', code: 0 } });
        return;
      }
      const script = scripts.find((s) => s.method === method && s.path.test(path) && s.responses.length);
      const channel = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path)?.[1];
      const answer =
        script?.responses.shift() ??
        (method === 'POST' && channel ? postMessage(channel, body as Record<string, unknown>) : defaults(method, path, body, wsUrl, recommended));
      const hold = holds.find((h) => h.match(call));
      if (hold) {
        holds.splice(holds.indexOf(hold), 1);
        hold.resolve(call);
        return;
      }
      send(res, answer);
    })();
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      gatewaySession(ws, {
        identified,
        wsUrl,
        seq: () => ++seq,
        onShard: (shard) => {
          shardSockets.set(shard, ws);
        },
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  wsUrl = `ws://127.0.0.1:${String(port)}`;

  const callsTo = (method: string, path: RegExp): RecordedCall[] => calls.filter((c) => c.method === method && path.test(c.path));
  return {
    api: `http://127.0.0.1:${String(port)}/api`,
    calls,
    callsTo,
    script: (method, path, ...responses) => {
      scripts.push({ method, path, responses });
    },
    async waitFor(method, path, count = 1) {
      while (callsTo(method, path).length < count) await once(events, 'call');
      return callsTo(method, path);
    },
    identified,
    dispatch(t, d, shard) {
      const to = shard === undefined ? [...sockets] : [shardSockets.get(shard)].filter((ws) => ws !== undefined);
      for (const ws of to) ws.send(JSON.stringify({ op: 0, t, s: ++seq, d }));
    },
    recommendShards: (n) => {
      recommended = n;
    },
    messagesIn: (channel) => [...(channels.get(channel) ?? [])],
    holdNext: (match) =>
      new Promise((resolve) => {
        holds.push({ match, resolve });
      }),
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
