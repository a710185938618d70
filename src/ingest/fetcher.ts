/**
 * Polite, safe HTTP GETs for feeds and pages: conditional requests (ETag, Last-Modified), a timeout
 * per try, a size limit on the decoded body, redirects followed a few hops with loop detection,
 * retries with backoff on 5xx, 429 (honouring Retry-After) and network errors, one request at a
 * time per host, and only public addresses unless config allows more (see address-guard.ts).
 *
 * Built on node:http rather than fetch: its `lookup` hook lets the address guard check the very
 * address a socket connects to, which fetch offers no way to do without another dependency.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { setTimeout as delay } from 'node:timers/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import PQueue from 'p-queue';
import { err, ok, type Result } from '../core/result.js';
import type { AddressGuard } from './address-guard.js';

/** Limits and manners of every request. */
export interface FetchOptions {
  /** One try, redirects and body included. */
  timeoutMs: number;
  /** Largest decoded body accepted. */
  maxBytes: number;
  maxRedirects: number;
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait after the first failed try; doubles each time, up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  userAgent: string;
}

/** Defaults: 15 s a try, 5 MB, 5 redirects, 3 tries from 1 s. */
const FETCH_DEFAULTS: FetchOptions = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  attempts: 3,
  backoffMs: 1000,
  maxBackoffMs: 30_000,
  userAgent: 'Sitrep/0.1 (+news briefings; one request at a time per host)',
};

/** What is fetched: a feed or a page (each accepts its own content types), with the validators from the last poll. */
interface FetchRequest {
  url: string;
  kind: 'feed' | 'page';
  etag?: string | undefined;
  lastModified?: string | undefined;
}

/** A fetched body, or word that it has not changed since the validators given. */
type Fetched =
  | { status: 'ok'; url: string; body: string; contentType: string; etag?: string | undefined; lastModified?: string | undefined }
  | { status: 'not-modified'; url: string };

/** Why a fetch failed; `message` names the URL's problem in words. */
export interface FetchError {
  code:
    | 'bad-url'
    | 'refused-address'
    | 'http-status'
    | 'too-large'
    | 'timeout'
    | 'redirect-loop'
    | 'too-many-redirects'
    | 'wrong-content-type'
    | 'network'
    | 'stopped';
  url: string;
  message: string;
  status?: number | undefined;
}

/** Fetches one URL at a time per host. */
export interface Fetcher {
  fetch(req: FetchRequest): Promise<Result<Fetched, FetchError>>;
  /** Stops: requests in flight and waiting are ended with `stopped`, and connections closed. */
  close(): void;
}

/** What the fetcher is made from. */
export interface FetcherDeps {
  guard: AddressGuard;
  options?: Partial<FetchOptions> | undefined;
  /** Waits between tries; tests pass one that records the wait. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
}

const ACCEPT = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8',
  page: 'text/html, application/xhtml+xml;q=0.9',
} as const;
const TYPES = {
  feed: /^(?:application\/(?:rss\+xml|atom\+xml|rdf\+xml|xml|feed\+json|json)|text\/xml)$/,
  page: /^(?:text\/html|application\/xhtml\+xml)$/,
} as const;

/** A thrown failure inside one try, carried out as a FetchError. */
class Failed extends Error {
  constructor(
    readonly error: FetchError,
    readonly retry: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(error.message);
  }
}

const fail = (code: FetchError['code'], url: string, message: string, extra: { status?: number; retry?: boolean; retryAfterMs?: number } = {}): Failed =>
  new Failed({ code, url, message, ...(extra.status === undefined ? {} : { status: extra.status }) }, extra.retry ?? false, extra.retryAfterMs);

/** `Retry-After` as milliseconds: seconds, or an HTTP date. */
function retryAfterMs(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

const header = (res: IncomingMessage, name: string): string | undefined => {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** The fetcher over `deps`. */
export function createFetcher(deps: FetcherDeps): Fetcher {
  const o: FetchOptions = { ...FETCH_DEFAULTS, ...deps.options };
  const sleep = deps.sleep ?? ((ms: number) => delay(ms));
  const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
  const queues = new Map<string, PQueue>();
  const closing = new AbortController();
  const stopped = (url: string): FetchError => ({ code: 'stopped', url, message: 'not fetched: Sitrep is stopping' });
  const whenClosed = new Promise<void>((resolve) => {
    closing.signal.addEventListener(
      'abort',
      () => {
        resolve();
      },
      { once: true },
    );
  });

  /** Reads a response body, decoded, up to the size limit. */
  async function readBody(res: IncomingMessage, url: string, signal: AbortSignal): Promise<Buffer> {
    const length = Number(header(res, 'content-length') ?? NaN);
    const encoding = (header(res, 'content-encoding') ?? '').toLowerCase();
    if (!encoding && length > o.maxBytes) {
      res.destroy();
      throw fail('too-large', url, `the body is ${(length / 1048576).toFixed(1)} MB, over the ${(o.maxBytes / 1048576).toFixed(1)} MB limit`);
    }
    const decoder =
      encoding === 'gzip' || encoding === 'x-gzip'
        ? createGunzip()
        : encoding === 'deflate'
          ? createInflate()
          : encoding === 'br'
            ? createBrotliDecompress()
            : undefined;
    const stream = decoder ? res.pipe(decoder) : res;
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        // Counted after decoding, so a small compressed bomb is caught too.
        if (size > o.maxBytes) {
          res.destroy();
          throw fail('too-large', url, `the body is over the ${(o.maxBytes / 1048576).toFixed(1)} MB limit`);
        }
        chunks.push(chunk);
      }
    } catch (e) {
      if (e instanceof Failed) throw e;
      if (closing.signal.aborted) throw new Failed(stopped(url), false);
      if (signal.aborted) throw fail('timeout', url, `no complete answer within ${String(o.timeoutMs / 1000)} s`);
      throw fail('network', url, `the connection broke while reading (${(e as Error).message})`, { retry: true });
    }
    return Buffer.concat(chunks);
  }

  /** One GET, no redirects followed. */
  function get(url: URL, req: FetchRequest, signal: AbortSignal): Promise<IncomingMessage> {
    const refused = deps.guard.checkLiteral(url.hostname);
    if (refused) return Promise.reject(fail('refused-address', url.href, refused.message));
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const r = client.get(
        url,
        {
          agent: agents[url.protocol as 'http:' | 'https:'],
          lookup: deps.guard.lookup,
          signal,
          headers: {
            'user-agent': o.userAgent,
            accept: ACCEPT[req.kind],
            'accept-encoding': 'gzip, deflate, br',
            ...(req.etag ? { 'if-none-match': req.etag } : {}),
            ...(req.lastModified ? { 'if-modified-since': req.lastModified } : {}),
          },
        },
        resolve,
      );
      r.on('error', (e: NodeJS.ErrnoException) => {
        if (e.name === 'RefusedAddressError') reject(fail('refused-address', url.href, e.message));
        else if (closing.signal.aborted) reject(new Failed(stopped(url.href), false));
        else if (signal.aborted) reject(fail('timeout', url.href, `no answer within ${String(o.timeoutMs / 1000)} s`));
        else reject(fail('network', url.href, `could not connect (${e.code ?? e.message})`, { retry: e.code !== 'ENOTFOUND' }));
      });
    });
  }

  /** One try: follows redirects, checks status and content type, reads the body. */
  async function attempt(req: FetchRequest): Promise<Fetched> {
    const signal = AbortSignal.any([AbortSignal.timeout(o.timeoutMs), closing.signal]);
    const visited = new Set<string>();
    let url = new URL(req.url);
    for (let hop = 0; ; hop++) {
      visited.add(url.href);
      const res = await get(url, req, signal);
      const status = res.statusCode ?? 0;
      const location = header(res, 'location');
      if (status >= 300 && status < 400 && status !== 304 && location) {
        res.resume();
        const next = new URL(location, url);
        if (visited.has(next.href)) throw fail('redirect-loop', req.url, `redirects loop back to ${next.href}`);
        if (hop + 1 > o.maxRedirects) throw fail('too-many-redirects', req.url, `more than ${String(o.maxRedirects)} redirects`);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') throw fail('bad-url', req.url, `redirects to a ${next.protocol} address`);
        url = next;
        continue;
      }
      if (status === 304) {
        res.resume();
        return { status: 'not-modified', url: url.href };
      }
      if (status < 200 || status >= 300) {
        res.resume();
        const retry = status === 429 || status >= 500;
        throw fail('http-status', url.href, `HTTP ${String(status)}${res.statusMessage ? ` ${res.statusMessage}` : ''}`, {
          status,
          retry,
          ...(retry ? { retryAfterMs: retryAfterMs(header(res, 'retry-after')) ?? 0 } : {}),
        });
      }
      const type = (header(res, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (type && !TYPES[req.kind].test(type)) {
        res.resume();
        throw fail('wrong-content-type', url.href, `the server sent ${type}, not ${req.kind === 'feed' ? 'a feed (RSS, Atom or JSON Feed)' : 'an HTML page'}`);
      }
      const body = await readBody(res, url.href, signal);
      const charset = /charset=["']?([\w-]+)/i.exec(header(res, 'content-type') ?? '')?.[1];
      let text: string;
      try {
        text = new TextDecoder(charset ?? 'utf-8').decode(body);
      } catch {
        text = new TextDecoder('utf-8').decode(body);
      }
      return { status: 'ok', url: url.href, body: text, contentType: type, etag: header(res, 'etag'), lastModified: header(res, 'last-modified') };
    }
  }

  async function withRetries(req: FetchRequest): Promise<Result<Fetched, FetchError>> {
    for (let tries = 1; ; tries++) {
      if (closing.signal.aborted) return err(stopped(req.url));
      try {
        return ok(await attempt(req));
      } catch (e) {
        if (!(e instanceof Failed)) throw e;
        if (!e.retry || tries >= o.attempts) return err(tries > 1 ? { ...e.error, message: `${e.error.message} (after ${String(tries)} tries)` } : e.error);
        const backoff = Math.min(o.maxBackoffMs, o.backoffMs * 2 ** (tries - 1));
        const wait = Math.max(backoff, e.retryAfterMs ?? 0);
        // A server asking for a long pause gets it by our giving up now; the next poll tries again.
        if (wait > o.maxBackoffMs) return err({ ...e.error, message: `${e.error.message}; asked to wait ${String(Math.ceil(wait / 1000))} s` });
        await Promise.race([sleep(wait), whenClosed]);
      }
    }
  }

  return {
    fetch(req) {
      let host: string;
      try {
        const u = new URL(req.url);
        if (u.protocol !== 'http:' && u.protocol !== 'https:')
          return Promise.resolve(err({ code: 'bad-url', url: req.url, message: 'only http and https addresses can be fetched' }));
        host = u.host;
      } catch {
        return Promise.resolve(err({ code: 'bad-url', url: req.url, message: 'not a web address' }));
      }
      // Kept for the fetcher's life (one small queue per host ever seen), so no two can exist for a host.
      let queue = queues.get(host);
      if (!queue) queues.set(host, (queue = new PQueue({ concurrency: 1 })));
      return queue.add(() => withRetries(req), { throwOnTimeout: true });
    },
    close() {
      closing.abort();
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
