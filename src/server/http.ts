/**
 * The one HTTP server: Slack's receiver and Discord's interactions endpoint share `PORT`, and
 * `GET /healthz` answers for the Docker HEALTHCHECK and load balancers.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A path an adapter serves, e.g. `/slack/events`. */
export interface Route {
  path: string;
  handler: RequestListener;
}

/** The running server. */
export interface HttpServer {
  server: Server;
  /** The bound port (useful when started on port 0). */
  port: number;
  /** Stops taking connections and waits for requests in flight. */
  close(): Promise<void>;
}

/** Starts the server on `host:port` with the adapters' routes; `healthy()` decides /healthz. */
export async function startHttpServer(opts: { host: string; port: number; routes: Route[]; healthy?: () => boolean }): Promise<HttpServer> {
  const routes = new Map(opts.routes.map((r) => [r.path, r.handler]));
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      const ok = opts.healthy?.() ?? true;
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok }));
      return;
    }
    const handler = routes.get(path);
    if (handler) {
      handler(req, res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`No route ${path}. Sitrep serves ${[...routes.keys(), '/healthz'].join(', ')}.\n`);
  };
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => { reject(new Error(e.code === 'EADDRINUSE' ? `Port ${String(opts.port)} is in use. Set PORT to a free port.` : e.message)); });
    server.listen(opts.port, opts.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => { resolve(); });
      server.closeIdleConnections();
    }),
  };
}
