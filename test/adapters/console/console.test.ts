import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../../src/adapters/console/adapter.js';
import { createChatCommands } from '../../../src/service/chat.js';
import { briefingReply } from '../../../src/service/commands.js';
import { loadLibrary, type Library } from '../../../src/service/library.js';
import { memoryLog, sqliteStore } from '../../schedule/harness.js';

let library: Library;
beforeAll(async () => {
  const r = await loadLibrary(['ecuador'], join(import.meta.dirname, '../../../briefings'));
  if (!r.ok) throw new Error(r.error.message);
  library = r.value;
});

/** A console on in-memory streams; `text()` is everything printed so far. */
async function consoleOn(interactive: boolean) {
  const { store } = await sqliteStore();
  const commands = createChatCommands({ library, subscriptions: store.subscriptions, configDigests: [], defaultTimeZone: 'UTC' });
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => {
    printed += d.toString();
  });
  let quits = 0;
  const log = memoryLog();
  const adapter = createConsoleAdapter({
    library,
    commands,
    input,
    output,
    interactive,
    onQuit: () => {
      quits++;
    },
    logger: log.logger,
    now: () => Date.parse('2025-06-10T12:00:00Z'),
  });
  /** Types a line and waits until the answer is printed. */
  const type = async (line: string): Promise<string> => {
    const before = printed.length;
    input.write(`${line}\n`);
    for (let i = 0; i < 200 && printed.length === before; i++) await sleep(5);
    await sleep(20);
    return printed.slice(before);
  };
  return { adapter, input, type, text: () => printed, quits: () => quits, log, store };
}

describe('the console adapter', () => {
  it('prints the overview and how to ask, then answers slash commands as chat would', async () => {
    const c = await consoleOn(false);
    await c.adapter.start();
    expect(c.text()).toMatch(/^Ecuador seeks foreign military help against drug cartels \(Feb 2025\)\nKey figures\n/);
    expect(c.text()).toContain('Type a slash command: /ecuador homicides, /ecuador topics, /ecuador help, /ecuador subscribe daily 08:00.');
    const homicides = await c.type('/ecuador homicides');
    expect(homicides).toMatch(/^Ecuador seeks .* — Homicides\nKey figures\n/);
    // Chat has no --all: the console says the command that shows everything.
    expect(homicides).toMatch(/\(sitrep brief ecuador homicides --all shows everything\)\n/);
    expect(homicides).not.toContain('(--all');
    expect(await c.type('/ecuador homicdes')).toBe(
      "No topic 'homicdes' in /ecuador. Did you mean: homicides?\n" +
        'Topics: homicides, cocaine, migration, election, military-aid, us-relations, gangs, economy (free text works too).\n',
    );
    expect(await c.type('/atlantis')).toMatch(/^No command \/atlantis\. Commands: \/ecuador/);
    expect(await c.type('homicides')).toMatch(/^Type a slash command/);
    expect(await c.type('/ecuador subscribe daily 25:00')).toMatch(/^Not subscribed\n {2}'25:00' is not a time of day/);
    expect(await c.type('/ecuador subscribe daily 08:00 homicides')).toMatch(/^Subscribed\n/);
    expect(await c.store.subscriptions.list()).toEqual([expect.objectContaining({ platform: 'console', channel: 'terminal', topic: 'homicides' })]);
    await c.adapter.stop();
    await c.store.close();
  });

  it('answers every line of piped input, then stops, as a shell reads a script', async () => {
    const c = await consoleOn(false);
    await c.adapter.start();
    const before = c.text().length;
    c.input.end('/ecuador homicides\n/ecuador topics\n');
    for (let i = 0; i < 200 && c.quits() === 0; i++) await sleep(5);
    expect(c.quits()).toBe(1);
    // Both answers were printed before the console said it was done.
    expect(c.text().slice(before)).toMatch(/— Homicides\nKey figures\n[\s\S]*Topics of \/ecuador:\n {2}homicides — Homicides/);
    expect(c.log.messages()).toContain('console: end of input; stopping once every command is answered');
    await c.adapter.stop();
    await c.store.close();
  });

  it('shows the prompt again for an empty line at a terminal', async () => {
    const c = await consoleOn(true);
    await c.adapter.start();
    const before = c.text().split('sitrep> ').length;
    c.input.write('\n');
    for (let i = 0; i < 100 && c.text().split('sitrep> ').length === before; i++) await sleep(5);
    expect(c.text().split('sitrep> ').length).toBe(before + 1);
    await c.adapter.stop();
    await c.store.close();
  });

  it('quits on Ctrl-D at a terminal', async () => {
    const c = await consoleOn(true);
    await c.adapter.start();
    c.input.end();
    await sleep(20);
    expect(c.quits()).toBe(1);
    await c.adapter.stop();
    await c.store.close();
  });

  it('prints a digest under a header naming the channel, the time and the run', async () => {
    const c = await consoleOn(false);
    const subject = library.subjects[0];
    if (!subject) throw new Error('no subject');
    const r = await c.adapter.post('terminal', briefingReply(subject, 'homicides'), 'ecuador-hourly@2025-06-10T12:00Z');
    expect(r).toEqual({ ok: true, value: { channel: 'terminal', messageId: 'ecuador-hourly@2025-06-10T12:00Z' } });
    expect(c.text()).toMatch(/^\n── Digest for #terminal · 2025-06-10 12:00 UTC · run ecuador-hourly@2025-06-10T12:00Z ──\nEcuador seeks .* — Homicides\n/);
    await c.store.close();
  });
});
