/**
 * A loopback Slack: the Web API (`/api/<method>`), `response_url`s (`/respond/<id>`) and the Socket
 * Mode WebSocket, recording what the bot sends. Scripted answers make 429s and 500s.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One request the bot made. */
interface Call {
  /** `/api/chat.postMessage`, `/respond/abc`… */
  path: string;
  /** The body, parsed: JSON, or form fields with JSON values decoded. */
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

/** A scripted answer for the next call to a method. */
interface Scripted {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The running fake. */
export interface FakeSlack {
  /** `http://127.0.0.1:PORT/api/`, for SLACK_API_URL. */
  apiUrl: string;
  /** A `response_url` that lands on the fake. */
  responseUrl(id: string): string;
  calls: Call[];
  /** Queues answers for the next calls to `method` (e.g. `chat.postMessage`). */
  script(method: string, ...answers: Scripted[]): void;
  /** The first call (already made or still to come) that matches. */
  waitFor(match: (c: Call) => boolean, ms?: number): Promise<Call>;
  /** Sends a Socket Mode envelope to the connected bot and resolves with the bot's ack. */
  envelope(e: { envelope_id: string; type: string; payload: unknown }): Promise<Record<string, unknown>>;
  /** Resolves once the bot's WebSocket has connected. */
  socketConnected(): Promise<void>;
  /** The messages chat.postMessage put in a channel, oldest first. */
  messagesIn(channel: string): { ts: string; text: unknown; metadata: unknown }[];
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 at a free port. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: Call[] = [];
  /** Messages posted with chat.postMessage, newest first, for conversations.history. */
  const history: { channel: unknown; ts: string; text: unknown; metadata: unknown }[] = [];
  const scripts = new Map<string, Scripted[]>();
  const waiters: { match: (c: Call) => boolean; resolve: (c: Call) => void }[] = [];
  const acks = new Map<string, (a: Record<string, unknown>) => void>();
  let socket: WebSocket | undefined;
  let onSocket: (() => void)[] = [];

  const record = (call: Call): void => {
    calls.push(call);
    for (const w of [...waiters]) {
      if (w.match(call)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, sock, head) => {
    wss.handleUpgrade(req, sock, head, (ws) => {
      socket = ws;
      ws.on('message', (data: Buffer) => {
        const msg = JSON.parse(data.toString()) as Record<string, unknown>;
        const id = typeof msg.envelope_id === 'string' ? msg.envelope_id : '';
        acks.get(id)?.(msg);
        acks.delete(id);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A_FAKE' }, debug_info: { host: 'fake' } }));
      for (const f of onSocket) f();
      onSocket = [];
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const body = parseBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type'] ?? '');
    record({ path, body, headers: req.headers });
    if (path.startsWith('/respond/')) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = path.replace(/^\/api\//, '');
    const scripted = scripts.get(method)?.shift();
    if (scripted) {
      res.writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers }).end(JSON.stringify(scripted.body ?? { ok: false }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer(method, body)));
  }

  function answer(method: string, body: Record<string, unknown>): unknown {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'sitrep', team_id: 'T_FAKE', user_id: 'U_BOT', bot_id: 'B_BOT' };
      case 'apps.connections.open':
        return { ok: true, url: `${base.replace('http', 'ws')}/socket` };
      // The OAuth install's code exchange: a code `code-T123` installs in workspace T123.
      case 'oauth.v2.access': {
        const team = /^code-([A-Z0-9]+)$/.exec(typeof body.code === 'string' ? body.code : '')?.[1];
        if (!team) return { ok: false, error: 'invalid_code' };
        return {
          ok: true,
          app_id: 'A_FAKE',
          token_type: 'bot',
          access_token: `xoxb-${team}-secret`,
          scope: 'commands,chat:write',
          bot_user_id: `U_BOT_${team}`,
          team: { id: team, name: `Team ${team}` },
          enterprise: null,
          is_enterprise_install: false,
          authed_user: { id: 'U0ALICE' },
        };
      }
      case 'usergroups.users.list':
        return { ok: true, users: body.usergroup === 'S0EDITORS' ? ['U0ALICE'] : [] };
      case 'chat.postMessage': {
        const ts = `1700000000.${String(calls.length).padStart(6, '0')}`;
        history.unshift({ channel: body.channel, ts, text: body.text, metadata: body.metadata });
        return { ok: true, channel: body.channel, ts, message: { text: body.text } };
      }
      case 'conversations.history': {
        // Newest first, a page at a time with a cursor, like Slack; metadata only when asked for, like Slack.
        const all = history.filter((m) => m.channel === body.channel);
        const from = typeof body.cursor === 'string' && body.cursor ? Number(body.cursor) : 0;
        const limit = Math.min(Number(body.limit ?? 100), 999);
        const page = all.slice(from, from + limit);
        const more = from + limit < all.length;
        return {
          ok: true,
          has_more: more,
          messages: page.map((m) => ({
            type: 'message',
            ts: m.ts,
            text: m.text,
            ...(body.include_all_metadata && m.metadata ? { metadata: m.metadata } : {}),
          })),
          ...(more ? { response_metadata: { next_cursor: String(from + limit) } } : {}),
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${id}`,
    messagesIn: (channel) =>
      history
        .filter((m) => m.channel === channel)
        .reverse()
        .map(({ ts, text, metadata }) => ({ ts, text, metadata })),
    calls,
    script: (method, ...answers) => {
      scripts.set(method, [...(scripts.get(method) ?? []), ...answers]);
    },
    waitFor: (match, ms = 5000) => {
      const done = calls.find(match);
      if (done) return Promise.resolve(done);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`fake Slack: no matching call within ${ms} ms; got ${calls.map((c) => c.path).join(', ') || 'none'}`));
        }, ms);
        waiters.push({
          match,
          resolve: (c) => {
            clearTimeout(timer);
            resolve(c);
          },
        });
      });
    },
    envelope: (e) =>
      new Promise((resolve, reject) => {
        if (!socket) {
          reject(new Error('fake Slack: no Socket Mode connection'));
          return;
        }
        acks.set(e.envelope_id, resolve);
        socket.send(JSON.stringify({ ...e, accepts_response_payload: true }));
      }),
    socketConnected: () =>
      socket
        ? Promise.resolve()
        : new Promise((resolve) => {
            onSocket.push(resolve);
          }),
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => {
        wss.close(() => {
          resolve();
        });
      });
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

/** JSON bodies as they are; form bodies field by field, with JSON-looking values (blocks, metadata) decoded. */
function parseBody(text: string, contentType: string): Record<string, unknown> {
  if (!text) return {};
  if (contentType.includes('json')) return JSON.parse(text) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    try {
      out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
}
