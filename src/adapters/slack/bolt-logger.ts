/** Bolt's logger interface over our pino logger, so Bolt's own warnings land in the same JSON lines. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log.js';

const LEVELS: Record<string, LogLevel> = { trace: LogLevel.DEBUG, debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN };

/** A Bolt logger writing to `logger` with `component: 'bolt'`; the level is ours, Bolt cannot change it. */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'bolt' });
  const text = (msg: unknown[]): string => msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg: unknown[]) => {
      if (log.isLevelEnabled('debug')) log.debug(text(msg));
    },
    info: (...msg: unknown[]) => {
      log.info(text(msg));
    },
    warn: (...msg: unknown[]) => {
      log.warn(text(msg));
    },
    error: (...msg: unknown[]) => {
      log.error(text(msg));
    },
    setLevel: () => undefined,
    getLevel: () => LEVELS[logger.level] ?? LogLevel.ERROR,
    setName: () => undefined,
  };
}
