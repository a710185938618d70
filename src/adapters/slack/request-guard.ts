/**
 * In front of Bolt's HTTP receiver: refuses (401, logged) requests that are unsigned, wrongly
 * signed, more than 5 minutes old or ahead, or replayed, before anything runs. Bolt checks the
 * signature and staleness too, but accepts timestamps up to 10 minutes ahead and replays. A signed
 * body that is not a JSON object as Bolt reads it (`payload=null`) is refused with 400: Bolt would
 * throw on it outside any handler.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, verifySlackRequest } from '@slack/bolt';
import type { Logger } from '../../log.js';
import { headerOf as header, readBody, remoteAddress, type RouteHandler } from '../../server/http.js';
import { outsideWindow, ReplayCache } from '../../server/replay-cache.js';

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
type Refusal = 'no-signature' | 'bad-timestamp' | 'stale' | 'future' | 'bad-signature' | 'replay' | 'too-large' | 'not-an-object';

/** The guarded listener for `/slack/events`. */
export function createRequestGuard(deps: GuardDeps): RouteHandler {
  const seen = new ReplayCache();
  const refuse = (req: IncomingMessage, res: ServerResponse, reason: Refusal, status = 401): void => {
    deps.logger.warn({ reason, ip: remoteAddress(req), path: req.url }, `Refused a Slack request: ${REASONS[reason]}`);
    res.writeHead(status).end();
  };
  return async (req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    let body: Buffer | undefined;
    try {
      body = await readBody(req, MAX_BODY_BYTES);
    } catch (e) {
      deps.logger.warn({ err: e }, 'Could not read a Slack request body');
      if (!res.headersSent) res.writeHead(400).end();
      return;
    }
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
    const reason = check(req, text, deps, seen) ?? (isPayload(req, body) ? undefined : 'not-an-object');
    if (reason) refuse(req, res, reason, reason === 'not-an-object' ? 400 : 401);
    else pass(req, res, body, deps.next);
  };
}

/** Whether Bolt reads the body as a JSON object (a form's `payload` field, or the whole body), as it needs. */
function isPayload(req: IncomingMessage, rawBody: Buffer): boolean {
  try {
    const parsed: unknown = HTTPModuleFunctions.parseHTTPRequestBody(Object.assign(Object.create(req) as IncomingMessage, { rawBody }));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

/** Why the request must be refused, or undefined when it may go on to Bolt. */
function check(req: IncomingMessage, text: string, deps: GuardDeps, seen: ReplayCache): Refusal | undefined {
  const signature = header(req, 'x-slack-signature');
  const stamp = header(req, 'x-slack-request-timestamp');
  if (!signature) return 'no-signature';
  const ts = Number(stamp);
  if (!stamp || !Number.isInteger(ts)) return 'bad-timestamp';
  const nowSec = Math.floor(deps.now() / 1000);
  const outside = outsideWindow(ts, nowSec);
  if (outside) return outside;
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
  'not-an-object': 'the signed body is not a JSON object as Bolt reads it',
};

/** Hands the request on with the body Bolt would have read (it reuses `rawBody` when present). */
function pass(req: IncomingMessage, res: ServerResponse, body: Buffer, next: RequestListener): void {
  Object.assign(req, { rawBody: body });
  next(req, res);
}
