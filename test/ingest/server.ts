/**
 * A loopback HTTP server for ingestion tests: each path answers as scripted (status, headers, body,
 * delay, conditional GETs), and every request is recorded with its headers and timing.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/** How one path answers. */
export interface Route {
  status?: number;
  type?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Wait this long before answering (a slow server). */
  delayMs?: number;
  /** Answers 304 to a request carrying this ETag in If-None-Match; sends it otherwise. */
  etag?: string;
  /** Answers 304 to a request whose If-Modified-Since equals it; sends it otherwise. */
  lastModified?: string;
  /** Streams this many bytes of filler (a huge body), with no Content-Length. */
  streamBytes?: number;
  /** Answers with the next route of this list on each request (the last one repeats). */
  sequence?: Route[];
}

/** A request as the server saw it. */
interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
  start: number;
  end: number;
}

/** The running server. */
export interface TestServer {
  url(path: string): string;
  /** Sets or replaces a path's answer. */
  route(path: string, route: Route): void;
  requests: Seen[];
  hits(path: string): number;
}

const open: Server[] = [];
afterEach(async () => {
  await Promise.all(
    open.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => {
            resolve();
          });
        }),
    ),
  );
});

/** Starts a server on 127.0.0.1 with `routes`; closed after the test. */
export async function startServer(routes: Record<string, Route> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const served = new Map<string, number>();
  const requests: Seen[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const seen: Seen = { path, headers: req.headers, start: performance.now(), end: 0 };
    requests.push(seen);
    const done = (): void => {
      seen.end = performance.now();
    };
    res.on('finish', done);
    res.on('close', done);
    let route = table.get(path);
    if (route?.sequence) {
      const n = served.get(path) ?? 0;
      served.set(path, n + 1);
      route = route.sequence[Math.min(n, route.sequence.length - 1)];
    }
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
      return;
    }
    const r = route;
    const answer = (): void => {
      if (res.destroyed) return;
      const validators = { ...(r.etag ? { etag: r.etag } : {}), ...(r.lastModified ? { 'last-modified': r.lastModified } : {}) };
      if ((r.etag && req.headers['if-none-match'] === r.etag) || (r.lastModified && req.headers['if-modified-since'] === r.lastModified)) {
        res.writeHead(304, validators).end();
        return;
      }
      const headers = { ...(r.type ? { 'content-type': r.type } : {}), ...validators, ...r.headers };
      if (r.streamBytes) {
        res.writeHead(r.status ?? 200, headers);
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let left = r.streamBytes;
        const pump = (): void => {
          while (left > 0) {
            left -= chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end();
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
      res.writeHead(r.status ?? 200, headers).end(r.body ?? '');
    };
    if (r.delayMs) setTimeout(answer, r.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push(server);
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${String(port)}${path}`,
    route: (path, route) => {
      table.set(path, route);
    },
    requests,
    hits: (path) => requests.filter((r) => r.path === path).length,
  };
}
