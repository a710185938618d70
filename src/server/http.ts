/**
 * The one HTTP server: Slack's receiver and Discord's interactions endpoint share `PORT`, and
 * `GET /healthz` answers for the Docker HEALTHCHECK and load balancers. Every request runs under
 * one guard: an error raised while handling it, at once or later, is answered with a 500 and
 * logged with the request's id, and the server goes on serving.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.js';

/** Handles one request; a promise it returns is the request's work, and its rejection is caught. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A path an adapter serves, e.g. `/slack/events`; with `prefix`, every path under it (`/b/` serves `/b/anything`). */
export interface Route {
  path: string;
  handler: RouteHandler;
  prefix?: boolean | undefined;
}

/** The running server. */
export interface HttpServer {
  server: Server;
  /** The bound port (useful when started on port 0). */
  port: number;
  /** Stops taking connections and waits for requests in flight. */
  close(): Promise<void>;
}

/**
 * Runs `handler` for one request under a guard: a throw or a rejection is logged with the request
 * id and answered 500 (or the connection closed, when the answer had begun); nothing reaches the process.
 */
function guarded(handler: RouteHandler, logger: Pick<Logger, 'error'>): RouteHandler {
  return (req, res) => {
    const id = headerOf(req, 'x-request-id') ?? randomUUID();
    const fail = (e: unknown): void => {
      logger.error({ err: e, requestId: id, method: req.method, path: req.url }, 'A request failed; the server goes on');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'x-request-id': id }).end(`Internal error (request ${id}).\n`);
      else res.destroy();
    };
    // An error event on either stream with no listener would end the process.
    req.on('error', (e) => {
      logger.error({ err: e, requestId: id }, 'A request stream failed');
    });
    res.on('error', (e) => {
      logger.error({ err: e, requestId: id }, 'A response stream failed');
    });
    try {
      const done = handler(req, res);
      if (done) done.catch(fail);
    } catch (e) {
      fail(e);
    }
  };
}

/**
 * Starts the server on `host:port` with the adapters' routes. `/healthz` answers 200 with
 * `{"ok":true, ...health()}`, or 503 once `health()` says `ok: false` (stopping).
 */
export async function startHttpServer(opts: {
  host: string;
  port: number;
  routes: Route[];
  health?: () => { ok: boolean } & Record<string, unknown>;
  logger: Pick<Logger, 'error'>;
}): Promise<HttpServer> {
  const routes = new Map(opts.routes.filter((r) => !r.prefix).map((r) => [r.path, guarded(r.handler, opts.logger)]));
  const prefixes = opts.routes.filter((r) => r.prefix).map((r) => [r.path, guarded(r.handler, opts.logger)] as const);
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      const health = opts.health?.() ?? { ok: true };
      res.writeHead(health.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(health));
      return;
    }
    const handler = routes.get(path) ?? prefixes.find(([p]) => path.startsWith(p))?.[1];
    if (handler) {
      void handler(req, res);
      return;
    }
    res
      .writeHead(404, { 'content-type': 'text/plain' })
      .end(`No route ${path}. Sitrep serves ${[...routes.keys(), '/healthz', ...prefixes.map(([p]) => `${p}…`)].join(', ')}.\n`);
  };
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(new Error(e.code === 'EADDRINUSE' ? `Port ${String(opts.port)} is in use. Set PORT to a free port.` : e.message));
    });
    server.listen(opts.port, opts.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

/** A header's first value. */
export function headerOf(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The whole body, or undefined when it passes `limit` bytes. Past the limit the rest is read and
 * dropped, not kept, so the caller can still answer 413 on a connection the client is writing to.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => {
      resolve(size > limit ? undefined : Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** The client's address for a log line; undefined once the socket is gone. */
export const remoteAddress = (req: IncomingMessage): string | undefined => (req.socket as IncomingMessage['socket'] | null)?.remoteAddress;
