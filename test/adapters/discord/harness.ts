/** What the Discord tests share: the bundled subject's library, a silent logger, the limit check on every message sent. */
import { join } from 'node:path';
import { expect } from 'vitest';
import { readEnv, type Env } from '../../../src/config/env.js';
import { createLogger } from '../../../src/log.js';
import { limitProblems, MessageSchema } from '../../../src/render/discord/assertions.js';
import { loadLibrary, type Library } from '../../../src/service/library.js';
import type { RecordedCall } from './fake-discord.js';

let library: Promise<Library> | undefined;

/** The bundled `ecuador` subject, loaded once per test file from the real articles. */
export function ecuadorLibrary(): Promise<Library> {
  library ??= loadLibrary(['ecuador'], join(import.meta.dirname, '../../../briefings')).then((r) => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  });
  return library;
}

/** A validated environment from `vars`; a test's own typo fails loudly. */
export function envFrom(vars: Record<string, string>): Env {
  const r = readEnv(vars);
  if (!r.ok) throw new Error(r.error.join('\n'));
  return r.value;
}

/** Logs nowhere. */
export const silent = createLogger('silent');

/** The message inside a body (callback `data`, a PATCH, a channel post), without what is not part of it (flags, nonce). */
function messageOf(body: unknown): Record<string, unknown> {
  const b = body as Record<string, unknown>;
  const m = (b.type !== undefined && typeof b.data === 'object' ? b.data : b) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(m).filter(([k]) => !['flags', 'nonce', 'enforce_nonce'].includes(k)));
}

/** Asserts a message is within every Discord limit, listing what is not. */
export function expectWithinLimits(body: unknown): void {
  expect(limitProblems(MessageSchema, messageOf(body))).toEqual([]);
}

/** Every message the fake received (callbacks with messages, edits, channel posts) is within Discord's limits. */
export function expectAllWithinLimits(calls: RecordedCall[]): number {
  const messages = calls.filter(
    (c) =>
      (c.path.endsWith('/callback') && [4, 7].includes((c.body as { type: number }).type)) || c.method === 'PATCH' || /\/channels\/\d+\/messages$/.test(c.path),
  );
  for (const c of messages) expectWithinLimits(c.body);
  return messages.length;
}
