/** Requests as Slack sends them: signed form bodies for slash commands and button presses (no test runner needed: the bench uses them too). */
import { createHmac } from 'node:crypto';

export const SECRET = 'test-signing-secret';

/** `v0=` + HMAC-SHA256 of `v0:<ts>:<body>`, as Slack signs. */
export const sign = (body: string, ts: number, secret = SECRET): string => `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;

/** Seconds since the epoch, now. */
export const nowSec = (): number => Math.floor(Date.now() / 1000);

/** What the bot answered over HTTP. */
export interface Answered {
  status: number;
  /** The JSON body, or undefined for an empty one. */
  json: Record<string, unknown> | undefined;
}

/** POSTs a body signed like Slack, a form unless `type` says otherwise (override the timestamp or signature to forge one). */
export async function postSigned(
  url: string,
  body: string,
  opts: { ts?: number; signature?: string | null; secret?: string; type?: string } = {},
): Promise<Answered> {
  const ts = opts.ts ?? nowSec();
  const headers: Record<string, string> = { 'content-type': opts.type ?? 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts) };
  const signature = opts.signature === undefined ? sign(body, ts, opts.secret) : opts.signature;
  if (signature !== null) headers['x-slack-signature'] = signature;
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

/** A slash command's fields, as Slack sends them (form-encoded over HTTP, JSON in a Socket Mode envelope). */
export function commandFields(command: string, text: string, responseUrl: string): Record<string, string> {
  return {
    token: 'legacy',
    team_id: 'T_FAKE',
    team_domain: 'fake',
    channel_id: 'C_NEWS',
    channel_name: 'news',
    user_id: 'U0ALICE',
    user_name: 'alice',
    command,
    text,
    api_app_id: 'A_FAKE',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  };
}

/** A slash command's form body. */
export const commandBody = (command: string, text: string, responseUrl: string): string =>
  new URLSearchParams(commandFields(command, text, responseUrl)).toString();

/** A block_actions payload for a button press (as JSON, before form encoding). */
export function buttonPayload(actionId: string, value: string, responseUrl: string, user = 'U0ALICE'): Record<string, unknown> {
  return {
    type: 'block_actions',
    api_app_id: 'A_FAKE',
    token: 'legacy',
    trigger_id: '1.2.4',
    response_url: responseUrl,
    user: { id: user, username: 'alice', team_id: 'T_FAKE' },
    team: { id: 'T_FAKE', domain: 'fake' },
    channel: { id: 'C_NEWS', name: 'news' },
    container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'C_NEWS', is_ephemeral: true },
    actions: [
      { type: 'button', action_id: actionId, block_id: 'b1', text: { type: 'plain_text', text: 'Share in channel' }, value, action_ts: '1700000001.000001' },
    ],
  };
}

/** The form body Slack sends a button press in. */
export const actionBody = (payload: Record<string, unknown>): string => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
