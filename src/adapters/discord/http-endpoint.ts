/**
 * The HTTP interactions endpoint, `POST /discord/interactions` on the shared server: checks
 * Discord's Ed25519 signature before anything else (401 and nothing run when it is bad or
 * missing), answers PING, and hands the rest to the interaction handler.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../log.js';
import type { Route } from '../../server/http.js';
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
}

const plain = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(`${text}\n`);
};

/** Sends a JSON response; resolves once it is handed to the socket, so an edit never overtakes its defer. */
const json = (res: ServerResponse, body: InteractionResponse): Promise<void> =>
  new Promise((resolve, reject) => {
    res.once('error', reject);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body), () => { resolve(); });
  });

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => { resolve(Buffer.concat(chunks)); });
    req.on('error', reject);
  });
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** The endpoint as a route of the shared HTTP server. */
export function interactionsRoute(deps: EndpointDeps): Route {
  const key = publicKeyFromHex(deps.publicKey);
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const receivedAt = performance.now();
    if (req.method !== 'POST') {
      plain(res, 405, 'Discord interactions are POSTed here.', { allow: 'POST' });
      return;
    }
    const body = await readBody(req);
    if (!body) {
      plain(res, 413, 'Request body too large.');
      return;
    }
    if (!verifySignature(key, header(req, 'x-signature-ed25519'), header(req, 'x-signature-timestamp'), body)) {
      deps.logger.warn({ ip: req.socket.remoteAddress }, 'discord: refused a request with a bad or missing signature');
      plain(res, 401, 'invalid request signature');
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
  return {
    path: INTERACTIONS_PATH,
    handler: (req, res) => {
      serve(req, res).catch((e: unknown) => {
        deps.logger.error({ err: e }, 'discord: interactions endpoint failed');
        if (!res.headersSent) plain(res, 500, 'Internal error.');
      });
    },
  };
}
