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
import { firstSightShared, MAX_SKEW_SECONDS, outsideWindow, ReplayCache, type FirstSight } from '../../server/replay-cache.js';
import { isRecord } from '../../core/records.js';

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
  /** Signatures seen by every replica, when there are several. */
  firstSight?: FirstSight | undefined;
}

/** Why a request was refused, for the log. */
type Refusal = 'no-signature' | 'bad-timestamp' | 'stale' | 'future' | 'bad-signature' | 'replay' | 'too-large' | 'not-an-object' | 'not-served';

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
    let reason = check(req, text, deps, seen) ?? shapeProblem(req, body);
    if (
      !reason &&
      !(await firstSightShared(
        deps.firstSight,
        `slack:${header(req, 'x-slack-signature') ?? ''}`,
        Number(header(req, 'x-slack-request-timestamp')),
        Math.floor(deps.now() / 1000) - MAX_SKEW_SECONDS,
      ))
    )
      reason = 'replay';
    if (reason) refuse(req, res, reason, reason === 'not-an-object' || reason === 'not-served' ? 400 : 401);
    else pass(req, res, body, deps.next);
  };
}

const isText = (v: unknown): boolean => typeof v === 'string' && v.length > 0;

/**
 * Why Bolt must not see the body, or undefined when it may: the body must be a JSON object as Bolt
 * reads it (a form's `payload` field, or the whole body) and one of the requests Sitrep serves, with
 * the fields Bolt and the handlers read. Bolt's own routing fails (a 500) on a signed body it
 * cannot place, such as an options request or a button press without its action.
 */
function shapeProblem(req: IncomingMessage, rawBody: Buffer): Refusal | undefined {
  let parsed: unknown;
  try {
    parsed = HTTPModuleFunctions.parseHTTPRequestBody(Object.assign(Object.create(req) as IncomingMessage, { rawBody }));
  } catch {
    return 'not-an-object';
  }
  if (!isRecord(parsed)) return 'not-an-object';
  const b = parsed;
  // A slash command.
  if ('command' in b) return isText(b.command) && isText(b.channel_id) && isText(b.user_id) && isText(b.response_url) ? undefined : 'not-served';
  // A button press (Share, Open full briefing).
  if (b.type === 'block_actions') {
    const actions = Array.isArray(b.actions) ? (b.actions as unknown[]) : [];
    return actions.length && actions.every((a) => isRecord(a) && isText(a.action_id)) && isRecord(b.user) && isText(b.user.id) ? undefined : 'not-served';
  }
  // Events API: the URL check, events, rate-limit notices.
  return b.type === 'url_verification' || b.type === 'event_callback' || b.type === 'app_rate_limited' ? undefined : 'not-served';
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
    verifySlackRequest({
      signingSecret: deps.signingSecret,
      body: text,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': ts },
      nowMilliseconds: deps.now(),
    });
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
  'not-served': 'the signed body is no slash command, button press or event that Sitrep serves',
};

/** Hands the request on with the body Bolt would have read (it reuses `rawBody` when present). */
function pass(req: IncomingMessage, res: ServerResponse, body: Buffer, next: RequestListener): void {
  Object.assign(req, { rawBody: body });
  next(req, res);
}
