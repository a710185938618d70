/**
 * The HTTP interactions endpoint, `POST /discord/interactions` on the shared server: checks
 * Discord's Ed25519 signature before anything else (401 and nothing run when it is bad or
 * missing, more than 5 minutes old or ahead, or a replay of one already received), answers PING,
 * and hands the rest to the interaction handler.
 */
import type { ServerResponse } from 'node:http';
import type { Logger } from '../../log.js';
import { headerOf as header, readBody, remoteAddress, type Route } from '../../server/http.js';
import { firstSightShared, MAX_SKEW_SECONDS, outsideWindow, ReplayCache, type FirstSight } from '../../server/replay-cache.js';
import type { InteractionHandler, InteractionResponse } from './handler.js';
import { InteractionSchema } from './interaction.js';
import { publicKeyFromHex, verifySignature } from './signature.js';

/** Where Discord is told to send interactions (the Developer Portal's "Interactions Endpoint URL"). */
export const INTERACTIONS_PATH = '/discord/interactions';

/** Interactions are a few kilobytes; anything far larger is not from Discord. */
const MAX_BODY = 1024 * 1024;

/** What the endpoint needs. */
export interface EndpointDeps {
  publicKey: string;
  handler: InteractionHandler;
  /** True once the adapter is stopping: new interactions get 503. */
  stopping: () => boolean;
  logger: Logger;
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
  /** Signatures seen by every replica, when there are several. */
  firstSight?: FirstSight | undefined;
}

const plain = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(`${text}\n`);
};

/** Sends a JSON response; resolves once it is handed to the socket, so an edit never overtakes its defer. */
const json = (res: ServerResponse, body: InteractionResponse): Promise<void> =>
  new Promise((resolve, reject) => {
    res.once('error', reject);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body), () => {
      resolve();
    });
  });

/** The endpoint as a route of the shared HTTP server. */
export function interactionsRoute(deps: EndpointDeps): Route {
  const key = publicKeyFromHex(deps.publicKey);
  const now = deps.now ?? Date.now;
  const seen = new ReplayCache();
  const refuse = (res: ServerResponse, ip: string | undefined, why: string): void => {
    deps.logger.warn({ ip, why }, `discord: refused a request: ${why}`);
    plain(res, 401, 'invalid request signature');
  };
  const serve: Route['handler'] = async (req, res) => {
    const receivedAt = performance.now();
    if (req.method !== 'POST') {
      plain(res, 405, 'Discord interactions are POSTed here.', { allow: 'POST' });
      return;
    }
    const body = await readBody(req, MAX_BODY);
    if (!body) {
      plain(res, 413, 'Request body too large.');
      return;
    }
    const signature = header(req, 'x-signature-ed25519');
    const stamp = header(req, 'x-signature-timestamp');
    if (!verifySignature(key, signature, stamp, body)) {
      refuse(res, remoteAddress(req), 'bad or missing signature');
      return;
    }
    // Signed, so the timestamp is Discord's: within 5 minutes of our clock, and each signature once.
    const nowSec = Math.floor(now() / 1000);
    const ts = Number(stamp);
    const outside = Number.isInteger(ts) ? outsideWindow(ts, nowSec) : 'stale';
    if (outside) {
      refuse(res, remoteAddress(req), outside === 'stale' ? 'timestamp more than 5 minutes old' : 'timestamp more than 5 minutes in the future');
      return;
    }
    if (!seen.add(signature ?? '', ts, nowSec) || !(await firstSightShared(deps.firstSight, `discord:${signature ?? ''}`, ts, nowSec - MAX_SKEW_SECONDS))) {
      refuse(res, remoteAddress(req), 'the same signed request was already received');
      return;
    }
    let parsed: ReturnType<typeof InteractionSchema.safeParse>;
    try {
      parsed = InteractionSchema.safeParse(JSON.parse(body.toString('utf8')));
    } catch {
      plain(res, 400, 'The body is not JSON.');
      return;
    }
    if (!parsed.success) {
      plain(res, 400, 'The body is not a Discord interaction.');
      return;
    }
    if (deps.stopping()) {
      plain(res, 503, 'Shutting down.', { 'retry-after': '5' });
      return;
    }
    await deps.handler.handle(parsed.data, receivedAt, (r) => json(res, r));
    // The handler always answers; this covers a failure before its first response.
    if (!res.headersSent) plain(res, 500, 'The interaction could not be answered.');
  };
  // Errors past this point are the shared server's: logged with the request id and answered 500.
  return { path: INTERACTIONS_PATH, handler: serve };
}
