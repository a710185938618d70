/** What the bot needs of a chat platform; each adapter folder implements it and nothing else is shared. */
import type { Reply } from '../render/reply.js';
import type { Result } from '../core/result.js';
import type { PostError, Posted } from '../schedule/post-outcome.js';
import type { Route } from '../server/http.js';

/** A running platform connection. */
export interface PlatformAdapter {
  /** `slack`, `discord` or `console`. */
  readonly platform: string;
  /** Paths this adapter serves on the shared HTTP server (Slack's HTTP receiver, Discord's interactions endpoint); none for socket connections. */
  readonly routes: readonly Route[];
  /** Connects (and listens, for HTTP receivers). Rejects with a clear message when it cannot. */
  start(): Promise<void>;
  /** Stops taking requests and waits for replies in flight. */
  stop(): Promise<void>;
  /**
   * Posts a reply (a digest) to a channel. `key` identifies the digest run, so a platform that can
   * refuse a duplicate (Discord's nonce, Slack's metadata) is given it.
   */
  post(channel: string, reply: Reply, key?: string): Promise<Result<Posted, PostError>>;
}
