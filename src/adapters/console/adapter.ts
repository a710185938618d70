/**
 * The console adapter: what `sitrep start` runs when no chat platform is configured. It prints the
 * overview, answers slash commands typed at a prompt (`/strikes homicides`) exactly as Slack and
 * Discord would, and prints digests when they fall due.
 */
import { createInterface, type Interface } from 'node:readline';
import { ok, type Result } from '../../core/result.js';
import type { Logger } from '../../log.js';
import { renderConsole } from '../../render/console.js';
import type { ChatCommands, CommandContext } from '../../service/chat.js';
import type { Reply } from '../../render/reply.js';
import type { Library } from '../../service/library.js';
import { formatLocal } from '../../schedule/wall-clock.js';
import type { PlatformAdapter } from '../adapter.js';
import type { PostError, Posted } from '../../schedule/post-outcome.js';

/** The channel commands typed at the console come from. */
const CONSOLE_CHANNEL = 'terminal';

/** What the console adapter is made from. */
export interface ConsoleAdapterDeps {
  library: Library;
  commands: ChatCommands;
  /** Commands to answer; absent, none are read (the console only prints). */
  input?: NodeJS.ReadableStream | undefined;
  output: NodeJS.WritableStream;
  /** The input is a terminal: show a prompt, and let Ctrl-D, Ctrl-C or `quit` quit. */
  interactive: boolean;
  /** Called when the console is done: the person at the terminal quits, or piped input ends once every line is answered. */
  onQuit?: (() => void) | undefined;
  logger: Logger;
  /** The zone digest headers show their time in. */
  timeZone?: string | undefined;
  now?: () => number;
}

const PROMPT = 'sitrep> ';

/** The console adapter; it reads nothing until `start`. */
export function createConsoleAdapter(deps: ConsoleAdapterDeps): PlatformAdapter {
  const { library, commands, output, logger } = deps;
  const clock = deps.now ?? Date.now;
  // Whoever is at the terminal runs this Sitrep, and may change its digests.
  const ctx: CommandContext = { platform: 'console', channel: CONSOLE_CHANNEL, user: 'console', mayChangeDigests: () => Promise.resolve({ ok: true }) };
  let rl: Interface | undefined;
  let queue: Promise<void> = Promise.resolve();
  let stopping = false;
  let posted = 0;

  const write = (text: string): void => {
    // Keep the prompt below whatever is printed, as a terminal user expects.
    if (rl && deps.interactive) output.write('\r\x1b[K');
    output.write(text.endsWith('\n') ? text : `${text}\n`);
    if (rl && deps.interactive && !stopping) rl.prompt(true);
  };

  const first = library.subjects[0];
  const hint = first
    ? (
        `Type a slash command: /${first.command} homicides, /${first.command} topics, /${first.command} help, ` +
        `/${first.command} subscribe daily 08:00. ${deps.interactive ? 'Ctrl-D quits.' : ''}`
      ).trim()
    : 'No subjects are served.';

  async function onLine(line: string): Promise<void> {
    const text = line.trim();
    if (!text) {
      // An empty line at a terminal asks for the prompt again, as a shell does.
      if (deps.interactive && !stopping) rl?.prompt();
      return;
    }
    if (deps.interactive && /^(quit|exit|\/quit|\/exit)$/i.test(text)) {
      deps.onQuit?.();
      return;
    }
    const m = /^\/(\S+)\s*([\s\S]*)$/.exec(text);
    if (!m) {
      write(hint);
      return;
    }
    const reply = await commands.handle(ctx, m[1] ?? '', m[2] ?? '');
    write(renderConsole(reply));
  }

  return {
    platform: 'console',
    routes: [],
    async start() {
      if (first) write(renderConsole(await commands.handle(ctx, first.command, '')));
      write(hint);
      if (!deps.input) return;
      rl = createInterface({ input: deps.input, ...(deps.interactive ? { output, prompt: PROMPT, terminal: true } : { terminal: false }) });
      rl.on('line', (line) => {
        queue = queue
          .then(() => onLine(line))
          .catch((e: unknown) => {
            logger.error({ err: e }, 'console: answering a command failed');
          });
      });
      rl.on('close', () => {
        if (stopping) return;
        if (deps.interactive) {
          deps.onQuit?.();
          return;
        }
        // Input from a pipe or a file is a script: answer every line, then stop, as a shell does.
        logger.info('console: end of input; stopping once every command is answered');
        void queue.then(() => deps.onQuit?.());
      });
      // Ctrl-C at the prompt reaches readline, not the process.
      rl.on('SIGINT', () => {
        deps.onQuit?.();
      });
      if (deps.interactive) rl.prompt();
    },
    async stop() {
      stopping = true;
      rl?.close();
      await queue;
      if (deps.interactive) output.write('\n');
    },
    post(channel: string, reply: Reply, key?: string): Promise<Result<Posted, PostError>> {
      const when = formatLocal(clock(), deps.timeZone ?? 'UTC');
      write(`\n── Digest for #${channel} · ${when}${key ? ` · run ${key}` : ''} ──\n${renderConsole(reply)}`);
      return Promise.resolve(ok({ channel, messageId: key ?? `console-${String(++posted)}` }));
    },
  };
}
