/**
 * In front of Bolt's HTTP receiver: refuses (401, logged) requests that are unsigned, wrongly
 * signed, more than 5 minutes old or ahead, or replayed, before anything runs. Bolt checks the
 * signature and staleness too, but accepts timestamps up to 10 minutes ahead and replays.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { verifySlackRequest } from '@slack/bolt';
import type { Logger } from '../../log.js';

/** How far a request's timestamp may be from our clock, either way (Slack's own rule). */
export const MAX_SKEW_SECONDS = 5 * 60;
/** Bolt's own body limit is 10 MB; a slash command or button press is a few kilobytes. */
const MAX_BODY_BYTES = 256 * 1024;

/** What the guard needs. */
export interface GuardDeps {
  signingSecret: string;
  /** Milliseconds since the epoch; tests move it. */
  now: () => number;
  logger: Logger;
  /** Bolt's listener, given the request with its body already read (`rawBody`). */
  next: RequestListener;
}

/** Why a request was refused, for the log. */
type Refusal = 'no-signature' | 'bad-timestamp' | 'stale' | 'future' | 'bad-signature' | 'replay' | 'too-large';

/** The guarded listener for `/slack/events`. */
export function createRequestGuard(deps: GuardDeps): RequestListener {
  const seen = new ReplayCache();
  const refuse = (req: IncomingMessage, res: ServerResponse, reason: Refusal, status = 401): void => {
    deps.logger.warn({ reason, ip: req.socket.remoteAddress, path: req.url }, `Refused a Slack request: ${REASONS[reason]}`);
    res.writeHead(status).end();
  };
  return (req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    readBody(req, MAX_BODY_BYTES).then((body) => {
      if (!body) {
        refuse(req, res, 'too-large', 413);
        return;
      }
      const text = body.toString('utf8');
      // Slack's unsigned SSL check asks only for a 200; nothing else in it is looked at.
      if (/^ssl_check=1(&|$)/.test(text)) {
        res.writeHead(200).end();
        return;
      }
      const reason = check(req, text, deps, seen);
      if (reason) refuse(req, res, reason);
      else pass(req, res, body, deps.next);
    }, (e: unknown) => {
      deps.logger.warn({ err: e }, 'Could not read a Slack request body');
      if (!res.headersSent) res.writeHead(400).end();
    });
  };
}

/** Why the request must be refused, or undefined when it may go on to Bolt. */
function check(req: IncomingMessage, text: string, deps: GuardDeps, seen: ReplayCache): Refusal | undefined {
  const signature = header(req, 'x-slack-signature');
  const stamp = header(req, 'x-slack-request-timestamp');
  if (!signature) return 'no-signature';
  const ts = Number(stamp);
  if (!stamp || !Number.isInteger(ts)) return 'bad-timestamp';
  const nowSec = Math.floor(deps.now() / 1000);
  if (ts < nowSec - MAX_SKEW_SECONDS) return 'stale';
  if (ts > nowSec + MAX_SKEW_SECONDS) return 'future';
  try {
    verifySlackRequest({ signingSecret: deps.signingSecret, body: text, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': ts }, nowMilliseconds: deps.now() });
  } catch {
    return 'bad-signature';
  }
  // Only a correctly signed request is remembered, so a forgery cannot block the real one.
  return seen.add(signature, ts, nowSec) ? undefined : 'replay';
}

const REASONS: Record<Refusal, string> = {
  'no-signature': 'no X-Slack-Signature header',
  'bad-timestamp': 'no valid X-Slack-Request-Timestamp header',
  stale: 'timestamp more than 5 minutes old',
  future: 'timestamp more than 5 minutes in the future',
  'bad-signature': 'signature does not match the signing secret',
  replay: 'the same signed request was already received',
  'too-large': `body over ${MAX_BODY_BYTES} bytes`,
};

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Hands the request on with the body Bolt would have read (it reuses `rawBody` when present). */
function pass(req: IncomingMessage, res: ServerResponse, body: Buffer, next: RequestListener): void {
  Object.assign(req, { rawBody: body });
  next(req, res);
}

/** The whole body, or undefined when it passes `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limit) return undefined;
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Signatures seen within the accepted window; older ones expire, since their timestamps are refused anyway. */
class ReplayCache {
  /** Only Slack can sign, so this is far more than it sends in a window; it bounds memory all the same. */
  private static readonly MAX = 100_000;
  private readonly seen = new Map<string, number>();

  /** Records a signature; false when it was already there. */
  add(signature: string, ts: number, nowSec: number): boolean {
    this.expire(nowSec);
    if (this.seen.has(signature)) return false;
    this.seen.set(signature, ts);
    return true;
  }

  private expire(nowSec: number): void {
    // Map order is arrival order, close to timestamp order: drop expired entries from the front.
    for (const [sig, ts] of this.seen) {
      if (ts >= nowSec - MAX_SKEW_SECONDS && this.seen.size < ReplayCache.MAX) break;
      this.seen.delete(sig);
    }
  }
}
