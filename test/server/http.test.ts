/** The shared HTTP server: an error in any route's handler, thrown at once or later, never ends the process. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer, type RouteHandler } from '../../src/server/http.js';

const logged: Record<string, unknown>[] = [];
const logger = {
  error: (obj: object, msg?: string) => {
    logged.push({ ...obj, msg });
  },
};

const routes: Record<string, RouteHandler> = {
  '/sync': () => {
    throw new Error('thrown at once');
  },
  '/async': async () => {
    await new Promise((r) => setTimeout(r, 5));
    throw new Error('thrown later');
  },
  '/rejected': () => Promise.reject(new Error('a rejected promise')),
  '/after-headers': async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('partial');
    await new Promise((r) => setTimeout(r, 5));
    throw new Error('thrown after the answer began');
  },
  '/fine': (_req, res) => {
    res.writeHead(200).end('ok');
  },
};

let server: HttpServer;
let base: string;
beforeAll(async () => {
  server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: Object.entries(routes).map(([path, handler]) => ({ path, handler })), logger });
  base = `http://127.0.0.1:${String(server.port)}`;
});
afterAll(() => server.close());

describe('a route whose handler fails', () => {
  it.each(['/sync', '/async', '/rejected'])('%s answers 500 with a request id, logs it, and /healthz still answers', async (path) => {
    const r = await fetch(`${base}${path}`, { method: 'POST', body: 'x' });
    expect(r.status).toBe(500);
    const id = r.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await r.text()).toBe(`Internal error (request ${String(id)}).\n`);
    expect(logged.some((l) => l.requestId === id && l.path === path && l.err instanceof Error)).toBe(true);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${base}/fine`)).text()).toBe('ok');
  });

  it('keeps the id a client sends, to follow one request through the logs', async () => {
    const r = await fetch(`${base}/sync`, { headers: { 'x-request-id': 'req-42' } });
    expect(r.headers.get('x-request-id')).toBe('req-42');
    expect(logged.some((l) => l.requestId === 'req-42')).toBe(true);
  });

  it('closes a connection whose answer had begun, and goes on serving', async () => {
    await expect(fetch(`${base}/after-headers`).then((r) => r.text())).rejects.toThrow();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(logged.some((l) => l.path === '/after-headers')).toBe(true);
  });
});
