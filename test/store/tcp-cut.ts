/**
 * A loopback TCP relay in front of PostgreSQL that a test can cut: every connection through it is
 * dropped and new ones are reset at once, as when the database host goes away, while the real server
 * (shared by other tests) keeps running; or goes silent (`stall`). `restore` lets connections through again.
 */
import { createConnection, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpCut {
  port: number;
  cut(): void;
  /** Goes silent instead: connections stay open, nothing passes either way, as when a network path dies. */
  stall(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpCut(target: { host: string; port: number }): Promise<TcpCut> {
  const open = new Set<Socket>();
  let down: false | 'cut' | 'stall' = false;
  const server = createServer((client) => {
    if (down === 'cut') {
      client.resetAndDestroy();
      return;
    }
    if (down === 'stall') {
      open.add(client);
      client.on('close', () => open.delete(client));
      client.on('error', () => undefined);
      return;
    }
    const upstream = createConnection(target);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      down = 'cut';
      for (const s of open) s.resetAndDestroy();
    },
    stall() {
      down = 'stall';
      for (const s of open) {
        s.unpipe();
        s.pause();
      }
    },
    restore() {
      // Silent connections stay dead: their peers find out and connect again.
      if (down === 'stall') for (const s of open) s.resetAndDestroy();
      down = false;
    },
    async close() {
      for (const s of open) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
